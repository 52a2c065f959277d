import { aliasedTable, and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import {
  files,
  hazards,
  inspections,
  insurancePlanItems,
  insurancePolicies,
  insuranceVisitPhotos,
  insuranceVisits,
  organisations,
  users,
} from "../../db/schema";
import { AppError, notFound } from "../utils/errors";
import { acknowledgeInspectionIn } from "./inspections.server";
import type { VisitActor } from "./insurance-visits.server";
import { notify } from "./notify.server";

/**
 * Dual confirmation of a visit (AQ 9010). The serving side confirms once the visit's inspection
 * (if any) is confirmed; the enterprise confirms too (acknowledging the inspection in the same
 * transaction when it has not yet). Either may come first. Each confirmation locks the visit row,
 * so two at once are serialised: whichever completes the pair closes the plan item
 * (`state = 'done'`, `doneAt`) in its own transaction — exactly once. A return visit is
 * confirmed the same way and leaves the (already done) item as it is.
 */

export type VisitSide = "insurer" | "enterprise";

async function lockVisit(tx: DbOrTx, side: VisitSide, orgId: string, visitId: string) {
  const [row] = await tx
    .select()
    .from(insuranceVisits)
    .where(
      and(
        eq(insuranceVisits.id, visitId),
        side === "insurer" ? eq(insuranceVisits.insurerId, orgId) : eq(insuranceVisits.enterpriseId, orgId),
      ),
    )
    .for("update");
  if (!row) throw notFound();
  return row;
}

async function inspectionOf(tx: DbOrTx, inspectionId: string | null) {
  if (!inspectionId) return null;
  const [row] = await tx.select().from(inspections).where(eq(inspections.id, inspectionId));
  return row ?? null;
}

/** Both sides have confirmed: the item of a service visit is done (once). */
async function closeItemIfBoth(tx: DbOrTx, visit: typeof insuranceVisits.$inferSelect, now: Date) {
  if (!visit.serviceConfirmedAt || !visit.enterpriseConfirmedAt || visit.kind !== "service") return false;
  const closed = await tx
    .update(insurancePlanItems)
    .set({ state: "done", doneAt: now, version: sql`${insurancePlanItems.version} + 1` })
    .where(and(eq(insurancePlanItems.id, visit.planItemId), eq(insurancePlanItems.state, "open")))
    .returning({ id: insurancePlanItems.id });
  return closed.length > 0;
}

/** The serving side (the insurer) confirms its visit record. */
export async function confirmVisitByInsurer(db: Db, actor: VisitActor, input: { visitId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const visit = await lockVisit(tx, "insurer", actor.orgId, input.visitId);
    if (visit.serviceConfirmedAt) throw new AppError(409, "already_confirmed", "visits:errors.already_confirmed");
    const inspection = await inspectionOf(tx, visit.inspectionId);
    if (inspection && !inspection.inspectorConfirmedAt) {
      throw new AppError(409, "inspection_not_confirmed", "visits:errors.inspection_not_confirmed");
    }
    const [updated] = await tx
      .update(insuranceVisits)
      .set({ serviceConfirmedAt: input.now, serviceConfirmedByUserId: actor.userId, version: visit.version + 1 })
      .where(eq(insuranceVisits.id, visit.id))
      .returning();
    const done = await closeItemIfBoth(tx, updated!, input.now);
    if (!updated!.enterpriseConfirmedAt) {
      const [insurer] = await tx
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, actor.orgId));
      await notify(tx, {
        type: "insurance_visit_to_confirm",
        key: `insurance_visit_to_confirm:${visit.id}`,
        orgId: visit.enterpriseId,
        subjectId: visit.id,
        params: { insurer: insurer?.name ?? "" },
        now: input.now,
      });
    }
    return { visit: updated!, itemDone: done };
  });
}

/** The insured enterprise confirms a visit (and acknowledges its inspection when it has not yet). */
export async function confirmVisitByEnterprise(
  db: Db,
  actor: VisitActor & { orgKind: "enterprise"; regionCode: string },
  input: { visitId: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const visit = await lockVisit(tx, "enterprise", actor.orgId, input.visitId);
    if (visit.enterpriseConfirmedAt) throw new AppError(409, "already_confirmed", "visits:errors.already_confirmed");
    const inspection = await inspectionOf(tx, visit.inspectionId);
    if (inspection) {
      if (!inspection.inspectorConfirmedAt) {
        throw new AppError(409, "inspection_not_confirmed", "visits:errors.inspection_not_confirmed");
      }
      if (!inspection.enterpriseAcknowledgedAt) {
        await acknowledgeInspectionIn(tx, actor, { inspectionId: inspection.id, now: input.now });
      }
    }
    const [updated] = await tx
      .update(insuranceVisits)
      .set({ enterpriseConfirmedAt: input.now, enterpriseConfirmedByUserId: actor.userId, version: visit.version + 1 })
      .where(eq(insuranceVisits.id, visit.id))
      .returning();
    const done = await closeItemIfBoth(tx, updated!, input.now);
    return { visit: updated!, itemDone: done };
  });
}

