import { and, count, desc, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import { deliverables, engagementEvents, engagements, organisations, users } from "../../db/schema";
import type { Engagement, EngagementStatus } from "../../db/schema";
import {
  autoAcceptAt,
  availableEvents,
  MONEY_RELEVANT_STATES,
  transition,
  type EngagementActor,
  type EngagementParty,
} from "../domain/engagement-machine";
import { AppError } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { notifyEngagementParties } from "./notify-recipients.server";
import { recomputeProviderCredit } from "./credit.server";
import { runAutoAcceptance } from "./engagement-auto-accept.server";
import { assertProviderMayContract } from "./engagement-eligibility.server";
import { PAGE_SIZE } from "./organisations.server";

/** Who is looking or acting: an organisation (a party, or the platform) and, for writes, a user. */
export type Viewer = { orgId: string; orgKind: string };
export type EngagementActorInput = Viewer & { userId: string; ip: string };

export function partyOf(e: Pick<Engagement, "enterpriseId" | "providerId">, orgId: string): EngagementParty | null {
  if (e.enterpriseId === orgId) return "enterprise";
  if (e.providerId === orgId) return "provider";
  return null;
}

/** The party the current offer waits for, as the machine names it. */
export function awaitingParty(e: Pick<Engagement, "enterpriseId" | "providerId" | "offerAwaitingOrgId">): EngagementParty | null {
  return e.offerAwaitingOrgId ? partyOf(e, e.offerAwaitingOrgId) : null;
}

const everDisputed = sql`exists (select 1 from ${engagementEvents} where ${engagementEvents.engagementId} = ${engagements.id} and ${engagementEvents.toStatus} = 'disputed')`;

/**
 * Who may see an engagement: its two parties; the platform operator only once it has been
 * disputed (domain.md: the admin handles disputes). Everyone else gets a 404.
 */
export function visibleTo(viewer: Viewer): SQL {
  if (viewer.orgKind === "platform") return everDisputed;
  return or(eq(engagements.enterpriseId, viewer.orgId), eq(engagements.providerId, viewer.orgId))!;
}

function actorFor(viewer: Viewer, e: Engagement): EngagementActor | null {
  return viewer.orgKind === "platform" ? "admin" : partyOf(e, viewer.orgId);
}

async function findVisible(db: DbOrTx, viewer: Viewer, engagementId: string, lock = false) {
  const query = db.select().from(engagements).where(and(eq(engagements.id, engagementId), visibleTo(viewer)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new AppError(404, "not_found", "not_found");
  return row;
}

const enterpriseOrg = alias(organisations, "enterprise_org");
const providerOrg = alias(organisations, "provider_org");

/**
 * One engagement with its parties, timeline and the events the viewer may fire now.
 * A delivery left unanswered for 14 days is accepted here, on read, before it is shown
 * (docs/decisions/005-auto-acceptance.md).
 */
export async function getEngagement(db: Db, viewer: Viewer, params: { engagementId: string; now?: Date }) {
  const now = params.now ?? new Date();
  let engagement = await findVisible(db, viewer, params.engagementId);
  if (engagement.status === "delivered" && (await runAutoAcceptance(db, { now, engagementId: engagement.id })) > 0) {
    engagement = await findVisible(db, viewer, params.engagementId);
  }
  const [names] = await db
    .select({ enterpriseName: enterpriseOrg.name, providerName: providerOrg.name })
    .from(engagements)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, engagements.enterpriseId))
    .innerJoin(providerOrg, eq(providerOrg.id, engagements.providerId))
    .where(eq(engagements.id, engagement.id));
  const timeline = await db
    .select({
      id: engagementEvents.id,
      event: engagementEvents.event,
      fromStatus: engagementEvents.fromStatus,
      toStatus: engagementEvents.toStatus,
      actorOrgId: engagementEvents.actorOrgId,
      actorOrgName: organisations.name,
      actorUserName: users.name,
      reason: engagementEvents.reason,
      data: engagementEvents.data,
      at: engagementEvents.at,
    })
    .from(engagementEvents)
    .leftJoin(organisations, eq(organisations.id, engagementEvents.actorOrgId))
    .leftJoin(users, eq(users.id, engagementEvents.actorUserId))
    .where(eq(engagementEvents.engagementId, engagement.id))
    .orderBy(engagementEvents.at, engagementEvents.id);
  const actor = actorFor(viewer, engagement);
  const awaiting = awaitingParty(engagement);
  return {
    engagement,
    ...names!,
    viewerRole: actor,
    awaiting,
    actions: actor ? availableEvents(engagement.status, actor, { awaiting }) : [],
    autoAcceptAt: engagement.status === "delivered" && engagement.deliveredAt ? autoAcceptAt(engagement.deliveredAt) : null,
    timeline,
  };
}

/** The viewer's engagements (as either party), newest first, optionally by status. */
export async function listEngagements(
  db: Db,
  viewer: Viewer,
  params: { status?: EngagementStatus; page?: number; now?: Date } = {},
) {
  if (viewer.orgKind !== "platform") await runAutoAcceptance(db, { now: params.now ?? new Date(), orgId: viewer.orgId });
  const page = Math.max(1, params.page ?? 1);
  const where = and(visibleTo(viewer), params.status ? eq(engagements.status, params.status) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: engagements.id,
        title: engagements.title,
        category: engagements.category,
        status: engagements.status,
        priceFen: engagements.priceFen,
        enterpriseId: engagements.enterpriseId,
        enterpriseName: enterpriseOrg.name,
        providerName: providerOrg.name,
        createdAt: engagements.createdAt,
      })
      .from(engagements)
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, engagements.enterpriseId))
      .innerJoin(providerOrg, eq(providerOrg.id, engagements.providerId))
      .where(where)
      .orderBy(desc(engagements.createdAt), engagements.id)
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(engagements).where(where),
  ]);
  return { rows, total, page, pageSize: PAGE_SIZE };
}

