import { describe, expect, it } from "vitest";
import { validatePolicyRecord } from "./policy-import";

// The body of issue 9, "Policies": POST /api/v1/policies.
const body = () => ({
  policyNumber: "PICC-2026-330702-0001",
  enterprise: { uscc: "91330100799655058B", name: "阿里巴巴（中国）有限公司", regionCode: "330702" },
  premiumFen: 1_200_000,
  preventionFeeBps: 1500,
  startDate: "2026-01-01",
  endDate: "2026-12-31",
  riskGrade: "blue",
  optionalServices: ["one_enterprise_one_plan", "remote_guidance", "onsite_stationing"],
});

describe("validatePolicyRecord — the issue's body", () => {
  it("accepts the example and normalises it (trimmed strings, upper-case USCC)", () => {
    const input = {
      ...body(),
      policyNumber: "  PICC-2026-330702-0001 ",
      enterprise: { ...body().enterprise, uscc: "91330100799655058b " },
    };
    expect(validatePolicyRecord(input)).toEqual({ ok: true, value: { ...body(), riskGrade: "blue" } });
  });
  it("optionalServices may be left out or empty", () => {
    const { optionalServices: _omit, ...rest } = body();
    const result = validatePolicyRecord(rest);
    expect(result.ok && result.value.optionalServices).toEqual([]);
  });
});

// Issue 9: "a bad field answers 400 with the field named".
describe("validatePolicyRecord — each bad field is named", () => {
  const cases: Array<[string, (b: ReturnType<typeof body>) => unknown, Array<{ field: string; code: string }>]> = [
    [
      "missing policy number",
      (b) => ({ ...b, policyNumber: undefined }),
      [{ field: "policyNumber", code: "required" }],
    ],
    ["blank policy number", (b) => ({ ...b, policyNumber: "   " }), [{ field: "policyNumber", code: "required" }]],
    [
      "policy number with spaces inside",
      (b) => ({ ...b, policyNumber: "PICC 2026" }),
      [{ field: "policyNumber", code: "invalid_policy_number" }],
    ],
    [
      "USCC with a wrong check character",
      (b) => ({ ...b, enterprise: { ...b.enterprise, uscc: "91330100799655058C" } }),
      [{ field: "enterprise.uscc", code: "invalid_uscc" }],
    ],
    [
      "a one-character name",
      (b) => ({ ...b, enterprise: { ...b.enterprise, name: "阿" } }),
      [{ field: "enterprise.name", code: "invalid_name" }],
    ],
    [
      "an unknown region code",
      (b) => ({ ...b, enterprise: { ...b.enterprise, regionCode: "339999" } }),
      [{ field: "enterprise.regionCode", code: "unknown_region" }],
    ],
    ["no enterprise", (b) => ({ ...b, enterprise: undefined }), [{ field: "enterprise", code: "required" }]],
    [
      "enterprise as a string",
      (b) => ({ ...b, enterprise: "阿里巴巴" }),
      [{ field: "enterprise", code: "invalid_type" }],
    ],
    ["premium as a string", (b) => ({ ...b, premiumFen: "1200000" }), [{ field: "premiumFen", code: "invalid_type" }]],
    [
      "premium in yuan with decimals",
      (b) => ({ ...b, premiumFen: 12000.5 }),
      [{ field: "premiumFen", code: "invalid_type" }],
    ],
    ["zero premium", (b) => ({ ...b, premiumFen: 0 }), [{ field: "premiumFen", code: "out_of_range" }]],
    [
      "ratio above 100 % (10000 bps)",
      (b) => ({ ...b, preventionFeeBps: 10_001 }),
      [{ field: "preventionFeeBps", code: "out_of_range" }],
    ],
    ["negative ratio", (b) => ({ ...b, preventionFeeBps: -1 }), [{ field: "preventionFeeBps", code: "out_of_range" }]],
    [
      "29 Feb of a common year",
      (b) => ({ ...b, startDate: "2026-02-29" }),
      [{ field: "startDate", code: "invalid_date" }],
    ],
    [
      "a date with time",
      (b) => ({ ...b, endDate: "2026-12-31T00:00:00Z" }),
      [{ field: "endDate", code: "invalid_date" }],
    ],
    ["end before start", (b) => ({ ...b, endDate: "2025-12-31" }), [{ field: "endDate", code: "end_before_start" }]],
    [
      "a 60-month term or more",
      (b) => ({ ...b, endDate: "2031-01-01" }),
      [{ field: "endDate", code: "term_too_long" }],
    ],
    [
      "grade in Chinese on the API",
      (b) => ({ ...b, riskGrade: "红" }),
      [{ field: "riskGrade", code: "invalid_grade" }],
    ],
    [
      "an unknown optional service",
      (b) => ({ ...b, optionalServices: ["key_inspection"] }),
      [{ field: "optionalServices[0]", code: "unknown_service" }],
    ],
    [
      "an optional service twice",
      (b) => ({ ...b, optionalServices: ["remote_guidance", "remote_guidance"] }),
      [{ field: "optionalServices[1]", code: "duplicate_service" }],
    ],
    [
      "optionalServices not a list",
      (b) => ({ ...b, optionalServices: "remote_guidance" }),
      [{ field: "optionalServices", code: "invalid_type" }],
    ],
    [
      "a misspelt field is not dropped silently",
      (b) => ({ ...b, premium: 1 }),
      [{ field: "premium", code: "unknown_field" }],
    ],
    [
      "an unknown enterprise field",
      (b) => ({ ...b, enterprise: { ...b.enterprise, address: "x" } }),
      [{ field: "enterprise.address", code: "unknown_field" }],
    ],
  ];
  it.each(cases)("%s", (_name, mutate, errors) => {
    expect(validatePolicyRecord(mutate(body()))).toEqual({ ok: false, errors });
  });
  it("reports every bad field at once", () => {
    const result = validatePolicyRecord({ ...body(), premiumFen: -5, riskGrade: "purple", startDate: "soon" });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(["premiumFen", "startDate", "riskGrade"]);
  });
  it.each([null, [], "policy", 42])("a body that is not an object (%j) is one error", (input) => {
    expect(validatePolicyRecord(input)).toEqual({ ok: false, errors: [{ field: "", code: "invalid_type" }] });
  });
  it("a term of just under 60 months is accepted", () => {
    expect(validatePolicyRecord({ ...body(), endDate: "2030-12-31" }).ok).toBe(true);
  });
});
