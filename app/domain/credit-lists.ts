/**
 * Red and black credit lists (信用红黑名单) and what they do, as a pure function of the entries in
 * force on a date. Sources: Qingdao "对纳入守信'红名单'…每年检查不超过1次…对纳入失信'黑名单'的企业，
 * 加大检查频次，每年检查不少于2次"; domain.md "Credit lists": "Red: fewer inspections (at most one a
 * year), priority for subsidies. Black: at least two inspections a year, no subsidies, no bidding";
 * issue 10: black-listed providers cannot quote, and a D credit grade may PROPOSE (never impose) a
 * black listing to the bureau.
 *
 * Scope (decision 015): the marketplace effects (subsidy, bidding, quoting) hold on the whole
 * platform — a party dishonest in Qingdao is not honest in Jinhua; the inspection-frequency effects
 * belong to the inspection plans of the bureaus in the listing bureau's line (its region, the
 * regions above it and below it). When a red and a black entry are both in force, black wins.
 */
import { addDays, minIsoDate, type IsoDate } from "./calendar-date";
import type { Grade } from "./credit-grade";
import { regionContains } from "./regions";

export type CreditListKind = "red" | "black";
export type CreditPartyKind = "enterprise" | "provider";

export const CREDIT_LIST_LABELS: Record<CreditListKind, { zh: string; en: string }> = {
  red: { zh: "守信红名单", en: "Red list (trustworthy)" },
  black: { zh: "失信黑名单", en: "Black list (untrustworthy)" },
};

export type CreditListEntry = {
  id: string;
  list: CreditListKind;
  partyKind: CreditPartyKind;
  partyId: string;
  /** The listing bureau's region (6-digit code). */
  bureauRegionCode: string;
  reason: string;
  legalBasis: string;
  startsOn: IsoDate;
  /** Last day in force (inclusive); null = until revoked. */
  endsOn: IsoDate | null;
  /** First day no longer in force after an early removal (credit repair approved, error corrected). */
  revokedOn: IsoDate | null;
};

export function isInForce(entry: Pick<CreditListEntry, "startsOn" | "endsOn" | "revokedOn">, today: IsoDate): boolean {
  if (entry.startsOn > today) return false;
  if (entry.endsOn !== null && today > entry.endsOn) return false;
  return entry.revokedOn === null || today < entry.revokedOn;
}

export type CreditEntryProblem =
  "reason_required" | "legal_basis_required" | "ends_before_start" | "revoked_before_start" | "already_listed";

/**
 * What is wrong with a new entry before it is saved. `already_listed`: an entry on the same list
 * for the same party overlaps it; extend that one instead of stacking a second.
 */
export function creditEntryProblems(
  entry: Omit<CreditListEntry, "id">,
  existing: readonly CreditListEntry[],
): CreditEntryProblem[] {
  const problems: CreditEntryProblem[] = [];
  if (!entry.reason.trim()) problems.push("reason_required");
  if (!entry.legalBasis.trim()) problems.push("legal_basis_required");
  if (entry.endsOn !== null && entry.endsOn < entry.startsOn) problems.push("ends_before_start");
  if (entry.revokedOn !== null && entry.revokedOn <= entry.startsOn) problems.push("revoked_before_start");
  // Last day in force: the end date, or the day before revocation, whichever is earlier.
  const lastDay = (e: Pick<CreditListEntry, "endsOn" | "revokedOn">) =>
    minIsoDate(e.endsOn ?? "9999-12-31", e.revokedOn !== null ? addDays(e.revokedOn, -1) : "9999-12-31");
  const overlaps = existing.some(
    (e) =>
      e.list === entry.list &&
      e.partyKind === entry.partyKind &&
      e.partyId === entry.partyId &&
      e.startsOn <= lastDay(entry) &&
      entry.startsOn <= lastDay(e),
  );
  if (overlaps) problems.push("already_listed");
  return problems;
}

