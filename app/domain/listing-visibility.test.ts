import { describe, expect, it } from "vitest";
import {
  listingVisibility,
  qualificationCovers,
  qualificationInForce,
  type ListingVisibilityInput,
  type QualificationFacts,
  type VisibilityReason,
} from "./listing-visibility";

const TODAY = "2026-11-23";
const q = (over: Partial<QualificationFacts> = {}): QualificationFacts => ({
  type: "safety_assessment",
  status: "verified",
  validFrom: "2024-01-01",
  validTo: "2028-12-31",
  ...over,
});
const active = { status: "active" as const, requiredQualificationType: "safety_assessment" };

// docs/domain.md, "Listings and their visibility": an expired qualification hides the services that need it.
describe("listingVisibility", () => {
  const cases: Array<[string, Omit<ListingVisibilityInput, "today">, VisibilityReason[] | "visible"]> = [
    [
      "no qualification needed, active",
      { listing: { status: "active", requiredQualificationType: null }, providerSuspended: false, qualifications: [] },
      "visible",
    ],
    ["verified and in force", { listing: active, providerSuspended: false, qualifications: [q()] }, "visible"],
    [
      "valid on its first day",
      { listing: active, providerSuspended: false, qualifications: [q({ validFrom: TODAY })] },
      "visible",
    ],
    [
      "valid on its last day",
      { listing: active, providerSuspended: false, qualifications: [q({ validTo: TODAY })] },
      "visible",
    ],
    [
      "one expired, one renewed in force",
      { listing: active, providerSuspended: false, qualifications: [q({ validTo: "2026-06-30" }), q()] },
      "visible",
    ],
    [
      "paused",
      { listing: { ...active, status: "paused" }, providerSuspended: false, qualifications: [q()] },
      [{ code: "listing_paused" }],
    ],
    [
      "provider suspended",
      { listing: active, providerSuspended: true, qualifications: [q()] },
      [{ code: "provider_suspended" }],
    ],
    [
      "provider still pending verification is shown",
      { listing: active, providerSuspended: false, providerVerification: "pending", qualifications: [q()] },
      "visible",
    ],
    [
      "provider rejected by the platform",
      { listing: active, providerSuspended: false, providerVerification: "rejected", qualifications: [q()] },
      [{ code: "provider_rejected" }],
    ],
    [
      "suspended and paused: both said",
      { listing: { ...active, status: "paused" }, providerSuspended: true, qualifications: [q()] },
      [{ code: "provider_suspended" }, { code: "listing_paused" }],
    ],
    [
      "no qualification uploaded",
      { listing: active, providerSuspended: false, qualifications: [] },
      [{ code: "qualification_missing", qualificationType: "safety_assessment" }],
    ],
    [
      "only a qualification of another type",
      { listing: active, providerSuspended: false, qualifications: [q({ type: "testing_inspection" })] },
      [{ code: "qualification_missing", qualificationType: "safety_assessment" }],
    ],
    [
      "expired yesterday",
      { listing: active, providerSuspended: false, qualifications: [q({ validTo: "2026-11-22" })] },
      [{ code: "qualification_expired", qualificationType: "safety_assessment", date: "2026-11-22" }],
    ],
    [
      "two expired: the latest end date is reported",
      {
        listing: active,
        providerSuspended: false,
        qualifications: [q({ validTo: "2026-06-30" }), q({ validTo: "2025-01-31" })],
      },
      [{ code: "qualification_expired", qualificationType: "safety_assessment", date: "2026-06-30" }],
    ],
    [
      "not yet in force",
      { listing: active, providerSuspended: false, qualifications: [q({ validFrom: "2026-12-01" })] },
      [{ code: "qualification_not_yet_valid", qualificationType: "safety_assessment", date: "2026-12-01" }],
    ],
    [
      "pending review",
      { listing: active, providerSuspended: false, qualifications: [q({ status: "pending" })] },
      [{ code: "qualification_pending", qualificationType: "safety_assessment" }],
    ],
    [
      "rejected",
      { listing: active, providerSuspended: false, qualifications: [q({ status: "rejected" })] },
      [{ code: "qualification_rejected", qualificationType: "safety_assessment" }],
    ],
    [
      "expired, with a renewal awaiting review",
      {
        listing: active,
        providerSuspended: false,
        qualifications: [
          q({ validTo: "2026-06-30" }),
          q({ status: "pending", validFrom: "2026-07-01", validTo: "2029-06-30" }),
        ],
      },
      [
        { code: "qualification_expired", qualificationType: "safety_assessment", date: "2026-06-30" },
        { code: "qualification_pending", qualificationType: "safety_assessment" },
      ],
    ],
    [
      "an unverified qualification never counts, even with valid dates",
      {
        listing: active,
        providerSuspended: false,
        qualifications: [q({ status: "pending" }), q({ status: "rejected" })],
      },
      [
        { code: "qualification_pending", qualificationType: "safety_assessment" },
        { code: "qualification_rejected", qualificationType: "safety_assessment" },
      ],
    ],
  ];

  it.each(cases)("%s", (_name, input, expected) => {
    const result = listingVisibility({ ...input, today: TODAY });
    if (expected === "visible") expect(result).toEqual({ visible: true });
    else expect(result).toEqual({ visible: false, reasons: expected });
  });

  it("refuses a today that is not an ISO date (text comparison would lie)", () => {
    expect(() =>
      listingVisibility({ listing: active, providerSuspended: false, qualifications: [], today: "2026-1-5" }),
    ).toThrow(RangeError);
  });
});

describe("qualificationInForce", () => {
  it.each([
    [q(), true],
    [q({ status: "pending" }), false],
    [q({ status: "rejected" }), false],
    [q({ validTo: "2026-11-22" }), false],
    [q({ validFrom: "2026-11-24" }), false],
  ])("%j → %s", (qual, expected) => {
    expect(qualificationInForce(qual, TODAY)).toBe(expected);
  });
});

describe("qualificationCovers (may a provider quote in a category?)", () => {
  const engineer = q({ type: "registered_safety_engineer" });
  it.each<[string, QualificationFacts[], string, boolean]>([
    ["assessment licence covers assessment", [q()], "assessment", true],
    ["assessment licence does not cover custody", [q()], "custody", false],
    ["engineer certificate covers consulting", [engineer], "consulting", true],
    ["engineer certificate covers custody", [engineer], "custody", true],
    ["engineer certificate covers the engineer firm category", [engineer], "engineer_firm", true],
    ["engineer certificate does not cover testing", [engineer], "testing", false],
    ["expired licence covers nothing", [q({ validTo: "2026-06-30" })], "assessment", false],
    ["pending licence covers nothing", [q({ status: "pending" })], "assessment", false],
    ["no qualifications", [], "assessment", false],
    ["'other' covers nothing by default", [q({ type: "other" })], "training", false],
    [
      "'other' covers what its verified scope names",
      [q({ type: "other", scopeCategories: ["training"] })],
      "training",
      true,
    ],
    [
      "a recorded scope narrows the type's default",
      [q({ type: "registered_safety_engineer", scopeCategories: ["consulting"] })],
      "custody",
      false,
    ],
    ["any one qualification suffices", [q({ validTo: "2020-01-01" }), q({ type: "rescue_team" })], "rescue", true],
  ])("%s", (_name, quals, category, expected) => {
    expect(qualificationCovers(quals, category, TODAY)).toBe(expected);
  });
});
