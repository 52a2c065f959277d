import { describe, expect, it } from "vitest";
import {
  amountByRate,
  amountRefusal,
  approvalLimits,
  budgetChangeRefusal,
  checkApplication,
  compareForReview,
  enterpriseIneligibility,
  isPartialApproval,
  type EnterpriseFacts,
  type SubsidyProgramRules,
} from "./subsidy-rules";

// Jinhua: "对市区采取安全托管的工贸企业，按标准予以补助。单个企业不超过5000元".
const jinhuaCustody: SubsidyProgramRules = {
  regionCode: "330700", // 金华市
  year: 2026,
  budgetFen: 100_000_000, // ¥1,000,000
  rateBp: 5000,
  capPerEnterpriseFen: 500_000, // ¥5,000
  eligibleCategories: ["custody"],
  industrySections: ["C", "F"], // 工贸: manufacturing, wholesale and retail
  maxEmployees: 100,
  windowStartsOn: "2026-03-01",
  windowEndsOn: "2026-11-30",
};
const smallFactory: EnterpriseFacts = {
  regionCode: "330702",
  industryCodes: ["13"],
  employees: 40,
  blackListed: false,
};

describe("enterprise eligibility (issue 10: industry sections, employee limit, not black-listed, in the region)", () => {
  it.each([
    ["a small factory in 婺城区", smallFactory, []],
    ["a section code instead of a division", { ...smallFactory, industryCodes: ["F"] }, []],
    ["registered in 青岛市南区", { ...smallFactory, regionCode: "370202" }, ["outside_region"]],
    ["real estate (K) is not 工贸", { ...smallFactory, industryCodes: ["70"] }, ["industry_not_eligible"]],
    ["no industry declared", { ...smallFactory, industryCodes: [] }, ["industry_not_eligible"]],
    ["101 employees", { ...smallFactory, employees: 101 }, ["too_many_employees"]],
    ["exactly 100 employees", { ...smallFactory, employees: 100 }, []],
    ["headcount unknown", { ...smallFactory, employees: null }, ["employees_unknown"]],
    ["black-listed", { ...smallFactory, blackListed: true }, ["black_listed"]],
    [
      "everything wrong: all reasons",
      { regionCode: "370202", industryCodes: ["70"], employees: 500, blackListed: true },
      ["outside_region", "industry_not_eligible", "too_many_employees", "black_listed"],
    ],
  ] as const)("%s", (_label, enterprise, expected) => {
    expect(enterpriseIneligibility(jinhuaCustody, enterprise)).toEqual(expected);
  });

  it("a program without industry or headcount limits takes any firm of its region", () => {
    const open = { ...jinhuaCustody, industrySections: [], maxEmployees: null };
    expect(enterpriseIneligibility(open, { ...smallFactory, industryCodes: [], employees: null })).toEqual([]);
  });
});

describe("application (issue 10: accepted engagement, eligible category, window, not already subsidised, a party applies)", () => {
  const engagement = {
    enterpriseId: "ent",
    providerId: "prov",
    status: "accepted",
    category: "custody" as const,
    priceFen: 800_000,
  };
  const base = { engagement, applicantOrgId: "ent", engagementAlreadySubsidised: false, today: "2026-06-15" };

  it("the enterprise applies: ok, max by rate = 50 % of ¥8,000", () => {
    expect(checkApplication(jinhuaCustody, smallFactory, base)).toEqual({
      ok: true,
      onBehalf: false,
      maxByRateFen: 400_000,
    });
  });
  it("its provider applies on its behalf: ok, needs the enterprise's confirmation", () => {
    expect(checkApplication(jinhuaCustody, smallFactory, { ...base, applicantOrgId: "prov" })).toMatchObject({
      ok: true,
      onBehalf: true,
    });
  });
  it("a closed engagement was accepted first and still counts", () => {
    expect(
      checkApplication(jinhuaCustody, smallFactory, { ...base, engagement: { ...engagement, status: "closed" } }).ok,
    ).toBe(true);
  });
  it.each([
    ["a stranger applies", { applicantOrgId: "other" }, ["not_a_party"]],
    [
      "engagement still in service",
      { engagement: { ...engagement, status: "in_service" } },
      ["engagement_not_accepted"],
    ],
    [
      "training is not custody",
      { engagement: { ...engagement, category: "training" as const } },
      ["category_not_eligible"],
    ],
    ["the day before the window", { today: "2026-02-28" }, ["outside_window"]],
    ["first day of the window", { today: "2026-03-01" }, []],
    ["last day of the window", { today: "2026-11-30" }, []],
    ["the day after the window", { today: "2026-12-01" }, ["outside_window"]],
    ["already subsidised", { engagementAlreadySubsidised: true }, ["already_subsidised"]],
  ] as const)("%s", (_label, patch, expected) => {
    const result = checkApplication(jinhuaCustody, smallFactory, { ...base, ...patch });
    expect(result.ok ? [] : result.reasons).toEqual(expected);
  });
  it("the enterprise's ineligibility is part of the answer", () => {
    const result = checkApplication(jinhuaCustody, { ...smallFactory, blackListed: true }, base);
    expect(result).toEqual({ ok: false, reasons: ["black_listed"] });
  });
});

