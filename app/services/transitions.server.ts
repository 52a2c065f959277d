import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { step, type Machine, type StepErrorCode, type TransitionEffect } from "../domain/machine";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { recomputeProviderCredit } from "./credit.server";
import { notifyEngagementParties } from "./notify-recipients.server";
import { releaseCommission } from "./prevention-fees.server";

/**
 * The one executor of every lifecycle event (docs/decisions/011-transition-executor.md):
 * lock the row → ask the pure machine → check the edge's requirements → write status,
 * version and stamps → event row → audit entry → after-effects, all in the caller's
 * transaction. An illegal step is a 409 AppError with the machine's reason code.
 */

/** Who fires an event, as the machine names them, and who that is for the event row and audit. */
export type FireActor<A extends string> = { role: A; userId: string | null; orgId: string | null; ip?: string };

type Row<S extends string> = { id: string; status: S };

/** What the executor needs to know about one kind of entity: how to lock, write and record it. */
export type Subject<S extends string, A extends string, Stamp extends string, R extends Row<S>> = {
  machine: Machine<S, A, Stamp>;
  /** The audit log's subject type. */
  auditSubject: string;
  /** The row, locked FOR UPDATE, if it exists and passes `scope` (the actor's visibility). */
  lock(tx: DbOrTx, id: string, scope?: SQL): Promise<R | undefined>;
  /**
   * Writes the new status, stamps and changes; null when a concurrent writer got there first
   * (the row's version moved), which the executor turns into a 409 `stale`.
   */
  write(
    tx: DbOrTx,
    row: R,
    set: { status: S; stamps: Partial<Record<Stamp, Date>>; changes: Record<string, unknown> },
  ): Promise<R | null>;
  /** Appends the timeline row, for entities that keep one. */
  recordEvent?(tx: DbOrTx, event: RecordedEvent<S, A>): Promise<void>;
  /** The actor a turn-based edge waits for. */
  awaiting?(row: R): A | null;
  /** What the audit entry carries besides event, from and reason. */
  auditData?(row: R): Record<string, unknown>;
  /** The 409 for a refused step, with this entity's message key. */
  refusal(code: StepErrorCode): AppError;
};

export type RecordedEvent<S extends string, A extends string> = {
  subjectId: string;
  event: string;
  from: S;
  to: S;
  actor: FireActor<A>;
  reason: string | null;
  data: Record<string, unknown>;
  at: Date;
};

/** What the caller adds to a step once it is known to be legal: checks, changed columns, data. */
export type Prepared = {
  changes?: Record<string, unknown>;
  data?: Record<string, unknown>;
  auditData?: Record<string, unknown>;
};

export type FireInput<S extends string, A extends string, R extends Row<S>> = {
  id: string;
  /** Extra WHERE condition for the lock: the row must be the actor's to act on (else 404). */
  scope?: SQL;
  event: string;
  /** Fixed, or read off the locked row (e.g. which party of the engagement the org is); null → 404. */
  actor: FireActor<A> | ((row: R) => FireActor<A> | null);
  reason?: string | null;
  now: Date;
  /** The version the user saw; a different one means someone acted meanwhile (409). */
  expectedVersion?: number;
  /**
   * The event's own requirements and changes, run after the machine allowed the step and
   * before anything is written (e.g. "something was delivered", new offer terms). Throws to refuse.
   */
  prepare?(tx: DbOrTx, row: R): Promise<Prepared | void> | Prepared | void;
  /**
   * Effects the caller replaces with something more specific, e.g. acceptQuote tells the chosen
   * provider "your quote was accepted" rather than the generic "the contract was signed".
   */
  withoutEffects?: readonly TransitionEffect[];
};

type EffectContext = {
  subject: string;
  before: Row<string>;
  after: Row<string>;
  event: string;
  actorOrgId: string | null;
  now: Date;
};

/**
 * After-effects by name (MachineEdge.effects). Each runs in the same transaction, after the
 * step is written. A new effect (e.g. a notification) is a name in TRANSITION_EFFECTS and a
 * handler here.
 */
