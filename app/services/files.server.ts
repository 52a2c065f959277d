import { createHash, randomUUID } from "node:crypto";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { deliverables, engagements, files, type OrgKind, type StoredFile } from "../../db/schema";
import {
  cleanOriginalName,
  extensionForMime,
  isAllowedForPurpose,
  MAX_UPLOAD_BYTES,
  sniffFileType,
  UPLOAD_ALLOW_LIST,
  type UploadPurpose,
} from "../domain/file-types";
import { shanghaiDateString } from "../domain/format";
import { AppError } from "../utils/errors";
import { storageFor, type StorageEnv } from "./storage/index.server";

/**
 * The shared upload service. Bytes live in the configured storage (local UPLOAD_DIR or an S3
 * bucket) under <yyyy-mm>/<uuid>.<ext>: the key is made here, never taken from the upload,
 * and the `files` row is the only way back to the bytes (through canReadFile).
 */

type UploadEnv = StorageEnv;

export type UploadInput = {
  ownerOrgId: string;
  userId: string | null;
  purpose: UploadPurpose;
  file: File;
  now: Date;
};

const tooLarge = (maxBytes: number) =>
  new AppError(413, "file_too_large", "provider.file_too_large", { maxMb: Math.floor(maxBytes / 1024 / 1024) });

/** Checks size and content first, so a refused upload writes nothing, neither to disk nor to the database. */
export async function saveUpload(db: DbOrTx, env: UploadEnv, input: UploadInput): Promise<StoredFile> {
  const { file } = input;
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge(MAX_UPLOAD_BYTES);
  if (file.size === 0) throw new AppError(422, "file_empty", "provider.file_empty");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw tooLarge(MAX_UPLOAD_BYTES);
  const type = sniffFileType(bytes);
  if (!type || !isAllowedForPurpose(type, input.purpose)) {
    throw new AppError(415, "file_type_refused", "provider.file_type_refused", {
      allowed: UPLOAD_ALLOW_LIST[input.purpose].map((e) => e.toUpperCase()).join(", "),
    });
  }
  const month = shanghaiDateString(input.now).slice(0, 7);
  const storedName = `${month}/${randomUUID()}.${type.ext}`;
  // Bytes first, then the row: a failed insert removes the bytes here; a process killed in
  // between leaves bytes without a row, which sweepOrphanUploads removes after an hour.
  await storageFor(env).put(storedName, bytes, type.mime);
  try {
    const [row] = await db
      .insert(files)
      .values({
        ownerOrgId: input.ownerOrgId,
        purpose: input.purpose,
        originalName: cleanOriginalName(file.name, type.ext),
        storedName,
        mimeType: type.mime,
        sizeBytes: bytes.byteLength,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        uploadedByUserId: input.userId,
      })
      .returning();
    return row!;
  } catch (error) {
    await discardStoredFile(env, storedName);
    throw error;
  }
}

/**
 * For a caller whose transaction failed after saveUpload: the row is rolled back,
 * this removes the bytes. Never throws.
 */
export async function discardStoredFile(env: UploadEnv, storedName: string): Promise<void> {
  await storageFor(env)
    .delete(storedName)
    .catch(() => undefined);
}

/**
 * The bytes of a stored file as a web stream, for a Response body, named for download after
 * what the bytes are (rows written before names were rebuilt may still carry the uploader's
 * extension, so the name is cleaned again here).
 */
export async function openStoredFile(
  env: UploadEnv,
  row: Pick<StoredFile, "storedName" | "mimeType" | "originalName">,
) {
  const found = await storageFor(env).get(row.storedName);
  if (!found) throw new AppError(404, "not_found", "not_found");
  const ext = extensionForMime(row.mimeType) ?? "bin";
  return {
    stream: found.stream,
    size: found.size,
    mimeType: row.mimeType,
    filename: cleanOriginalName(row.originalName, ext),
  };
}

const STORED_NAME = /^\d{4}-\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z]{3,4}$/;

/** Bytes younger than this may belong to an upload whose transaction is still running. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

/**
 * Removes stored bytes that no `files` row names and that are older than an hour: what a
 * process killed between writing the bytes and committing the row leaves behind. Runs at
 * start-up and from `npm run jobs:sweep-uploads`; safe to run at any time, from any process.
 */
