import { describe, expect, it } from "vitest";
import {
  disclosurePeriod,
  gradeProvider,
  isGoodStanding,
  lookbackStart,
  shouldAutoSuspend,
  type CreditInput,
  type ViolationKind,
} from "./credit-grade";

const today = "2025-06-30";
const empty: CreditInput = { reviews: [], deliveries: [], evaluations: [], violations: [], today };
const reviews = (...overall: number[]) => overall.map((o) => ({ overall: o, publishedOn: "2025-05-01" }));
const times = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);
const onTime = (n: number) => times(n, { dueOn: "2025-04-30", deliveredOn: "2025-04-20" });
const late = (n: number) => times(n, { dueOn: "2025-04-30", deliveredOn: "2025-05-10" });
const violation = (kind: ViolationKind, serious = false, occurredOn = "2025-01-10") => ({ kind, serious, occurredOn });
const strong = { reviews: reviews(...times(20, 5)), deliveries: onTime(20) };

// Golden cases: the expected grade and score of typical records. If a rule in
// docs/decisions/006-credit-grade.md changes, these numbers change with it, on purpose.
describe("gradeProvider — golden cases", () => {
  it.each<[string, Partial<CreditInput>, { grade: string; score: number; suspend: boolean }]>([
    ["a new provider with no record starts at B (decision 006)", {}, { grade: "B", score: 75, suspend: false }],
    ["20 five-star reviews, 20 on-time deliveries: A", strong, { grade: "A", score: 89, suspend: false }],
    [
      "10 five-star reviews, 10 on time: A",
      { reviews: reviews(...times(10, 5)), deliveries: onTime(10) },
      { grade: "A", score: 86, suspend: false },
    ],
    [
      "a single 1-star review does not sink a new provider (Bayesian prior)",
      { reviews: reviews(1) },
      { grade: "B", score: 70, suspend: false },
    ],
    ["two 1-star reviews: C", { reviews: reviews(1, 1) }, { grade: "C", score: 66, suspend: false }],
    [
      "steady 1–2 star reviews: D, suspended (惩戒淘汰)",
      { reviews: reviews(...times(10, 1), ...times(10, 2)) },
      { grade: "D", score: 48, suspend: true },
    ],
    [
      "late 8 times out of 10: C",
      { deliveries: [...onTime(2), ...late(8)] },
      { grade: "C", score: 56, suspend: false },
    ],
    [
      "a good bureau evaluation adds, capped at +8",
      { evaluations: times(5, { result: "good" as const, evaluatedOn: "2025-03-01" }) },
      { grade: "B", score: 83, suspend: false },
    ],
    [
      "one failed report sampling: C",
      { evaluations: [{ result: "fail", evaluatedOn: "2025-03-01" }] },
      { grade: "C", score: 65, suspend: false },
    ],
    [
      "three failed samplings: D",
      { evaluations: times(3, { result: "fail" as const, evaluatedOn: "2025-03-01" }) },
      { grade: "D", score: 45, suspend: true },
    ],
    [
      "falsification (弄虚作假) on a new provider: C",
      { violations: [violation("falsification")] },
      { grade: "C", score: 55, suspend: false },
    ],
    [
      "qualification renting (租借资质) twice: D",
      { violations: [violation("qualification_renting"), violation("qualification_renting")] },
      { grade: "D", score: 35, suspend: true },
    ],
    [
      "monopoly pricing (垄断收费) on a strong record stays B",
      { ...strong, violations: [violation("monopoly_pricing")] },
      { grade: "B", score: 79, suspend: false },
    ],
    [
      "any serious violation: D and suspended, even on a strong record",
      { ...strong, violations: [violation("illegal_affiliation", true)] },
      { grade: "D", score: 54, suspend: true },
    ],
    [
      "a violation older than 3 years no longer counts",
      { violations: [violation("falsification", true, "2022-06-29")] },
      { grade: "B", score: 75, suspend: false },
    ],
    [
      "one on the first day of the window still does",
      { violations: [violation("monopoly_pricing", false, "2022-06-30")] },
      { grade: "C", score: 65, suspend: false },
    ],
    [
      "reviews older than 3 years drop out",
      { reviews: [{ overall: 1, publishedOn: "2021-01-01" }] },
      { grade: "B", score: 75, suspend: false },
    ],
  ])("%s", (_label, record, expected) => {
    const result = gradeProvider({ ...empty, ...record });
    expect({ grade: result.grade, score: result.score, suspend: result.suspend }).toEqual(expected);
  });
});

