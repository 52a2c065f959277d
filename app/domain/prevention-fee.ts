/**
 * The accident-prevention fee (事故预防费用) ledger of a 安责险 policy (issue 9, "Money and
 * oversight": premium × ratio, minus commissioned services; it never goes negative without an
 * explicit recorded overrun). Money in integer fen, the ratio in basis points (1500 = 15 %).
 *
 * Rounding: the fund is premium × ratio rounded half-up to the fen (四舍五入), exactly, with
 * BigInt. Half-up is the convention of Chinese accounting and of the insurers' own systems, so
 * the platform shows the figure their ledgers show; the difference from the exact product is at
 * most half a fen. Floor would quietly shave a fen from prevention on odd products, and neither
 * side could explain it. See docs/decisions/014-prevention-plan-periods.md ("Fee").
 */
import { DomainError } from "./errors";

export const MAX_BPS = 10_000;

function assertFen(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new DomainError("invalid_amount", `${name} must be a whole number of fen ≥ 0`, { field: name });
}

/** premium × bps / 10000, rounded half-up to the fen. */
export function preventionFundFen(premiumFen: number, preventionFeeBps: number): number {
  assertFen("premiumFen", premiumFen);
  if (!Number.isInteger(preventionFeeBps) || preventionFeeBps < 0 || preventionFeeBps > MAX_BPS) {
    throw new DomainError("invalid_ratio", "preventionFeeBps must be an integer from 0 to 10000", {
      field: "preventionFeeBps",
    });
  }
  const product = BigInt(premiumFen) * BigInt(preventionFeeBps);
  return Number((product * 2n + BigInt(MAX_BPS)) / (2n * BigInt(MAX_BPS)));
}

export type FeeLedgerEntry =
  /** The policy's fund, booked once when the policy is written. */
  | { kind: "fund"; policyId: string; amountFen: number }
  /** A commissioned service paid from the fund; `overrunFen` > 0 only with an approved overrun. */
  | { kind: "commission"; policyId: string; engagementId: string; amountFen: number; overrunFen: number }
  /** A commission given back (engagement cancelled before payment). */
  | { kind: "release"; policyId: string; engagementId: string; amountFen: number };

export type FeeBalance = {
  fundFen: number;
  committedFen: number;
  releasedFen: number;
  balanceFen: number;
  overrunFen: number;
};

const ZERO: FeeBalance = { fundFen: 0, committedFen: 0, releasedFen: 0, balanceFen: 0, overrunFen: 0 };

function add(total: FeeBalance, entry: FeeLedgerEntry): FeeBalance {
  const next = { ...total };
  if (entry.kind === "fund") next.fundFen += entry.amountFen;
  else if (entry.kind === "commission") {
    next.committedFen += entry.amountFen;
    next.overrunFen += entry.overrunFen;
  } else next.releasedFen += entry.amountFen;
  next.balanceFen = next.fundFen - next.committedFen + next.releasedFen;
  return next;
}

/** The balance of a set of entries (one policy, or all of an insurer's). */
export function feeBalance(entries: readonly FeeLedgerEntry[]): FeeBalance {
  return entries.reduce(add, ZERO);
}

/** Balances per policy (the insurer's ledger view); their sum equals feeBalance of all entries. */
export function feeBalancesByPolicy(entries: readonly FeeLedgerEntry[]): Map<string, FeeBalance> {
  const out = new Map<string, FeeBalance>();
  for (const e of entries) out.set(e.policyId, add(out.get(e.policyId) ?? ZERO, e));
  return out;
}

export type CommitDecision =
  | {
      ok: true;
      balanceAfterFen: number;
      /** the part beyond the balance, to record with the entry */ overrunFen: number;
    }
  | { ok: false; code: "insufficient_prevention_fund"; shortfallFen: number };

/**
 * May `amountFen` be committed from a fund holding `balanceFen`? Always when it fits; beyond
 * the balance only with an approved overrun, and then the decision says how much to record as
 * overrun (so the ledger can be negative only by recorded overruns).
 */
export function canCommit(balanceFen: number, amountFen: number, overrunApproved: boolean): CommitDecision {
  assertFen("amountFen", amountFen);
  if (!Number.isSafeInteger(balanceFen))
    throw new DomainError("invalid_amount", "balance must be whole fen", { field: "balanceFen" });
  const available = Math.max(balanceFen, 0);
  const beyond = Math.max(amountFen - available, 0);
  if (beyond > 0 && !overrunApproved) return { ok: false, code: "insufficient_prevention_fund", shortfallFen: beyond };
  return { ok: true, balanceAfterFen: balanceFen - amountFen, overrunFen: beyond };
}
