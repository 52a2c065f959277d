import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { files, organisations, qualifications, type StoredFile } from "../../db/schema";
import { qualificationInForce } from "../domain/listing-visibility";
import { categoriesCoveredBy } from "../domain/qualification-types";
import type { QualificationInput } from "../forms/provider";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { notify } from "./notify.server";
import { discardStoredFile, saveUpload } from "./files.server";
import type { Actor } from "./actor";
import { pageWindow } from "../domain/paging";

/**
 * A provider declares a qualification with the scan of its certificate; it counts for
 * nothing (listings, quotes) until the platform admin has compared the two and verified it.
 */
export async function addQualification(
  db: Db,
  env: { UPLOAD_DIR: string },
  actor: Actor,
  input: QualificationInput & { scan: File | null; now: Date },
) {
  if (!input.scan) throw new AppError(422, "scan_required", "provider.scan_required");
  const scan = input.scan;
  // The type decides what a qualification covers; only "other" carries the provider's own claim.
  const scopeCategories = input.type === "other" ? input.scopeCategories : [...categoriesCoveredBy(input.type)];
  const saved: { file?: StoredFile } = {};
  try {
    return await db.transaction(async (tx) => {
      const [org] = await tx
        .select({ kind: organisations.kind })
        .from(organisations)
        .where(eq(organisations.id, actor.orgId));
      if (org?.kind !== "provider") throw new AppError(403, "forbidden", "wrong_org_kind");
      const [duplicate] = await tx
        .select({ id: qualifications.id })
        .from(qualifications)
        .where(
          and(
            eq(qualifications.providerId, actor.orgId),
            eq(qualifications.type, input.type),
            eq(qualifications.certificateNo, input.certificateNo),
            inArray(qualifications.status, ["pending", "verified"]),
          ),
        );
      if (duplicate) throw new AppError(409, "qualification_duplicate", "provider.qualification_duplicate");
      saved.file = await saveUpload(tx, env, {
        ownerOrgId: actor.orgId,
        userId: actor.userId,
        purpose: "qualification_scan",
        file: scan,
        now: input.now,
      });
      const [row] = await tx
        .insert(qualifications)
        .values({
          providerId: actor.orgId,
          type: input.type,
          certificateNo: input.certificateNo,
          issuer: input.issuer,
          scope: input.scope,
          scopeCategories,
          validFrom: input.validFrom,
          validTo: input.validTo,
          scanFileId: saved.file.id,
        })
        .returning();
      await writeAudit(tx, {
        action: "qualification.submitted",
        actorUserId: actor.userId,
        orgId: actor.orgId,
        subjectType: "qualification",
        subjectId: row!.id,
        data: { type: input.type, certificateNo: input.certificateNo },
        ip: actor.ip,
      });
      return row!;
    });
  } catch (error) {
    // The row went with the rolled-back transaction; the bytes must go too.
    if (saved.file) await discardStoredFile(env, saved.file.storedName);
    throw error;
  }
}

/** The provider's own qualifications, newest first, with whether each is in force today. */
export async function listOwnQualifications(db: DbOrTx, params: { providerId: string; today: string }) {
  const today = params.today;
  const rows = await db
    .select()
    .from(qualifications)
    .where(eq(qualifications.providerId, params.providerId))
    .orderBy(desc(qualifications.createdAt), qualifications.id);
  return rows.map((q) => ({ ...q, inForce: qualificationInForce(q, today) }));
}

/** A provider may take back a qualification the platform has not verified; a verified one is on record. */
export async function withdrawQualification(db: Db, actor: Actor, qualificationId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: qualifications.id, status: qualifications.status })
      .from(qualifications)
      .where(and(eq(qualifications.id, qualificationId), eq(qualifications.providerId, actor.orgId)))
      .for("update");
    if (!row) throw notFound();
    if (row.status === "verified")
      throw new AppError(409, "qualification_verified", "provider.qualification_verified_kept");
    await tx.delete(qualifications).where(eq(qualifications.id, row.id));
    await writeAudit(tx, {
      action: "qualification.withdrawn",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "qualification",
      subjectId: row.id,
      ip: actor.ip,
    });
  });
}

/** The platform admin's review queue: oldest first, so nobody waits behind newcomers. */
export async function listQualificationQueue(
  db: DbOrTx,
  params: { status?: "pending" | "verified" | "rejected"; page?: number },
) {
  const status = params.status ?? "pending";
  const { page, limit, offset } = pageWindow(params.page);
  const where = eq(qualifications.status, status);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: qualifications.id,
        providerId: qualifications.providerId,
        providerName: organisations.name,
        type: qualifications.type,
        certificateNo: qualifications.certificateNo,
        issuer: qualifications.issuer,
        scope: qualifications.scope,
        scopeCategories: qualifications.scopeCategories,
        validFrom: qualifications.validFrom,
        validTo: qualifications.validTo,
        status: qualifications.status,
        rejectReason: qualifications.rejectReason,
        scanFileId: qualifications.scanFileId,
        scanName: files.originalName,
        createdAt: qualifications.createdAt,
        reviewedAt: qualifications.reviewedAt,
      })
      .from(qualifications)
      .innerJoin(organisations, eq(organisations.id, qualifications.providerId))
      .leftJoin(files, eq(files.id, qualifications.scanFileId))
      .where(where)
      .orderBy(
        status === "pending" ? asc(qualifications.createdAt) : desc(qualifications.reviewedAt),
        qualifications.id,
      )
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(qualifications).where(where),
  ]);
  return { rows, total, page, pageSize: limit };
}

/**
 * Verify a pending qualification, or reject it (a verified one too: revocation), with the
 * reason the provider will read. Every decision is in the audit log.
 */
export async function decideQualification(
  db: Db,
  actor: Actor,
  input: { qualificationId: string; decision: "verify" | "reject"; reason?: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(qualifications)
      .where(eq(qualifications.id, input.qualificationId))
      .for("update");
    if (!row) throw notFound();
    if (input.decision === "reject" && !input.reason) throw new AppError(422, "reason_required", "reason_required");
    if (input.decision === "verify" && row.status !== "pending") {
      throw new AppError(409, "qualification_not_pending", "provider.qualification_not_pending");
    }
    if (input.decision === "reject" && row.status === "rejected") {
      throw new AppError(409, "qualification_not_pending", "provider.qualification_not_pending");
    }
    const now = input.now;
    const status = input.decision === "verify" ? ("verified" as const) : ("rejected" as const);
    await tx
      .update(qualifications)
      .set({
        status,
        reviewedByUserId: actor.userId,
        reviewedAt: now,
        rejectReason: status === "rejected" ? input.reason! : null,
      })
      .where(eq(qualifications.id, row.id));
    await writeAudit(tx, {
      action: `qualification.${status}`,
      actorUserId: actor.userId,
      orgId: row.providerId,
      subjectType: "qualification",
      subjectId: row.id,
      data: {
        type: row.type,
        certificateNo: row.certificateNo,
        from: row.status,
        ...(input.reason ? { reason: input.reason } : {}),
      },
      ip: actor.ip,
    });
    await notify(tx, {
      type: status === "verified" ? "qualification_verified" : "qualification_rejected",
      key: `qualification_${status}:${row.id}:${now.getTime()}`,
      orgId: row.providerId,
      subjectId: row.id,
      params: { certificateNo: row.certificateNo, reason: input.reason ?? "" },
      now,
    });
  });
}
