import { and, eq, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { engagements } from "../../db/schema";
import { AUTO_ACCEPT_DAYS, autoAcceptDue } from "../domain/engagement-machine";
import { AppError } from "../utils/errors";
import { ENGAGEMENT_SUBJECT } from "./lifecycle-subjects.server";
import { fire } from "./transitions.server";

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
        params.orgId
          ? or(eq(engagements.enterpriseId, params.orgId), eq(engagements.providerId, params.orgId))
          : undefined,
      ),
    );
  let accepted = 0;
  for (const { id } of due) {
    if (await acceptOne(db, id, params.now)) accepted += 1;
  }
  return accepted;
}

/** One acceptance by the system through the executor; false when no longer due (someone acted first). */
async function acceptOne(db: Db, engagementId: string, now: Date): Promise<boolean> {
  try {
    await db.transaction(async (tx) =>
      fire(tx, ENGAGEMENT_SUBJECT, {
        id: engagementId,
        event: "accept",
        actor: { role: "system", userId: null, orgId: null },
        reason: AUTO_ACCEPT_REASON,
        now,
        prepare: (_tx, e) => {
          // Re-checked under the row lock: a redelivery since the scan restarts the clock.
          if (!autoAcceptDue(e.deliveredAt, now)) throw new AppError(409, "not_due", "engagement.illegal_transition");
          return {
            data: { auto: true, deliveredAt: e.deliveredAt?.toISOString(), days: AUTO_ACCEPT_DAYS },
            auditData: { auto: true },
          };
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof AppError && error.status === 409) return false;
    throw error;
  }
}
