import { and, count, desc, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import { deliverables, engagementEvents, engagements, organisations, users } from "../../db/schema";
import type { Engagement, EngagementStatus } from "../../db/schema";
import {
  autoAcceptAt,
  availableEvents,
  awaitingAfter,
  type EngagementActor,
  type EngagementParty,
} from "../domain/engagement-machine";
import { AppError, notFound } from "../utils/errors";
import { runAutoAcceptance } from "./engagement-auto-accept.server";
import { assertProviderMayContract } from "./engagement-eligibility.server";
import { ENGAGEMENT_SUBJECT } from "./lifecycle-subjects.server";
import { fire, type Prepared } from "./transitions.server";
import { pageWindow } from "../domain/paging";

/** Who is looking or acting: an organisation (a party, or the platform) and, for writes, a user. */
export type Viewer = { orgId: string; orgKind: string };
export type EngagementActorInput = Viewer & { userId: string; ip: string };

export function partyOf(e: Pick<Engagement, "enterpriseId" | "providerId">, orgId: string): EngagementParty | null {
  if (e.enterpriseId === orgId) return "enterprise";
  if (e.providerId === orgId) return "provider";
  return null;
}

/** The party the current offer waits for, as the machine names it. */
export function awaitingParty(
  e: Pick<Engagement, "enterpriseId" | "providerId" | "offerAwaitingOrgId">,
): EngagementParty | null {
  return e.offerAwaitingOrgId ? partyOf(e, e.offerAwaitingOrgId) : null;
}

const everDisputed = sql`exists (select 1 from ${engagementEvents} where ${engagementEvents.engagementId} = ${engagements.id} and ${engagementEvents.toStatus} = 'disputed')`;

/**
 * Who may see an engagement: its two parties; the platform operator only once it has been
 * disputed (docs/domain.md, "Lifecycle": the platform resolves disputes). Everyone else gets a 404.
 */
export function visibleTo(viewer: Viewer): SQL {
  if (viewer.orgKind === "platform") return everDisputed;
  return or(eq(engagements.enterpriseId, viewer.orgId), eq(engagements.providerId, viewer.orgId))!;
}

function actorFor(viewer: Viewer, e: Engagement): EngagementActor | null {
  return viewer.orgKind === "platform" ? "admin" : partyOf(e, viewer.orgId);
}

async function findVisible(db: DbOrTx, viewer: Viewer, engagementId: string, lock = false) {
  const query = db
    .select()
    .from(engagements)
    .where(and(eq(engagements.id, engagementId), visibleTo(viewer)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

const enterpriseOrg = alias(organisations, "enterprise_org");
const providerOrg = alias(organisations, "provider_org");

/**
 * One engagement with its parties, timeline and the events the viewer may fire now.
 * A delivery left unanswered for 14 days is accepted here, on read, before it is shown
 * (docs/decisions/005-auto-acceptance.md).
 */
export async function getEngagement(db: Db, viewer: Viewer, params: { engagementId: string; now: Date }) {
  const now = params.now;
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
    autoAcceptAt:
      engagement.status === "delivered" && engagement.deliveredAt ? autoAcceptAt(engagement.deliveredAt) : null,
    timeline,
  };
}

/** The viewer's engagements (as either party), newest first, optionally by status. */
export async function listEngagements(
  db: Db,
  viewer: Viewer,
  params: { status?: EngagementStatus; page?: number; now: Date },
) {
  if (viewer.orgKind !== "platform") await runAutoAcceptance(db, { now: params.now, orgId: viewer.orgId });
  const { page, limit, offset } = pageWindow(params.page);
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
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(engagements).where(where),
  ]);
  return { rows, total, page, pageSize: limit };
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
  now: Date;
};

/**
 * Fires one event of the state machine through the one executor (transitions.server.ts): the
 * row is locked, the machine decides, and the new status, its timestamps, the engagement_events
 * row and (for money-relevant steps) the audit entry are written in one transaction. An event
 * the machine refuses is a 409 with a message key, never a 500.
 */
export async function applyTransition(db: Db, actor: EngagementActorInput, input: TransitionInput) {
  const now = input.now;
  return db.transaction(async (tx) =>
    fire(tx, ENGAGEMENT_SUBJECT, {
      id: input.engagementId,
      scope: visibleTo(actor),
      event: input.event,
      actor: (e) => {
        const role = actorFor(actor, e);
        return role ? { role, userId: actor.userId, orgId: actor.orgId, ip: actor.ip } : null;
      },
      reason: input.reason,
      now,
      expectedVersion: input.expectedVersion,
      prepare: (tx, e) => prepareEvent(tx, e, input, actorFor(actor, e)!, now),
    }),
  );
}

/** What each event requires and changes beyond its edge: new terms, eligibility, a deliverable. */
async function prepareEvent(
  tx: DbOrTx,
  e: Engagement,
  input: TransitionInput,
  role: EngagementActor,
  now: Date,
): Promise<Prepared> {
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
  const awaiting = awaitingAfter(input.event, role);
  changes.offerAwaitingOrgId =
    awaiting === "enterprise" ? e.enterpriseId : awaiting === "provider" ? e.providerId : null;
  return { changes, data };
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
  const [{ n }] = await tx
    .select({ n: count() })
    .from(deliverables)
    .where(and(...conditions));
  if (n === 0)
    throw new AppError(
      409,
      "nothing_delivered",
      `engagement.nothing_${event === "deliver" ? "delivered" : "redelivered"}`,
    );
}
