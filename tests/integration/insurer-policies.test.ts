// The insurer's policies (issue 9, "Policies"): `POST /api/v1/policies` with exactly the issue's
// body (201, 400 naming the field, 409 for a number the insurer already used, an unknown USCC put
// on the register as unclaimed), `GET /api/v1/policies/:id/plan` (other insurers 404), the
// spreadsheet import (per-row errors, nothing written unless every row is valid, 5,000 rows in one
// go) and cancelling (future items cancelled in the same transaction, audited).
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, insurancePlanItems, insurancePolicies, organisations, type Organisation } from "../../db/schema";
import type { IsoDate } from "../../app/domain/calendar-date";
import { createApiToken } from "../../app/services/api-tokens.server";
import {
  cancelPolicy,
  getPolicyDetail,
  listPolicies,
  previewPolicyImport,
  runPolicyImport,
} from "../../app/services/insurer-policies.server";
import { action as apiPostPolicy } from "../../app/routes/api/policies";
import { loader as apiPlan } from "../../app/routes/api/policy-plan";
import { loadEnv } from "../../app/utils/env.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner, makeUscc } from "../factories/accounts";
import { insertPolicy } from "../factories/insurance";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let env: ReturnType<typeof loadEnv>;
let insurer: Organisation;
let other: Organisation;
let insurerUser: { id: string };
let secret: string;
let otherSecret: string;
let enterpriseSecret: string;

beforeAll(async () => {
  t = await createTestDb();
  env = loadEnv({ NODE_ENV: "test", RATE_LIMIT_IP_PER_MINUTE: "0", RATE_LIMIT_TOKEN_PER_MINUTE: "0" });
  const a = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
  const b = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
  const e = await createOrgWithOwner(t.db, { kind: "enterprise", regionCode: "330702" });
  insurer = a.org;
  other = b.org;
  insurerUser = a.user;
  secret = (await createApiToken(t.db, { userId: a.user.id, orgId: a.org.id, ip: "127.0.0.1" }, "core")).secret;
  otherSecret = (await createApiToken(t.db, { userId: b.user.id, orgId: b.org.id, ip: "127.0.0.1" }, "core")).secret;
  enterpriseSecret = (await createApiToken(t.db, { userId: e.user.id, orgId: e.org.id, ip: "127.0.0.1" }, "x")).secret;
});
afterAll(async () => t?.close());

const body = (over: Record<string, unknown> = {}) => ({
  policyNumber: `API-${Math.random().toString(36).slice(2, 10)}`,
  enterprise: { uscc: makeUscc("330702"), name: "金华接口测试企业", regionCode: "330702" },
  premiumFen: 1200000,
  preventionFeeBps: 1500,
  startDate: "2026-01-01",
  endDate: "2026-12-31",
  riskGrade: "yellow",
  optionalServices: ["one_enterprise_one_plan", "remote_guidance", "onsite_stationing"],
  ...over,
});

const post = (payload: unknown, token = secret) =>
  apiPostPolicy({
    request: new Request("http://anfu.test/api/v1/policies", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: typeof payload === "string" ? payload : JSON.stringify(payload),
    }),
    context: { db: t.db, env, clientIp: "127.0.0.1" },
    params: {},
  });

const plan = (policyId: string, token = secret) =>
  apiPlan({
    request: new Request(`http://anfu.test/api/v1/policies/${policyId}/plan`, {
      headers: { Authorization: `Bearer ${token}` },
    }),
    context: { db: t.db, env, clientIp: "127.0.0.1" },
    params: { policyId },
  });

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

describe("POST /api/v1/policies", () => {
  it("writes the policy with the issue's body and answers 201 with it; an unknown USCC becomes an unclaimed enterprise", async () => {
    const payload = body();
    const response = await post(payload);
    expect(response.status).toBe(201);
    const { policy } = (await response.json()) as { policy: Record<string, unknown> };
    expect(policy).toMatchObject({
      policyNumber: payload.policyNumber,
      premiumFen: 1200000,
      preventionFeeBps: 1500,
      startDate: "2026-01-01",
      endDate: "2026-12-31",
      riskGrade: "yellow",
      status: "active",
    });
    expect(typeof policy.id).toBe("string");
    const [org] = await t.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, policy.enterpriseId as string));
    expect(org).toMatchObject({ kind: "enterprise", unclaimed: true, uscc: payload.enterprise.uscc });
  });

  it.each([
    ["premiumFen", { premiumFen: "12000" }, "invalid_type"],
    ["preventionFeeBps", { preventionFeeBps: 10001 }, "out_of_range"],
    ["enterprise.uscc", { enterprise: { uscc: "123", name: "某企业", regionCode: "330702" } }, "invalid_uscc"],
    ["riskGrade", { riskGrade: "green" }, "invalid_grade"],
    ["endDate", { endDate: "2025-12-31" }, "end_before_start"],
    ["optionalServices[0]", { optionalServices: ["massage"] }, "unknown_service"],
    ["premium", { premium: 1 }, "unknown_field"],
  ])("answers 400 naming %s", async (field, over, code) => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(insurancePolicies);
    const response = await post(body(over));
    expect(response.status).toBe(400);
    const error = ((await response.json()) as ErrorBody).error;
    expect(error.fields).toMatchObject({ [field]: code });
    expect(error.message).toContain(field);
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(insurancePolicies);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("answers 400 for a body that is not JSON", async () => {
    expect((await post("{nope")).status).toBe(400);
  });

  it("answers 409 for a policy number the insurer already used, and another insurer may use it", async () => {
    const payload = body();
    expect((await post(payload)).status).toBe(201);
    const again = await post({ ...payload, enterprise: { ...payload.enterprise } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.code).toBe("policy_number_taken");
    expect((await post(payload, otherSecret)).status).toBe(201);
  });

  it("refuses an enterprise's token with 403", async () => {
    expect((await post(body(), enterpriseSecret)).status).toBe(403);
  });
});

