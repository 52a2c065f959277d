/**
 * Subsidy programs (财政补助): who may get money, and how much a bureau may approve.
 * Policy: Jinhua "对市区采取安全托管的工贸企业，按标准予以补助。单个企业不超过5000元" — a yearly
 * budget, eligible services and enterprises, a rate of the service price, a per-enterprise yearly
 * cap (issue 10 "Subsidy programs"; domain.md "Subsidies").
 *
 * Shaped for the service: eligibility returns ALL reason codes (the form lists every one), the
 * arithmetic works on integers only (fen, basis points) and names the one limit an amount would
 * break. The approval bookkeeping (approve / cancel over counters) lives in subsidy-ledger.ts and
 * is the specification the database's CHECK constraints and conditional UPDATEs are tested against.
 * Precedence and rounding: docs/decisions/015-subsidy-and-credit-rules.md.
 */
import { compareIsoDates, type IsoDate } from "./calendar-date";
import { getIndustry, sectionOf } from "./industries";
import { regionContains } from "./regions";
import type { ServiceCategoryCode } from "./service-categories";

export const BASIS_POINTS = 10_000;

export type SubsidyProgramRules = {
  /** The bureau's region: enterprises registered in it or beneath it qualify. */
  regionCode: string;
  year: number;
  budgetFen: number;
  /** Share of the engagement price, in basis points (5000 = 50 %). */
  rateBp: number;
  /** Per enterprise per program year, e.g. 500_000 fen = ¥5,000 (Jinhua). */
  capPerEnterpriseFen: number;
  eligibleCategories: readonly ServiceCategoryCode[];
  /** GB/T 4754 section letters; empty = every industry. Jinhua: 工贸企业 → e.g. ["C", "F", "G", "H"]. */
  industrySections: readonly string[];
  /** Largest headcount that still qualifies ("small firms"); null = no limit. */
  maxEmployees: number | null;
  windowStartsOn: IsoDate;
  windowEndsOn: IsoDate;
};

export type EnterpriseFacts = {
  regionCode: string;
  /** Section letters or two-digit divisions, as the enterprise register keeps them. */
  industryCodes: readonly string[];
  employees: number | null;
  /** On a black list in force on the day of the check (credit-lists.ts `creditEffects`). */
  blackListed: boolean;
};

export type EnterpriseIneligibility =
  "outside_region" | "industry_not_eligible" | "too_many_employees" | "employees_unknown" | "black_listed";

/** Why the enterprise cannot benefit from the program at all; [] = eligible. */
export function enterpriseIneligibility(
  program: SubsidyProgramRules,
  enterprise: EnterpriseFacts,
): EnterpriseIneligibility[] {
  const reasons: EnterpriseIneligibility[] = [];
  if (!regionContains(program.regionCode, enterprise.regionCode)) reasons.push("outside_region");
  if (program.industrySections.length > 0) {
    const sections = enterprise.industryCodes.map((code) =>
      getIndustry(code)?.kind === "section" ? code : sectionOf(code)?.code,
    );
    if (!sections.some((s) => s !== undefined && program.industrySections.includes(s)))
      reasons.push("industry_not_eligible");
  }
  if (program.maxEmployees !== null) {
    // An unknown headcount cannot prove the firm is small: ask for it rather than assume.
    if (enterprise.employees === null) reasons.push("employees_unknown");
    else if (enterprise.employees > program.maxEmployees) reasons.push("too_many_employees");
  }
  if (enterprise.blackListed) reasons.push("black_listed");
  return reasons;
}

export type ApplicationFacts = {
  engagement: {
    enterpriseId: string;
    providerId: string;
    status: string;
    category: ServiceCategoryCode;
    priceFen: number;
  };
  applicantOrgId: string;
  /** Some non-withdrawn, non-rejected application already cites this engagement (in any program). */
  engagementAlreadySubsidised: boolean;
  today: IsoDate;
};

export type ApplicationRefusal =
  | EnterpriseIneligibility
  | "engagement_not_accepted"
  | "category_not_eligible"
  | "outside_window"
  | "already_subsidised"
  | "not_a_party";

/** Accepted (验收) is what the subsidy pays for; a closed engagement was accepted first. */
const SUBSIDISABLE_STATUSES = ["accepted", "closed"];

export type ApplicationCheck =
  { ok: true; onBehalf: boolean; maxByRateFen: number } | { ok: false; reasons: ApplicationRefusal[] };

/**
 * Whether this applicant may apply for this engagement now. The enterprise applies, or its
 * provider on its behalf (`onBehalf`: the enterprise must confirm before the bureau reviews).
 */
