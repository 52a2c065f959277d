import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sample, seededRandom, shuffled } from "./seeded-random";

describe("seededRandom", () => {
  it("gives the same sequence for the same seed and a different one for another seed", () => {
    const take = (seed: string) => {
      const r = seededRandom(seed);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(take("draw-2026-001")).toEqual(take("draw-2026-001"));
    expect(take("draw-2026-001")).not.toEqual(take("draw-2026-002"));
  });

  it("int(n) stays in [0, n) and hits every value of a small range", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 50 }), (seed, n) => {
        const r = seededRandom(seed);
        const seen = new Set<number>();
        for (let i = 0; i < 40 * n; i++) {
          const x = r.int(n);
          expect(Number.isInteger(x) && x >= 0 && x < n).toBe(true);
          seen.add(x);
        }
        expect(seen.size).toBe(n);
      }),
      { numRuns: 50 },
    );
  });

  it("is roughly uniform: each of 10 buckets gets 10 % ± 1.5 % of 100,000 draws", () => {
    const r = seededRandom("uniformity");
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[r.int(10)]!++;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(1_500);
  });

  it("refuses a range it cannot draw from", () => {
    expect(() => seededRandom("x").int(0)).toThrow(RangeError);
    expect(() => seededRandom("x").int(1.5)).toThrow(RangeError);
  });
});

describe("shuffled and sample", () => {
  it("shuffled is a permutation and leaves its input alone", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const copy = items.slice();
        const out = shuffled(items, seededRandom(seed));
        expect(items).toEqual(copy);
        expect(out.slice().sort((a, b) => a - b)).toEqual(copy.sort((a, b) => a - b));
      }),
    );
  });

  it("sample draws distinct items, min(count, length) of them", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer()), fc.integer({ min: -2, max: 30 }), fc.string(), (items, count, seed) => {
        const out = sample(items, count, seededRandom(seed));
        expect(out.length).toBe(Math.max(0, Math.min(count, items.length)));
        expect(new Set(out).size).toBe(out.length);
        for (const x of out) expect(items).toContain(x);
      }),
    );
  });
});
