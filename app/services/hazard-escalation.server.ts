import { and, eq, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { hazardEvents, hazards } from "../../db/schema";
import { MAJOR_REPORT_ACK_MINUTES } from "../domain/hazard-machine";
import { ORG_MANAGERS } from "../domain/access";
import { notify } from "./notify.server";

/**
 * The job `escalate-hazard-reports` (docs/decisions/019-hazard-lifecycle.md): a major-hazard
 * report nobody at the bureau acknowledged within 2 hours of `reportedAt` (majorReportState)
 * is escalated once — `escalatedAt` set, a timeline row, and a notice to the bureau's owners and
 * admins (the report itself went to every member; escalation goes to those who lead them). The
 * bureau's dashboard shows it red until acknowledged. Safe to run twice for the same `now`:
 * rows are locked and skipped once escalated, and the notice key is per hazard.
 */
export async function escalateHazardReports(db: Db, now: Date): Promise<number> {
  const due = new Date(now.getTime() - MAJOR_REPORT_ACK_MINUTES * 60_000);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(hazards)
      .where(
        and(
          isNotNull(hazards.reportedAt),
          isNotNull(hazards.reportedToBureauId),
          isNull(hazards.bureauAcknowledgedAt),
          isNull(hazards.escalatedAt),
          lte(hazards.reportedAt, due),
        ),
      )
      .orderBy(hazards.reportedAt)
      .limit(500)
      .for("update", { skipLocked: true });
    for (const row of rows) {
      await tx.update(hazards).set({ escalatedAt: now }).where(eq(hazards.id, row.id));
      await tx.insert(hazardEvents).values({
        hazardId: row.id,
        event: "escalate_report",
        fromStatus: row.status,
        toStatus: row.status,
        actorOrgId: null,
        actorUserId: null,
        data: { reportedAt: row.reportedAt!.toISOString() },
        at: now,
      });
      await notify(tx, {
        type: "hazard_report_escalated",
        key: `hazard_report_escalated:${row.id}`,
        orgId: row.reportedToBureauId!,
        roles: ORG_MANAGERS,
        subjectId: row.id,
        params: { description: row.description.slice(0, 80) },
        now,
      });
    }
    return rows.length;
  });
}