describe("GET /api/v1/policies/:id/plan", () => {
  it("answers the derived plan with 1-based sequences, dates, status and assignee; other insurers get 404", async () => {
    const created = await post(body({ riskGrade: "blue", optionalServices: [] }));
    const { policy } = (await created.json()) as { policy: { id: string } };
    const response = await plan(policy.id);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as {
      items: Array<{
        service: string;
        sequence: number;
        windowStart: string;
        dueDate: string;
        status: string;
        assignee: unknown;
      }>;
    };
    expect(items).toHaveLength(9);
    expect(items[0]).toMatchObject({
      service: "risk_assessment",
      sequence: 1,
      windowStart: "2026-01-01",
      dueDate: "2026-01-31",
      assignee: null,
    });
    expect(items.filter((i) => i.service === "key_inspection").map((i) => i.sequence)).toEqual([1, 2, 3, 4]);
    for (const i of items) expect(typeof i.status).toBe("string");
    expect((await plan(policy.id, otherSecret)).status).toBe(404);
    expect((await plan(policy.id, enterpriseSecret)).status).toBe(404);
    expect((await plan("not-a-uuid")).status).toBe(404);
  });
});

// ---------------------------------------------------------------- the import

const HEADER = [
  "保单号",
  "统一社会信用代码",
  "企业名称",
  "行政区划代码",
  "保费(元)",
  "事故预防费用比例",
  "起保日期",
  "终保日期",
  "风险等级",
  "个性化服务",
];
const csv = (rows: string[][]) => new TextEncoder().encode([HEADER, ...rows].map((r) => r.join(",")).join("\n"));
const row = (n: string, over: Partial<Record<number, string>> = {}) => {
  const r = [n, makeUscc("330702"), "导入测试企业", "330702", "12000", "15%", "2026/1/1", "2026/12/31", "黄", ""];
  for (const [i, v] of Object.entries(over)) r[Number(i)] = v!;
  return r;
};
const countOf = async (insurerId: string) =>
  (
    await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(insurancePolicies)
      .where(eq(insurancePolicies.insurerId, insurerId))
  )[0]!.n;

describe("the spreadsheet import", () => {
  it("reports per-row errors (row, field, reason) including numbers in the file twice and numbers already used; writes nothing", async () => {
    await insertPolicy(t.db, insurer.id, { policyNumber: "IMP-TAKEN" });
    const bytes = csv([
      row("IMP-1"),
      row("IMP-2", { 8: "绿" }),
      row("IMP-1"),
      row("IMP-TAKEN"),
      row("IMP-5", { 4: "abc" }),
    ]);
    const preview = await previewPolicyImport(t.db, { insurerId: insurer.id, bytes });
    expect(preview.ok).toBe(false);
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: "riskGrade", code: "invalid_grade" }),
        expect.objectContaining({ row: 4, field: "policyNumber", code: "duplicate_in_file", firstRow: 2 }),
        expect.objectContaining({ row: 5, field: "policyNumber", code: "number_taken" }),
        expect.objectContaining({ row: 6, field: "premiumYuan", code: "invalid_amount" }),
      ]),
    );
    const before = await countOf(insurer.id);
    await expect(
      runPolicyImport(t.db, {
        insurerId: insurer.id,
        actor: { userId: insurerUser.id },
        filename: "bad.csv",
        bytes,
        today: "2026-03-01" as IsoDate,
        now: new Date("2026-03-01T02:00:00Z"),
      }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await countOf(insurer.id)).toBe(before);
  });

  it("imports 5,000 rows in one transaction with progress, one audit row, and every plan", async () => {
    const importer = (await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" })).org;
    const rows = Array.from({ length: 5000 }, (_, i) => row(`BULK-${String(i).padStart(5, "0")}`));
    const bytes = csv(rows);
    const preview = await previewPolicyImport(t.db, { insurerId: importer.id, bytes });
    expect(preview.errors).toEqual([]);
    const progress: number[] = [];
    const result = await runPolicyImport(t.db, {
      insurerId: importer.id,
      actor: { userId: insurerUser.id },
      filename: "bulk.csv",
      bytes,
      today: "2026-03-01" as IsoDate,
      now: new Date("2026-03-01T02:00:00Z"),
      onProgress: (p) => {
        progress.push(p.done);
      },
    });
    expect(result.written).toBe(5000);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(5000);
    expect(progress.length).toBeGreaterThan(2);
    expect(await countOf(importer.id)).toBe(5000);
    const [items] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(insurancePlanItems)
      .where(eq(insurancePlanItems.insurerId, importer.id));
    expect(items!.n).toBe(5000 * 9);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, importer.id), eq(auditLog.action, "insurance_policy.imported")));
    expect(audits).toHaveLength(1);
    const perRow = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.orgId, importer.id), eq(auditLog.action, "insurance_policy.written")));
    expect(perRow[0]!.n).toBe(0);
  }, 600_000);
});

