import { GRADE_POINTS, POINTS, RATING_POINTS } from "./rank-weights";

/**
 * The matching score (matching.ts) as people read it: a level in words and a bar, instead of a
 * raw number like 75.5 that means nothing on its own (issue 11).
 *
 * The most a provider can score: the best of every dimension of matching.ts.
 */
export const MAX_MATCH_SCORE =
  POINTS.regionExact +
  POINTS.industryDivision +
  POINTS.qualificationValid +
  GRADE_POINTS.A +
  RATING_POINTS +
  POINTS.withinBudget +
  POINTS.verified;

export type MatchLevel = "strong" | "good" | "fair";

/**
 * Share of the maximum from which a level starts. A provider that serves the county, holds the
 * licence, is graded A and well reviewed passes 60%; serving the region with an average record
 * lands between 40% and 60%.
 */
export const LEVEL_FROM: Record<Exclude<MatchLevel, "fair">, number> = { strong: 0.6, good: 0.4 };

/** 0…1, for the width of the bar. */
export function matchShare(score: number): number {
  return Math.min(1, Math.max(0, score / MAX_MATCH_SCORE));
}

export function matchLevel(score: number): MatchLevel {
  const share = matchShare(score);
  if (share >= LEVEL_FROM.strong) return "strong";
  if (share >= LEVEL_FROM.good) return "good";
  return "fair";
}
