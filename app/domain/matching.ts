import { getRegion, regionContains } from "./regions";
import { getIndustry, sectionOf } from "./industries";
import { coveredCategories, qualificationInForce, type QualificationFacts } from "./listing-visibility";
import { LICENSED_CATEGORIES, type ServiceCategoryCode } from "./service-categories";
import { GRADE_POINTS, POINTS, bayesianRating, ratingPoints, type CreditGradeCode } from "./rank-weights";

export {
  BAYES_PRIOR_MEAN,
  BAYES_PRIOR_WEIGHT,
  GRADE_POINTS,
  bayesianRating,
  ratingPoints,
  staticScore,
} from "./rank-weights";
export type { CreditGradeCode } from "./rank-weights";

/**
 * Provider matching (docs/domain.md, "Matching"): rank providers for a need by
 * category, region, industry fit, qualification validity, credit grade, rating and price, and
 * say why. Hard rules exclude (a provider that does not offer the category, does not serve the
 * region, or lacks an in-force qualification for a licensed category); everything else scores.
 * Reasons are codes with parameters; the UI translates them (namespace `search`, `reason.*`).
 */

export type MatchNeed = {
  category?: ServiceCategoryCode | null;
  /** GB/T 2260 code of the place of work: a county, a city or a province. */
  regionCode?: string | null;
  /** GB/T 4754 section letter or division. */
  industryCode?: string | null;
  budgetFen?: number | null;
};

export type MatchCandidate = {
  providerId: string;
  categories: readonly string[];
  /** Regions served as declared (not the expanded search keys). */
  regionCodes: readonly string[];
  industryCodes: readonly string[];
  creditGrade: CreditGradeCode | null;
  reviewCount: number;
  ratingSum: number;
  verified: boolean;
  qualifications: readonly QualificationFacts[];
  /** Lowest visible listing price in the need's category, if any. */
  priceFen?: number | null;
};

export type ReasonCode =
  | "serves_region"
  | "serves_part_of_region"
  | "industry_match"
  | "industry_section_match"
  | "industry_general"
  | "qualification_valid"
  | "qualification_expired"
  | "grade"
  | "grade_none"
  | "rating"
  | "no_reviews"
  | "within_budget"
  | "near_budget"
  | "over_budget"
  | "verified";

export type ExclusionCode = "category_not_offered" | "region_not_served" | "qualification_required";

export type MatchReason = { code: ReasonCode; params: Record<string, string | number> };
export type MatchResult = { providerId: string; score: number; reasons: MatchReason[] };
export type Assessment =
  | ({ eligible: true } & MatchResult)
  | {
      eligible: false;
      providerId: string;
      exclusion: { code: ExclusionCode; params: Record<string, string | number> };
    };

// The points live in rank-weights.ts (no imports), so the browser can read them without the region table.
export { POINTS };

/** Within this share above the budget a price still counts as "near". */
export const NEAR_BUDGET_RATIO = 1.2;

const regionName = (code: string) => getRegion(code)?.name ?? code;

export function assessProvider(need: MatchNeed, c: MatchCandidate, today: string): Assessment {
  const reasons: MatchReason[] = [];
  let score = 0;
  const exclude = (code: ExclusionCode, params: Record<string, string | number> = {}): Assessment => ({
    eligible: false,
    providerId: c.providerId,
    exclusion: { code, params },
  });

  if (need.category && !c.categories.includes(need.category))
    return exclude("category_not_offered", { category: need.category });

  if (need.regionCode) {
    const fit = regionFit(need.regionCode, c.regionCodes);
    if (!fit) return exclude("region_not_served", { region: regionName(need.regionCode) });
    score += fit.points;
    reasons.push(fit.reason);
  }

  if (need.category) {
    const q = qualificationFit(need.category, c.qualifications, today);
    if (q.kind === "missing") {
      return exclude("qualification_required", {
        category: need.category,
        ...(q.expiredOn ? { expiredOn: q.expiredOn } : {}),
      });
    }
    if (q.kind === "valid") {
      score += POINTS.qualificationValid;
      reasons.push({ code: "qualification_valid", params: { type: q.type, until: q.until.slice(0, 7) } });
    } else if (q.kind === "expired") {
      score += POINTS.qualificationExpired;
      reasons.push({ code: "qualification_expired", params: { type: q.type, until: q.until.slice(0, 7) } });
    }
  }

  if (need.industryCode) {
    const fit = industryFit(need.industryCode, c.industryCodes);
    score += fit.points;
    if (fit.reason) reasons.push(fit.reason);
  }

  score += GRADE_POINTS[c.creditGrade ?? "none"];
  reasons.push(
    c.creditGrade ? { code: "grade", params: { grade: c.creditGrade } } : { code: "grade_none", params: {} },
  );

  score += ratingPoints(c.reviewCount, c.ratingSum);
  reasons.push(
    c.reviewCount > 0
      ? { code: "rating", params: { average: round1(c.ratingSum / c.reviewCount), count: c.reviewCount } }
      : { code: "no_reviews", params: {} },
  );

  if (need.budgetFen != null && c.priceFen != null) {
    const params = { price: c.priceFen, budget: need.budgetFen };
    if (c.priceFen <= need.budgetFen) {
      score += POINTS.withinBudget;
      reasons.push({ code: "within_budget", params });
    } else if (c.priceFen <= need.budgetFen * NEAR_BUDGET_RATIO) {
      score += POINTS.nearBudget;
      reasons.push({ code: "near_budget", params });
    } else {
      score += POINTS.overBudget;
      reasons.push({ code: "over_budget", params });
    }
  }

  if (c.verified) {
    score += POINTS.verified;
    reasons.push({ code: "verified", params: {} });
  }

  return { eligible: true, providerId: c.providerId, score: round1(score), reasons };
}