describe("the list, one policy, cancelling", () => {
  it("lists only the insurer's own policies with filters, shows expired by date, and 404s another insurer's policy", async () => {
    const mine = await insertPolicy(t.db, other.id, { policyNumber: "LIST-RED", riskGrade: "red" });
    await insertPolicy(t.db, other.id, {
      policyNumber: "LIST-OLD",
      startDate: "2024-01-01" as IsoDate,
      endDate: "2024-12-31" as IsoDate,
    });
    const today = "2026-03-01" as IsoDate;
    const red = await listPolicies(t.db, other.id, { grade: "red" }, today);
    expect(red.rows.map((r) => r.policyNumber)).toContain("LIST-RED");
    expect(red.rows.every((r) => r.riskGrade === "red")).toBe(true);
    const expired = await listPolicies(t.db, other.id, { status: "expired" }, today);
    expect(expired.rows.map((r) => r.policyNumber)).toEqual(["LIST-OLD"]);
    const search = await listPolicies(t.db, other.id, { q: "list-r" }, today);
    expect(search.rows.map((r) => r.policyNumber)).toEqual(["LIST-RED"]);
    const range = await listPolicies(t.db, other.id, { startFrom: "2025-01-01", startTo: "2026-06-30" }, today);
    expect(range.rows.map((r) => r.policyNumber)).not.toContain("LIST-OLD");
    expect((await listPolicies(t.db, insurer.id, { q: "LIST-" }, today)).total).toBe(0);
    await expect(getPolicyDetail(t.db, insurer.id, mine.policy.id, today)).rejects.toMatchObject({ status: 404 });
    const detail = await getPolicyDetail(t.db, other.id, mine.policy.id, today);
    expect(detail.fundFen).toBe(180_000);
    expect(detail.items.length).toBeGreaterThan(9);
  });

  it("cancels with a date inside the term: future items cancelled, past ones kept, audited; twice is 409", async () => {
    const { policy } = await insertPolicy(t.db, insurer.id, { policyNumber: "CANCEL-1" });
    const today = "2026-05-10" as IsoDate;
    const now = new Date("2026-05-10T02:00:00Z");
    const actor = { userId: insurerUser.id };
    await expect(
      cancelPolicy(t.db, {
        insurerId: other.id,
        actor,
        policyId: policy.id,
        cancelledOn: today,
        reason: "x",
        today,
        now,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      cancelPolicy(t.db, {
        insurerId: insurer.id,
        actor,
        policyId: policy.id,
        cancelledOn: "2027-02-01" as IsoDate,
        reason: "x",
        today,
        now,
      }),
    ).rejects.toMatchObject({ status: 422 });
    await cancelPolicy(t.db, {
      insurerId: insurer.id,
      actor,
      policyId: policy.id,
      cancelledOn: today,
      reason: "企业停产",
      today,
      now,
    });
    const detail = await getPolicyDetail(t.db, insurer.id, policy.id, today);
    expect(detail.policy.status).toBe("cancelled");
    expect(detail.policy.cancelledOn).toBe("2026-05-10");
    expect(detail.items.every((i) => i.windowStart < "2026-05-10")).toBe(true);
    expect(detail.items.length).toBeGreaterThan(0);
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, policy.id), eq(auditLog.action, "insurance_policy.cancelled")));
    expect(audit?.data).toMatchObject({ reason: "企业停产" });
    await expect(
      cancelPolicy(t.db, {
        insurerId: insurer.id,
        actor,
        policyId: policy.id,
        cancelledOn: today,
        reason: "x",
        today,
        now,
      }),
    ).rejects.toMatchObject({ status: 409 });
  });
});
