import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEVEL_FROM, MAX_MATCH_SCORE, matchLevel, matchShare } from "./match-level";
import { POINTS } from "./matching";
import { GRADE_POINTS, RATING_POINTS } from "./rank-weights";

describe("match level (issue 11: the score in words, not as a raw number)", () => {
  it("the maximum is the best of every dimension of matching.ts", () => {
    expect(MAX_MATCH_SCORE).toBe(25 + 10 + 20 + 15 + 20 + 10 + 5);
    expect(MAX_MATCH_SCORE).toBe(
      POINTS.regionExact +
        POINTS.industryDivision +
        POINTS.qualificationValid +
        GRADE_POINTS.A +
        RATING_POINTS +
        POINTS.withinBudget +
        POINTS.verified,
    );
  });

  it.each([
    // County served exactly, licence valid, grade A, rating 4.5 (≈17.5), verified: 82.5.
    ["everything in its favour", 82.5, "strong"],
    ["exactly 60% of the maximum", 0.6 * 105, "strong"],
    ["just under 60%", 0.6 * 105 - 0.1, "good"],
    // Serves the region, ungraded (6), prior rating (≈10.6), verified: ≈46.6.
    ["serves the region with an average record", 46.6, "good"],
    ["exactly 40%", 0.4 * 105, "good"],
    ["just under 40%", 0.4 * 105 - 0.1, "fair"],
    ["grade D drags it below zero", -12, "fair"],
  ])("%s (%s) → %s", (_name, score, level) => {
    expect(matchLevel(score)).toBe(level);
  });

  it("the bar never leaves 0…1 and grows with the score", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 300, noNaN: true }),
        fc.double({ min: -100, max: 300, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(matchShare(lo)).toBeGreaterThanOrEqual(0);
          expect(matchShare(hi)).toBeLessThanOrEqual(1);
          expect(matchShare(lo)).toBeLessThanOrEqual(matchShare(hi));
        },
      ),
    );
    expect(LEVEL_FROM.strong).toBeGreaterThan(LEVEL_FROM.good);
  });
});