export function checkApplication(
  program: SubsidyProgramRules,
  enterprise: EnterpriseFacts,
  facts: ApplicationFacts,
): ApplicationCheck {
  const { engagement } = facts;
  const reasons: ApplicationRefusal[] = [];
  const isEnterprise = facts.applicantOrgId === engagement.enterpriseId;
  const isProvider = facts.applicantOrgId === engagement.providerId;
  if (!isEnterprise && !isProvider) reasons.push("not_a_party");
  if (!SUBSIDISABLE_STATUSES.includes(engagement.status)) reasons.push("engagement_not_accepted");
  if (!program.eligibleCategories.includes(engagement.category)) reasons.push("category_not_eligible");
  if (
    compareIsoDates(facts.today, program.windowStartsOn) < 0 ||
    compareIsoDates(facts.today, program.windowEndsOn) > 0
  ) {
    reasons.push("outside_window");
  }
  if (facts.engagementAlreadySubsidised) reasons.push("already_subsidised");
  reasons.push(...enterpriseIneligibility(program, enterprise));
  if (reasons.length) return { ok: false, reasons };
  return { ok: true, onBehalf: !isEnterprise, maxByRateFen: amountByRate(engagement.priceFen, program.rateBp) };
}

// ---------------------------------------------------------------- arithmetic

function assertFen(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole number of fen ≥ 0, got ${value}`);
}

/** rate × price, floored to the fen (the bureau never pays a fraction above its rate). BigInt: no float drift. */
export function amountByRate(priceFen: number, rateBp: number): number {
  assertFen("priceFen", priceFen);
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > BASIS_POINTS)
    throw new RangeError(`rateBp must be 0..10000, got ${rateBp}`);
  return Number((BigInt(priceFen) * BigInt(rateBp)) / BigInt(BASIS_POINTS));
}

export type ApprovalLimits = {
  byRateFen: number;
  enterpriseRemainingFen: number;
  budgetRemainingFen: number;
  /** min of the three: what the review page offers as the default amount. */
  maxApprovableFen: number;
};

/** The three limits the review page shows, from the counters (never negative by the ledger's invariants). */
export function approvalLimits(input: {
  priceFen: number;
  rateBp: number;
  capPerEnterpriseFen: number;
  enterpriseCommittedFen: number;
  budgetFen: number;
  programCommittedFen: number;
}): ApprovalLimits {
  for (const key of ["capPerEnterpriseFen", "enterpriseCommittedFen", "budgetFen", "programCommittedFen"] as const)
    assertFen(key, input[key]);
  const byRateFen = amountByRate(input.priceFen, input.rateBp);
  const enterpriseRemainingFen = Math.max(0, input.capPerEnterpriseFen - input.enterpriseCommittedFen);
  const budgetRemainingFen = Math.max(0, input.budgetFen - input.programCommittedFen);
  return {
    byRateFen,
    enterpriseRemainingFen,
    budgetRemainingFen,
    maxApprovableFen: Math.min(byRateFen, enterpriseRemainingFen, budgetRemainingFen),
  };
}

export type AmountRefusal = "invalid_amount" | "rate_exceeded" | "cap_exceeded" | "budget_exceeded";

/**
 * The one limit a proposed amount breaks, in this order: invalid (not a positive whole number of
 * fen), rate, cap, budget. Rate first: it belongs to the application and no later event can lift
 * it. Cap next: it belongs to the enterprise and only a cancellation frees it. Budget last: it is
 * shared and the most volatile, and it is the one the database re-checks at commit time.
 */
export function amountRefusal(
  amountFen: number,
  limits: ApprovalLimits,
): { code: AmountRefusal; limitFen: number } | null {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    return { code: "invalid_amount", limitFen: limits.maxApprovableFen };
  if (amountFen > limits.byRateFen) return { code: "rate_exceeded", limitFen: limits.byRateFen };
  if (amountFen > limits.enterpriseRemainingFen)
    return { code: "cap_exceeded", limitFen: limits.enterpriseRemainingFen };
  if (amountFen > limits.budgetRemainingFen) return { code: "budget_exceeded", limitFen: limits.budgetRemainingFen };
  return null;
}

/** Approved for less than the rate allows (部分核准): the page says so and asks for a reason. */
export function isPartialApproval(amountFen: number, limits: ApprovalLimits): boolean {
  return amountFen < limits.byRateFen;
}

/** A program's budget may shrink, never below what it has already committed (issue 10 "Bad input"). */
export function budgetChangeRefusal(
  newBudgetFen: number,
  committedFen: number,
): "invalid_amount" | "budget_below_committed" | null {
  if (!Number.isSafeInteger(newBudgetFen) || newBudgetFen <= 0) return "invalid_amount";
  return newBudgetFen < committedFen ? "budget_below_committed" : null;
}

/**
 * Review queue order: red-listed enterprises first (subsidy priority, credit-lists.ts), then the
 * oldest application. Ties broken by id so that every reviewer sees the same order.
 */
export function compareForReview(
  a: { redListed: boolean; submittedAt: Date; id: string },
  b: { redListed: boolean; submittedAt: Date; id: string },
): number {
  if (a.redListed !== b.redListed) return a.redListed ? -1 : 1;
  const byTime = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
