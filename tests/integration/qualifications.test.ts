// Qualifications (资质): the provider submits one with its certificate scan; it counts for
// nothing until the platform admin verifies it; every decision is audited; nobody but the
// provider and the platform sees the scan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { auditLog, files, qualifications } from "../../db/schema";
import { QualificationSchema } from "../../app/forms/provider";
import { canReadFile } from "../../app/services/files.server";
import {
  addQualification,
  decideQualification,
  listOwnQualifications,
  listQualificationQueue,
  withdrawQualification,
} from "../../app/services/qualifications.server";
import { AppError } from "../../app/utils/errors";
import { createSession } from "../../app/services/sessions.server";
import { loadEnv } from "../../app/utils/env.server";
import { action as newQualificationAction } from "../../app/routes/provider/qualification-new";
import { createOrgWithOwner } from "../factories/accounts";
import { docxBytes, fileOf, pdfBytes } from "../factories/files";
import { providerWithActor, tempUploadDir } from "../factories/providers";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
let uploads: Awaited<ReturnType<typeof tempUploadDir>>;
let admin: { actor: { userId: string; orgId: string; ip: string }; orgId: string };
beforeAll(async () => {
  t = await createTestDb();
  uploads = await tempUploadDir();
  const platform = await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330700" });
  admin = { actor: { userId: platform.user.id, orgId: platform.org.id, ip: "198.51.100.1" }, orgId: platform.org.id };
});
afterAll(async () => {
  await t.close();
  await uploads.remove();
});

async function statusOf(work: Promise<unknown>): Promise<number | "ok"> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

let certCounter = 0;
const form = (over: Record<string, string> = {}) =>
  QualificationSchema.parse({
    type: "safety_assessment",
    certificateNo: `APJ-(浙)-${++certCounter}`,
    issuer: "浙江省应急管理厅",
    scope: "金属冶炼；建筑施工；危险化学品生产和储存",
    validFrom: "2024-03-01",
    validTo: "2029-02-28",
    ...over,
  });
const scan = () => fileOf(pdfBytes(), "安全评价机构资质证书.pdf", "application/pdf");

describe("submitting", () => {
  it("stores the scan and a pending qualification covering the type's categories", async () => {
    const p = await providerWithActor(t.db);
    const q = await addQualification(t.db, uploads.env, p.actor, {
      ...form({ type: "registered_safety_engineer" }),
      scan: scan(),
      now: NOW,
    });
    expect(q.status).toBe("pending");
    expect(q.scopeCategories).toEqual(["engineer_firm", "consulting", "custody"]);
    const [file] = await t.db.select().from(files).where(eq(files.id, q.scanFileId!));
    expect(file!.ownerOrgId).toBe(p.org.id);
    expect(file!.purpose).toBe("qualification_scan");
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, q.id), eq(auditLog.action, "qualification.submitted")));
    expect(audit!.orgId).toBe(p.org.id);
  });

  it("keeps the provider's own category claim only for type 'other'", async () => {
    const p = await providerWithActor(t.db);
    const other = await addQualification(t.db, uploads.env, p.actor, {
      ...form({ type: "other", scopeCategories: "training,rescue" }),
      scan: scan(),
      now: NOW,
    });
    expect(other.scopeCategories).toEqual(["training", "rescue"]);
    const typed = await addQualification(t.db, uploads.env, p.actor, {
      ...form({ type: "rescue_team", scopeCategories: "assessment" }),
      scan: scan(),
      now: NOW,
    });
    expect(typed.scopeCategories).toEqual(["rescue"]);
  });

  it("refuses a scan that is not a PDF or picture (415), and writes nothing", async () => {
    const p = await providerWithActor(t.db);
    const before = { files: (await t.db.select({ n: count() }).from(files))[0]!.n, disk: await uploads.storedFiles() };
    const status = await statusOf(
      addQualification(t.db, uploads.env, p.actor, {
        ...form(),
        scan: fileOf(docxBytes(), "证书.pdf", "application/pdf"),
        now: NOW,
      }),
    );
    expect(status).toBe(415);
    expect(await t.db.select().from(qualifications).where(eq(qualifications.providerId, p.org.id))).toHaveLength(0);
    expect((await t.db.select({ n: count() }).from(files))[0]!.n).toBe(before.files);
    expect(await uploads.storedFiles()).toBe(before.disk);
  });

  it("removes the stored scan when the qualification cannot be recorded (duplicate)", async () => {
    const p = await providerWithActor(t.db);
    const input = form();
    await addQualification(t.db, uploads.env, p.actor, { ...input, scan: scan(), now: NOW });
    const before = { files: (await t.db.select({ n: count() }).from(files))[0]!.n, disk: await uploads.storedFiles() };
    expect(await statusOf(addQualification(t.db, uploads.env, p.actor, { ...input, scan: scan(), now: NOW }))).toBe(
      409,
    );
    expect((await t.db.select({ n: count() }).from(files))[0]!.n).toBe(before.files);
    expect(await uploads.storedFiles()).toBe(before.disk);
  });

  it("requires a scan, and validity that ends after it starts", async () => {
    const p = await providerWithActor(t.db);
    expect(await statusOf(addQualification(t.db, uploads.env, p.actor, { ...form(), scan: null, now: NOW }))).toBe(422);
    expect(() => form({ validFrom: "2026-01-01", validTo: "2025-12-31" })).toThrow();
    expect(() => form({ validTo: "2026-02-30" })).toThrow();
  });

  it("is for providers only", async () => {
    const e = await providerWithActor(t.db, { kind: "enterprise" });
    expect(await statusOf(addQualification(t.db, uploads.env, e.actor, { ...form(), scan: scan(), now: NOW }))).toBe(
      403,
    );
  });
});

