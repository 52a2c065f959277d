/**
 * The expert pool (专家库) and a bureau's random draw of experts for a task, domain.md
 * "Experts" and issue 8: filter by specialty, region, industry and availability; never an
 * expert tied to the inspected party (employed by it, employed by a provider serving it, or a
 * declared conflict); reproducible from a recorded seed.
 *
 * Reproducibility: the eligible experts are sorted by id before the seeded draw, so the same
 * seed and the same pool give the same experts whatever order the database returned them in,
 * and anyone can re-run a published draw. The draw reports every excluded expert with the
 * reason, so a bureau can show why a name did not come up.
 */
import { sectionOf } from "./industries";
import { regionContains } from "./regions";
import { sample, seededRandom } from "./seeded-random";
import type { IsoDate } from "./calendar-date";

// The codes and labels live apart so that pages can use them without the region table.
export * from "./expert-codes";
import type { ExpertSpecialty, ExpertTitle, SafetyEngineerLevel } from "./expert-codes";

export type ExpertProfile = {
  id: string;
  specialties: readonly ExpertSpecialty[];
  /** GB/T 2260 codes the expert serves (a city code covers its counties). */
  regions: readonly string[];
  /** GB/T 4754 divisions the expert knows; empty = any. */
  industries: readonly string[];
  title: ExpertTitle;
  safetyEngineerLevel: SafetyEngineerLevel | null;
  /** False when the expert has paused taking assignments. */
  active: boolean;
  /** Days the expert said they are unavailable (inclusive ranges). */
  unavailable: ReadonlyArray<{ from: IsoDate; to: IsoDate }>;
  /** The organisation employing the expert (a provider, a university, an enterprise), if any. */
  employerOrgId: string | null;
  /** Organisations the expert declared a conflict of interest with. */
  declaredConflictOrgIds: readonly string[];
};

export type DrawTask = {
  specialty?: ExpertSpecialty;
  /** The inspected party's region: the expert must serve a region containing it (or inside it). */
  regionCode?: string;
  industryCode?: string;
  /** The day(s) of the task; an expert unavailable on any of them is out. */
  from: IsoDate;
  to: IsoDate;
  inspectedOrgId: string;
  /** Providers with an engagement serving the inspected party: their employees are tied to it. */
  providersServingInspected: readonly string[];
  /** Experts already drawn for this task or otherwise excluded by the bureau (e.g. a redraw). */
  excludeExpertIds?: readonly string[];
  count: number;
  seed: string;
};

export type ExclusionReason =
  | "inactive"
  | "specialty"
  | "region"
  | "industry"
  | "unavailable"
  | "employed_by_inspected"
  | "employed_by_serving_provider"
  | "declared_conflict"
  | "excluded";

export type DrawResult =
  | {
      ok: true;
      seed: string;
      drawn: string[];
      eligibleCount: number;
      excluded: Array<{ id: string; reason: ExclusionReason }>;
    }
  | {
      ok: false;
      code: "not_enough_eligible";
      eligibleCount: number;
      needed: number;
      excluded: Array<{ id: string; reason: ExclusionReason }>;
    }
  | { ok: false; code: "invalid_count" };

function servesRegion(expert: ExpertProfile, regionCode: string): boolean {
  return expert.regions.some((r) => regionContains(r, regionCode) || regionContains(regionCode, r));
}

/**
 * An expert's industry code and the task's overlap when equal or when one is the GB/T 4754
 * section of the other (an expert of section C knows division 33; one of division 33 is fit
 * for a task asking for section C). Class codes ("3311") count by their division.
 */
export function industryOverlaps(a: string, b: string): boolean {
  const norm = (c: string) => (/^\d{3,}$/.test(c) ? c.slice(0, 2) : c);
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  const sectionOfCode = (c: string) => (/^\d{2}$/.test(c) ? sectionOf(c)?.code : c);
  return (/^[A-Z]$/.test(x) && sectionOfCode(y) === x) || (/^[A-Z]$/.test(y) && sectionOfCode(x) === y);
}

/** The first reason an expert cannot take the task, or null. Ties come first: they matter most. */
export function exclusionReason(expert: ExpertProfile, task: DrawTask): ExclusionReason | null {
  if (expert.employerOrgId === task.inspectedOrgId) return "employed_by_inspected";
  if (expert.employerOrgId !== null && task.providersServingInspected.includes(expert.employerOrgId)) {
    return "employed_by_serving_provider";
  }
  if (expert.declaredConflictOrgIds.includes(task.inspectedOrgId)) return "declared_conflict";
  if (task.excludeExpertIds?.includes(expert.id)) return "excluded";
  if (!expert.active) return "inactive";
  if (task.specialty && !expert.specialties.includes(task.specialty)) return "specialty";
  if (task.regionCode && !servesRegion(expert, task.regionCode)) return "region";
  if (
    task.industryCode &&
    expert.industries.length > 0 &&
    !expert.industries.some((c) => industryOverlaps(c, task.industryCode!))
  )
    return "industry";
  if (expert.unavailable.some((u) => u.from <= task.to && task.from <= u.to)) return "unavailable";
  return null;
}

/** Draws `count` experts uniformly from the eligible ones, reproducibly from `task.seed`. */
export function drawExperts(pool: readonly ExpertProfile[], task: DrawTask): DrawResult {
  if (!Number.isInteger(task.count) || task.count < 1) return { ok: false, code: "invalid_count" };
  const sorted = [...pool].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const excluded: Array<{ id: string; reason: ExclusionReason }> = [];
  const eligible: string[] = [];
  for (const expert of sorted) {
    const reason = exclusionReason(expert, task);
    if (reason) excluded.push({ id: expert.id, reason });
    else eligible.push(expert.id);
  }
  if (eligible.length < task.count) {
    return { ok: false, code: "not_enough_eligible", eligibleCount: eligible.length, needed: task.count, excluded };
  }
  const drawn = sample(eligible, task.count, seededRandom(task.seed));
  return { ok: true, seed: task.seed, drawn, eligibleCount: eligible.length, excluded };
}