export type OfferTerms = { priceFen: number; scope: string; startDate?: string; endDate?: string };

export type TransitionInput = {
  engagementId: string;
  event: string;
  reason?: string;
  /** The version the user saw; a different one means someone acted meanwhile (409). */
  expectedVersion?: number;
  /** For `counter`: the new terms. */
  terms?: OfferTerms;
  now?: Date;
};

/**
 * Fires one event of the state machine. The row is locked, the machine decides, and the new
 * status, its timestamps and the engagement_events row (actor, time, reason) are written in
 * one transaction; money-relevant outcomes also go to the audit log. An event the machine
 * refuses is a 409 with a message key, never a 500.
 */
export async function applyTransition(db: Db, actor: EngagementActorInput, input: TransitionInput) {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const e = await findVisible(tx, actor, input.engagementId, true);
    const role = actorFor(actor, e);
    if (!role) throw new AppError(404, "not_found", "not_found");
    if (input.expectedVersion !== undefined && input.expectedVersion !== e.version) {
      throw new AppError(409, "stale", "engagement.stale");
    }
    const step = transition(e.status, input.event, role, { awaiting: awaitingParty(e) });
    if (!step.ok) throw new AppError(409, step.code, `engagement.${step.code}`);
    const reason = input.reason?.trim() || null;
    if (step.needsReason && !reason) throw new AppError(400, "reason_required", "engagement.reason_required");

    const changes: Partial<typeof engagements.$inferInsert> = {};
    const data: Record<string, unknown> = {};
    if (input.event === "counter") {
      const terms = input.terms;
      if (!terms) throw new AppError(400, "terms_required", "engagement.terms_required");
      if (terms.startDate && terms.endDate && terms.endDate < terms.startDate) {
        throw new AppError(400, "dates_order", "engagement.dates_order");
      }
      Object.assign(changes, {
        priceFen: terms.priceFen,
        scope: terms.scope,
        startDate: terms.startDate ?? null,
        endDate: terms.endDate ?? null,
      });
      data.terms = terms;
      data.previous = { priceFen: e.priceFen, scope: e.scope, startDate: e.startDate, endDate: e.endDate };
    }
    if (input.event === "accept_offer") {
      await assertProviderMayContract(tx, {
        providerId: e.providerId,
        enterpriseId: e.enterpriseId,
        category: e.category,
        now,
        side: role === "provider" ? "provider" : "enterprise",
      });
    }
    if (input.event === "deliver" || input.event === "redeliver") await assertSomethingDelivered(tx, e, input.event);

    changes.offerAwaitingOrgId = step.awaiting === "enterprise" ? e.enterpriseId : step.awaiting === "provider" ? e.providerId : null;
    if (step.to === "signed") changes.signedAt = now;
    if (step.to === "delivered") changes.deliveredAt = now;
    if (step.to === "accepted") changes.acceptedAt = now;

    const updated = await tx
      .update(engagements)
      .set({ ...changes, status: step.to, version: e.version + 1 })
      .where(and(eq(engagements.id, e.id), eq(engagements.version, e.version)))
      .returning();
    if (updated.length !== 1) throw new AppError(409, "stale", "engagement.stale");
    await tx.insert(engagementEvents).values({
      engagementId: e.id,
      event: input.event,
      fromStatus: e.status,
      toStatus: step.to,
      actorOrgId: actor.orgId,
      actorUserId: actor.userId,
      reason,
      data,
      at: now,
    });
    if (MONEY_RELEVANT_STATES.includes(step.to) && step.to !== e.status) {
      await writeAudit(tx, {
        action: `engagement.${step.to}`,
        actorUserId: actor.userId,
        orgId: actor.orgId,
        subjectType: "engagement",
        subjectId: e.id,
        data: { event: input.event, from: e.status, priceFen: updated[0]!.priceFen, reason },
        ip: actor.ip,
      });
    }
    // On-time delivery is an input of the credit grade: it changes when an engagement is accepted.
    if (step.to === "accepted") await recomputeProviderCredit(tx, e.providerId, now);
    await notifyEngagementParties(tx, { engagementId: e.id, exceptOrgId: actor.orgId, type: "engagement_transition", key: `engagement_transition:${e.id}:${e.version + 1}`, params: { toStatus: step.to }, now });
    return updated[0]!;
  });
}

/**
 * Delivering means something was delivered: at least one deliverable (report, visit or
 * training record); a redelivery needs one added since the changes were requested.
 */
async function assertSomethingDelivered(tx: DbOrTx, e: Engagement, event: "deliver" | "redeliver") {
  const conditions = [eq(deliverables.engagementId, e.id)];
  if (event === "redeliver") {
    const [last] = await tx
      .select({ at: engagementEvents.at })
      .from(engagementEvents)
      .where(and(eq(engagementEvents.engagementId, e.id), eq(engagementEvents.toStatus, "changes_requested")))
      .orderBy(desc(engagementEvents.at))
      .limit(1);
    if (last) conditions.push(gt(deliverables.createdAt, last.at));
  }
  const [{ n }] = await tx.select({ n: count() }).from(deliverables).where(and(...conditions));
  if (n === 0) throw new AppError(409, "nothing_delivered", `engagement.nothing_${event === "deliver" ? "delivered" : "redelivered"}`);
}
