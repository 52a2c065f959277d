import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { hazardEvents, hazardFiles, hazards, type DraftHazard, type Inspection } from "../../db/schema";
import { majorHazardRecipients, type ReportParty } from "../domain/hazard-machine";
import { regionScopePrefix } from "../domain/regions";
import type { IsoDate } from "../domain/calendar-date";
import { shanghaiDateString } from "../domain/format";
import { syncEnterprisePlans } from "./insurance-plans.server";
import { notify } from "./notify.server";
import { executeRows } from "./sql-rows.server";

/**
 * Hazards are born here, with the inspection that found them (issue 8): when the inspecting
 * side confirms, each hazard of the draft becomes a `hazards` row (status open, finder = the
 * inspecting organisation, source and foundOn copied from the inspection), a `found` event
 * (null → open) and its photos. A major hazard is reported at once to the enterprise's bureau
 * (双报告): reportedToBureauId/reportedAt, one notice each to the bureau, the enterprise and
 * the finder. With no bureau on the platform for that region the report is recorded as
 * missing on the event (decision 013), never silently dropped. The lifecycle after birth is
 * the hazard machine's (hazards.server.ts).
 */

/**
 * The enterprise's bureau: the most specific bureau organisation whose region contains the
 * enterprise's region (a county bureau before its city's, the city's before the province's).
 */
export async function enterpriseBureauOf(db: DbOrTx, enterpriseId: string): Promise<string | null> {
  const [enterprise] = await executeRows<{ region_code: string }>(
    db,
    sql`SELECT region_code FROM organisations WHERE id = ${enterpriseId}`,
  );
  if (!enterprise) return null;
  const bureaus = await executeRows<{ id: string; region_code: string }>(
    db,
    sql`SELECT id, region_code FROM organisations WHERE kind = 'bureau' ORDER BY created_at, id`,
  );
  let best: { id: string; length: number } | null = null;
  for (const b of bureaus) {
    const prefix = regionScopePrefix(b.region_code);
    if (!prefix || !enterprise.region_code.startsWith(prefix)) continue;
    if (!best || prefix.length > best.length) best = { id: b.id, length: prefix.length };
  }
  return best?.id ?? null;
}

export type IntakeResult = {
  hazardIds: string[];
  /** Per major hazard: who was told and who could not be (e.g. no bureau for the region). */
  reports: Array<{ hazardId: string; bureauId: string | null; missing: ReportParty[] }>;
};

export async function recordInspectionHazards(
  tx: DbOrTx,
  input: {
    inspection: Pick<Inspection, "id" | "enterpriseId" | "inspectorOrgId" | "source" | "inspectedOn">;
    hazards: DraftHazard[];
    actorUserId: string | null;
    now: Date;
  },
): Promise<IntakeResult> {
  const { inspection, now } = input;
  const result: IntakeResult = { hazardIds: [], reports: [] };
  if (input.hazards.length === 0) return result;
  const anyMajor = input.hazards.some((h) => h.grade === "major");
  const bureauId = anyMajor ? await enterpriseBureauOf(tx, inspection.enterpriseId) : null;
  for (const h of input.hazards) {
    const major = h.grade === "major";
    const recipients = majorHazardRecipients({
      grade: h.grade,
      enterpriseOrgId: inspection.enterpriseId,
      finderOrgId: inspection.inspectorOrgId,
      enterpriseBureauOrgId: bureauId,
    });
    const [row] = await tx
      .insert(hazards)
      .values({
        enterpriseId: inspection.enterpriseId,
        inspectionId: inspection.id,
        finderOrgId: inspection.inspectorOrgId,
        source: inspection.source,
        itemKey: h.itemKey,
        grade: h.grade,
        description: h.description,
        location: h.location,
        responsiblePerson: h.responsiblePerson,
        foundOn: inspection.inspectedOn,
        deadline: h.deadline,
        status: "open",
        reportedToBureauId: major && bureauId ? bureauId : null,
        reportedAt: major && bureauId ? now : null,
        createdAt: now,
      })
      .returning({ id: hazards.id });
    const hazardId = row!.id;
    result.hazardIds.push(hazardId);
    await tx.insert(hazardEvents).values({
      hazardId,
      event: "found",
      fromStatus: null,
      toStatus: "open",
      actorOrgId: inspection.inspectorOrgId,
      actorUserId: input.actorUserId,
      data: major
        ? { inspectionId: inspection.id, report: { bureauId, missing: recipients.missing } }
        : { inspectionId: inspection.id },
      at: now,
    });
    if (h.photoFileIds.length) {
      await tx
        .insert(hazardFiles)
        .values(h.photoFileIds.map((fileId) => ({ hazardId, fileId, role: "photo" as const })))
        .onConflictDoNothing();
    }
    if (!major) continue;
    result.reports.push({ hazardId, bureauId, missing: recipients.missing });
    for (const r of recipients.recipients) {
      await notify(tx, {
        type: "hazard_major_reported",
        key: `hazard_major_reported:${hazardId}:${r.orgId}`,
        orgId: r.orgId,
        subjectId: hazardId,
        params: { description: h.description.slice(0, 80), foundOn: inspection.inspectedOn, deadline: h.deadline },
        now,
      });
    }
  }
  // 协助整改政府部门发现的隐患: an insured enterprise's insurer owes a rectification-assistance
  // item for each hazard a government inspection finds (insurance-plans.server.ts).
  if (inspection.source === "government") {
    await syncEnterprisePlans(tx, inspection.enterpriseId, shanghaiDateString(now) as IsoDate, now);
  }
  return result;
}
