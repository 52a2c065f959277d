import { and, asc, eq, or } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { deliverables, engagements, files } from "../../db/schema";
import type { Engagement } from "../../db/schema";
import { AppError, notFound } from "../utils/errors";
import { visibleTo } from "./engagements.server";
import { notifyEngagementParties } from "./notify-recipients.server";
import { discardStoredFile, saveUpload } from "./files.server";

type Party = { orgId: string; userId: string };
type UploadEnv = { UPLOAD_DIR: string };

/** Deliverables are added while the work is under way or being redone, never after. */
const OPEN_FOR_DELIVERABLES: readonly Engagement["status"][] = ["in_service", "changes_requested"];

/**
 * The engagement, locked, if `orgId` is its provider and may add to it now. The enterprise
 * party is told it cannot (403); anyone else gets the 404 of a missing engagement.
 */
async function lockForProvider(tx: DbOrTx, engagementId: string, orgId: string) {
  const [e] = await tx
    .select()
    .from(engagements)
    .where(
      and(eq(engagements.id, engagementId), or(eq(engagements.enterpriseId, orgId), eq(engagements.providerId, orgId))),
    )
    .for("update");
  if (!e) throw notFound();
  if (e.providerId !== orgId) throw new AppError(403, "provider_only", "engagement.provider_only");
  if (!OPEN_FOR_DELIVERABLES.includes(e.status))
    throw new AppError(409, "deliverable_wrong_state", "engagement.deliverable_wrong_state");
  return e;
}

/**
 * A report (or other file) from the provider: checked by size and by content and stored under
 * a server-made name by saveUpload; the bytes are removed again if the record is not written.
 */
export async function addReport(
  db: Db,
  env: UploadEnv,
  party: Party,
  params: { engagementId: string; title: string; file: File; now: Date },
) {
  let storedName: string | null = null;
  try {
    return await db.transaction(async (tx) => {
      await lockForProvider(tx, params.engagementId, party.orgId);
      const stored = await saveUpload(tx, env, {
        ownerOrgId: party.orgId,
        userId: party.userId,
        purpose: "deliverable",
        file: params.file,
        now: params.now,
      });
      storedName = stored.storedName;
      const [row] = await tx
        .insert(deliverables)
        .values({
          engagementId: params.engagementId,
          kind: "report",
          title: params.title,
          fileId: stored.id,
          createdByUserId: party.userId,
          createdAt: params.now,
        })
        .returning();
      await notifyEngagementParties(tx, {
        engagementId: params.engagementId,
        exceptOrgId: party.orgId,
        type: "deliverable_uploaded",
        key: `deliverable_uploaded:${row!.id}`,
        now: params.now,
      });
      return row!;
    });
  } catch (error) {
    if (storedName) await discardStoredFile(env, storedName);
    throw error;
  }
}

export type ActivityInput = {
  engagementId: string;
  kind: "visit" | "training";
  title: string;
  occurredOn: string;
  /** Visit: place and findings; training: topic and content. */
  notes?: string;
  /** Training: number of attendees. */
  attendees?: number;
  now?: Date;
};

/** A visit (现场服务) or a training session (培训) the provider held, as a record. */
export async function recordActivity(db: Db, party: Party, input: ActivityInput) {
  return db.transaction(async (tx) => {
    await lockForProvider(tx, input.engagementId, party.orgId);
    const [row] = await tx
      .insert(deliverables)
      .values({
        engagementId: input.engagementId,
        kind: input.kind,
        title: input.title,
        occurredOn: input.occurredOn,
        notes: input.notes ?? null,
        attendees: input.kind === "training" ? (input.attendees ?? null) : null,
        createdByUserId: party.userId,
        ...(input.now ? { createdAt: input.now } : {}),
      })
      .returning();
    return row!;
  });
}

/**
 * What was delivered under an engagement: for its two parties, and for the platform once the
 * engagement has been disputed (it needs the evidence to decide). Pass `orgKind` for that.
 */
export async function listDeliverables(db: DbOrTx, params: { engagementId: string; orgId: string; orgKind?: string }) {
  const [e] = await db
    .select({ id: engagements.id })
    .from(engagements)
    .where(
      and(
        eq(engagements.id, params.engagementId),
        visibleTo({ orgId: params.orgId, orgKind: params.orgKind ?? "party" }),
      ),
    );
  if (!e) throw notFound();
  return db
    .select({
      id: deliverables.id,
      kind: deliverables.kind,
      title: deliverables.title,
      occurredOn: deliverables.occurredOn,
      notes: deliverables.notes,
      attendees: deliverables.attendees,
      createdAt: deliverables.createdAt,
      fileId: deliverables.fileId,
      fileName: files.originalName,
      fileSize: files.sizeBytes,
    })
    .from(deliverables)
    .leftJoin(files, eq(files.id, deliverables.fileId))
    .where(eq(deliverables.engagementId, e.id))
    .orderBy(asc(deliverables.createdAt), asc(deliverables.id));
}
