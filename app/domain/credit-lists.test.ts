import { describe, expect, it } from "vitest";
import {
  blackListProposal,
  creditEffects,
  creditEntryProblems,
  inspectionFrequency,
  isBlackListed,
  isInForce,
  type CreditListEntry,
} from "./credit-lists";

const entry = (patch: Partial<CreditListEntry>): CreditListEntry => ({
  id: "e1",
  list: "black",
  partyKind: "provider",
  partyId: "p1",
  bureauRegionCode: "330700", // 金华市应急管理局
  reason: "出具虚假安全评价报告",
  legalBasis: "《中华人民共和国安全生产法》第九十二条",
  startsOn: "2026-06-01",
  endsOn: "2027-05-31",
  revokedOn: null,
  ...patch,
});
const provider = { kind: "provider" as const, id: "p1" };
const enterprise = { kind: "enterprise" as const, id: "p1" };
const today = "2026-11-28";

describe("effects of the entries in force (one row per rule, with its source)", () => {
  const black = entry({});
  const red = entry({
    id: "r1",
    list: "red",
    reason: "连续三年无事故、安全生产标准化二级",
    legalBasis: "青岛市应急局分级分类执法",
  });
  it.each([
    // domain.md "Black: … no subsidies"; issue 10 "black → no subsidy".
    ["black → no subsidy", [black], provider, { subsidyAllowed: false, subsidyPriority: false }],
    // domain.md "Black: … no bidding"; issue 10 "no bidding in government purchases".
    ["black → no bidding in government purchases", [black], provider, { mayBid: false }],
    // issue 10 "cannot quote (providers)".
    ["black provider → cannot quote", [black], provider, { mayQuote: false, blackListed: true, basis: ["e1"] }],
    [
      "black enterprise → still no subsidy; quoting does not apply",
      [entry({ partyKind: "enterprise" })],
      enterprise,
      { subsidyAllowed: false, mayBid: false, mayQuote: true },
    ],
    // domain.md "Red: … priority for subsidies".
    [
      "red → subsidy priority, everything allowed",
      [red],
      provider,
      { redListed: true, subsidyAllowed: true, subsidyPriority: true, mayBid: true, mayQuote: true, basis: ["r1"] },
    ],
    // decision 015: black wins over red.
    [
      "red and black together → black wins",
      [red, black],
      provider,
      { blackListed: true, redListed: true, subsidyPriority: false, subsidyAllowed: false, basis: ["e1"] },
    ],
    [
      "nothing → nothing",
      [],
      provider,
      {
        blackListed: false,
        redListed: false,
        subsidyAllowed: true,
        subsidyPriority: false,
        mayBid: true,
        mayQuote: true,
        basis: [],
      },
    ],
    ["another party's entry → nothing", [entry({ partyId: "p2" })], provider, { blackListed: false }],
    ["same id, other kind → nothing", [black], enterprise, { blackListed: false }],
    [
      "a Qingdao listing counts in Jinhua too (platform-wide)",
      [entry({ bureauRegionCode: "370200" })],
      provider,
      { mayQuote: false },
    ],
  ] as const)("%s", (_label, entries, party, expected) => {
    expect(creditEffects(entries, party, today)).toMatchObject(expected);
  });

  it.each([
    ["2026-05-31", false],
    ["2026-06-01", true],
    ["2027-05-31", true],
    ["2027-06-01", false],
  ])("in force on %s: %s (start and end inclusive)", (date, expected) => {
    expect(isInForce(entry({}), date)).toBe(expected);
    expect(isBlackListed([entry({})], provider, date)).toBe(expected);
  });

  it("a repair approved (revoked) takes effect on the revocation day", () => {
    const repaired = entry({ revokedOn: "2026-11-28" });
    expect(isInForce(repaired, "2026-11-27")).toBe(true);
    expect(isInForce(repaired, "2026-11-28")).toBe(false);
    expect(isInForce(entry({ endsOn: null }), "2099-01-01")).toBe(true);
  });
});

// Qingdao: 红名单 "每年检查不超过1次"；黑名单 "每年检查不少于2次".
describe("inspection frequency in the plan of the bureaus in the listing bureau's line", () => {
  it.each([
    ["black, Jinhua city plan", [entry({})], "330700", { minPerYear: 2, maxRoutinePerYear: null }],
    ["black by the city, 婺城区 county plan", [entry({})], "330702", { minPerYear: 2, maxRoutinePerYear: null }],
    [
      "black by the county, Zhejiang province plan",
      [entry({ bureauRegionCode: "330702" })],
      "330000",
      { minPerYear: 2, maxRoutinePerYear: null },
    ],
    ["black by Jinhua, Qingdao plan: not its list", [entry({})], "370200", { minPerYear: 0, maxRoutinePerYear: null }],
    [
      "red → at most one routine inspection",
      [entry({ list: "red" })],
      "330700",
      { minPerYear: 0, maxRoutinePerYear: 1 },
    ],
    [
      "red and black → black wins",
      [entry({ list: "red", id: "r" }), entry({})],
      "330700",
      { minPerYear: 2, maxRoutinePerYear: null },
    ],
    ["neither", [], "330700", { minPerYear: 0, maxRoutinePerYear: null }],
  ] as const)("%s", (_label, entries, plan, expected) => {
    expect(inspectionFrequency(entries, provider, plan, today)).toEqual(expected);
  });
});

describe("a new entry's problems", () => {
  const { id: _id, ...fresh } = entry({});
  it.each([
    ["valid", fresh, [], []],
    ["no reason", { ...fresh, reason: "  " }, [], ["reason_required"]],
    ["no legal basis", { ...fresh, legalBasis: "" }, [], ["legal_basis_required"]],
    ["ends before it starts", { ...fresh, endsOn: "2026-05-01" }, [], ["ends_before_start"]],
    [
      "overlaps an entry on the same list",
      fresh,
      [entry({ id: "old", startsOn: "2025-06-01", endsOn: "2026-06-01" })],
      ["already_listed"],
    ],
    ["right after the old one ended", fresh, [entry({ id: "old", startsOn: "2025-06-01", endsOn: "2026-05-31" })], []],
    [
      "after the old one was repaired",
      fresh,
      [entry({ id: "old", startsOn: "2025-06-01", endsOn: "2027-01-01", revokedOn: "2026-06-01" })],
      [],
    ],
    ["a red entry does not block a black one", fresh, [entry({ id: "old", list: "red" })], []],
  ] as const)("%s", (_label, candidate, existing, expected) => {
    expect(creditEntryProblems(candidate, existing)).toEqual(expected);
  });
});

// issue 10: "a D grade may still propose a black listing to the bureau" — propose, not impose.
describe("a D grade proposes a black listing", () => {
  it.each([
    ["D, not listed", "D", [], false, true],
    ["C", "C", [], false, false],
    ["no grade yet", null, [], false, false],
    ["D, already black-listed", "D", [entry({})], false, false],
    ["D, an earlier proposal still open", "D", [], true, false],
    ["D, the old listing has ended", "D", [entry({ endsOn: "2026-10-01" })], false, true],
  ] as const)("%s → proposal: %s", (_label, grade, entries, open, expected) => {
    const proposal = blackListProposal({ providerId: "p1", grade, entries, hasOpenProposal: open, today });
    expect(proposal !== null).toBe(expected);
    if (proposal) {
      expect(proposal).toMatchObject({ partyId: "p1", list: "black", reasonCode: "credit_grade_d" });
      // A proposal is not an entry: nothing in force changes until the bureau decides.
      expect(isBlackListed(entries, provider, today)).toBe(false);
    }
  });
});
