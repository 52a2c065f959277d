import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { deliverables, engagements, files, type OrgKind, type StoredFile } from "../../db/schema";
import {
  cleanOriginalName,
  isAllowedForPurpose,
  MAX_UPLOAD_BYTES,
  sniffFileType,
  UPLOAD_ALLOW_LIST,
  type UploadPurpose,
} from "../domain/file-types";
import { shanghaiDateString } from "../domain/format";
import { AppError } from "../utils/errors";

/**
 * The shared upload service. Files live on local disk under UPLOAD_DIR/<yyyy-mm>/<uuid>.<ext>:
 * the name is made here, never taken from the upload, and the `files` row is the only way
 * back to the bytes (through canReadFile).
 */

type UploadEnv = { UPLOAD_DIR: string };

export type UploadInput = {
  ownerOrgId: string;
  userId: string | null;
  purpose: UploadPurpose;
  file: File;
  now?: Date;
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
  const month = shanghaiDateString(input.now ?? new Date()).slice(0, 7);
  const storedName = `${month}/${randomUUID()}.${type.ext}`;
  const fullPath = storedPath(env, storedName);
  await mkdir(path.dirname(fullPath), { recursive: true });
  await writeFile(fullPath, bytes, { flag: "wx", mode: 0o640 });
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
  await unlink(storedPath(env, storedName)).catch(() => undefined);
}

function storedPath(env: UploadEnv, storedName: string): string {
  const root = path.resolve(env.UPLOAD_DIR);
  const full = path.resolve(root, storedName);
  // Stored names are made here, but a path outside the upload folder must be impossible anyway.
  if (!full.startsWith(root + path.sep)) throw new AppError(404, "not_found", "not_found");
  return full;
}

/** The bytes of a stored file as a web stream, for a Response body. */
export async function openStoredFile(env: UploadEnv, row: Pick<StoredFile, "storedName" | "mimeType" | "originalName">) {
  const full = storedPath(env, row.storedName);
  const info = await stat(full).catch(() => null);
  if (!info?.isFile()) throw new AppError(404, "not_found", "not_found");
  const stream = Readable.toWeb(createReadStream(full)) as ReadableStream<Uint8Array>;
  return { stream, size: info.size, mimeType: row.mimeType, filename: row.originalName };
}

/** Room for the text fields that travel with a file in the same form. */
const FIELD_ALLOWANCE = 64 * 1024;

/**
 * Reads a multipart form into memory with a hard ceiling: any part over `maxBytes`, or the
 * whole body over `maxBytes` plus a little for text fields, is a 413 — never a 500.
 */
export async function parseUploadForm(request: Request, maxBytes: number = MAX_UPLOAD_BYTES): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError(415, "multipart_required", "provider.multipart_required");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes + FIELD_ALLOWANCE) throw tooLarge(maxBytes);
  const memory = unstable_createMemoryUploadHandler({ maxPartSize: maxBytes });
  let total = 0;
  const handler: UploadHandler = (part) => {
    // Per part is not enough: many parts just under the limit would still fill memory.
    async function* counted() {
      for await (const chunk of part.data) {
        total += chunk.byteLength;
        if (total > maxBytes + FIELD_ALLOWANCE) throw new MaxPartSizeExceededError(part.name, maxBytes);
        yield chunk;
      }
    }
    return memory({ ...part, data: counted() });
  };
  try {
    return await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw tooLarge(maxBytes);
    if (error instanceof AppError) throw error;
    throw new AppError(400, "bad_multipart", "invalid_input");
  }
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
  return or(...conditions)!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The file row if this organisation may read it, else null — the same answer as for a missing file. */
export async function getReadableFile(db: DbOrTx, reader: FileReader): Promise<StoredFile | null> {
  if (!UUID.test(reader.fileId)) return null;
  const [row] = await db.select().from(files).where(and(eq(files.id, reader.fileId), readableBy(reader)));
  return row ?? null;
}

export async function canReadFile(db: DbOrTx, reader: FileReader): Promise<boolean> {
  return (await getReadableFile(db, reader)) !== null;
}
