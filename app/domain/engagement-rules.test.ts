import { describe, expect, it } from "vitest";
import type { EngagementState } from "./engagement-machine";
import {
  assessmentConflict,
  quoteRefusal,
  withinQualificationScope,
  yearsBefore,
  type EngagementHistoryItem,
} from "./engagement-rules";
import type { QualificationFacts } from "./listing-visibility";

const P = "provider-1";
const E = "enterprise-1";
const TODAY = "2026-05-20";

function item(
  category: string,
  status: EngagementState,
  lastActiveOn: string,
  over: Partial<EngagementHistoryItem> = {},
): EngagementHistoryItem {
  return { providerId: P, enterpriseId: E, category, status, lastActiveOn, ...over };
}

describe("yearsBefore", () => {
  it.each([
    ["2026-05-20", 3, "2023-05-20"],
    ["2028-02-29", 3, "2025-02-28"],
    ["2026-01-01", 3, "2023-01-01"],
    ["2024-02-29", 4, "2020-02-29"],
  ])("%s minus %i years is %s", (today, years, want) => {
    expect(yearsBefore(today, years)).toBe(want);
  });
});

/**
 * docs/domain.md, "Who may hold an engagement" (no referee-and-player): a provider that assessed an enterprise (安全评价) may
 * not also hold its custody contract; the issue sets the window at three years.
 */
describe("assessmentConflict: no referee-and-player", () => {
  const cases: Array<[string, EngagementHistoryItem[], string, string | null]> = [
    ["no history", [], "custody", null],
    [
      "assessment accepted a year ago → custody refused",
      [item("assessment", "accepted", "2025-05-01")],
      "custody",
      "assessment_then_custody",
    ],
    [
      "assessment closed exactly three years ago today → still refused",
      [item("assessment", "closed", "2023-05-20")],
      "custody",
      "assessment_then_custody",
    ],
    [
      "assessment closed three years and a day ago → allowed",
      [item("assessment", "closed", "2023-05-19")],
      "custody",
      null,
    ],
    [
      "assessment still in service → refused, however old it started",
      [item("assessment", "in_service", "2020-01-01")],
      "custody",
      "assessment_then_custody",
    ],
    [
      "assessment disputed → refused",
      [item("assessment", "disputed", "2019-01-01")],
      "custody",
      "assessment_then_custody",
    ],
    ["assessment only offered, never signed → allowed", [item("assessment", "offer", "2026-05-01")], "custody", null],
    ["assessment cancelled → allowed", [item("assessment", "cancelled", "2026-05-01")], "custody", null],
    [
      "another provider assessed → allowed",
      [item("assessment", "accepted", "2026-01-01", { providerId: "provider-2" })],
      "custody",
      null,
    ],
    [
      "assessed another enterprise → allowed",
      [item("assessment", "accepted", "2026-01-01", { enterpriseId: "enterprise-2" })],
      "custody",
      null,
    ],
    ["earlier consulting, not assessment → allowed", [item("consulting", "accepted", "2026-01-01")], "custody", null],
    ["assessment then training → not this rule", [item("assessment", "accepted", "2026-01-01")], "training", null],
    [
      "running custody → assessment refused",
      [item("custody", "in_service", "2026-01-01")],
      "assessment",
      "custody_then_assessment",
    ],
    [
      "custody signed, not started → assessment refused",
      [item("custody", "signed", "2026-05-01")],
      "assessment",
      "custody_then_assessment",
    ],
    ["custody finished → assessment allowed", [item("custody", "closed", "2026-01-01")], "assessment", null],
  ];
  it.each(cases)("%s", (_label, history, category, code) => {
    const got = assessmentConflict(history, { providerId: P, enterpriseId: E, category, today: TODAY });
    expect(got?.code ?? null).toBe(code);
  });

  it("names the latest conflicting assessment", () => {
    const history = [
      item("assessment", "closed", "2024-03-01"),
      item("assessment", "accepted", "2025-09-09"),
      item("assessment", "closed", "2023-06-01"),
    ];
    expect(assessmentConflict(history, { providerId: P, enterpriseId: E, category: "custody", today: TODAY })).toEqual({
      code: "assessment_then_custody",
      since: "2025-09-09",
    });
  });
});

/**
 * Policy 002 (金华, 服务形式 2): services "在核准业务范围内"; docs/domain.md, "Who may hold an engagement": black-listed
 * providers cannot bid; a suspended provider has exited the market.
 */
describe("quoteRefusal", () => {
  const fine = { suspended: false, blacklisted: false };
  const conflict = { code: "assessment_then_custody" as const, since: "2025-01-01" };
  const cases: Array<[string, Parameters<typeof quoteRefusal>[0], string | null]> = [
    ["good standing, in scope, no conflict", { standing: fine, coversCategory: true, conflict: null }, null],
    [
      "suspended",
      { standing: { suspended: true, blacklisted: false }, coversCategory: true, conflict: null },
      "provider_suspended",
    ],
    [
      "black-listed",
      { standing: { suspended: false, blacklisted: true }, coversCategory: true, conflict: null },
      "provider_blacklisted",
    ],
    [
      "suspended and black-listed: suspension first",
      { standing: { suspended: true, blacklisted: true }, coversCategory: true, conflict: null },
      "provider_suspended",
    ],
    [
      "outside qualification scope",
      { standing: fine, coversCategory: false, conflict: null },
      "outside_qualification_scope",
    ],
    ["scope before conflict", { standing: fine, coversCategory: false, conflict }, "outside_qualification_scope"],
    ["referee-and-player", { standing: fine, coversCategory: true, conflict }, "assessment_then_custody"],
  ];
  it.each(cases)("%s", (_label, input, code) => {
    expect(quoteRefusal(input)).toBe(code);
  });
});

/** docs/domain.md, "Who may hold an engagement": within the qualification's scope; policy 002: "在核准业务范围内". */
describe("withinQualificationScope", () => {
  const assessor: QualificationFacts = {
    type: "safety_assessment",
    status: "verified",
    validFrom: "2024-01-01",
    validTo: "2027-12-31",
    scopeCategories: ["assessment"],
  };
  const cases: Array<[string, QualificationFacts[], string, boolean]> = [
    ["assessment with a verified assessment licence in force", [assessor], "assessment", true],
    ["assessment without any qualification", [], "assessment", false],
    ["testing with only an assessment licence (outside its scope)", [assessor], "testing", false],
    ["assessment with an expired licence", [{ ...assessor, validTo: "2026-05-19" }], "assessment", false],
    ["assessment with a licence still pending verification", [{ ...assessor, status: "pending" }], "assessment", false],
    ["occupational health with nothing", [], "occupational_health", false],
    ["consulting needs no licence", [], "consulting", true],
    ["custody needs no licence", [], "custody", true],
  ];
  it.each(cases)("%s", (_label, qualifications, category, ok) => {
    expect(withinQualificationScope(qualifications, category, TODAY)).toBe(ok);
  });
});
