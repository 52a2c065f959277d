import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../db/client";
import { files } from "../../db/schema";
import { registerOrg, TEST_PASSWORD } from "../factories/accounts";
import { fileOf, pdfBytes } from "../factories/files";
import { startS3Server } from "../setup/s3-server";
import { onPostgres } from "../setup/test-db";
import { prepareDatabase, type DatabaseLocation } from "./setup/databases";
import { artifactsDir } from "./support/artifacts";
import { startServer, type RunningServer } from "./setup/server";

/**
 * Ready for more than one machine (docs/decisions/010-file-storage.md): two production server
 * processes share one PostgreSQL database and one S3-compatible bucket. A session made on one
 * works on the other; a file uploaded through one downloads through the other.
 * PGlite admits one process per data folder, so this needs DATABASE_URL: without it the suite
 * reports it as skipped (not applicable), never as passed.
 */
const applicable = onPostgres();
if (!applicable) console.log("two-process test: not applicable on PGlite (set DATABASE_URL to run it on PostgreSQL)");

describe.skipIf(!applicable)("two server processes, one PostgreSQL database, one S3 bucket [PostgreSQL only]", () => {
  const email = `two-processes-${Date.now()}@e2e.anfu.test`;
  let database: DatabaseLocation;
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let first: RunningServer;
  let second: RunningServer;
  let uploadDirs: string[] = [];

  beforeAll(async () => {
    database = await prepareDatabase(async (db) => {
      await registerOrg(db, { kind: "provider", email });
    });
    s3 = await startS3Server("anfu-two-processes");
    // Each process gets a folder of its own, as on two machines: shared files must come from the bucket.
    uploadDirs = [mkdtempSync(join(tmpdir(), "anfu-first-")), mkdtempSync(join(tmpdir(), "anfu-second-"))];
    [first, second] = await Promise.all(
      (["first", "second"] as const).map((name, i) =>
        startServer({
          name: `two-processes-${name}`,
          env: { NODE_ENV: "production", ...database.env, ...s3.processEnv, UPLOAD_DIR: uploadDirs[i]! },
          logFile: `${artifactsDir()}/server-two-processes-${name}.log`,
        }),
      ),
    );
  });
  afterAll(async () => {
    for (const server of [first, second]) expect(await server?.stop()).toBe(0);
    await s3?.close();
    await database?.drop();
    for (const dir of uploadDirs) rmSync(dir, { recursive: true, force: true });
  });

  async function login(server: RunningServer): Promise<string> {
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
      body: new URLSearchParams({ email, password: TEST_PASSWORD }),
    });
    expect(response.status).toBe(302);
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
    expect(cookie).toMatch(/^__Host-anfu_session=/);
    return cookie;
  }

  it("a session cookie made on one process works on the other", async () => {
    const cookie = await login(first);
    const dashboard = await fetch(`${second.url}/dashboard`, { redirect: "manual", headers: { Cookie: cookie } });
    expect(dashboard.status).toBe(200);
    const anonymous = await fetch(`${second.url}/dashboard`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  });

  it("a file uploaded through one process downloads through the other", async () => {
    const cookie = await login(second);
    const form = new FormData();
    form.append("type", "safety_assessment");
    form.append("certificateNo", "APJ-(浙)-001");
    form.append("issuer", "浙江省应急管理厅");
    form.append("scope", "安全评价");
    form.append("validFrom", "2025-01-01");
    form.append("validTo", "2029-12-31");
    form.append("scan", fileOf(pdfBytes(), "资质证书.pdf", "application/pdf"));
    const upload = await fetch(`${first.url}/provider/qualifications/new`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: first.url },
      body: form,
    });
    expect(upload.status).toBe(302);

    const handle = await openDb({ databaseUrl: database.env.DATABASE_URL, maxConnections: 1 });
    try {
      const [row] = await handle.db.select().from(files).where(eq(files.originalName, "资质证书.pdf"));
      expect(row).toBeDefined();
      const download = await fetch(`${second.url}/files/${row!.id}`, { headers: { Cookie: cookie } });
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toBe("application/pdf");
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes());
      // The bytes are in the bucket, not on either machine's disk.
      for (const dir of uploadDirs) expect(readdirSync(dir, { recursive: true })).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
