/**
 * 双随机、一公开 for subsidised services (issue 10 "Random spot checks"; domain.md "Subsidies":
 * "random engagements, random reviewers, the draw reproducible from a recorded seed"; Qingdao:
 * "对一般企业以'双随机'抽查为主"). The bureau samples a share of what it paid for (e.g. 15 %, at
 * least one, rounded up), assigns random checkers from its staff or expert pool who are not tied to
 * the checked provider or enterprise, publishes the list, and records each result, which feeds the
 * provider's credit grade and may claw the subsidy back.
 *
 * Reproducible: the inputs are put in id order before drawing, so the same seed and the same sets
 * give the same draw whatever order the database returned them in; anyone can re-run it.
 */
import type { EvaluationResult } from "./credit-grade";
import { DomainError } from "./errors";
import { sample, seededRandom, shuffled } from "./seeded-random";
import { BASIS_POINTS } from "./subsidy-rules";

/** Local rules sample at least 15 % (domain.md "Credit lists"). */
export const DEFAULT_SAMPLE_RATE_BP = 1500;
export const DEFAULT_CHECKERS_PER_ENGAGEMENT = 2;

export type SampledEngagement = { engagementId: string; enterpriseId: string; providerId: string };
export type CheckerCandidate = {
  id: string;
  pool: "staff" | "expert";
  /** Organisations the person is tied to (employer, shareholding, recent own work there): never their checker. */
  tiedOrgIds: readonly string[];
};

/** ceil(population × rate), at least one when there is anything to check, never more than all. */
export function sampleSize(population: number, rateBp: number): number {
  if (!Number.isInteger(population) || population < 0)
    throw new RangeError(`population must be a whole number ≥ 0, got ${population}`);
  if (!Number.isInteger(rateBp) || rateBp <= 0 || rateBp > BASIS_POINTS)
    throw new DomainError("invalid_sample_rate", `rate must be 1..10000 bp, got ${rateBp}`, { rateBp });
  if (population === 0) return 0;
  return Math.min(population, Math.max(1, Math.ceil((population * rateBp) / BASIS_POINTS)));
}

export type SpotCheckDraw = {
  seed: string;
  rateBp: number;
  populationSize: number;
  items: Array<SampledEngagement & { checkerIds: string[] }>;
  /** Drawn engagements for which fewer eligible checkers exist than asked: the bureau must widen the pool. */
  understaffed: string[];
};

const byId =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export function drawSpotChecks(input: {
  seed: string;
  engagements: readonly SampledEngagement[];
  checkers: readonly CheckerCandidate[];
  rateBp?: number;
  checkersPerEngagement?: number;
}): SpotCheckDraw {
  const rateBp = input.rateBp ?? DEFAULT_SAMPLE_RATE_BP;
  const perEngagement = input.checkersPerEngagement ?? DEFAULT_CHECKERS_PER_ENGAGEMENT;
  if (!input.seed) throw new DomainError("seed_required", "a draw needs a recorded seed");
  if (!Number.isInteger(perEngagement) || perEngagement < 1)
    throw new DomainError("invalid_checker_count", `checkers per engagement must be ≥ 1, got ${perEngagement}`);
  const random = seededRandom(input.seed);
  const engagements = [...new Map(input.engagements.map((e) => [e.engagementId, e])).values()].sort(
    byId((e) => e.engagementId),
  );
  const checkers = [...new Map(input.checkers.map((c) => [c.id, c])).values()].sort(byId((c) => c.id));

  const drawn = sample(engagements, sampleSize(engagements.length, rateBp), random).sort(byId((e) => e.engagementId));
  const load = new Map<string, number>();
  const understaffed: string[] = [];
  const items = drawn.map((engagement) => {
    const eligible = checkers.filter(
      (c) => !c.tiedOrgIds.includes(engagement.providerId) && !c.tiedOrgIds.includes(engagement.enterpriseId),
    );
    // Random order first, then the least loaded first (a stable sort keeps the random order
    // among equals): still random, and no checker gets every visit of a large draw.
    const order = shuffled(eligible, random).sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0));
    const chosen = order.slice(0, perEngagement).map((c) => c.id);
    for (const id of chosen) load.set(id, (load.get(id) ?? 0) + 1);
    if (chosen.length < perEngagement) understaffed.push(engagement.engagementId);
    return { ...engagement, checkerIds: chosen };
  });
  return { seed: input.seed, rateBp, populationSize: engagements.length, items, understaffed };
}

// ---------------------------------------------------------------- results and publication

export type SpotCheckResult = "pending" | "passed" | "findings_corrected" | "failed";

/** What a result means for the provider's credit grade (credit-grade.ts evaluations). */
export function spotCheckEvaluation(result: SpotCheckResult): EvaluationResult | null {
  if (result === "pending") return null;
  return result === "failed" ? "fail" : "pass";
}

/**
 * The amount to claw back after a failed check: the disbursed subsidy, or the share of it the
 * bureau decides (basis points, floored: nobody owes a fraction of a fen more than decided).
 * Nothing for a passed or corrected check.
 */
export function clawBackAmount(input: { result: SpotCheckResult; disbursedFen: number; shareBp?: number }): number {
  if (!Number.isSafeInteger(input.disbursedFen) || input.disbursedFen < 0)
    throw new RangeError(`disbursedFen must be whole fen ≥ 0, got ${input.disbursedFen}`);
  if (input.result !== "failed") return 0;
  const share = input.shareBp ?? BASIS_POINTS;
  if (!Number.isInteger(share) || share <= 0 || share > BASIS_POINTS)
    throw new DomainError("invalid_claw_back_share", `share must be 1..10000 bp, got ${share}`);
  return Number((BigInt(input.disbursedFen) * BigInt(share)) / BigInt(BASIS_POINTS));
}

export type PublishedSpotCheckList = {
  title: { zh: string; en: string };
  drawnOn: string;
  seed: string;
  rateBp: number;
  populationSize: number;
  rows: Array<{ enterprise: string; provider: string; checkers: string[]; result: SpotCheckResult }>;
};

/**
 * The 公开 list: who was drawn and who checks them, with the seed and the population size so the
 * draw can be re-run; names only (no amounts, no personal contact data).
 */
export function publishSpotCheckList(input: {
  draw: SpotCheckDraw;
  drawnOn: string;
  year: number;
  names: ReadonlyMap<string, string>;
  results?: ReadonlyMap<string, SpotCheckResult>;
}): PublishedSpotCheckList {
  const name = (id: string) => input.names.get(id) ?? id;
  return {
    title: {
      zh: `${input.year}年度安全生产社会化服务补助项目“双随机”抽查名单`,
      en: `${input.year} random spot checks of subsidised safety services`,
    },
    drawnOn: input.drawnOn,
    seed: input.draw.seed,
    rateBp: input.draw.rateBp,
    populationSize: input.draw.populationSize,
    rows: input.draw.items.map((item) => ({
      enterprise: name(item.enterpriseId),
      provider: name(item.providerId),
      checkers: item.checkerIds.map(name),
      result: input.results?.get(item.engagementId) ?? "pending",
    })),
  };
}
