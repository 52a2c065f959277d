import { and, eq, type SQL } from "drizzle-orm";
import { engagementEvents, engagements, quotes, serviceRequests } from "../../db/schema";
import type { Engagement } from "../../db/schema";
import {
  ENGAGEMENT_MACHINE,
  type EngagementActor,
  type EngagementStamp,
  type EngagementState,
} from "../domain/engagement-machine";
import { QUOTE_MACHINE, type QuoteActor, type QuoteState } from "../domain/quote-machine";
import { REQUEST_MACHINE, type RequestActor, type RequestStamp, type RequestState } from "../domain/request-machine";
import { AppError } from "../utils/errors";
import type { Subject } from "./transitions.server";

/** How the executor (transitions.server.ts) locks, writes and records each kind of entity. */

function partyOf(e: Pick<Engagement, "enterpriseId" | "providerId">, orgId: string): "enterprise" | "provider" | null {
  if (e.enterpriseId === orgId) return "enterprise";
  if (e.providerId === orgId) return "provider";
  return null;
}

export const ENGAGEMENT_SUBJECT: Subject<EngagementState, EngagementActor, EngagementStamp, Engagement> = {
  machine: ENGAGEMENT_MACHINE,
  auditSubject: "engagement",
  async lock(tx, id, scope) {
    const [row] = await tx
      .select()
      .from(engagements)
      .where(and(eq(engagements.id, id), scope))
      .for("update");
    return row;
  },
  async write(tx, row, set) {
    const [updated] = await tx
      .update(engagements)
      .set({ ...set.changes, ...set.stamps, status: set.status, version: row.version + 1 })
      .where(and(eq(engagements.id, row.id), eq(engagements.version, row.version)))
      .returning();
    return updated ?? null;
  },
  async recordEvent(tx, e) {
    await tx.insert(engagementEvents).values({
      engagementId: e.subjectId,
      event: e.event,
      fromStatus: e.from,
      toStatus: e.to,
      actorOrgId: e.actor.orgId,
      actorUserId: e.actor.userId,
      reason: e.reason,
      data: e.data,
      at: e.at,
    });
  },
  awaiting: (row) => (row.offerAwaitingOrgId ? partyOf(row, row.offerAwaitingOrgId) : null),
  auditData: (row) => ({ priceFen: row.priceFen }),
  refusal: (code) => new AppError(409, code, `engagement.${code}`),
};

type RequestRow = typeof serviceRequests.$inferSelect;

export const REQUEST_SUBJECT: Subject<RequestState, RequestActor, RequestStamp, RequestRow> = {
  machine: REQUEST_MACHINE,
  auditSubject: "service_request",
  async lock(tx, id, scope?: SQL) {
    const [row] = await tx
      .select()
      .from(serviceRequests)
      .where(and(eq(serviceRequests.id, id), scope))
      .for("update");
    return row;
  },
  async write(tx, row, set) {
    const [updated] = await tx
      .update(serviceRequests)
      .set({ ...set.changes, ...set.stamps, status: set.status })
      .where(and(eq(serviceRequests.id, row.id), eq(serviceRequests.status, row.status)))
      .returning();
    return updated ?? null;
  },
  refusal: () => new AppError(409, "request_not_open", "engagement.request_not_open"),
};

type QuoteRow = typeof quotes.$inferSelect;

export const QUOTE_SUBJECT: Subject<QuoteState, QuoteActor, never, QuoteRow> = {
  machine: QUOTE_MACHINE,
  auditSubject: "quote",
  async lock(tx, id, scope?: SQL) {
    const [row] = await tx
      .select()
      .from(quotes)
      .where(and(eq(quotes.id, id), scope))
      .for("update");
    return row;
  },
  async write(tx, row, set) {
    const [updated] = await tx
      .update(quotes)
      .set({ ...set.changes, status: set.status })
      .where(and(eq(quotes.id, row.id), eq(quotes.status, row.status)))
      .returning();
    return updated ?? null;
  },
  refusal: () => new AppError(409, "quote_not_open", "engagement.quote_not_open"),
};
