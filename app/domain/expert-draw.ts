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
import { regionContains } from "./regions";
import { sample, seededRandom } from "./seeded-random";
import type { IsoDate } from "./calendar-date";

export const EXPERT_SPECIALTIES = [
  "mining",
  "hazardous_chemicals",
  "fireworks",
  "metallurgy",
  "construction",
  "mechanical",
  "electrical",
  "special_equipment",
  "fire",
  "dust_explosion",
  "confined_space",
  "occupational_health",
  "transport",
  "emergency_rescue",
  "safety_management",
  "law",
] as const;
export type ExpertSpecialty = (typeof EXPERT_SPECIALTIES)[number];

export const EXPERT_SPECIALTY_LABELS: Record<ExpertSpecialty, { zh: string; en: string }> = {
  mining: { zh: "矿山安全", en: "Mining safety" },
  hazardous_chemicals: { zh: "危险化学品", en: "Hazardous chemicals" },
  fireworks: { zh: "烟花爆竹", en: "Fireworks" },
  metallurgy: { zh: "冶金有色", en: "Metallurgy and non-ferrous metals" },
  construction: { zh: "建筑施工", en: "Construction" },
  mechanical: { zh: "机械安全", en: "Machinery safety" },
  electrical: { zh: "电气安全", en: "Electrical safety" },
  special_equipment: { zh: "特种设备", en: "Special equipment" },
  fire: { zh: "消防安全", en: "Fire safety" },
  dust_explosion: { zh: "粉尘防爆", en: "Combustible dust" },
  confined_space: { zh: "有限空间", en: "Confined spaces" },
  occupational_health: { zh: "职业卫生", en: "Occupational health" },
  transport: { zh: "交通运输", en: "Transport" },
  emergency_rescue: { zh: "应急救援", en: "Emergency rescue" },
  safety_management: { zh: "安全管理", en: "Safety management" },
  law: { zh: "安全生产法律", en: "Work-safety law" },
};

/** Professional titles (职称). */
export const EXPERT_TITLES = ["senior_full", "senior", "intermediate", "junior", "none"] as const;
export type ExpertTitle = (typeof EXPERT_TITLES)[number];
export const EXPERT_TITLE_LABELS: Record<ExpertTitle, { zh: string; en: string }> = {
  senior_full: { zh: "正高级工程师", en: "Professor-level senior engineer" },
  senior: { zh: "高级工程师", en: "Senior engineer" },
  intermediate: { zh: "工程师", en: "Engineer" },
  junior: { zh: "助理工程师", en: "Assistant engineer" },
  none: { zh: "无职称", en: "No title" },
};

/** Registered safety engineer levels (注册安全工程师分类管理办法, 2017): senior, intermediate, junior (助理). */
export const SAFETY_ENGINEER_LEVELS = ["senior", "intermediate", "junior"] as const;
export type SafetyEngineerLevel = (typeof SAFETY_ENGINEER_LEVELS)[number];
export const SAFETY_ENGINEER_LEVEL_LABELS: Record<SafetyEngineerLevel, { zh: string; en: string }> = {
  senior: { zh: "高级注册安全工程师", en: "Senior registered safety engineer" },
  intermediate: { zh: "中级注册安全工程师", en: "Registered safety engineer" },
  junior: { zh: "助理注册安全工程师", en: "Assistant registered safety engineer" },
};

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
  if (task.industryCode && expert.industries.length > 0 && !expert.industries.includes(task.industryCode))
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