describe("approval arithmetic", () => {
  it.each([
    [800_000, 5000, 400_000],
    [333_333, 5000, 166_666], // ¥1,666.665 floors to the fen
    [1, 9999, 0],
    [999_999, 3333, 333_299], // 333,299.6667
    [0, 5000, 0],
    [123_456_789, 10_000, 123_456_789],
    [Number.MAX_SAFE_INTEGER, 10_000, Number.MAX_SAFE_INTEGER], // BigInt: no float drift
  ])("rate × price: %i fen × %i bp = %i fen (floored)", (price, rate, expected) => {
    expect(amountByRate(price, rate)).toBe(expected);
  });

  it("refuses a rate outside 0..10000 bp and a fractional price", () => {
    expect(() => amountByRate(100, 10_001)).toThrow(RangeError);
    expect(() => amountByRate(100.5, 5000)).toThrow(RangeError);
  });

  const limits = approvalLimits({
    priceFen: 800_000,
    rateBp: 5000,
    capPerEnterpriseFen: 500_000,
    enterpriseCommittedFen: 200_000,
    budgetFen: 1_000_000,
    programCommittedFen: 750_000,
  });
  it("shows all three limits and the smallest as the maximum", () => {
    expect(limits).toEqual({
      byRateFen: 400_000,
      enterpriseRemainingFen: 300_000,
      budgetRemainingFen: 250_000,
      maxApprovableFen: 250_000,
    });
  });

  // Precedence (decision 015): invalid, rate, cap, budget.
  it.each([
    [250_000, null],
    [1, null],
    [0, { code: "invalid_amount", limitFen: 250_000 }],
    [-5, { code: "invalid_amount", limitFen: 250_000 }],
    [1.5, { code: "invalid_amount", limitFen: 250_000 }],
    [250_001, { code: "budget_exceeded", limitFen: 250_000 }],
    [300_001, { code: "cap_exceeded", limitFen: 300_000 }],
    [400_001, { code: "rate_exceeded", limitFen: 400_000 }],
  ] as const)("amount %s → %j", (amount, expected) => {
    expect(amountRefusal(amount, limits)).toEqual(expected);
  });

  it("partial approval: less than the rate allows", () => {
    expect(isPartialApproval(250_000, limits)).toBe(true);
    expect(isPartialApproval(400_000, limits)).toBe(false);
  });

  it("a budget may not be edited below what it has committed", () => {
    expect(budgetChangeRefusal(749_999, 750_000)).toBe("budget_below_committed");
    expect(budgetChangeRefusal(750_000, 750_000)).toBeNull();
    expect(budgetChangeRefusal(0, 0)).toBe("invalid_amount");
    expect(budgetChangeRefusal(10.5, 0)).toBe("invalid_amount");
  });
});

describe("review queue: red-listed enterprises first (Qingdao 红名单 priority; issue 10)", () => {
  it("orders red first, then oldest, then id", () => {
    const at = (iso: string) => new Date(iso);
    const apps = [
      { id: "b", redListed: false, submittedAt: at("2026-05-01T00:00:00Z") },
      { id: "c", redListed: true, submittedAt: at("2026-05-03T00:00:00Z") },
      { id: "a", redListed: false, submittedAt: at("2026-05-01T00:00:00Z") },
      { id: "d", redListed: false, submittedAt: at("2026-04-30T00:00:00Z") },
    ];
    expect(apps.sort(compareForReview).map((a) => a.id)).toEqual(["c", "d", "a", "b"]);
  });
});
