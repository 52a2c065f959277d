// Files behind one storage interface (docs/decisions/010-file-storage.md): the same contract
// for the local folder and for S3-compatible object storage (s3rver standing in for S3, Aliyun
// OSS or MinIO), and the sweeper that removes bytes whose row was never written.
import { mkdtemp, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStoredFile, saveUpload, sweepOrphanUploads, ORPHAN_AGE_MS } from "../../app/services/files.server";
import { storageFor, type StorageEnv } from "../../app/services/storage/index.server";
import { registerOrg } from "../factories/accounts";
import { fileOf, pdfBytes, pngBytes } from "../factories/files";
import { startS3Server } from "../setup/s3-server";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
let localDir: string;
let s3: Awaited<ReturnType<typeof startS3Server>>;
const backends: Record<"local" | "s3", () => StorageEnv> = {
  local: () => ({ UPLOAD_DIR: localDir }),
  s3: () => ({ UPLOAD_DIR: "/nonexistent", ...s3.env }),
};
beforeAll(async () => {
  t = await createTestDb();
  localDir = await mkdtemp(path.join(tmpdir(), "anfu-uploads-"));
  s3 = await startS3Server();
});
afterAll(async () => {
  await t?.close();
  await rm(localDir, { recursive: true, force: true });
  await s3?.close();
});

const text = async (stream: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(stream).arrayBuffer());
const keys = async (env: StorageEnv) => {
  const out: string[] = [];
  for await (const object of storageFor(env).list()) out.push(object.key);
  return out.sort();
};

describe.each(["local", "s3"] as const)("%s storage", (backend) => {
  it("puts, gets, lists and deletes bytes under a key", async () => {
    const env = backends[backend]();
    const storage = storageFor(env);
    expect(storage.backend).toBe(backend);
    const key = `2026-11/${crypto.randomUUID()}.pdf`;
    await storage.put(key, pdfBytes(), "application/pdf");
    const found = await storage.get(key);
    expect(found?.size).toBe(pdfBytes().byteLength);
    expect(await text(found!.stream)).toEqual(pdfBytes());
    expect(await keys(env)).toContain(key);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("saveUpload and openStoredFile go through it", async () => {
    const env = backends[backend]();
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    const row = await saveUpload(t.db, env, {
      ownerOrgId: org.id,
      userId: user.id,
      purpose: "deliverable",
      file: fileOf(pngBytes(), "现场照片.png"),
      now: NOW,
    });
    const opened = await openStoredFile(env, row);
    expect(opened.filename).toBe("现场照片.png");
    expect(await text(opened.stream)).toEqual(pngBytes());
  });

  it("a failed row insert leaves no bytes behind", async () => {
    const env = backends[backend]();
    const before = await keys(env);
    const missingOrg = "00000000-0000-4000-8000-000000000000";
    await expect(
      saveUpload(t.db, env, {
        ownerOrgId: missingOrg,
        userId: null,
        purpose: "deliverable",
        file: fileOf(pdfBytes(), "a.pdf"),
        now: NOW,
      }),
    ).rejects.toThrow();
    expect(await keys(env)).toEqual(before);
  });

  it("the sweeper removes bytes without a row once they are an hour old, and nothing else", async () => {
    const env = backends[backend]();
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    const kept = await saveUpload(t.db, env, {
      ownerOrgId: org.id,
      userId: user.id,
      purpose: "deliverable",
      file: fileOf(pdfBytes(), "kept.pdf"),
      now: NOW,
    });
    const orphan = `2026-11/${crypto.randomUUID()}.pdf`;
    await storageFor(env).put(orphan, pdfBytes(), "application/pdf");
    // Something else kept in the same folder or bucket is never the sweeper's to remove.
    const foreign = `backups/${crypto.randomUUID()}.sql`;
    await storageFor(env).put(foreign, pdfBytes(), "application/octet-stream");
    const stamps = new Map<string, number>();
    for await (const object of storageFor(env).list()) stamps.set(object.key, object.modifiedAt.getTime());
    const newest = Math.max(...stamps.values());

    // Just under an hour after the newest write: too young, nothing goes.
    expect(await sweepOrphanUploads(t.db, env, { now: new Date(newest + ORPHAN_AGE_MS - 1000) })).not.toContain(orphan);
    expect(await keys(env)).toContain(orphan);
    // Past the hour: the orphan goes, the file with a row stays.
    const removed = await sweepOrphanUploads(t.db, env, { now: new Date(newest + ORPHAN_AGE_MS + 1000) });
    expect(removed).toContain(orphan);
    expect(removed).not.toContain(kept.storedName);
    expect(await keys(env)).toContain(kept.storedName);
    expect(await keys(env)).not.toContain(orphan);
    expect(removed).not.toContain(foreign);
    expect(await keys(env)).toContain(foreign);
    await storageFor(env).delete(foreign);
  });
});

describe("local storage keys", () => {
  it("refuses a key that would leave the upload folder", async () => {
    await expect(
      storageFor({ UPLOAD_DIR: localDir }).put("../escape.pdf", pdfBytes(), "application/pdf"),
    ).rejects.toThrow(/outside/);
  });

  it("lists with forward slashes and file times (utimes moves a file into the sweeper's reach)", async () => {
    const env = { UPLOAD_DIR: localDir };
    const key = `2026-10/${crypto.randomUUID()}.pdf`;
    await storageFor(env).put(key, pdfBytes(), "application/pdf");
    const old = new Date("2026-10-01T00:00:00Z");
    await utimes(path.join(localDir, key), old, old);
    const listed = [];
    for await (const object of storageFor(env).list()) if (object.key === key) listed.push(object);
    expect(listed).toEqual([{ key, modifiedAt: old }]);
  });
});