export async function sweepOrphanUploads(
  db: DbOrTx,
  env: UploadEnv,
  options: { now: Date; olderThanMs?: number },
): Promise<string[]> {
  const storage = storageFor(env);
  const cutoff = options.now.getTime() - (options.olderThanMs ?? ORPHAN_AGE_MS);
  const candidates: string[] = [];
  for await (const object of storage.list()) {
    // Only keys of the shape saveUpload makes: anything else in the folder or bucket is not ours.
    if (STORED_NAME.test(object.key) && object.modifiedAt.getTime() < cutoff) candidates.push(object.key);
  }
  const removed: string[] = [];
  for (let i = 0; i < candidates.length; i += 500) {
    const batch = candidates.slice(i, i + 500);
    const known = await db.select({ storedName: files.storedName }).from(files).where(inArray(files.storedName, batch));
    const kept = new Set(known.map((r) => r.storedName));
    for (const key of batch) {
      if (kept.has(key)) continue;
      await storage.delete(key);
      removed.push(key);
    }
  }
  return removed;
}

/** Room for the text fields that travel with a file in the same form. */
const FIELD_ALLOWANCE = 64 * 1024;

/**
 * Reads a multipart form into memory with a hard ceiling: any file over `maxBytes`, or the
 * whole body over `maxBytes` plus a little for text fields, is a 413 — never a 500.
 * The platform's own parser (undici) reads quoted part headers properly; Remix's splits
 * Content-Disposition at every `;` and `=`, so a file named `a=b.pdf` was refused.
 */
export async function parseUploadForm(request: Request, maxBytes: number = MAX_UPLOAD_BYTES): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(415, "multipart_required", "provider.multipart_required");
  }
  const limit = maxBytes + FIELD_ALLOWANCE;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(maxBytes);
  if (!request.body) throw new AppError(400, "bad_multipart", "invalid_input");
  let total = 0;
  let overLimit = false;
  // A declared length can be absent or false: count what really arrives and stop past the limit.
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > limit) {
          overLimit = true;
          controller.error(new Error("upload over the limit"));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  const headers = new Headers({ "content-type": contentType });
  let form: FormData;
  try {
    form = await new Request(request.url, {
      method: "POST",
      headers,
      body: counted,
      duplex: "half",
    } as RequestInit).formData();
  } catch {
    if (overLimit) throw tooLarge(maxBytes);
    throw new AppError(400, "bad_multipart", "invalid_input");
  }
  for (const value of form.values()) {
    if (value instanceof File && value.size > maxBytes) throw tooLarge(maxBytes);
  }
  return form;
}

/** A form field that must be a file with content; a missing or empty one is the caller's 422. */
export function uploadedFile(form: FormData, name: string): File | null {
  const value = form.get(name);
  return value instanceof File && value.size > 0 ? value : null;
}

export type FileReader = { fileId: string; orgId: string; orgKind: OrgKind };

/**
 * Who may read a file: its owner organisation; the platform operator; and for a deliverable,
 * both parties of the engagement it was delivered under. Extend the condition here, and
 * only here, when another kind of file gets another kind of reader.
 */
function readableBy(reader: FileReader): SQL {
  const conditions: SQL[] = [eq(files.ownerOrgId, reader.orgId)];
  if (reader.orgKind === "platform") conditions.push(sql`true`);
  conditions.push(
    and(
      eq(files.purpose, "deliverable"),
      sql`exists (select 1 from ${deliverables} join ${engagements} on ${engagements.id} = ${deliverables.engagementId}
        where ${deliverables.fileId} = ${files.id}
          and (${engagements.enterpriseId} = ${reader.orgId} or ${engagements.providerId} = ${reader.orgId}))`,
    )!,
  );
  // Issue 8 (inspections): photos of a signed inspection and of its hazards, for the inspected enterprise.
  conditions.push(
    and(
      eq(files.purpose, "photo"),
      sql`(exists (select 1 from inspection_photos ip join inspections i on i.id = ip.inspection_id
          where ip.file_id = ${files.id} and i.enterprise_id = ${reader.orgId} and i.inspector_confirmed_at is not null)
        or exists (select 1 from hazard_files hf join hazards h on h.id = hf.hazard_id
          where hf.file_id = ${files.id} and (h.enterprise_id = ${reader.orgId} or h.finder_org_id = ${reader.orgId})))`,
    )!,
  );
  return or(...conditions)!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The file row if this organisation may read it, else null — the same answer as for a missing file. */
export async function getReadableFile(db: DbOrTx, reader: FileReader): Promise<StoredFile | null> {
  if (!UUID.test(reader.fileId)) return null;
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, reader.fileId), readableBy(reader)));
  return row ?? null;
}

export async function canReadFile(db: DbOrTx, reader: FileReader): Promise<boolean> {
  return (await getReadableFile(db, reader)) !== null;
}
