import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { canCommit, feeBalance, feeBalancesByPolicy, preventionFundFen, type FeeLedgerEntry } from "./prevention-fee";

// Issue 9 "Money and oversight": premium × ratio, minus commissioned services; never negative
// without an explicit recorded overrun. Rounding: half-up to the fen (decision 014, "Fee").
describe("preventionFundFen", () => {
  it.each([
    [1_200_000, 1500, 180_000], // the API example: ¥12,000 at 15 % → ¥1,800
    [1_000_001, 1500, 150_000], // 150000.15 → down
    [1_000_003, 1500, 150_000], // 150000.45 → down
    [1_000_004, 1500, 150_001], // 150000.6 → up
    [1, 5000, 1], // exactly half a fen → up (四舍五入)
    [3, 5000, 2], // 1.5 → 2
    [999, 1, 0], // 0.0999 → 0
    [12_345, 10_000, 12_345], // 100 %
    [12_345, 0, 0],
    [Number.MAX_SAFE_INTEGER, 10_000, Number.MAX_SAFE_INTEGER], // exact, BigInt
  ])("premium %i fen at %i bps → %i fen", (premium, bps, fund) => {
    expect(preventionFundFen(premium, bps)).toBe(fund);
  });
  it.each([
    [-1, 1500, "invalid_amount"],
    [100.5, 1500, "invalid_amount"],
    [100, 10_001, "invalid_ratio"],
    [100, -1, "invalid_ratio"],
    [100, 15.5, "invalid_ratio"],
  ])("refuses premium %s at %s bps with %s", (premium, bps, code) => {
    expect(() => preventionFundFen(premium, bps)).toThrow(DomainError);
    try {
      preventionFundFen(premium, bps);
    } catch (e) {
      expect((e as DomainError).code).toBe(code);
    }
  });
  it("is within half a fen of the exact product, and monotonic in the ratio", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 9_999 }), (premium, bps) => {
        const fund = preventionFundFen(premium, bps);
        expect(Math.abs(fund * 10_000 - premium * bps)).toBeLessThanOrEqual(5_000);
        expect(preventionFundFen(premium, bps + 1)).toBeGreaterThanOrEqual(fund);
      }),
    );
  });
});

describe("canCommit", () => {
  it.each<[number, number, boolean, ReturnType<typeof canCommit>]>([
    [10_000, 4_000, false, { ok: true, balanceAfterFen: 6_000, overrunFen: 0 }],
    [10_000, 10_000, false, { ok: true, balanceAfterFen: 0, overrunFen: 0 }],
    [10_000, 10_001, false, { ok: false, code: "insufficient_prevention_fund", shortfallFen: 1 }],
    [10_000, 12_000, true, { ok: true, balanceAfterFen: -2_000, overrunFen: 2_000 }],
    [-500, 1_000, true, { ok: true, balanceAfterFen: -1_500, overrunFen: 1_000 }], // already overrun: all of it is overrun
    [-500, 0, false, { ok: true, balanceAfterFen: -500, overrunFen: 0 }],
  ])("balance %i, amount %i, overrun approved %s", (balance, amount, approved, expected) => {
    expect(canCommit(balance, amount, approved)).toEqual(expected);
  });
});

describe("ledger properties", () => {
  const attempt = fc.record({
    policy: fc.constantFrom("p1", "p2", "p3"),
    amount: fc.integer({ min: 0, max: 50_000 }),
    approved: fc.boolean(),
    release: fc.boolean(),
  });
  it("a ledger written only through canCommit goes negative only by its recorded overruns; per-policy sums equal the insurer total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 3, maxLength: 3 }),
        fc.array(attempt, { maxLength: 40 }),
        (premiums, attempts) => {
          const entries: FeeLedgerEntry[] = ["p1", "p2", "p3"].map((policyId, i) => ({
            kind: "fund",
            policyId,
            amountFen: preventionFundFen(premiums[i]!, 1500),
          }));
          attempts.forEach((a, i) => {
            const balance = feeBalancesByPolicy(entries).get(a.policy)!.balanceFen;
            const decision = canCommit(balance, a.amount, a.approved);
            if (!decision.ok) return;
            entries.push({
              kind: "commission",
              policyId: a.policy,
              engagementId: `e${i}`,
              amountFen: a.amount,
              overrunFen: decision.overrunFen,
            });
            if (a.release)
              entries.push({ kind: "release", policyId: a.policy, engagementId: `e${i}`, amountFen: a.amount });
          });
          const perPolicy = [...feeBalancesByPolicy(entries).values()];
          const total = feeBalance(entries);
          for (const key of ["fundFen", "committedFen", "releasedFen", "balanceFen", "overrunFen"] as const) {
            expect(perPolicy.reduce((s, b) => s + b[key], 0)).toBe(total[key]);
          }
          for (const b of perPolicy) {
            expect(b.balanceFen).toBe(b.fundFen - b.committedFen + b.releasedFen);
            expect(b.balanceFen).toBeGreaterThanOrEqual(-b.overrunFen);
            if (b.overrunFen === 0) expect(b.balanceFen).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
