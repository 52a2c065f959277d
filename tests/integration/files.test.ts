// The shared upload service: size and type are judged before anything is written, names
// are made by the server, and a file is readable only by its owner organisation, the
// platform, and the parties of the engagement a deliverable belongs to (docs/domain.md, "Organisations": nobody
// sees another organisation's private records).
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { deliverables, files, type OrgKind } from "../../db/schema";
import { MAX_UPLOAD_BYTES } from "../../app/domain/file-types";
import { canReadFile, openStoredFile, parseUploadForm, saveUpload } from "../../app/services/files.server";
import { createSession } from "../../app/services/sessions.server";
import { AppError } from "../../app/utils/errors";
import { loadEnv } from "../../app/utils/env.server";
import { loader as fileLoader } from "../../app/routes/files/file";
import { createOrgWithOwner, registerOrg } from "../factories/accounts";
import { insertEngagement } from "../factories/engagements";
import { docxBytes, fileOf, jpegBytes, pdfBytes, pngBytes } from "../factories/files";
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

async function listStored(): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(uploadDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.push(entry.name);
  }
  return out;
}
const fileRows = async () => (await t.db.select({ n: count() }).from(files))[0]!.n;

async function expectAppError(work: Promise<unknown>, status: number) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
}

describe("saveUpload", () => {
  it("stores the bytes under a server-made name with type, size and sha256 from the content", async () => {
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    const bytes = pdfBytes();
    const row = await saveUpload(t.db, env, {
      ownerOrgId: org.id,
      userId: user.id,
      purpose: "qualification_scan",
      file: fileOf(bytes, "../../资质证书 扫描件.png", "image/png"),
      now: new Date("2026-11-23T20:00:00Z"), // 04:00 on 24 Nov in Shanghai
    });
    expect(row.mimeType).toBe("application/pdf");
    expect(row.storedName).toMatch(/^2026-11\/[0-9a-f-]{36}\.pdf$/);
    expect(row.originalName).toBe("资质证书 扫描件.pdf"); // named after the bytes, not the claim
    expect(row.sizeBytes).toBe(bytes.byteLength);
    expect(row.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const onDisk = await readFile(path.join(uploadDir, row.storedName));
    expect(new Uint8Array(onDisk)).toEqual(bytes);
  });

  it("uses the Shanghai month for the folder", async () => {
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    const row = await saveUpload(t.db, env, {
      ownerOrgId: org.id,
      userId: user.id,
      purpose: "deliverable",
      file: fileOf(docxBytes(), "报告.docx"),
      now: new Date("2026-11-30T16:30:00Z"),
    });
    expect(row.storedName.startsWith("2026-12/")).toBe(true);
    expect(row.storedName.endsWith(".docx")).toBe(true);
  });

  it("refuses a file over 20 MB with 413 and writes nothing", async () => {
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    const before = { rows: await fileRows(), disk: (await listStored()).length };
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(pdfBytes());
    await expectAppError(
      saveUpload(t.db, env, {
        ownerOrgId: org.id,
        userId: user.id,
        purpose: "deliverable",
        file: fileOf(big, "big.pdf"),
        now: NOW,
      }),
      413,
    );
    expect(await fileRows()).toBe(before.rows);
    expect((await listStored()).length).toBe(before.disk);
  });

  it.each([
    [
      "an HTML page named .pdf",
      new TextEncoder().encode("<html><script>alert(1)</script></html>"),
      "report.pdf",
      "deliverable",
    ],
    ["a Word document as a qualification scan", docxBytes(), "scan.docx", "qualification_scan"],
    ["an executable named .jpg", new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), "photo.jpg", "evidence"],
  ] as const)("refuses %s with 415 and writes nothing", async (_name, bytes, name, purpose) => {
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    const before = { rows: await fileRows(), disk: (await listStored()).length };
    await expectAppError(
      saveUpload(t.db, env, {
        ownerOrgId: org.id,
        userId: user.id,
        purpose,
        file: fileOf(bytes, name, "application/pdf"),
        now: NOW,
      }),
      415,
    );
    expect(await fileRows()).toBe(before.rows);
    expect((await listStored()).length).toBe(before.disk);
  });

  it("refuses an empty file", async () => {
    const { org, user } = await registerOrg(t.db, { kind: "provider" });
    await expectAppError(
      saveUpload(t.db, env, {
        ownerOrgId: org.id,
        userId: user.id,
        purpose: "deliverable",
        file: fileOf(new Uint8Array(), "a.pdf"),
        now: NOW,
      }),
      422,
    );
  });

  it("removes the bytes again when the row cannot be written", async () => {
    const before = (await listStored()).length;
    const missingOrg = "00000000-0000-4000-8000-000000000000"; // violates the owner foreign key
    await expect(
      saveUpload(t.db, env, {
        ownerOrgId: missingOrg,
        userId: null,
        purpose: "deliverable",
        file: fileOf(pngBytes(), "a.png"),
        now: NOW,
      }),
    ).rejects.toThrow();
    expect((await listStored()).length).toBe(before);
  });
});