const EFFECT_HANDLERS: Record<TransitionEffect, (tx: DbOrTx, ctx: EffectContext) => Promise<void>> = {
  recompute_credit: async (tx, ctx) => {
    const providerId = (ctx.after as { providerId?: unknown }).providerId;
    if (typeof providerId !== "string") throw new Error(`recompute_credit needs a providerId on ${ctx.subject}`);
    await recomputeProviderCredit(tx, providerId, ctx.now);
  },
  // The parties other than the one that acted hear of the step; a system or platform step tells both.
  // One key per version, so a retried transaction never notifies twice.
  notify_parties: async (tx, ctx) => {
    if (ctx.subject !== "engagement") throw new Error(`notify_parties is defined for engagements, not ${ctx.subject}`);
    const version = (ctx.after as { version?: unknown }).version;
    await notifyEngagementParties(tx, {
      engagementId: ctx.after.id,
      exceptOrgId: ctx.actorOrgId,
      type: "engagement_transition",
      key: `engagement_transition:${ctx.after.id}:${String(version)}`,
      params: { toStatus: ctx.after.status },
      now: ctx.now,
    });
  },
  // Issue 9: a declined or cancelled insurer-paid engagement releases its commission (idempotent).
  release_prevention_fee: async (tx, ctx) => {
    if (ctx.subject !== "engagement")
      throw new Error(`release_prevention_fee is defined for engagements, not ${ctx.subject}`);
    await releaseCommission(
      tx,
      ctx.after as unknown as { id: string; payer: "enterprise" | "insurer" | "bureau" },
      ctx.now,
    );
  },
};

export async function fire<S extends string, A extends string, Stamp extends string, R extends Row<S>>(
  tx: DbOrTx,
  subject: Subject<S, A, Stamp, R>,
  input: FireInput<S, A, R>,
): Promise<R> {
  const row = await subject.lock(tx, input.id, input.scope);
  if (!row) throw notFound();
  const actor = typeof input.actor === "function" ? input.actor(row) : input.actor;
  if (!actor) throw notFound();
  const version = (row as { version?: unknown }).version;
  if (input.expectedVersion !== undefined && input.expectedVersion !== version) {
    throw new AppError(409, "stale", `${subject.machine.name}.stale`);
  }
  const result = step(subject.machine, row.status, input.event, actor.role, subject.awaiting?.(row));
  if (!result.ok) throw subject.refusal(result.code);
  const reason = input.reason?.trim() || null;
  if (result.needsReason && !reason)
    throw new AppError(400, "reason_required", `${subject.machine.name}.reason_required`);
  const prepared = (await input.prepare?.(tx, row)) ?? {};

  const stamps: Partial<Record<Stamp, Date>> = {};
  for (const stamp of result.edge.stamps ?? []) stamps[stamp] = input.now;
  const updated = await subject.write(tx, row, { status: result.to, stamps, changes: prepared.changes ?? {} });
  if (!updated) throw new AppError(409, "stale", `${subject.machine.name}.stale`);
  const data = prepared.data ?? {};
  await subject.recordEvent?.(tx, {
    subjectId: row.id,
    event: input.event,
    from: row.status,
    to: result.to,
    actor,
    reason,
    data,
    at: input.now,
  });
  if (result.edge.audit) {
    await writeAudit(tx, {
      action: `${subject.machine.name}.${result.to}`,
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: subject.auditSubject,
      subjectId: row.id,
      data: { event: input.event, from: row.status, ...subject.auditData?.(updated), reason, ...prepared.auditData },
      ip: actor.ip,
      at: input.now,
    });
  }
  const effects = [...(subject.machine.effects ?? []), ...(result.edge.effects ?? [])];
  for (const effect of effects.filter((e) => !input.withoutEffects?.includes(e))) {
    await EFFECT_HANDLERS[effect](tx, {
      subject: subject.machine.name,
      before: row,
      after: updated,
      event: input.event,
      actorOrgId: actor.orgId,
      now: input.now,
    });
  }
  return updated;
}
