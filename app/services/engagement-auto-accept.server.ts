import { and, eq, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { engagementEvents, engagements } from "../../db/schema";
import { AUTO_ACCEPT_DAYS, autoAcceptDue, transition } from "../domain/engagement-machine";
import { writeAudit } from "./audit.server";
import { notifyEngagementParties } from "./notify-recipients.server";
import { recomputeProviderCredit } from "./credit.server";

/** The reason written on the system's acceptance; the timeline translates it. */
export const AUTO_ACCEPT_REASON = "auto_accept_after_silence";

/**
 * Accepts, as the system, every delivered engagement whose buyer stayed silent for 14 days
 * (docs/decisions/005-auto-acceptance.md). Run by `npm run jobs:auto-accept` for all, and
 * lazily on read for one engagement or one organisation's list. Each engagement is its own
 * transaction with a row lock and a re-check, so the job, a reader and the enterprise
 * clicking "accept" at the same moment produce one acceptance. Returns how many it accepted.
 */
export async function runAutoAcceptance(
  db: Db,
  params: { now: Date; orgId?: string; engagementId?: string },
): Promise<number> {
  const cutoff = new Date(params.now.getTime() - AUTO_ACCEPT_DAYS * 24 * 60 * 60 * 1000);
  const due = await db
    .select({ id: engagements.id })
    .from(engagements)
    .where(
      and(
        eq(engagements.status, "delivered"),
        lte(engagements.deliveredAt, cutoff),
        params.engagementId ? eq(engagements.id, params.engagementId) : undefined,
        params.orgId ? or(eq(engagements.enterpriseId, params.orgId), eq(engagements.providerId, params.orgId)) : undefined,
      ),
    );
  let accepted = 0;
  for (const { id } of due) {
    if (await acceptOne(db, id, params.now)) accepted += 1;
  }
  return accepted;
}

async function acceptOne(db: Db, engagementId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [e] = await tx.select().from(engagements).where(eq(engagements.id, engagementId)).for("update");
    if (!e || e.status !== "delivered" || !autoAcceptDue(e.deliveredAt, now)) return false;
    const step = transition(e.status, "accept", "system");
    if (!step.ok) return false;
    await tx
      .update(engagements)
      .set({ status: step.to, acceptedAt: now, version: e.version + 1 })
      .where(eq(engagements.id, e.id));
    await tx.insert(engagementEvents).values({
      engagementId: e.id,
      event: "accept",
      fromStatus: e.status,
      toStatus: step.to,
      actorOrgId: null,
      actorUserId: null,
      reason: AUTO_ACCEPT_REASON,
      data: { auto: true, deliveredAt: e.deliveredAt?.toISOString(), days: AUTO_ACCEPT_DAYS },
      at: now,
    });
    await writeAudit(tx, {
      action: "engagement.accepted",
      actorUserId: null,
      orgId: null,
      subjectType: "engagement",
      subjectId: e.id,
      data: { event: "accept", auto: true, priceFen: e.priceFen },
    });
    await recomputeProviderCredit(tx, e.providerId, now);
    await notifyEngagementParties(tx, { engagementId: e.id, exceptOrgId: null, type: "engagement_transition", key: `engagement_transition:${e.id}:${e.version + 1}`, params: { toStatus: step.to }, now });
    return true;
  });
}
