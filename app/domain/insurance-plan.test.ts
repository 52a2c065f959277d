import { describe, expect, it } from "vitest";
import {
  DEFAULT_GUIDANCE,
  DEFAULT_STATIONING_DAYS_PER_MONTH,
  derivePlan,
  effectiveEndDate,
  gradeOn,
  optionalServiceChoices,
  type GovernmentHazard,
  type GradeChange,
  type PlanItem,
  type PolicyForPlan,
  type ServiceCode,
} from "./insurance-plan";

const policy = (startDate: string, endDate: string, extra: Partial<PolicyForPlan> = {}): PolicyForPlan => ({
  startDate,
  endDate,
  riskGrade: "blue",
  optionalServices: [],
  status: "active",
  ...extra,
});
const of = (items: PlanItem[], service: ServiceCode) => items.filter((i) => i.service === service);
const dues = (items: PlanItem[], service: ServiceCode) => of(items, service).map((i) => i.dueDate);
const counts = (items: PlanItem[]) => ({
  risk: of(items, "risk_assessment").length,
  key: of(items, "key_inspection").length,
  thorough: of(items, "thorough_inspection").length,
  training: of(items, "all_staff_training").length,
});

describe("derivePlan — counts (issue 9: 'a 6-month policy has 1 assessment, 2 key inspections, 1 thorough inspection and 1 training; an 18-month one 6, 3 and 3')", () => {
  it.each<[string, PolicyForPlan, GradeChange[], { risk: number; key: number; thorough: number; training: number }]>([
    [
      "one year (domain.md: 4 key, 2 thorough, training twice a year)",
      policy("2026-01-01", "2026-12-31"),
      [],
      { risk: 1, key: 4, thorough: 2, training: 2 },
    ],
    [
      "6 months → 1/2/1/1 (issue 9)",
      policy("2026-01-01", "2026-06-30"),
      [],
      { risk: 1, key: 2, thorough: 1, training: 1 },
    ],
    [
      "18 months → 6 key, 3 thorough, 3 training (issue 9)",
      policy("2026-01-01", "2027-06-30"),
      [],
      { risk: 1, key: 6, thorough: 3, training: 3 },
    ],
    ["36 months (long policy)", policy("2025-07-15", "2028-07-14"), [], { risk: 1, key: 12, thorough: 6, training: 6 }],
    [
      "9 months: the trailing 3-month half counts (exactly half)",
      policy("2026-01-01", "2026-09-30"),
      [],
      { risk: 1, key: 3, thorough: 2, training: 2 },
    ],
    [
      "3 months Feb–Apr 2026 (89 days) still count as half a year's half",
      policy("2026-02-01", "2026-04-30"),
      [],
      { risk: 1, key: 1, thorough: 1, training: 1 },
    ],
    [
      "2 months: one partial quarter (≥ 43 days), no half (< 89 days)",
      policy("2026-01-01", "2026-02-28"),
      [],
      { risk: 1, key: 1, thorough: 0, training: 0 },
    ],
    [
      "1 month: only the assessment (a quarter's third is under half)",
      policy("2026-03-01", "2026-03-31"),
      [],
      { risk: 1, key: 0, thorough: 0, training: 0 },
    ],
    [
      "red, one year: a key inspection every month (分类分级)",
      policy("2026-01-01", "2026-12-31", { riskGrade: "red" }),
      [],
      { risk: 1, key: 12, thorough: 2, training: 2 },
    ],
    [
      "orange, one year: every two months (分类分级)",
      policy("2026-01-01", "2026-12-31", { riskGrade: "orange" }),
      [],
      { risk: 1, key: 6, thorough: 2, training: 2 },
    ],
    [
      "yellow, one year: the quarterly baseline",
      policy("2026-01-01", "2026-12-31", { riskGrade: "yellow" }),
      [],
      { risk: 1, key: 4, thorough: 2, training: 2 },
    ],
    [
      "blue → red from 15 May: red applies from the next period (Jul), monthly after",
      policy("2026-01-01", "2026-12-31"),
      [{ grade: "red", effectiveFrom: "2026-05-15" }],
      { risk: 1, key: 8, thorough: 2, training: 2 },
    ],
    [
      "blue → red from 1 Apr (a period start): Q1 then 9 months",
      policy("2026-01-01", "2026-12-31"),
      [{ grade: "red", effectiveFrom: "2026-04-01" }],
      { risk: 1, key: 10, thorough: 2, training: 2 },
    ],
    [
      "red → blue from 15 Mar: Jan, Feb, Mar monthly, then 3 quarters",
      policy("2026-01-01", "2026-12-31", { riskGrade: "red" }),
      [{ grade: "blue", effectiveFrom: "2026-03-15" }],
      { risk: 1, key: 6, thorough: 2, training: 2 },
    ],
    [
      "orange → yellow from 10 Feb: Jan–Feb, then quarters from Mar; December alone is under half a quarter",
      policy("2026-01-01", "2026-12-31", { riskGrade: "orange" }),
      [{ grade: "yellow", effectiveFrom: "2026-02-10" }],
      { risk: 1, key: 4, thorough: 2, training: 2 },
    ],
    [
      "cancelled from 1 Aug: the cut Q3 (31 days) and H2 drop",
      policy("2026-01-01", "2026-12-31", { status: "cancelled", cancelledOn: "2026-08-01" }),
      [],
      { risk: 1, key: 2, thorough: 1, training: 1 },
    ],
    [
      "cancelled from 15 Aug: the cut Q3 (45 days ≥ 43) stays",
      policy("2026-01-01", "2026-12-31", { status: "cancelled", cancelledOn: "2026-08-15" }),
      [],
      { risk: 1, key: 3, thorough: 1, training: 1 },
    ],
    [
      "cancelled on its start day (犹豫期): nothing",
      policy("2026-01-01", "2026-12-31", { status: "cancelled", cancelledOn: "2026-01-01" }),
      [],
      { risk: 0, key: 0, thorough: 0, training: 0 },
    ],
  ])("%s", (_name, p, history, expected) => {
    expect(counts(derivePlan(p, history))).toEqual(expected);
  });
});

