import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonthsClamped } from "./calendar-date";
import { derivePlan, RISK_GRADES, type PlanItem, type PolicyForPlan, type RiskGrade } from "./insurance-plan";
import { replan, type StoredPlanItem } from "./insurance-replan";

const year = (extra: Partial<PolicyForPlan> = {}): PolicyForPlan => ({
  startDate: "2026-01-01",
  endDate: "2026-12-31",
  riskGrade: "blue",
  optionalServices: [],
  status: "active",
  ...extra,
});
const store = (items: PlanItem[], doneIds: string[] = []): StoredPlanItem[] =>
  items.map((item) => {
    const id = `${item.service}#${item.sequence}`;
    return { ...item, id, state: doneIds.includes(id) ? "done" : "open" };
  });
const keys = (items: PlanItem[]) =>
  items.filter((i) => i.service === "key_inspection").map((i) => `${i.windowStart}…${i.dueDate}`);
const ids = (items: StoredPlanItem[]) => items.map((i) => i.id);

// Issue 9: "A grade change or cancellation re-derives the future items and never deletes done ones."
describe("replan — mid-term grade change", () => {
  const before = store(derivePlan(year()), ["key_inspection#1"]);
  const after = derivePlan(year(), [{ grade: "red", effectiveFrom: "2026-05-15" }]);
  const result = replan(before, after, "2026-05-15");

  it("keeps the done Q1 and the running Q2 (same item in both plans), cancels Q3 and Q4", () => {
    expect(ids(result.keep.filter((i) => i.service === "key_inspection"))).toEqual([
      "key_inspection#1",
      "key_inspection#2",
    ]);
    expect(ids(result.cancel)).toEqual(["key_inspection#3", "key_inspection#4"]);
  });
  it("adds the monthly inspections from July, numbered 3…8 after the kept ones", () => {
    expect(result.add.map((i) => [i.sequence, i.windowStart, i.dueDate])).toEqual([
      [3, "2026-07-01", "2026-07-31"],
      [4, "2026-08-01", "2026-08-31"],
      [5, "2026-09-01", "2026-09-30"],
      [6, "2026-10-01", "2026-10-31"],
      [7, "2026-11-01", "2026-11-30"],
      [8, "2026-12-01", "2026-12-31"],
    ]);
    expect(result.renumber).toEqual([]);
  });
  it("leaves the services the grade does not touch alone", () => {
    expect(result.keep.filter((i) => i.service !== "key_inspection")).toHaveLength(5);
  });
});

describe("replan — cancellation", () => {
  it("cancelled from 15 Aug, re-planned that day: Q3 is cut to 14 Aug (45 days ≥ half) and owed at once; Q4 and the second half go", () => {
    const before = store(derivePlan(year()), ["key_inspection#1"]);
    const after = derivePlan(year({ status: "cancelled", cancelledOn: "2026-08-15" }));
    const result = replan(before, after, "2026-08-15");
    expect(ids(result.cancel)).toEqual([
      "key_inspection#3",
      "key_inspection#4",
      "thorough_inspection#2",
      "all_staff_training#2",
    ]);
    expect(result.add).toEqual([
      { service: "key_inspection", sequence: 3, windowStart: "2026-07-01", dueDate: "2026-08-14" },
    ]);
    // The missed Q2 (open, due 30 Jun) stays: it was owed while covered.
    expect(ids(result.keep)).toContain("key_inspection#2");
  });
  it("a done item is never cancelled, even when the new plan no longer has it", () => {
    const before = store(derivePlan(year()), ["all_staff_training#2"]);
    const after = derivePlan(year({ status: "cancelled", cancelledOn: "2026-08-01" }));
    const result = replan(before, after, "2026-08-01");
    expect(ids(result.keep)).toContain("all_staff_training#2");
    expect(ids(result.cancel)).not.toContain("all_staff_training#2");
  });
  it("a cut period whose done visit already covers it gets no second item", () => {
    const before = store(derivePlan(year()), ["key_inspection#3"]);
    const after = derivePlan(year({ status: "cancelled", cancelledOn: "2026-08-15" }));
    const result = replan(before, after, "2026-08-15");
    expect(result.add).toEqual([]);
    expect(ids(result.cancel)).toEqual(["key_inspection#4", "thorough_inspection#2", "all_staff_training#2"]);
  });
});