export type CreditEffects = {
  blackListed: boolean;
  redListed: boolean;
  /** Black: 不予补助. */
  subsidyAllowed: boolean;
  /** Red (and not black): reviewed first in the subsidy queue. */
  subsidyPriority: boolean;
  /** Black: no bidding in government purchases (政府购买服务). */
  mayBid: boolean;
  /** Black providers cannot quote; always true for an enterprise (it does not quote). */
  mayQuote: boolean;
  /** Ids of the entries that produce the effects, for the "why" on the page. */
  basis: string[];
};

/** The marketplace effects of the party's entries in force on `today`, from any bureau. */
export function creditEffects(
  entries: readonly CreditListEntry[],
  party: { kind: CreditPartyKind; id: string },
  today: IsoDate,
): CreditEffects {
  const own = entries.filter((e) => e.partyKind === party.kind && e.partyId === party.id && isInForce(e, today));
  const black = own.filter((e) => e.list === "black");
  const red = own.filter((e) => e.list === "red");
  const blackListed = black.length > 0;
  const redListed = red.length > 0;
  return {
    blackListed,
    redListed,
    subsidyAllowed: !blackListed,
    subsidyPriority: redListed && !blackListed,
    mayBid: !blackListed,
    mayQuote: party.kind === "enterprise" || !blackListed,
    basis: (blackListed ? black : red).map((e) => e.id),
  };
}

export type InspectionFrequency = { minPerYear: number; maxRoutinePerYear: number | null };

/** Whether the planning bureau is in the listing bureau's line (same region, above it, or below it). */
function sameLine(planningRegionCode: string, listingRegionCode: string): boolean {
  return regionContains(planningRegionCode, listingRegionCode) || regionContains(listingRegionCode, planningRegionCode);
}

/**
 * How often the planning bureau's inspection plan must / may visit the party this year (Qingdao):
 * black → at least 2; red → at most 1 routine inspection (complaints, accidents and higher
 * orders still trigger inspections, which is why only routine ones are capped); neither → no rule.
 */
export function inspectionFrequency(
  entries: readonly CreditListEntry[],
  party: { kind: CreditPartyKind; id: string },
  planningRegionCode: string,
  today: IsoDate,
): InspectionFrequency {
  const relevant = entries.filter((e) => sameLine(planningRegionCode, e.bureauRegionCode));
  const effects = creditEffects(relevant, party, today);
  if (effects.blackListed) return { minPerYear: 2, maxRoutinePerYear: null };
  if (effects.redListed) return { minPerYear: 0, maxRoutinePerYear: 1 };
  return { minPerYear: 0, maxRoutinePerYear: null };
}

/** For engagement-rules.ts quoteRefusal: the black-list half of ProviderStanding. */
export function isBlackListed(
  entries: readonly CreditListEntry[],
  party: { kind: CreditPartyKind; id: string },
  today: IsoDate,
): boolean {
  return creditEffects(entries, party, today).blackListed;
}

export type BlackListProposal = {
  partyKind: "provider";
  partyId: string;
  list: "black";
  reasonCode: "credit_grade_d";
  reason: { zh: string; en: string };
};

/**
 * A D grade proposes a black listing to the bureau; the bureau decides and writes the entry
 * (with its own legal basis and dates). Nothing is proposed twice: not when the provider is
 * already black-listed, nor while an earlier proposal waits for the bureau.
 */
export function blackListProposal(input: {
  providerId: string;
  grade: Grade | null;
  entries: readonly CreditListEntry[];
  hasOpenProposal: boolean;
  today: IsoDate;
}): BlackListProposal | null {
  if (input.grade !== "D" || input.hasOpenProposal) return null;
  if (isBlackListed(input.entries, { kind: "provider", id: input.providerId }, input.today)) return null;
  return {
    partyKind: "provider",
    partyId: input.providerId,
    list: "black",
    reasonCode: "credit_grade_d",
    reason: {
      zh: "信用评价为D级，建议列入失信黑名单，请审核",
      en: "Credit grade D: black listing proposed for the bureau's review",
    },
  };
}
