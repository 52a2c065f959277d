import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareRiskGrades,
  currentRiskGrade,
  higherRiskGrade,
  RISK_GRADES,
  riskHistory,
  riskTrend,
  type RiskAssessment,
  type RiskGrade,
} from "./risk-grade";

describe("ordering (domain.md: red / orange / yellow / blue, highest to lowest)", () => {
  it("sorts riskiest first", () => {
    expect((["blue", "red", "yellow", "orange"] as RiskGrade[]).sort(compareRiskGrades)).toEqual([
      "red",
      "orange",
      "yellow",
      "blue",
    ]);
  });
  it.each([
    ["red", "blue", "red"],
    ["yellow", "orange", "orange"],
    ["blue", "blue", "blue"],
  ] as const)("higher of %s and %s is %s", (a, b, expected) => {
    expect(higherRiskGrade(a, b)).toBe(expected);
    expect(higherRiskGrade(b, a)).toBe(expected);
  });
  it("property: higherRiskGrade is the first of the two in the sorted order", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RISK_GRADES), fc.constantFrom(...RISK_GRADES), (a, b) => {
        expect(higherRiskGrade(a, b)).toBe([a, b].sort(compareRiskGrades)[0]);
      }),
    );
  });
});

const at = (iso: string) => new Date(iso);
const a = (grade: RiskGrade, assessedOn: string, recordedAt: string, reason = ""): RiskAssessment => ({
  grade,
  assessedOn,
  assessor: "金华市安评中心",
  reason,
  recordedAt: at(recordedAt),
});

describe("current grade from a dated history", () => {
  const history = [
    a("yellow", "2025-03-01", "2025-03-01T10:00:00+08:00", "年度评估"),
    a("orange", "2026-01-15", "2026-01-15T09:00:00+08:00", "新增涉爆粉尘作业"),
    a("red", "2026-01-15", "2026-01-15T16:00:00+08:00", "更正：存在重大隐患"),
    a("blue", "2026-09-01", "2026-05-01T09:00:00+08:00", "整改完成后降级（预先录入）"),
  ];
  const cases: Array<[string, RiskGrade | null]> = [
    ["2025-02-28", null], // before any assessment
    ["2025-03-01", "yellow"],
    ["2026-01-14", "yellow"],
    ["2026-01-15", "red"], // the later correction of the same day wins
    ["2026-08-31", "red"], // an assessment entered ahead of time is not yet in force
    ["2026-09-01", "blue"],
  ];
  it.each(cases)("on %s → %s", (today, grade) => {
    expect(currentRiskGrade(history, today)?.grade ?? null).toBe(grade);
  });
  it("lists the history newest first", () => {
    expect(riskHistory(history).map((x) => x.grade)).toEqual(["blue", "red", "orange", "yellow"]);
  });
  it("shows the trend of the latest change in force", () => {
    expect(riskTrend(history, "2025-06-01")).toBeNull();
    expect(riskTrend(history, "2026-02-01")).toBe("up");
    expect(riskTrend(history, "2026-09-02")).toBe("down");
  });
});