describe("parseUploadForm", () => {
  const multipart = (parts: Array<[string, string | File]>) => {
    const form = new FormData();
    for (const [k, v] of parts) form.append(k, v);
    return new Request("http://localhost/upload", { method: "POST", body: form });
  };

  it("returns the fields and the file", async () => {
    const form = await parseUploadForm(
      multipart([
        ["title", "报告"],
        ["file", fileOf(pdfBytes(), "报告.pdf", "application/pdf")],
      ]),
    );
    expect(form.get("title")).toBe("报告");
    const file = form.get("file") as File;
    expect(file.name).toBe("报告.pdf");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdfBytes());
  });

  it("answers 413 (not 500) for a part over the limit", async () => {
    const request = multipart([["file", fileOf(new Uint8Array(2048), "x.pdf")]]);
    await expectAppError(parseUploadForm(request, 1024), 413);
  });

  it("answers 413 when many parts together exceed the limit", async () => {
    const parts: Array<[string, File]> = [];
    for (let i = 0; i < 40; i++) parts.push([`f${i}`, fileOf(new Uint8Array(3000), `x${i}.pdf`)]);
    const request = multipart(parts);
    request.headers.delete("content-length");
    await expectAppError(parseUploadForm(request, 4096), 413);
  });

  it("answers 413 from a declared Content-Length before reading the body", async () => {
    const request = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_UPLOAD_BYTES * 2) },
      body: "--x--",
    });
    await expectAppError(parseUploadForm(request), 413);
  });

  it("answers 415 for a body that is not multipart", async () => {
    const request = new Request("http://localhost/upload", { method: "POST", body: new URLSearchParams({ a: "b" }) });
    await expectAppError(parseUploadForm(request), 415);
  });
});

describe("who may read a file", () => {
  it("the owner, the platform and the engagement's enterprise — nobody else", async () => {
    const provider = await registerOrg(t.db, { kind: "provider" });
    const client = await registerOrg(t.db, { kind: "enterprise" });
    const stranger = await registerOrg(t.db, { kind: "enterprise" });
    const otherProvider = await registerOrg(t.db, { kind: "provider" });
    const platform = await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330700" });
    const bureau = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330700" });
    const report = await saveUpload(t.db, env, {
      ownerOrgId: provider.org.id,
      userId: provider.user.id,
      purpose: "deliverable",
      file: fileOf(pdfBytes(), "评价报告.pdf"),
      now: NOW,
    });
    const scan = await saveUpload(t.db, env, {
      ownerOrgId: provider.org.id,
      userId: provider.user.id,
      purpose: "qualification_scan",
      file: fileOf(jpegBytes(), "证书.jpg"),
      now: NOW,
    });
    const engagement = await insertEngagement(t.db, { enterpriseId: client.org.id, providerId: provider.org.id });
    await t.db
      .insert(deliverables)
      .values({ engagementId: engagement.id, kind: "report", title: "评价报告", fileId: report.id });

    const can = (fileId: string, org: { id: string; kind: OrgKind }) =>
      canReadFile(t.db, { fileId, orgId: org.id, orgKind: org.kind });
    expect(await can(report.id, provider.org)).toBe(true);
    expect(await can(report.id, client.org)).toBe(true);
    expect(await can(report.id, platform.org)).toBe(true);
    expect(await can(report.id, stranger.org)).toBe(false);
    expect(await can(report.id, otherProvider.org)).toBe(false);
    expect(await can(report.id, bureau.org)).toBe(false);
    // The scan is not a deliverable: the client of an engagement does not get to read it.
    expect(await can(scan.id, provider.org)).toBe(true);
    expect(await can(scan.id, platform.org)).toBe(true);
    expect(await can(scan.id, client.org)).toBe(false);
    expect(await can("not-a-uuid", platform.org)).toBe(false);
  });
});

describe("GET /files/:fileId", () => {
  async function get(fileId: string, userId: string, orgId: string) {
    const { token } = await createSession(t.db, { userId, activeOrgId: orgId, now: new Date() });
    const request = new Request(`http://localhost/files/${fileId}`, { headers: { Cookie: `anfu_session=${token}` } });
    try {
      return await fileLoader({
        request,
        params: { fileId },
        context: { db: t.db, env, cspNonce: "", clientIp: "127.0.0.1" },
      });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  it("streams the file as an attachment with nosniff, and 404s for others and for missing files alike", async () => {
    const owner = await registerOrg(t.db, { kind: "provider" });
    const other = await registerOrg(t.db, { kind: "provider" });
    const row = await saveUpload(t.db, env, {
      ownerOrgId: owner.org.id,
      userId: owner.user.id,
      purpose: "deliverable",
      file: fileOf(pdfBytes(), "安全现状评价报告.pdf"),
      now: NOW,
    });

    const ok = await get(row.id, owner.user.id, owner.org.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("content-disposition")).toBe(
      `attachment; filename="________.pdf"; filename*=UTF-8''${encodeURIComponent("安全现状评价报告.pdf")}`,
    );
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(pdfBytes());

    const refused = await get(row.id, other.user.id, other.org.id);
    const missing = await get("6f1c1d2e-0000-4000-8000-000000000000", other.user.id, other.org.id);
    expect(refused.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await refused.text()).toBe(await missing.text());
  });

  it("404s when the row exists but the bytes are gone", async () => {
    const owner = await registerOrg(t.db, { kind: "provider" });
    const row = await saveUpload(t.db, env, {
      ownerOrgId: owner.org.id,
      userId: owner.user.id,
      purpose: "deliverable",
      file: fileOf(pngBytes(), "a.png"),
      now: NOW,
    });
    await rm(path.join(uploadDir, row.storedName));
    await expect(openStoredFile(env, row)).rejects.toBeInstanceOf(AppError);
    expect((await get(row.id, owner.user.id, owner.org.id)).status).toBe(404);
    const [still] = await t.db.select().from(files).where(eq(files.id, row.id));
    expect(still).toBeDefined();
  });
});
