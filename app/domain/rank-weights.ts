/**
 * The need-independent ranking weights: credit grade and Bayesian rating. Kept free of imports
 * because the database schema builds its ranking indexes from them (db/schema/search-sql.ts):
 * the SQL order and matching.ts must agree, and an integration test checks that they do.
 */
export type CreditGradeCode = "A" | "B" | "C" | "D";

/**
 * Bayesian average rating: (C·m + Σ ratings) / (C + n). The prior m = 4.0 is a typical
 * platform rating and C = 10 says "trust the provider's own average once it has about ten
 * reviews". So 1 review of 5★ → 4.09, while 40 reviews averaging 4.8★ → 4.64.
 */
export const BAYES_PRIOR_MEAN = 4.0;
export const BAYES_PRIOR_WEIGHT = 10;

/** Points per credit grade; D (failing) is pushed below the ungraded newcomer. */
export const GRADE_POINTS: Record<CreditGradeCode | "none", number> = { A: 15, B: 10, C: 4, D: -20, none: 6 };

/** Order of grades for "sort by grade": A first, then B, C, ungraded, D last. */
export const GRADE_SORT_KEY: Record<CreditGradeCode | "none", number> = { A: 4, B: 3, C: 2, none: 1, D: 0 };

/** Ratings 1…5 map linearly onto 0…RATING_POINTS. */
export const RATING_POINTS = 20;

export function bayesianRating(reviewCount: number, ratingSum: number): number {
  return (BAYES_PRIOR_WEIGHT * BAYES_PRIOR_MEAN + ratingSum) / (BAYES_PRIOR_WEIGHT + reviewCount);
}

export function ratingPoints(reviewCount: number, ratingSum: number): number {
  return ((bayesianRating(reviewCount, ratingSum) - 1) / 4) * RATING_POINTS;
}

/** Grade points plus rating points: the order of "relevance" before a need is known. */
export function staticScore(c: {
  creditGrade: CreditGradeCode | null;
  reviewCount: number;
  ratingSum: number;
}): number {
  return GRADE_POINTS[c.creditGrade ?? "none"] + ratingPoints(c.reviewCount, c.ratingSum);
}

/** Points of the need-dependent criteria (app/domain/matching.ts scores with them). */
export const POINTS = {
  regionExact: 25,
  regionWithin: 22,
  regionPart: 15,
  industryDivision: 10,
  industrySection: 6,
  industryGeneral: 3,
  qualificationValid: 20,
  qualificationExpired: -5,
  withinBudget: 10,
  nearBudget: 4,
  overBudget: -5,
  verified: 5,
} as const;