/**
 * The eligible candidates, best first. Ties go to the better Bayesian rating, then to more
 * reviews, then to the provider id, so the order never depends on the input order.
 */
export function rankProviders(need: MatchNeed, candidates: readonly MatchCandidate[], today: string): MatchResult[] {
  const byId = new Map(candidates.map((c) => [c.providerId, c]));
  const results: MatchResult[] = [];
  for (const c of candidates) {
    const a = assessProvider(need, c, today);
    if (a.eligible) results.push({ providerId: a.providerId, score: a.score, reasons: a.reasons });
  }
  return results.sort((x, y) => {
    if (y.score !== x.score) return y.score - x.score;
    const cx = byId.get(x.providerId)!;
    const cy = byId.get(y.providerId)!;
    const bx = bayesianRating(cx.reviewCount, cx.ratingSum);
    const by = bayesianRating(cy.reviewCount, cy.ratingSum);
    if (by !== bx) return by - bx;
    if (cy.reviewCount !== cx.reviewCount) return cy.reviewCount - cx.reviewCount;
    return x.providerId < y.providerId ? -1 : x.providerId > y.providerId ? 1 : 0;
  });
}

/**
 * Serving the place itself, or an area that contains it, is a full fit ("serves 婺城区");
 * serving only part of a city the need names is a partial one.
 */
function regionFit(needCode: string, served: readonly string[]): { points: number; reason: MatchReason } | null {
  if (served.includes(needCode)) {
    return { points: POINTS.regionExact, reason: { code: "serves_region", params: { region: regionName(needCode) } } };
  }
  const container = served.find((s) => regionContains(s, needCode));
  if (container) {
    return {
      points: POINTS.regionWithin,
      reason: { code: "serves_region", params: { region: regionName(needCode), via: regionName(container) } },
    };
  }
  const parts = served.filter((s) => regionContains(needCode, s));
  if (parts.length > 0) {
    return {
      points: POINTS.regionPart,
      reason: {
        code: "serves_part_of_region",
        params: { region: regionName(needCode), parts: parts.map(regionName).join("、") },
      },
    };
  }
  return null;
}

type QualificationFit =
  | { kind: "valid"; type: string; until: string }
  | { kind: "expired"; type: string; until: string }
  | { kind: "none" }
  | { kind: "missing"; expiredOn?: string };

/** An in-force, verified qualification covering the category; licensed categories require one. */
function qualificationFit(category: string, all: readonly QualificationFacts[], today: string): QualificationFit {
  const covering = all.filter((q) => coveredCategories(q).includes(category));
  const inForce = covering
    .filter((q) => qualificationInForce(q, today))
    .sort((a, b) => (a.validTo < b.validTo ? 1 : -1));
  if (inForce.length > 0) return { kind: "valid", type: inForce[0].type, until: inForce[0].validTo };
  const expired = covering
    .filter((q) => q.status === "verified" && q.validTo < today)
    .sort((a, b) => (a.validTo < b.validTo ? 1 : -1));
  if ((LICENSED_CATEGORIES as readonly string[]).includes(category)) {
    return { kind: "missing", ...(expired[0] ? { expiredOn: expired[0].validTo } : {}) };
  }
  return expired[0] ? { kind: "expired", type: expired[0].type, until: expired[0].validTo } : { kind: "none" };
}

function industryFit(needCode: string, served: readonly string[]): { points: number; reason?: MatchReason } {
  const need = getIndustry(needCode);
  if (!need) return { points: 0 };
  if (served.includes(needCode)) {
    return { points: POINTS.industryDivision, reason: { code: "industry_match", params: { industry: needCode } } };
  }
  const section = need.kind === "division" ? sectionOf(needCode)?.code : needCode;
  const sectionHit = served.some((s) => s === section || (need.kind === "section" && sectionOf(s)?.code === needCode));
  if (sectionHit) {
    return {
      points: POINTS.industrySection,
      reason: { code: "industry_section_match", params: { industry: section ?? needCode } },
    };
  }
  if (served.length === 0) return { points: POINTS.industryGeneral, reason: { code: "industry_general", params: {} } };
  return { points: 0 };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
