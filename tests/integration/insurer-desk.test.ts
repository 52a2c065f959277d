// The insurer's desk (issue 9, "Insurer dashboard"): its panels count what the status rule
// (plan-item-status.ts) says item by item, only for the acting insurer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { insurancePlanItems } from "../../db/schema";
import type { IsoDate } from "../../app/domain/calendar-date";
import { planItemStatus } from "../../app/domain/plan-item-status";
import { insurerDesk, insurerDeskSummary, overdueItems } from "../../app/services/insurer-desk.server";
import { createOrgWithOwner } from "../factories/accounts";
import { insertPolicy } from "../factories/insurance";
import { createTestDb, type TestDb } from "../setup/test-db";

const TODAY = "2026-04-03" as IsoDate;
let t: TestDb;
let insurerId: string;
let otherInsurerId: string;
let staffId: string;

beforeAll(async () => {
  t = await createTestDb();
  const insurer = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
  insurerId = insurer.org.id;
  staffId = insurer.user.id;
  otherInsurerId = (await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" })).org.id;
  const a = await insertPolicy(t.db, insurerId);
  await insertPolicy(t.db, insurerId, { riskGrade: "red" });
  // Expired: not in force, its items count in no completion figure.
  await insertPolicy(t.db, insurerId, { startDate: "2025-01-01" as IsoDate, endDate: "2025-12-31" as IsoDate });
  await insertPolicy(t.db, otherInsurerId);
  const itemsA = await t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.policyId, a.policy.id));
  // Assign all of policy A to the staff member; mark its risk assessment done; schedule one key inspection.
  await t.db
    .update(insurancePlanItems)
    .set({ assigneeKind: "staff", assigneeUserId: staffId })
    .where(eq(insurancePlanItems.policyId, a.policy.id));
  const assessment = itemsA.find((i) => i.service === "risk_assessment")!;
  await t.db
    .update(insurancePlanItems)
    .set({ state: "done", doneAt: new Date("2026-04-02T02:00:00Z") })
    .where(eq(insurancePlanItems.id, assessment.id));
});
afterAll(async () => t?.close());

async function expectedStatuses(policyFilter?: string[]) {
  const rows = await t.db
    .select()
    .from(insurancePlanItems)
    .where(
      policyFilter ? inArray(insurancePlanItems.policyId, policyFilter) : eq(insurancePlanItems.insurerId, insurerId),
    );
  return rows.map((r) => ({
    ...r,
    status: planItemStatus(
      {
        dueDate: r.dueDate,
        cancelled: r.state === "cancelled",
        scheduledOn: r.scheduledOn,
        visit: r.state === "done" ? { confirmedByProvider: true, confirmedByEnterprise: true } : null,
      },
      TODAY,
    ),
  }));
}

describe("insurerDesk", () => {
  it("lists exactly the items the status rule calls overdue and at risk, for this insurer only", async () => {
    const desk = await insurerDesk(t.db, insurerId, { today: TODAY });
    const expected = await expectedStatuses();
    expect(desk.overdue.total).toBe(expected.filter((r) => r.status === "overdue").length);
    expect(desk.atRisk.total).toBe(expected.filter((r) => r.status === "at_risk").length);
    expect(desk.overdue.total).toBeGreaterThan(0);
    expect(desk.policies).toBe(2);
    const other = await insurerDesk(t.db, otherInsurerId, { today: TODAY });
    const mine = new Set(expected.map((r) => r.id));
    for (const row of [...other.overdue.rows, ...other.atRisk.rows]) expect(mine.has(row.id)).toBe(false);
    expect(other.policies).toBe(1);
  });

  it("computes completion by service over the policies in force", async () => {
    const desk = await insurerDesk(t.db, insurerId, { today: TODAY });
    const inForce = await expectedStatuses();
    const assessment = desk.completion.find((r) => r.service === "risk_assessment")!;
    // Two policies in force, one assessment each; one done. The expired policy's items are left out.
    expect(assessment).toMatchObject({ all: 2, done: 1 });
    expect(desk.completion.reduce((s, r) => s + r.all, 0)).toBeLessThan(inForce.length);
  });

  it("gives each assigned staff member's load and filters the lists by staff and service", async () => {
    const desk = await insurerDesk(t.db, insurerId, { today: TODAY, staff: staffId });
    expect(desk.staff).toHaveLength(1);
    expect(desk.staff[0]).toMatchObject({ userId: staffId, doneThisMonth: 1 });
    expect(desk.staff[0]!.overdue).toBe(desk.overdue.total);
    for (const row of desk.overdue.rows) expect(row.assigneeName).toBe(desk.staff[0]!.name);
    const keyOnly = await overdueItems(t.db, insurerId, { today: TODAY, service: "key_inspection" });
    for (const row of keyOnly.rows) expect(row.service).toBe("key_inspection");
    const summary = await insurerDeskSummary(t.db, insurerId, TODAY);
    expect(summary.overdue).toBe((await insurerDesk(t.db, insurerId, { today: TODAY })).overdue.total);
  });
});
