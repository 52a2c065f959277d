import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from "../domain/industries";
import { childrenOf, countiesWithin, getRegion, regionPath, type Region } from "../domain/regions";
import { USCC_ALPHABET, usccCheckCharacter } from "../domain/uscc";
import type { ServiceCategoryCode } from "../domain/service-categories";

/**
 * Realistic-looking Chinese marketplace data for the scale run (app/seed/scale.ts): company
 * names 地名 + 字号 + 业务 + 有限公司, texts from templates, real GB/T 2260 counties and
 * GB/T 4754 industries. Deterministic: the same seed gives the same data.
 */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof rng>;

const BRAND_CHARS =
  "安泰恒信华正诚达中卫盛宏远鑫源博邦安康瑞丰嘉禾永固祥和金石明德汇通科创联合精工同舟众志天成宇航海晨星".split("");
const BUSINESS: Array<{ text: string; categories: ServiceCategoryCode[] }> = [
  { text: "安全技术咨询", categories: ["consulting", "custody"] },
  { text: "安全生产技术服务", categories: ["consulting", "training", "custody"] },
  { text: "安全评价", categories: ["assessment", "consulting"] },
  { text: "检测技术", categories: ["testing"] },
  { text: "安全检测检验", categories: ["testing", "assessment"] },
  { text: "职业卫生技术服务", categories: ["occupational_health", "testing"] },
  { text: "安全培训", categories: ["training"] },
  { text: "应急救援服务", categories: ["rescue", "training"] },
  { text: "安全工程师事务所", categories: ["engineer_firm", "consulting"] },
  { text: "安全管理咨询", categories: ["consulting", "custody", "training"] },
];

export const LISTING_TEMPLATES: Record<
  ServiceCategoryCode,
  { titles: string[]; yuan: [number, number]; qualification?: string }
> = {
  consulting: {
    titles: ["安全生产标准化咨询", "双重预防机制建设咨询", "隐患排查治理咨询", "安全管理体系诊断"],
    yuan: [5_000, 60_000],
  },
  training: {
    titles: ["三级安全教育培训", "主要负责人及安全管理人员培训", "全员安全生产培训", "特种作业人员培训"],
    yuan: [2_000, 30_000],
  },
  assessment: {
    titles: ["安全预评价", "安全验收评价", "安全现状评价"],
    yuan: [20_000, 150_000],
    qualification: "safety_assessment",
  },
  testing: {
    titles: ["防雷装置检测", "压力容器检验", "粉尘浓度检测", "电气安全检测"],
    yuan: [3_000, 50_000],
    qualification: "testing_inspection",
  },
  occupational_health: {
    titles: ["职业病危害因素检测", "职业病危害现状评价", "职业病危害预评价"],
    yuan: [8_000, 80_000],
    qualification: "occupational_health_tech",
  },
  engineer_firm: { titles: ["注册安全工程师驻厂服务", "安全生产顾问"], yuan: [10_000, 80_000] },
  custody: { titles: ["安全生产托管服务（年度）", "小微企业安全托管"], yuan: [10_000, 60_000] },
  rescue: { titles: ["应急预案编制", "应急演练组织", "应急救援值守"], yuan: [5_000, 50_000] },
};

/** The qualification a category's listings may require when the law does not already. */
export const OPTIONAL_QUALIFICATION: Partial<Record<ServiceCategoryCode, string>> = {
  training: "training_institution",
  rescue: "rescue_team",
  consulting: "registered_safety_engineer",
  custody: "registered_safety_engineer",
  engineer_firm: "registered_safety_engineer",
};

/** "婺城区" → "婺城", "金华市" → "金华", but "朝阳区" keeps two characters. */
export function shortPlaceName(name: string): string {
  const trimmed = name.replace(/(特别行政区|自治州|自治县|自治旗|地区|新区|林区|矿区|盟|市|区|县|旗)$/u, "");
  return [...trimmed].length >= 2 ? trimmed : name;
}

/**
 * Counties to place providers in: every county of China once, with 浙江 (where the pilot runs)
 * repeated so that its cities have realistic, denser markets.
 */
