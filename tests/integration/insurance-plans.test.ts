// The stored plan of a policy (decision 025): writing a policy writes its fund and its whole
// derived plan (decision 014); a grade change by someone else re-plans from the next period; a
// government-found hazard adds a rectification-assistance item; done items are never touched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, gte } from "drizzle-orm";
import { insurancePlanItems, insurancePolicies, preventionFeeEntries } from "../../db/schema";
import type { IsoDate } from "../../app/domain/calendar-date";
import { planItemStatusSql, syncPlan } from "../../app/services/insurance-plans.server";
import { planItemStatus } from "../../app/domain/plan-item-status";
import { addDays } from "../../app/domain/calendar-date";
import fc from "fast-check";
import { recordInspectionHazards } from "../../app/services/hazard-intake.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { insertPolicy } from "../factories/insurance";
import { insertInspection } from "../factories/safety";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let insurerId: string;
let bureauId: string;

beforeAll(async () => {
  t = await createTestDb();
  insurerId = (await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" })).org.id;
  bureauId = (await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330702" })).org.id;
});
afterAll(async () => t?.close());

const itemsOf = (policyId: string) =>
  t.db
    .select()
    .from(insurancePlanItems)
    .where(eq(insurancePlanItems.policyId, policyId))
    .orderBy(asc(insurancePlanItems.service), asc(insurancePlanItems.sequence));

const countBy = (rows: Array<{ service: string; state: string }>) => {
  const out: Record<string, number> = {};
  for (const r of rows) if (r.state !== "cancelled") out[r.service] = (out[r.service] ?? 0) + 1;
  return out;
};

describe("writing a policy", () => {
  it("writes the fund (premium × ratio, half-up) and the one-year plan: 1 assessment, 4 key, 2 thorough, 2 training", async () => {
    const { policy, planItems } = await insertPolicy(t.db, insurerId, {
      premiumFen: 1_000_001,
      preventionFeeBps: 1500,
    });
    expect(planItems).toBe(9);
    expect(countBy(await itemsOf(policy.id))).toEqual({
      risk_assessment: 1,
      key_inspection: 4,
      thorough_inspection: 2,
      all_staff_training: 2,
    });
    const [fund] = await t.db.select().from(preventionFeeEntries).where(eq(preventionFeeEntries.policyId, policy.id));
    expect(fund).toMatchObject({ kind: "fund", amountFen: 150_000 });
  });

  it("refuses a second policy with the same number from the same insurer with 409, and writes nothing", async () => {
    const { policy } = await insertPolicy(t.db, insurerId, { policyNumber: "DUP-1" });
    const error = await insertPolicy(t.db, insurerId, { policyNumber: "DUP-1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    const rows = await t.db.select().from(insurancePolicies).where(eq(insurancePolicies.policyNumber, "DUP-1"));
    expect(rows.map((r) => r.id)).toEqual([policy.id]);
  });
});

describe("re-planning", () => {
  it("a government-found hazard at the insured enterprise adds one rectification-assistance item due at its deadline", async () => {
    const { policy } = await insertPolicy(t.db, insurerId);
    const inspection = await insertInspection(t.db, {
      enterpriseId: policy.enterpriseId,
      inspectorOrgId: bureauId,
      source: "government",
      inspectedOn: "2026-04-10",
    });
    await t.db.transaction((tx) =>
      recordInspectionHazards(tx, {
        inspection,
        hazards: [
          {
            itemKey: null,
            grade: "general",
            description: "配电箱未接地",
            location: "车间",
            responsiblePerson: "张三",
            deadline: "2026-05-10",
            photoFileIds: [],
          },
        ],
        actorUserId: null,
        now: new Date("2026-04-10T02:00:00Z"),
      }),
    );
    const rect = (await itemsOf(policy.id)).filter((i) => i.service === "rectification_assistance");
    expect(rect.map((r) => [r.windowStart, r.dueDate, r.state])).toEqual([["2026-04-10", "2026-05-10", "open"]]);
    // Running the sync again changes nothing (the unique index would refuse a second item anyway).
    expect(await t.db.transaction((tx) => syncPlan(tx, policy.id, "2026-04-10" as IsoDate, new Date()))).toEqual({
      added: 0,
      cancelled: 0,
      renumbered: 0,
    });
  });

  it("a cancellation cancels the items after it and keeps the done ones", async () => {
    const { policy } = await insertPolicy(t.db, insurerId);
    const [first] = await t.db
      .select()
      .from(insurancePlanItems)
      .where(and(eq(insurancePlanItems.policyId, policy.id), eq(insurancePlanItems.service, "key_inspection")))
      .orderBy(asc(insurancePlanItems.sequence))
      .limit(1);
    await t.db.update(insurancePlanItems).set({ state: "done" }).where(eq(insurancePlanItems.id, first!.id));
    await t.db
      .update(insurancePolicies)
      .set({ status: "cancelled", cancelledOn: "2026-05-01" })
      .where(eq(insurancePolicies.id, policy.id));
    await t.db.transaction((tx) => syncPlan(tx, policy.id, "2026-05-01" as IsoDate, new Date()));
    const rows = await itemsOf(policy.id);
    const live = rows.filter((r) => r.state !== "cancelled");
    expect(live.every((r) => r.windowStart < "2026-05-01")).toBe(true);
    expect(rows.find((r) => r.id === first!.id)?.state).toBe("done");
    expect(rows.some((r) => r.state === "cancelled")).toBe(true);
  });
});

describe("status in SQL", () => {
  it("property: planItemStatusSql equals the domain's planItemStatus on random items and days", async () => {
    const { policy } = await insertPolicy(t.db, insurerId);
    const base = "2026-06-01" as IsoDate;
    const item = fc.record({
      state: fc.constantFrom("open", "done", "cancelled" as const),
      due: fc.integer({ min: 0, max: 40 }),
      scheduled: fc.option(fc.integer({ min: -5, max: 45 }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: -3, max: 45 }),
        async (rows, todayOffset) => {
          const today = addDays(base, todayOffset);
          const ids = await t.db
            .insert(insurancePlanItems)
            .values(
              rows.map((r, i) => ({
                policyId: policy.id,
                insurerId: policy.insurerId,
                enterpriseId: policy.enterpriseId,
                service: "key_inspection" as const,
                sequence: 100 + i,
                windowStart: base,
                dueDate: addDays(base, r.due),
                scheduledOn: r.scheduled === null ? null : addDays(base, r.scheduled),
                state: r.state,
              })),
            )
            .returning({ id: insurancePlanItems.id });
          const got = await t.db
            .select({ id: insurancePlanItems.id, status: planItemStatusSql(today) })
            .from(insurancePlanItems)
            .where(and(eq(insurancePlanItems.policyId, policy.id), gte(insurancePlanItems.sequence, 100)));
          const byId = new Map(got.map((g) => [g.id, g.status]));
          rows.forEach((r, i) => {
            const expected = planItemStatus(
              {
                dueDate: addDays(base, r.due),
                cancelled: r.state === "cancelled",
                scheduledOn: r.scheduled === null ? null : addDays(base, r.scheduled),
                visit: r.state === "done" ? { confirmedByProvider: true, confirmedByEnterprise: true } : null,
              },
              today,
            );
            expect(byId.get(ids[i]!.id)).toBe(expected);
          });
          await t.db
            .delete(insurancePlanItems)
            .where(and(eq(insurancePlanItems.policyId, policy.id), gte(insurancePlanItems.sequence, 100)));
        },
      ),
      { numRuns: 15 },
    );
  });
});