describe("platform review", () => {
  it("verifies from the queue, with an audit entry; a second decision is refused", async () => {
    const p = await providerWithActor(t.db);
    const q = await addQualification(t.db, uploads.env, p.actor, { ...form(), scan: scan(), now: NOW });
    const queue = await listQualificationQueue(t.db, { status: "pending" });
    const entry = queue.rows.find((r) => r.id === q.id);
    expect(entry).toMatchObject({
      providerId: p.org.id,
      scanFileId: q.scanFileId,
      scanName: "安全评价机构资质证书.pdf",
    });
    expect(await canReadFile(t.db, { fileId: q.scanFileId!, orgId: admin.orgId, orgKind: "platform" })).toBe(true);

    await decideQualification(t.db, admin.actor, { qualificationId: q.id, decision: "verify", now: NOW });
    const [row] = await t.db.select().from(qualifications).where(eq(qualifications.id, q.id));
    expect(row!.status).toBe("verified");
    expect(row!.reviewedByUserId).toBe(admin.actor.userId);
    expect(row!.reviewedAt).not.toBeNull();
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, q.id), eq(auditLog.action, "qualification.verified")));
    expect(audit).toMatchObject({ actorUserId: admin.actor.userId, orgId: p.org.id });
    expect((await listQualificationQueue(t.db, { status: "pending" })).rows.some((r) => r.id === q.id)).toBe(false);
    expect(
      await statusOf(decideQualification(t.db, admin.actor, { qualificationId: q.id, decision: "verify", now: NOW })),
    ).toBe(409);
  });

  it("rejects only with a reason, which the provider then reads", async () => {
    const p = await providerWithActor(t.db);
    const q = await addQualification(t.db, uploads.env, p.actor, { ...form(), scan: scan(), now: NOW });
    expect(
      await statusOf(decideQualification(t.db, admin.actor, { qualificationId: q.id, decision: "reject", now: NOW })),
    ).toBe(422);
    await decideQualification(t.db, admin.actor, {
      qualificationId: q.id,
      decision: "reject",
      reason: "扫描件模糊，证书编号无法辨认",
      now: NOW,
    });
    const [own] = await listOwnQualifications(t.db, { providerId: p.org.id, today: "2026-11-23" });
    expect(own).toMatchObject({ status: "rejected", rejectReason: "扫描件模糊，证书编号无法辨认", inForce: false });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, q.id), eq(auditLog.action, "qualification.rejected")));
    expect(audit!.data).toMatchObject({ reason: "扫描件模糊，证书编号无法辨认", from: "pending" });
  });

  it("can revoke a verified qualification", async () => {
    const p = await providerWithActor(t.db);
    const q = await addQualification(t.db, uploads.env, p.actor, { ...form(), scan: scan(), now: NOW });
    await decideQualification(t.db, admin.actor, { qualificationId: q.id, decision: "verify", now: NOW });
    await decideQualification(t.db, admin.actor, {
      qualificationId: q.id,
      decision: "reject",
      reason: "发证机关通报该证书已注销",
      now: NOW,
    });
    const [row] = await t.db.select().from(qualifications).where(eq(qualifications.id, q.id));
    expect(row!.status).toBe("rejected");
  });
});

