import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonthsClamped, daysBetween, type IsoDate } from "./calendar-date";
import {
  derivePlan,
  effectiveEndDate,
  KEY_INSPECTION_MONTHS,
  RISK_GRADES,
  type GovernmentHazard,
  type PolicyForPlan,
  type RiskGrade,
  type ServiceCode,
} from "./insurance-plan";

/** Issue 9 "Done means": no two items of one code share a period; counts match the policy length; nothing due before its window. */

const day = (y: number, doy: number): IsoDate => addDays(`${y}-01-01`, doy);
const startArb = fc
  .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 364 }))
  .map(([y, d]) => day(y, d));
const gradeArb = fc.constantFrom<RiskGrade>(...RISK_GRADES);
const monthsArb = fc.integer({ min: 1, max: 36 });

type Case = {
  policy: PolicyForPlan;
  history: { grade: RiskGrade; effectiveFrom: IsoDate }[];
  hazards: GovernmentHazard[];
};

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    start: startArb,
    months: monthsArb,
    extraDays: fc.integer({ min: -20, max: 20 }),
    grade: gradeArb,
    changes: fc.array(fc.record({ grade: gradeArb, dayOffset: fc.integer({ min: 0, max: 1100 }) }), { maxLength: 3 }),
    cancelAfter: fc.option(fc.integer({ min: 0, max: 1100 }), { nil: undefined }),
    stationing: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    hazards: fc.array(
      fc.record({ found: fc.integer({ min: -30, max: 1100 }), days: fc.integer({ min: -5, max: 90 }) }),
      { maxLength: 4 },
    ),
  })
  .map((r) => {
    const endDate = addDays(addMonthsClamped(r.start, r.months), r.extraDays - 1);
    const end = endDate < r.start ? r.start : endDate;
    return {
      policy: {
        startDate: r.start,
        endDate: end,
        riskGrade: r.grade,
        status: r.cancelAfter === undefined ? "active" : "cancelled",
        cancelledOn: r.cancelAfter === undefined ? null : addDays(r.start, r.cancelAfter),
        optionalServices: [
          { service: "one_enterprise_one_plan" as const },
          { service: "remote_guidance" as const, channel: "app", responseMinutes: 60 },
          ...(r.stationing ? [{ service: "onsite_stationing" as const, daysPerMonth: r.stationing }] : []),
        ],
      },
      history: r.changes.map((c) => ({ grade: c.grade, effectiveFrom: addDays(r.start, c.dayOffset) })),
      hazards: r.hazards.map((h, i) => ({
        hazardId: `h${i}`,
        foundOn: addDays(r.start, h.found),
        deadline: addDays(r.start, h.found + h.days),
      })),
    };
  });

const PERIODIC: ServiceCode[] = [
  "key_inspection",
  "thorough_inspection",
  "all_staff_training",
  "onsite_stationing",
  "risk_assessment",
  "one_enterprise_one_plan",
  "remote_guidance",
];

describe("derivePlan — properties over start dates 2000–2100, lengths 1–36 months, grades, changes, cancellations", () => {
  it("no two items of one periodic code share a day of their windows; sequences are 1…n in window order", () => {
    fc.assert(
      fc.property(caseArb, ({ policy, history, hazards }) => {
        const items = derivePlan(policy, history, hazards);
        for (const code of PERIODIC) {
          const mine = items.filter((i) => i.service === code);
          expect(mine.map((i) => i.sequence)).toEqual(mine.map((_, k) => k + 1));
          for (let k = 1; k < mine.length; k++) expect(mine[k]!.windowStart > mine[k - 1]!.dueDate).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("nothing is due before its window; every due date lies within the cover, except assistance, which follows the hazard deadline", () => {
    fc.assert(
      fc.property(caseArb, ({ policy, history, hazards }) => {
        const end = effectiveEndDate(policy);
        const items = derivePlan(policy, history, hazards);
        if (end === null) {
          expect(items).toEqual([]);
          return;
        }
        for (const item of items) {
          expect(item.dueDate >= item.windowStart).toBe(true);
          expect(item.windowStart >= policy.startDate && item.windowStart <= end).toBe(true);
          if (item.service !== "rectification_assistance") expect(item.dueDate <= end).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("counts match the policy length: a policy of L whole months has ⌊L/n⌋ periods of n months, plus one when the remainder is at least n/2 months", () => {
    fc.assert(
      fc.property(startArb, monthsArb, gradeArb, (start, months, grade) => {
        const policy: PolicyForPlan = {
          startDate: start,
          endDate: addDays(addMonthsClamped(start, months), -1),
          riskGrade: grade,
          optionalServices: [],
          status: "active",
        };
        const expected = (n: number) => Math.floor(months / n) + (months % n >= n / 2 ? 1 : 0);
        const items = derivePlan(policy);
        const count = (code: ServiceCode) => items.filter((i) => i.service === code).length;
        expect(count("risk_assessment")).toBe(1);
        expect(count("key_inspection")).toBe(expected(KEY_INSPECTION_MONTHS[grade]));
        expect(count("thorough_inspection")).toBe(expected(6));
        expect(count("all_staff_training")).toBe(expected(6));
      }),
      { numRuns: 500 },
    );
  });

  it("periods are counted from the policy's own start, never chained: key windows start at start + k·n months", () => {
    fc.assert(
      fc.property(startArb, monthsArb, gradeArb, (start, months, grade) => {
        const end = addDays(addMonthsClamped(start, months), -1);
        const n = KEY_INSPECTION_MONTHS[grade];
        const keys = derivePlan({
          startDate: start,
          endDate: end,
          riskGrade: grade,
          optionalServices: [],
          status: "active",
        }).filter((i) => i.service === "key_inspection");
        keys.forEach((item, k) => {
          expect(item.windowStart).toBe(addMonthsClamped(start, k * n));
          if (item.dueDate !== end) expect(addDays(item.dueDate, 1)).toBe(addMonthsClamped(start, (k + 1) * n));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("a higher grade never yields fewer key inspections (the baseline is the minimum)", () => {
    fc.assert(
      fc.property(startArb, monthsArb, (start, months) => {
        const end = addDays(addMonthsClamped(start, months), -1);
        const keys = (riskGrade: RiskGrade) =>
          derivePlan({ startDate: start, endDate: end, riskGrade, optionalServices: [], status: "active" }).filter(
            (i) => i.service === "key_inspection",
          ).length;
        expect(keys("red")).toBeGreaterThanOrEqual(keys("orange"));
        expect(keys("orange")).toBeGreaterThanOrEqual(keys("yellow"));
        expect(keys("yellow")).toBe(keys("blue"));
        expect(daysBetween(start, end)).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
