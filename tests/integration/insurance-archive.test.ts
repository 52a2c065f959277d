// 一企一档 (issue 9): one insurer's archive of an insured enterprise, and what a new insurer sees
// when the enterprise changes insurer: the enterprise's hazards found before and their state,
// but not the prior insurer's policies, plans, ledger or complaints.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import type { IsoDate } from "../../app/domain/calendar-date";
import {
  archiveWorkbook,
  getEnterpriseArchive,
  policyYears,
  yearlyAssessment,
} from "../../app/services/insurance-archive.server";
import { fileComplaint, listInsurerComplaints } from "../../app/services/insurance-complaints.server";
import { commissionProvider, listLedger } from "../../app/services/prevention-fees.server";
import { AppError } from "../../app/utils/errors";
import { eq } from "drizzle-orm";
import { insurancePlanItems, memberships, users } from "../../db/schema";
import { createOrgWithOwner } from "../factories/accounts";
import { verifiedProvider } from "../factories/engagements";
import { insertPolicy, policyInput } from "../factories/insurance";
import { insertQualification } from "../factories/providers";
import { insertHazard, insertInspection } from "../factories/safety";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
const now = new Date("2026-03-02T02:00:00Z");
const today = "2026-06-30" as IsoDate;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

async function codeOf(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("policy years and the yearly assessment", () => {
  it("splits a policy into years from its start and counts items due, done and the completion rate", () => {
    expect(policyYears("2025-03-01", "2027-02-28")).toEqual([
      { year: 1, from: "2025-03-01", to: "2026-02-28" },
      { year: 2, from: "2026-03-01", to: "2027-02-28" },
    ]);
    const rows = yearlyAssessment(
      [{ id: "p", policyNumber: "P1", startDate: "2025-03-01", endDate: "2027-02-28" }],
      [
        { policyId: "p", dueDate: "2025-05-01", state: "done" },
        { policyId: "p", dueDate: "2025-08-01", state: "open" },
        { policyId: "p", dueDate: "2025-09-01", state: "cancelled" },
        { policyId: "p", dueDate: "2026-05-01", state: "done" },
        { policyId: "p", dueDate: "2026-12-01", state: "open" }, // not yet due on 2026-06-30
      ],
      "2026-06-30" as IsoDate,
    );
    expect(rows.map((r) => [r.year, r.due, r.done, r.completionPct])).toEqual([
      [1, 2, 1, 50],
      [2, 1, 1, 100],
    ]);
  });
});

describe("changing insurer", () => {
  it("the new insurer sees the enterprise's prior hazards, not the prior insurer's policies, plan, ledger or complaints", async () => {
    const a = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
    const b = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
    const bureau = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330702" });
    const p = await verifiedProvider(t.db, { servedRegions: ["330702"] });
    await insertQualification(t.db, p.org!.id);
    const enterprise = policyInput().enterprise;
    const { policy: old } = await insertPolicy(t.db, a.org.id, {
      enterprise,
      policyNumber: "OLD-1",
      startDate: "2025-01-01" as IsoDate,
      endDate: "2025-12-31" as IsoDate,
    });
    const enterpriseId = old.enterpriseId;
    // The prior insurer's ledger, complaint and a hazard a government inspection found.
    const [item] = await t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.policyId, old.id));
    await commissionProvider(
      t.db,
      { orgId: a.org.id, userId: a.user.id, ip: "203.0.113.9" },
      {
        itemId: item!.id,
        providerId: p.org!.id,
        category: "consulting",
        title: "旧保险的委托",
        scope: "检查",
        priceFen: 1_000,
        overrunApproved: false,
        overrunReason: null,
      },
      now,
    );
    const [u] = await t.db
      .insert(users)
      .values({ email: `arch-${Date.now()}@test.anfu`, name: "企业", passwordHash: "x" })
      .returning();
    await t.db.insert(memberships).values({ userId: u!.id, orgId: enterpriseId, role: "owner" });
    await fileComplaint(
      t.db,
      { orgId: enterpriseId, userId: u!.id, ip: "203.0.113.1" },
      { policyId: old.id, planItemId: null, subject: "旧保险投诉", body: "……" },
      "2025-06-02" as IsoDate,
      now,
    );
    const inspection = await insertInspection(t.db, {
      enterpriseId,
      inspectorOrgId: bureau.org.id,
      source: "government",
      inspectedOn: "2025-05-10",
    });
    await insertHazard(t.db, {
      enterpriseId,
      inspectionId: inspection.id,
      finderOrgId: bureau.org.id,
      description: "配电箱未接地",
      status: "rectifying",
    });

    // The enterprise moves to insurer B.
    const { policy: fresh } = await insertPolicy(t.db, b.org.id, {
      enterprise,
      policyNumber: "NEW-1",
      startDate: "2026-01-01" as IsoDate,
      endDate: "2026-12-31" as IsoDate,
    });
    expect(fresh.enterpriseId).toBe(enterpriseId);

    const seenByB = await getEnterpriseArchive(t.db, b.org.id, enterpriseId, today);
    expect(seenByB.policies.map((x) => x.policyNumber)).toEqual(["NEW-1"]);
    expect(seenByB.items.every((i) => i.policyNumber === "NEW-1")).toBe(true);
    expect(seenByB.commissions).toEqual([]);
    expect(seenByB.entries.every((e) => e.policyNumber === "NEW-1")).toBe(true);
    expect(seenByB.complaints).toEqual([]);
    expect(seenByB.hazards.map((h) => [h.description, h.status])).toEqual([["配电箱未接地", "rectifying"]]);
    // Nor in B's lists.
    expect((await listLedger(t.db, b.org.id, { q: "OLD-1" })).total).toBe(0);
    expect((await listInsurerComplaints(t.db, b.org.id, {}, today)).total).toBe(0);

    // A still keeps its own archive of the enterprise (retention), and not B's policy.
    const seenByA = await getEnterpriseArchive(t.db, a.org.id, enterpriseId, today);
    expect(seenByA.policies.map((x) => x.policyNumber)).toEqual(["OLD-1"]);
    expect(seenByA.commissions.map((c) => c.title)).toEqual(["旧保险的委托"]);
    expect(seenByA.complaints.map((c) => c.subject)).toEqual(["旧保险投诉"]);

    // An insurer that never insured it has no archive of it.
    const c = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
    expect(await codeOf(getEnterpriseArchive(t.db, c.org.id, enterpriseId, today))).toBe("not_found");

    // The export is one workbook with the archive's sheets.
    const response = await archiveWorkbook(seenByB);
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "保单",
      "服务计划",
      "服务记录",
      "委托服务",
      "预防费台账",
      "投诉",
      "年度考核",
      "企业隐患",
    ]);
  });
});