describe("replan — bookkeeping", () => {
  it("items already cancelled are neither kept nor cancelled again", () => {
    const before = store(derivePlan(year())).map((i) =>
      i.id === "key_inspection#4" ? { ...i, state: "cancelled" as const } : i,
    );
    const result = replan(before, derivePlan(year()), "2026-02-01");
    expect(ids(result.keep)).not.toContain("key_inspection#4");
    expect(ids(result.cancel)).toEqual([]);
    expect(keys(result.add)).toEqual(["2026-10-01…2026-12-31"]);
  });
  it("a backdated downgrade does not rewrite past open items (they stay, overdue)", () => {
    const before = store(derivePlan(year({ riskGrade: "red" })));
    const after = derivePlan(year({ riskGrade: "red" }), [{ grade: "blue", effectiveFrom: "2026-01-01" }]);
    const result = replan(before, after, "2026-03-15");
    expect(ids(result.keep.filter((i) => i.service === "key_inspection"))).toEqual([
      "key_inspection#1",
      "key_inspection#2",
    ]);
    // March's monthly item (due 31 Mar) goes; the blue Q1 overlaps the kept January item, so it is not added.
    expect(keys(result.add)).toEqual(["2026-04-01…2026-06-30", "2026-07-01…2026-09-30", "2026-10-01…2026-12-31"]);
  });
});

describe("replan — properties", () => {
  const gradeArb = fc.constantFrom<RiskGrade>(...RISK_GRADES);
  const arb = fc.record({
    start: fc.integer({ min: 0, max: 36_500 }).map((d) => addDays("2000-01-01", d)),
    months: fc.integer({ min: 1, max: 36 }),
    grade: gradeArb,
    newGrade: gradeArb,
    changeAt: fc.integer({ min: 0, max: 1100 }),
    replanAt: fc.integer({ min: -10, max: 1100 }),
    cancel: fc.boolean(),
    done: fc.array(fc.boolean(), { maxLength: 60 }),
  });

  it("done items are all kept; open ones are kept or cancelled, none lost; the result has no overlaps and sequences 1…n; a second replan changes nothing", () => {
    fc.assert(
      fc.property(arb, (r) => {
        const policy: PolicyForPlan = {
          startDate: r.start,
          endDate: addDays(addMonthsClamped(r.start, r.months), -1),
          riskGrade: r.grade,
          optionalServices: [],
          status: "active",
        };
        const stored = store(derivePlan(policy)).map((i, k) => ({
          ...i,
          state: r.done[k] ? ("done" as const) : ("open" as const),
        }));
        const changed: PolicyForPlan = r.cancel
          ? { ...policy, status: "cancelled", cancelledOn: addDays(r.start, r.changeAt) }
          : policy;
        const history = r.cancel ? [] : [{ grade: r.newGrade, effectiveFrom: addDays(r.start, r.changeAt) }];
        const derived = derivePlan(changed, history);
        const effective = addDays(r.start, r.replanAt);
        const result = replan(stored, derived, effective);

        expect(stored.filter((i) => i.state === "done").every((i) => result.keep.includes(i))).toBe(true);
        expect(result.keep.length + result.cancel.length).toBe(stored.length);
        expect(result.cancel.every((i) => i.state === "open" && i.dueDate >= effective)).toBe(true);

        const seq = new Map(result.renumber.map((r) => [r.id, r.sequence]));
        const plan = [...result.keep.map((i) => ({ ...i, sequence: seq.get(i.id) ?? i.sequence })), ...result.add];
        for (const code of new Set(plan.map((i) => i.service))) {
          const mine = plan.filter((i) => i.service === code).sort((a, b) => a.sequence - b.sequence);
          expect(mine.map((i) => i.sequence)).toEqual(mine.map((_, k) => k + 1));
          for (let k = 1; k < mine.length; k++) expect(mine[k]!.windowStart > mine[k - 1]!.dueDate).toBe(true);
        }

        const again = replan(
          [
            ...result.keep.map((i) => ({ ...i, sequence: seq.get(i.id) ?? i.sequence })),
            ...result.add.map((i, k): StoredPlanItem => ({ ...i, id: `new${k}`, state: "open" })),
          ],
          derived,
          effective,
        );
        expect(again.add).toEqual([]);
        expect(again.cancel).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