describe("gradeProvider — reasons say why", () => {
  it("a new provider is told it has no history", () => {
    expect(gradeProvider(empty).reasons).toEqual([{ code: "no_history" }]);
  });

  it("lists the rating, the on-time record, evaluations and each violation", () => {
    const result = gradeProvider({
      ...empty,
      reviews: reviews(5, 4),
      deliveries: [...onTime(3), ...late(1)],
      evaluations: [
        { result: "good", evaluatedOn: "2025-02-01" },
        { result: "pass", evaluatedOn: "2025-03-01" },
      ],
      violations: [violation("monopoly_pricing")],
    });
    expect(result.reasons.map((r) => r.code)).toEqual(["rating", "on_time", "evaluations", "violation"]);
    expect(result.reasons[0].params).toMatchObject({ average: "4.5", count: 2 });
    expect(result.reasons[1].params).toMatchObject({ onTime: 3, total: 4, percent: 75 });
    expect(result.reasons[2].params).toMatchObject({ good: 1, pass: 1, fail: 0, points: 4 });
    expect(result.reasons[3].params).toEqual({ kind: "monopoly_pricing", date: "2025-01-10", points: -10 });
  });

  it("an A needs at least 5 published reviews; a thin record is held at B and says so", () => {
    const result = gradeProvider({
      ...empty,
      reviews: reviews(5, 5, 5),
      deliveries: onTime(3),
      evaluations: times(2, { result: "good" as const, evaluatedOn: "2025-01-01" }),
    });
    expect(result.score).toBeGreaterThanOrEqual(85);
    expect(result.grade).toBe("B");
    expect(result.reasons.at(-1)).toEqual({ code: "a_needs_reviews", params: { min: 5, count: 3 } });
  });

  it("a serious violation leads the reasons, and D from a low score says so too", () => {
    const serious = gradeProvider({ ...empty, violations: [violation("falsification", true, "2025-02-02")] });
    expect(serious.reasons[0]).toEqual({
      code: "serious_violation",
      params: { kind: "falsification", date: "2025-02-02" },
    });
    expect(serious.reasons.some((r) => r.code === "grade_d")).toBe(false);
    const low = gradeProvider({ ...empty, violations: [violation("falsification"), violation("falsification")] });
    expect(low.reasons.at(-1)).toEqual({ code: "grade_d", params: { threshold: 55 } });
  });
});

describe("lookbackStart and disclosurePeriod", () => {
  it.each([
    ["2025-06-30", "2022-06-30"],
    ["2024-02-29", "2021-02-29"],
  ])("%s → %s", (day, start) => expect(lookbackStart(day)).toBe(start));

  it.each([
    ["2025-01-01", { year: 2025, half: 1 }],
    ["2025-06-30", { year: 2025, half: 1 }],
    ["2025-07-01", { year: 2025, half: 2 }],
    ["2025-12-31", { year: 2025, half: 2 }],
  ])("%s is in %j", (day, period) => expect(disclosurePeriod(day)).toEqual(period));
});

describe("isGoodStanding — the 公示 list", () => {
  it.each([
    ["A", false, true],
    ["B", false, true],
    ["C", false, false],
    ["D", false, false],
    [null, false, false],
    ["A", true, false],
  ] as const)("grade %s suspended %s → %s", (grade, suspended, expected) => {
    expect(isGoodStanding(grade, suspended)).toBe(expected);
  });
});

describe("shouldAutoSuspend — never undo an admin's reinstatement without a new trigger", () => {
  const d = { grade: "D" as const, suspend: true };
  const reinstated = new Date("2025-05-01T00:00:00Z");
  it.each([
    [
      "D, never reinstated: suspend",
      { result: d, previousGrade: "B", alreadySuspended: false, lastReinstatedAt: null, newestAdverseRecordAt: null },
      true,
    ],
    [
      "not D: no",
      {
        result: { grade: "C", suspend: false },
        previousGrade: "B",
        alreadySuspended: false,
        lastReinstatedAt: null,
        newestAdverseRecordAt: null,
      },
      false,
    ],
    [
      "already suspended: nothing to do",
      { result: d, previousGrade: "D", alreadySuspended: true, lastReinstatedAt: null, newestAdverseRecordAt: null },
      false,
    ],
    [
      "reinstated at D, same record: stays reinstated",
      {
        result: d,
        previousGrade: "D",
        alreadySuspended: false,
        lastReinstatedAt: reinstated,
        newestAdverseRecordAt: new Date("2025-04-01T00:00:00Z"),
      },
      false,
    ],
    [
      "reinstated, then a new violation: suspend",
      {
        result: d,
        previousGrade: "D",
        alreadySuspended: false,
        lastReinstatedAt: reinstated,
        newestAdverseRecordAt: new Date("2025-05-02T00:00:00Z"),
      },
      true,
    ],
    [
      "reinstated, climbed to C, fell back to D: suspend",
      {
        result: d,
        previousGrade: "C",
        alreadySuspended: false,
        lastReinstatedAt: reinstated,
        newestAdverseRecordAt: null,
      },
      true,
    ],
  ] as const)("%s", (_label, input, expected) => {
    expect(shouldAutoSuspend(input)).toBe(expected);
  });
});
