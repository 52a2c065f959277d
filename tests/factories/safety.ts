import type { Db } from "../../db/client";
import { hazardEvents, hazards, inspections, type Hazard } from "../../db/schema";

/**
 * Inspections and hazards inserted directly in the state a test needs, without the inspection
 * service (hazard-intake is another part of issue 8): one inspection row per hazard unless
 * `inspectionId` is given, and the "found" timeline row the intake writes.
 */
export async function insertInspection(
  db: Db,
  options: { enterpriseId: string; inspectorOrgId: string; source?: Hazard["source"]; inspectedOn?: string },
) {
  const [row] = await db
    .insert(inspections)
    .values({
      enterpriseId: options.enterpriseId,
      inspectorOrgId: options.inspectorOrgId,
      source: options.source ?? "provider",
      inspectedOn: options.inspectedOn ?? "2026-06-01",
    })
    .returning();
  return row!;
}

export async function insertHazard(
  db: Db,
  options: {
    enterpriseId: string;
    finderOrgId: string;
    inspectionId?: string;
    source?: Hazard["source"];
    grade?: Hazard["grade"];
    status?: Hazard["status"];
    description?: string;
    foundOn?: string;
    deadline?: string;
    leftOpenOn?: string | null;
    reportedToBureauId?: string | null;
    reportedAt?: Date | null;
  },
): Promise<Hazard> {
  const source = options.source ?? "provider";
  const foundOn = options.foundOn ?? "2026-06-01";
  const inspectionId =
    options.inspectionId ??
    (
      await insertInspection(db, {
        enterpriseId: options.enterpriseId,
        inspectorOrgId: options.finderOrgId,
        source,
        inspectedOn: foundOn,
      })
    ).id;
  const [row] = await db
    .insert(hazards)
    .values({
      enterpriseId: options.enterpriseId,
      inspectionId,
      finderOrgId: options.finderOrgId,
      source,
      grade: options.grade ?? "general",
      status: options.status ?? "open",
      description: options.description ?? "配电箱未接地",
      location: "一号车间",
      responsiblePerson: "张三",
      foundOn,
      deadline: options.deadline ?? "2026-06-15",
      leftOpenOn: options.leftOpenOn ?? null,
      reportedToBureauId: options.reportedToBureauId ?? null,
      reportedAt: options.reportedAt ?? null,
    })
    .returning();
  await db.insert(hazardEvents).values({
    hazardId: row!.id,
    event: "found",
    fromStatus: null,
    toStatus: "open",
    actorOrgId: options.finderOrgId,
    at: new Date(`${foundOn}T02:00:00Z`),
  });
  return row!;
}