export function countyPool(): Region[] {
  const all = childrenOf(null).flatMap((p) => countiesWithin(p.code));
  const zhejiang = countiesWithin("330000");
  return [...all, ...zhejiang, ...zhejiang, ...zhejiang];
}

export function companyName(r: Rng, county: Region): { name: string; categories: ServiceCategoryCode[] } {
  const city = regionPath(county.code).find((x) => x.level === "city");
  const place = r.chance(0.5) && city ? shortPlaceName(city.name) : shortPlaceName(county.name);
  const brand = r.pick(BRAND_CHARS) + r.pick(BRAND_CHARS);
  const business = r.pick(BUSINESS);
  return { name: `${place}${brand}${business.text}有限公司`, categories: business.categories };
}

const DIVISIONS_BY_SECTION = new Map(
  INDUSTRY_SECTIONS.map((s) => [s.code, INDUSTRY_DIVISIONS.filter((d) => d.section === s.code)]),
);
const COMMON_SECTIONS = ["C", "C", "C", "B", "D", "E", "F", "G", "H"] as const;

/** Mostly manufacturing divisions, some whole sections, a few generalists with none. */
export function industriesFor(r: Rng): string[] {
  if (r.chance(0.15)) return [];
  const out = new Set<string>();
  const n = r.int(1, 4);
  for (let i = 0; i < n; i++) {
    const section = r.pick(COMMON_SECTIONS);
    if (r.chance(0.25)) out.add(section);
    else out.add(r.pick(DIVISIONS_BY_SECTION.get(section)!).code);
  }
  return [...out];
}

export function industryNames(codes: readonly string[]): string[] {
  return codes.map(
    (c) => INDUSTRY_DIVISIONS.find((d) => d.code === c)?.zh ?? INDUSTRY_SECTIONS.find((s) => s.code === c)?.zh ?? c,
  );
}

export function describeProvider(r: Rng, name: string, county: Region, industries: string[], titles: string[]): string {
  const inds = industryNames(industries).slice(0, 2).join("、") || "各类工贸";
  return `${name}成立于${r.int(1998, 2023)}年，位于${regionPath(county.code)
    .map((x) => x.name)
    .join(
      "",
    )}，现有注册安全工程师${r.int(1, 30)}名，专注服务${inds}企业，主要提供${titles.slice(0, 3).join("、")}等服务。`;
}

export function describeListing(
  r: Rng,
  title: string,
  county: Region,
  industries: string[],
): { scope: string; deliverables: string } {
  const inds = industryNames(industries).slice(0, 2).join("、") || "中小企业";
  return {
    scope: `面向${getRegion(county.parentCode ?? "")?.name ?? county.name}${inds}，依据相关法规和标准开展${title}，现场服务${r.int(1, 6)}次，出具书面意见并跟踪整改。`,
    deliverables: r.chance(0.5) ? `${title}报告一份；整改建议清单` : `服务记录、隐患清单和复查记录`,
  };
}

/** A valid, unique USCC for run index i: 91 + county + 9-character body + check character. */
export function scaleUscc(countyCode: string, i: number): string {
  let body = "";
  let n = i;
  for (let k = 0; k < 8; k++) {
    body = USCC_ALPHABET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91${countyCode}Y${body}`;
  return first17 + usccCheckCharacter(first17);
}

/** Deterministic ids with a fixed prefix mark every row of a scale run, so it can be wiped. */
export const SCALE_ID_PREFIX = { org: "5ca1e000", listing: "5ca1e001", qualification: "5ca1e002" } as const;
export function scaleId(kind: keyof typeof SCALE_ID_PREFIX, i: number): string {
  return `${SCALE_ID_PREFIX[kind]}-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
}
export const scaleIdRange = (kind: keyof typeof SCALE_ID_PREFIX) =>
  [
    `${SCALE_ID_PREFIX[kind]}-0000-0000-0000-000000000000`,
    `${SCALE_ID_PREFIX[kind]}-ffff-ffff-ffff-ffffffffffff`,
  ] as const;
