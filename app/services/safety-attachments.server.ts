import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { files, type StoredFile } from "../../db/schema";
import { attachmentDisposition } from "../domain/file-types";
import { discardStoredFile, openStoredFile, saveUpload } from "./files.server";
import type { StorageEnv } from "./storage/index.server";

/**
 * Attachments of training sessions, guidance messages and check-up plans (purpose "attachment",
 * the existing upload rules). Their readers are the parties of the record they belong to, so each
 * feature serves them from its own route after its own visibility check (`attachmentResponse`),
 * rather than widening who may read a file in general.
 */

export const MAX_ATTACHMENTS = 10;

export type Uploader = { orgId: string; userId: string | null };

/**
 * Runs `work` in a transaction with the files saved inside it; when anything fails the rows roll
 * back and the bytes are removed, so a refused form leaves nothing behind.
 */
export async function withAttachments<T>(
  db: Db,
  env: StorageEnv,
  uploader: Uploader,
  uploads: readonly File[],
  now: Date,
  work: (tx: DbOrTx, saved: StoredFile[]) => Promise<T>,
): Promise<T> {
  const storedNames: string[] = [];
  try {
    return await db.transaction(async (tx) => {
      const saved: StoredFile[] = [];
      for (const file of uploads) {
        const row = await saveUpload(tx, env, {
          ownerOrgId: uploader.orgId,
          userId: uploader.userId,
          purpose: "attachment",
          file,
          now,
        });
        storedNames.push(row.storedName);
        saved.push(row);
      }
      return work(tx, saved);
    });
  } catch (error) {
    for (const name of storedNames) await discardStoredFile(env, name);
    throw error;
  }
}

export type AttachmentInfo = { id: string; originalName: string; sizeBytes: number };

/** Names and sizes of the given files, in the given order (unknown ids dropped). */
export async function attachmentInfo(db: DbOrTx, ids: readonly string[]): Promise<AttachmentInfo[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: files.id, originalName: files.originalName, sizeBytes: files.sizeBytes })
    .from(files)
    .where(inArray(files.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** The download of one attachment the caller has already found visible; null when it is not there. */
export async function attachmentResponse(db: DbOrTx, env: StorageEnv, fileId: string): Promise<Response | null> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, fileId)));
  if (!row) return null;
  try {
    const opened = await openStoredFile(env, row);
    return new Response(opened.stream, {
      headers: {
        "Content-Type": opened.mimeType,
        "Content-Length": String(opened.size),
        "Content-Disposition": attachmentDisposition(opened.filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch {
    return null;
  }
}

/** A 404 for a download the viewer may not have (the same as for one that does not exist). */
export function attachmentNotFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