// ---------------------------------------------------------------- reading

/** One visit as its insurer or its enterprise sees it: item, policy, people, photos, inspection, hazards. */
export async function getVisit(db: DbOrTx, side: VisitSide, orgId: string, visitId: string) {
  const serviceBy = aliasedTable(users, "service_by");
  const enterpriseBy = aliasedTable(users, "enterprise_by");
  const insurer = aliasedTable(organisations, "insurer");
  const enterprise = aliasedTable(organisations, "enterprise");
  const [row] = await db
    .select({
      visit: insuranceVisits,
      item: insurancePlanItems,
      policyNumber: insurancePolicies.policyNumber,
      insurerName: insurer.name,
      enterpriseName: enterprise.name,
      serviceByName: serviceBy.name,
      enterpriseByName: enterpriseBy.name,
    })
    .from(insuranceVisits)
    .innerJoin(insurancePlanItems, eq(insurancePlanItems.id, insuranceVisits.planItemId))
    .innerJoin(insurancePolicies, eq(insurancePolicies.id, insuranceVisits.policyId))
    .innerJoin(insurer, eq(insurer.id, insuranceVisits.insurerId))
    .innerJoin(enterprise, eq(enterprise.id, insuranceVisits.enterpriseId))
    .leftJoin(serviceBy, eq(serviceBy.id, insuranceVisits.serviceConfirmedByUserId))
    .leftJoin(enterpriseBy, eq(enterpriseBy.id, insuranceVisits.enterpriseConfirmedByUserId))
    .where(
      and(
        eq(insuranceVisits.id, visitId),
        side === "insurer" ? eq(insuranceVisits.insurerId, orgId) : eq(insuranceVisits.enterpriseId, orgId),
      ),
    );
  if (!row) throw notFound();
  const v = row.visit;
  const staff = v.staffUserIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, v.staffUserIds))
    : [];
  const photos = await db
    .select({ fileId: insuranceVisitPhotos.fileId, caption: insuranceVisitPhotos.caption })
    .from(insuranceVisitPhotos)
    .where(eq(insuranceVisitPhotos.visitId, v.id));
  const inspection = await inspectionOf(db, v.inspectionId);
  const found = v.inspectionId
    ? await db
        .select({
          id: hazards.id,
          grade: hazards.grade,
          description: hazards.description,
          deadline: hazards.deadline,
          status: hazards.status,
        })
        .from(hazards)
        .where(eq(hazards.inspectionId, v.inspectionId))
        .orderBy(asc(hazards.deadline), asc(hazards.id))
    : [];
  const inspectionReady = !inspection || Boolean(inspection.inspectorConfirmedAt);
  return {
    visit: v,
    item: row.item,
    policyNumber: row.policyNumber,
    insurerName: row.insurerName,
    enterpriseName: row.enterpriseName,
    serviceConfirmedByName: row.serviceByName,
    enterpriseConfirmedByName: row.enterpriseByName,
    staffNames: [...staff.map((s) => s.name), ...v.staffNames],
    photos,
    inspection: inspection
      ? {
          id: inspection.id,
          confirmed: Boolean(inspection.inspectorConfirmedAt),
          acknowledged: Boolean(inspection.enterpriseAcknowledgedAt),
        }
      : null,
    hazards: found,
    canConfirm: inspectionReady && (side === "insurer" ? !v.serviceConfirmedAt : !v.enterpriseConfirmedAt),
  };
}
export type VisitView = Awaited<ReturnType<typeof getVisit>>;

/** A photo of a visit, for its insurer or its enterprise; else 404. */
export async function visitPhotoFor(db: DbOrTx, side: VisitSide, orgId: string, visitId: string, fileId: string) {
  const [row] = await db
    .select({ storedName: files.storedName, mimeType: files.mimeType, originalName: files.originalName })
    .from(insuranceVisitPhotos)
    .innerJoin(insuranceVisits, eq(insuranceVisits.id, insuranceVisitPhotos.visitId))
    .innerJoin(files, eq(files.id, insuranceVisitPhotos.fileId))
    .where(
      and(
        eq(insuranceVisitPhotos.visitId, visitId),
        eq(insuranceVisitPhotos.fileId, fileId),
        side === "insurer" ? eq(insuranceVisits.insurerId, orgId) : eq(insuranceVisits.enterpriseId, orgId),
      ),
    );
  if (!row) throw notFound();
  return row;
}

/** The visit an inspection belongs to, as a link for its insurer or its enterprise (null when none). */
export async function visitLinkOfInspection(db: DbOrTx, orgId: string, inspectionId: string) {
  const [row] = await db
    .select({ id: insuranceVisits.id, insurerId: insuranceVisits.insurerId })
    .from(insuranceVisits)
    .where(
      and(
        eq(insuranceVisits.inspectionId, inspectionId),
        sql`(${insuranceVisits.insurerId} = ${orgId} OR ${insuranceVisits.enterpriseId} = ${orgId})`,
      ),
    );
  if (!row) return null;
  return row.insurerId === orgId ? `/insurer/visits/${row.id}` : `/insured/visits/${row.id}`;
}