describe("another provider", () => {
  it("sees none of them, cannot withdraw them, and cannot read the scan", async () => {
    const a = await providerWithActor(t.db);
    const b = await providerWithActor(t.db);
    const q = await addQualification(t.db, uploads.env, a.actor, { ...form(), scan: scan(), now: NOW });
    expect(await listOwnQualifications(t.db, { providerId: b.org.id, today: "2026-11-23" })).toHaveLength(0);
    expect(await statusOf(withdrawQualification(t.db, b.actor, q.id))).toBe(404);
    expect(await t.db.select().from(qualifications).where(eq(qualifications.id, q.id))).toHaveLength(1);
    expect(await canReadFile(t.db, { fileId: q.scanFileId!, orgId: b.org.id, orgKind: "provider" })).toBe(false);
    expect(await canReadFile(t.db, { fileId: q.scanFileId!, orgId: a.org.id, orgKind: "provider" })).toBe(true);
  });
});

describe("withdrawing", () => {
  it("takes back a pending one but keeps a verified one on record", async () => {
    const p = await providerWithActor(t.db);
    const pending = await addQualification(t.db, uploads.env, p.actor, { ...form(), scan: scan(), now: NOW });
    await withdrawQualification(t.db, p.actor, pending.id);
    expect(await t.db.select().from(qualifications).where(eq(qualifications.id, pending.id))).toHaveLength(0);
    const verified = await addQualification(t.db, uploads.env, p.actor, { ...form(), scan: scan(), now: NOW });
    await decideQualification(t.db, admin.actor, { qualificationId: verified.id, decision: "verify", now: NOW });
    expect(await statusOf(withdrawQualification(t.db, p.actor, verified.id))).toBe(409);
  });
});

describe("the upload form (route action)", () => {
  async function submit(p: Awaited<ReturnType<typeof providerWithActor>>, scanFile: File | null) {
    const { token } = await createSession(t.db, { userId: p.user.id, activeOrgId: p.org.id, now: new Date() });
    const body = new FormData();
    for (const [k, v] of Object.entries({
      type: "safety_assessment",
      certificateNo: `ROUTE-${++certCounter}`,
      issuer: "浙江省应急管理厅",
      scope: "金属冶炼",
      validFrom: "2025-01-01",
      validTo: "2029-12-31",
    }))
      body.append(k, v);
    if (scanFile) body.append("scan", scanFile);
    const request = new Request("http://localhost/provider/qualifications/new", {
      method: "POST",
      body,
      headers: { Cookie: `anfu_session=${token}` },
    });
    const env = loadEnv({ NODE_ENV: "test", UPLOAD_DIR: uploads.env.UPLOAD_DIR });
    try {
      return await newQualificationAction({
        request,
        params: {},
        context: { db: t.db, env, cspNonce: "", clientIp: "127.0.0.1" },
      });
    } catch (thrown) {
      return thrown;
    }
  }
  const statusOfResult = (result: unknown) =>
    result instanceof Response
      ? result.status
      : ((result as { init?: { status?: number } | null }).init?.status ?? 200);

  it("answers 413 for an oversize scan and 415 for a disguised one, keeping what was typed, writing nothing", async () => {
    const p = await providerWithActor(t.db);
    const before = { files: (await t.db.select({ n: count() }).from(files))[0]!.n, disk: await uploads.storedFiles() };
    const big = new Uint8Array(20 * 1024 * 1024 + 10);
    big.set(pdfBytes());
    expect(statusOfResult(await submit(p, fileOf(big, "big.pdf")))).toBe(413);
    const disguised = await submit(p, fileOf(new TextEncoder().encode("<html></html>"), "scan.pdf", "application/pdf"));
    expect(statusOfResult(disguised)).toBe(415);
    expect((disguised as { data: { values: Record<string, string> } }).data.values.issuer).toBe("浙江省应急管理厅");
    expect(await t.db.select().from(qualifications).where(eq(qualifications.providerId, p.org.id))).toHaveLength(0);
    expect((await t.db.select({ n: count() }).from(files))[0]!.n).toBe(before.files);
    expect(await uploads.storedFiles()).toBe(before.disk);
  });

  it("redirects to the list after a good upload", async () => {
    const p = await providerWithActor(t.db);
    const result = await submit(p, scan());
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("location")).toBe("/provider/qualifications?submitted=1");
    expect(await t.db.select().from(qualifications).where(eq(qualifications.providerId, p.org.id))).toHaveLength(1);
  });
});
