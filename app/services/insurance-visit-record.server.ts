import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { hazards, insuranceVisitPhotos, insuranceVisits, memberships, users } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { shanghaiDateString } from "../domain/format";
import { AppError, notFound } from "../utils/errors";
import { saveUpload } from "./files.server";
import { createInspection } from "./inspections.server";
import { isCheckingService, lockOwnItem, type VisitActor } from "./insurance-visits.server";
import type { StorageEnv } from "./storage/index.server";
import { photoDHash } from "./visit-photo-hash.server";

/**
 * Recording a visit on a plan item (AQ 9010): time, place, who was there, a summary, photos
 * (stored through the files service, copied with sha256 and dHash into insurance_visit_photos),
 * and, for the checking services, a draft inspection (source "insurer") with a checklist that the
 * user then fills in and confirms on the inspection pages; its hazards are the written notice.
 * A return visit (回访) follows a done visit whose inspection found hazards.
 */

export type VisitInput = {
  itemId: string;
  startedAt: Date;
  endedAt: Date;
  place: string;
  lat: number | null;
  lng: number | null;
  staffUserIds: string[];
  staffNames: string[];
  summary: string;
  photos: File[];
  /** Checking services: the checklist of the inspection. */
  templateKey?: string;
  /** A return visit: the visit it follows up, and what it found. */
  returnOf?: { visitId: string; fixVerified: boolean; satisfaction: number; comments: string };
  now: Date;
};

export const MAX_VISIT_PHOTOS = 12;

function invalid(field: string, key: string): AppError {
  return new AppError(422, "invalid_visit", `visits:errors.${key}`, { field });
}

export async function recordVisit(
  db: Db,
  env: StorageEnv,
  actor: VisitActor & { orgKind: "insurer"; regionCode: string },
  input: VisitInput,
) {
  if (!(input.endedAt > input.startedAt)) throw invalid("endedAt", "end_before_start");
  if (input.startedAt > input.now) throw invalid("startedAt", "visit_in_future");
  if (input.endedAt.getTime() - input.startedAt.getTime() > 24 * 3600_000) throw invalid("endedAt", "visit_too_long");
  if (!input.place.trim()) throw invalid("place", "place_required");
  if (input.staffUserIds.length + input.staffNames.length === 0) throw invalid("staff", "staff_required");
  if (input.photos.length > MAX_VISIT_PHOTOS) throw invalid("photos", "too_many_photos");
  return db.transaction(async (tx) => {
    const item = await lockOwnItem(tx, actor.orgId, input.itemId);
    if (item.state === "cancelled") throw new AppError(409, "item_closed", "visits:errors.item_closed");
    const returnOf = input.returnOf;
    if (returnOf) {
      if (item.state !== "done") throw new AppError(409, "return_not_due", "visits:errors.return_not_due");
      const [original] = await tx
        .select()
        .from(insuranceVisits)
        .where(
          and(
            eq(insuranceVisits.id, returnOf.visitId),
            eq(insuranceVisits.planItemId, item.id),
            eq(insuranceVisits.kind, "service"),
          ),
        );
      if (!original) throw notFound();
      const [found] = original.inspectionId
        ? await tx
            .select({ id: hazards.id })
            .from(hazards)
            .where(eq(hazards.inspectionId, original.inspectionId))
            .limit(1)
        : [];
      const [already] = await tx
        .select({ id: insuranceVisits.id })
        .from(insuranceVisits)
        .where(eq(insuranceVisits.returnOfVisitId, original.id));
      if (!found || already || !original.enterpriseConfirmedAt || !original.serviceConfirmedAt) {
        throw new AppError(409, "return_not_due", "visits:errors.return_not_due");
      }
      if (!Number.isInteger(returnOf.satisfaction) || returnOf.satisfaction < 1 || returnOf.satisfaction > 5) {
        throw invalid("satisfaction", "satisfaction_range");
      }
    } else if (item.state === "done") {
      throw new AppError(409, "item_closed", "visits:errors.item_done");
    }
    const staff = input.staffUserIds.length
      ? await tx
          .select({ id: users.id, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.orgId, actor.orgId), inArray(memberships.userId, input.staffUserIds)))
      : [];
    if (staff.length !== new Set(input.staffUserIds).size) throw invalid("staffUserIds", "not_staff");
    const names = [...staff.map((s) => s.name), ...input.staffNames];

    let inspectionId: string | null = null;
    if (!returnOf && isCheckingService(item.service)) {
      if (!input.templateKey) throw invalid("templateKey", "template_required");
      const { inspection } = await createInspection(
        tx as unknown as Db,
        env,
        { ...actor, orgKind: "insurer" },
        {
          enterpriseId: item.enterpriseId,
          source: "insurer",
          inspectedOn: shanghaiDateString(input.startedAt) as IsoDate,
          inspectorNames: names,
          templateKey: input.templateKey,
          findings: input.summary,
          now: input.now,
        },
      );
      inspectionId = inspection.id;
    }
    const [visit] = await tx
      .insert(insuranceVisits)
      .values({
        planItemId: item.id,
        policyId: item.policyId,
        insurerId: item.insurerId,
        enterpriseId: item.enterpriseId,
        kind: returnOf ? "return_visit" : "service",
        returnOfVisitId: returnOf?.visitId ?? null,
        inspectionId,
        startedAt: input.startedAt,
        endedAt: input.endedAt,
        place: input.place.trim(),
        lat: input.lat,
        lng: input.lng,
        staffUserIds: staff.map((s) => s.id),
        staffNames: input.staffNames,
        summary: input.summary.trim(),
        satisfaction: returnOf?.satisfaction ?? null,
        comments: returnOf ? returnOf.comments.trim() || null : null,
        fixVerified: returnOf ? returnOf.fixVerified : null,
        createdByUserId: actor.userId,
        createdAt: input.now,
      })
      .returning();
    for (const file of input.photos) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const row = await saveUpload(tx, env, {
        ownerOrgId: actor.orgId,
        userId: actor.userId,
        purpose: "photo",
        file,
        now: input.now,
      });
      await tx
        .insert(insuranceVisitPhotos)
        .values({ visitId: visit!.id, fileId: row.id, sha256: row.sha256, dHash: photoDHash(bytes) })
        .onConflictDoNothing();
    }
    return { visit: visit!, inspectionId };
  });
}
