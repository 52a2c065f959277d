// Issue 6, defect 5: a download is named after what the bytes are (a PDF/HTML polyglot named
// invoice.html downloads as invoice.pdf), bidi and control characters never reach
// Content-Disposition, and ordinary punctuation in a name (= ;) no longer refuses the upload.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { files } from "../../db/schema";
import { parseUploadForm, saveUpload, uploadedFile } from "../../app/services/files.server";
import { createSession } from "../../app/services/sessions.server";
import { loadEnv } from "../../app/utils/env.server";
import { loader as fileLoader } from "../../app/routes/files/file";
import { registerOrg } from "../factories/accounts";
import { fileOf, pdfBytes } from "../factories/files";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
let uploadDir: string;
let env: ReturnType<typeof loadEnv>;
beforeAll(async () => {
  t = await createTestDb();
  uploadDir = await mkdtemp(path.join(tmpdir(), "anfu-uploads-"));
  env = loadEnv({ NODE_ENV: "test", UPLOAD_DIR: uploadDir });
});
afterAll(async () => {
  await t.close();
  await rm(uploadDir, { recursive: true, force: true });
});

/** A PDF whose bytes also hold an HTML page: sniffed as PDF, named by its uploader as .html. */
const polyglot = () =>
  new Uint8Array(Buffer.concat([Buffer.from(pdfBytes()), Buffer.from("\n<html><script>alert(1)</script></html>")]));

async function download(fileId: string, userId: string, orgId: string): Promise<Response> {
  const { token } = await createSession(t.db, { userId, activeOrgId: orgId, now: new Date() });
  const request = new Request(`http://localhost/files/${fileId}`, { headers: { Cookie: `anfu_session=${token}` } });
  return fileLoader({ request, params: { fileId }, context: { db: t.db, env, cspNonce: "", clientIp: "127.0.0.1" } });
}

describe("uploaded names through the multipart parser", () => {
  it.each([
    ["a=b.pdf", "a=b.pdf"],
    ["a;b.pdf", "a;b.pdf"],
    ["季度报告; 终稿=2.pdf", "季度报告; 终稿=2.pdf"],
    ["x=1; filename=evil.html", "x=1; filename=evil.pdf"],
    ["报告(1), v2 & 附件#3.pdf", "报告(1), v2 & 附件#3.pdf"],
  ])("%j is accepted and stored as %j", async (name, stored) => {
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    const body = new FormData();
    body.append("title", "报告");
    body.append("file", fileOf(pdfBytes(), name, "application/pdf"));
    const form = await parseUploadForm(new Request("http://localhost/upload", { method: "POST", body }));
    expect(form.get("title")).toBe("报告");
    const file = uploadedFile(form, "file");
    expect(file?.name).toBe(name);
    const row = await saveUpload(t.db, env, {
      ownerOrgId: org.id,
      userId: user.id,
      purpose: "deliverable",
      file: file!,
      now: NOW,
    });
    expect(row.originalName).toBe(stored);
  });
});

describe("a body that is not a valid multipart form", () => {
  it.each([
    ["no closing boundary", '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-'],
    ["garbage", "this is not multipart at all"],
  ])("%s: 400, never a 500", async (_case, body) => {
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body,
    });
    const error = await parseUploadForm(request).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 400, code: "bad_multipart" });
  });
});

describe("download names", () => {
  it("a PDF/HTML polyglot named invoice.html downloads as invoice.pdf", async () => {
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    const row = await saveUpload(t.db, env, {
      ownerOrgId: org.id,
      userId: user.id,
      purpose: "deliverable",
      file: fileOf(polyglot(), "invoice.html", "text/html"),
      now: NOW,
    });
    const response = await download(row.id, user.id, org.id);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`,
    );
  });

  it("a right-to-left override does not survive into filename*", async () => {
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    const row = await saveUpload(t.db, env, {
      ownerOrgId: org.id,
      userId: user.id,
      purpose: "deliverable",
      file: fileOf(pdfBytes(), "报告\u202Efdp.exe", "application/pdf"),
      now: NOW,
    });
    const header = (await download(row.id, user.id, org.id)).headers.get("content-disposition") ?? "";
    expect(header).not.toContain("%E2%80%AE");
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent("报告fdp.pdf")}`);
  });

  it("a row written before the fix, still carrying the uploader's name, downloads under the sniffed extension", async () => {
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    const saved = await saveUpload(t.db, env, {
      ownerOrgId: org.id,
      userId: user.id,
      purpose: "deliverable",
      file: fileOf(polyglot(), "a.pdf"),
      now: NOW,
    });
    await t.db.update(files).set({ originalName: "invoice\u202Elmth.html" }).where(eq(files.id, saved.id));
    const header = (await download(saved.id, user.id, org.id)).headers.get("content-disposition") ?? "";
    expect(header).toBe(`attachment; filename="invoicelmth.pdf"; filename*=UTF-8''invoicelmth.pdf`);
  });
});