describe("derivePlan — period dates (issue 9: counted from the policy's own start, never chained, month-end clamping)", () => {
  it("31 Jan 2026: quarters end 29 Apr and 30 Jul (the issue's example), then 30 Oct and 30 Jan", () => {
    const items = derivePlan(policy("2026-01-31", "2027-01-30"));
    expect(dues(items, "key_inspection")).toEqual(["2026-04-29", "2026-07-30", "2026-10-30", "2027-01-30"]);
    expect(of(items, "key_inspection").map((i) => i.windowStart)).toEqual([
      "2026-01-31",
      "2026-04-30",
      "2026-07-31",
      "2026-10-31",
    ]);
    expect(dues(items, "thorough_inspection")).toEqual(["2026-07-30", "2027-01-30"]);
  });

  it("calendar year: quarters end on the quarter ends, the assessment is due 30 days after the start", () => {
    const items = derivePlan(policy("2026-01-01", "2026-12-31"));
    expect(dues(items, "key_inspection")).toEqual(["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]);
    expect(of(items, "risk_assessment")).toEqual([
      { service: "risk_assessment", sequence: 1, windowStart: "2026-01-01", dueDate: "2026-01-31" },
    ]);
    expect(of(items, "all_staff_training").map((i) => [i.sequence, i.windowStart, i.dueDate])).toEqual([
      [1, "2026-01-01", "2026-06-30"],
      [2, "2026-07-01", "2026-12-31"],
    ]);
  });

  it("leap day start 2024-02-29: months clamp to 28 Feb in common years; the one-day remainder gets no item", () => {
    const items = derivePlan(policy("2024-02-29", "2025-02-28"));
    expect(dues(items, "key_inspection")).toEqual(["2024-05-28", "2024-08-28", "2024-11-28", "2025-02-27"]);
  });

  it("leap year monthly (red) plan through February 2024", () => {
    const items = derivePlan(policy("2024-01-31", "2024-04-30", { riskGrade: "red" }));
    expect(of(items, "key_inspection").map((i) => [i.windowStart, i.dueDate])).toEqual([
      ["2024-01-31", "2024-02-28"],
      ["2024-02-29", "2024-03-30"],
      ["2024-03-31", "2024-04-29"],
    ]);
  });

  it("a cut trailing period is due on the last covered day (cancellation takes effect the day before cancelledOn)", () => {
    const p = policy("2026-01-01", "2026-12-31", { status: "cancelled", cancelledOn: "2026-08-15" });
    expect(effectiveEndDate(p)).toBe("2026-08-14");
    expect(dues(derivePlan(p), "key_inspection").at(-1)).toBe("2026-08-14");
  });

  it("the assessment of a policy shorter than 30 days is due on its last day", () => {
    expect(dues(derivePlan(policy("2026-02-01", "2026-02-20")), "risk_assessment")).toEqual(["2026-02-20"]);
  });

  it("a mid-term grade change keeps the earlier periods and starts the new rhythm at a period boundary", () => {
    const items = derivePlan(policy("2026-01-01", "2026-12-31"), [{ grade: "red", effectiveFrom: "2026-05-15" }]);
    expect(of(items, "key_inspection").map((i) => i.windowStart)).toEqual([
      "2026-01-01",
      "2026-04-01",
      "2026-07-01",
      "2026-08-01",
      "2026-09-01",
      "2026-10-01",
      "2026-11-01",
      "2026-12-01",
    ]);
    expect(of(items, "key_inspection").map((i) => i.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe("gradeOn", () => {
  it.each<[string, GradeChange[], string]>([
    ["2026-03-01", [], "blue"],
    ["2026-03-01", [{ grade: "red", effectiveFrom: "2026-03-01" }], "red"],
    ["2026-02-28", [{ grade: "red", effectiveFrom: "2026-03-01" }], "blue"],
    [
      "2026-06-01",
      [
        { grade: "yellow", effectiveFrom: "2026-05-01" },
        { grade: "red", effectiveFrom: "2026-03-01" },
      ],
      "yellow",
    ],
  ])("on %s with %j → %s", (date, history, expected) => {
    expect(gradeOn(date, "blue", history)).toBe(expected);
  });
});

describe("derivePlan — rectification assistance (协助整改政府部门发现的隐患: one per hazard found while covered)", () => {
  const hazards: GovernmentHazard[] = [
    { hazardId: "h-late", foundOn: "2026-12-20", deadline: "2027-01-20" },
    { hazardId: "h-before", foundOn: "2025-12-31", deadline: "2026-01-30" },
    { hazardId: "h-b", foundOn: "2026-03-10", deadline: "2026-04-10" },
    { hazardId: "h-a", foundOn: "2026-03-10", deadline: "2026-03-25" },
    { hazardId: "h-after", foundOn: "2027-01-01", deadline: "2027-02-01" },
  ];
  it("covers hazards found from the start to the end, ordered by finding date; due = the hazard's deadline even past the end", () => {
    const items = of(derivePlan(policy("2026-01-01", "2026-12-31"), [], hazards), "rectification_assistance");
    expect(items).toEqual([
      {
        service: "rectification_assistance",
        sequence: 1,
        windowStart: "2026-03-10",
        dueDate: "2026-03-25",
        hazardId: "h-a",
      },
      {
        service: "rectification_assistance",
        sequence: 2,
        windowStart: "2026-03-10",
        dueDate: "2026-04-10",
        hazardId: "h-b",
      },
      {
        service: "rectification_assistance",
        sequence: 3,
        windowStart: "2026-12-20",
        dueDate: "2027-01-20",
        hazardId: "h-late",
      },
    ]);
  });
  it("a hazard found after the cancellation took effect gets no item", () => {
    const p = policy("2026-01-01", "2026-12-31", { status: "cancelled", cancelledOn: "2026-03-10" });
    expect(of(derivePlan(p, [], hazards), "rectification_assistance")).toEqual([]);
  });
  it("a deadline before the finding date is due on the finding date (never before its window)", () => {
    const items = of(
      derivePlan(
        policy("2026-01-01", "2026-12-31"),
        [],
        [{ hazardId: "x", foundOn: "2026-05-05", deadline: "2026-05-01" }],
      ),
      "rectification_assistance",
    );
    expect(items[0]?.dueDate).toBe("2026-05-05");
  });
});

describe("derivePlan — optional services (3项个性化服务)", () => {
  const p = policy("2026-01-01", "2026-12-31", {
    optionalServices: [
      { service: "one_enterprise_one_plan" },
      { service: "remote_guidance", channel: "400-800-1234", responseMinutes: 30 },
      { service: "onsite_stationing", daysPerMonth: 2 },
    ],
  });
  const items = derivePlan(p);
  it("一企一策: one written plan due 30 days after the start", () => {
    expect(of(items, "one_enterprise_one_plan")).toEqual([
      { service: "one_enterprise_one_plan", sequence: 1, windowStart: "2026-01-01", dueDate: "2026-01-31" },
    ]);
  });
  it("24小时远程指导: one standing item for the whole cover with its channel and response target", () => {
    expect(of(items, "remote_guidance")).toEqual([
      {
        service: "remote_guidance",
        sequence: 1,
        windowStart: "2026-01-01",
        dueDate: "2026-12-31",
        guidance: { channel: "400-800-1234", responseMinutes: 30 },
      },
    ]);
  });
  it("驻厂驻点: the agreed days per month as items, spread over each month", () => {
    const stationing = of(items, "onsite_stationing");
    expect(stationing).toHaveLength(24);
    expect(stationing.slice(0, 4).map((i) => [i.windowStart, i.dueDate])).toEqual([
      ["2026-01-01", "2026-01-15"],
      ["2026-01-16", "2026-01-31"],
      ["2026-02-01", "2026-02-14"],
      ["2026-02-15", "2026-02-28"],
    ]);
  });
  it("a cut last month keeps its share of stationing days (at least one)", () => {
    const short = policy("2026-01-01", "2026-02-20", {
      optionalServices: [{ service: "onsite_stationing", daysPerMonth: 4 }],
    });
    // January: 4; February 1–20 of 28 days: round(4 × 20 / 28) = 3.
    expect(of(derivePlan(short), "onsite_stationing")).toHaveLength(7);
  });
  it("no optional service chosen, no optional item", () => {
    const plain = derivePlan(policy("2026-01-01", "2026-12-31"));
    expect(
      plain.filter((i) => ["one_enterprise_one_plan", "remote_guidance", "onsite_stationing"].includes(i.service)),
    ).toEqual([]);
  });
});

// Issue 9, "optional: one_enterprise_one_plan, remote_guidance (a channel, with its response-time
// target), onsite_stationing (the agreed days on site per month)": the chosen codes with their
// terms, in the fixed order of OPTIONAL_SERVICES, defaults where the policy names no term, codes
// that are not optional services ignored.
describe("optionalServiceChoices", () => {
  const g = { service: "remote_guidance", channel: DEFAULT_GUIDANCE.channel } as const;
  it.each([
    ["nothing chosen", [], {}, []],
    ["one plan only", ["one_enterprise_one_plan"], {}, [{ service: "one_enterprise_one_plan" }]],
    [
      "guidance, default target",
      ["remote_guidance"],
      {},
      [{ ...g, responseMinutes: DEFAULT_GUIDANCE.responseMinutes }],
    ],
    [
      "guidance, the policy's target",
      ["remote_guidance"],
      { guidanceResponseMinutes: 30 },
      [{ ...g, responseMinutes: 30 }],
    ],
    [
      "stationing, default days",
      ["onsite_stationing"],
      { guidanceResponseMinutes: 30 },
      [{ service: "onsite_stationing", daysPerMonth: DEFAULT_STATIONING_DAYS_PER_MONTH }],
    ],
    [
      "stationing, agreed days",
      ["onsite_stationing"],
      { stationingDaysPerMonth: 5 },
      [{ service: "onsite_stationing", daysPerMonth: 5 }],
    ],
    [
      "all three, listed out of order, come back in OPTIONAL_SERVICES order",
      ["onsite_stationing", "remote_guidance", "one_enterprise_one_plan"],
      { guidanceResponseMinutes: 15, stationingDaysPerMonth: 3 },
      [
        { service: "one_enterprise_one_plan" },
        { ...g, responseMinutes: 15 },
        { service: "onsite_stationing", daysPerMonth: 3 },
      ],
    ],
    [
      "required and unknown codes ignored",
      ["key_inspection", "massage", "one_enterprise_one_plan"],
      {},
      [{ service: "one_enterprise_one_plan" }],
    ],
    [
      "null terms mean the defaults",
      ["remote_guidance"],
      { guidanceResponseMinutes: null },
      [{ ...g, responseMinutes: DEFAULT_GUIDANCE.responseMinutes }],
    ],
  ] as const)("%s", (_name, codes, terms, expected) => {
    expect(optionalServiceChoices(codes, terms)).toEqual(expected);
  });
});
