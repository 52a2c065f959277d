/**
 * The eight kinds of work-safety service a provider can offer (docs/domain.md, "Provider categories").
 * Codes are the `service_category` enum of db/schema/marketplace.ts; the order here is
 * the order every list, checkbox group and filter shows them in.
 */
export const SERVICE_CATEGORIES = [
  "consulting",
  "training",
  "assessment",
  "testing",
  "occupational_health",
  "engineer_firm",
  "custody",
  "rescue",
] as const;

export type ServiceCategoryCode = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategoryCode, { zh: string; en: string }> = {
  consulting: { zh: "安全咨询", en: "Safety consulting" },
  training: { zh: "安全教育培训", en: "Safety training" },
  assessment: { zh: "安全评价", en: "Safety assessment" },
  testing: { zh: "检测检验", en: "Testing and inspection" },
  occupational_health: { zh: "职业卫生", en: "Occupational health" },
  engineer_firm: { zh: "注册安全工程师事务所", en: "Registered safety engineer firm" },
  custody: { zh: "安全托管", en: "Safety custody (entrusted management)" },
  rescue: { zh: "应急救援", en: "Emergency rescue" },
};

/**
 * Categories that by law may only be practised under a licence: 安全评价 and 检测检验
 * (安全评价检测检验机构管理办法) and 职业卫生技术服务 (职业卫生技术服务机构管理办法).
 * The others may still be tied to a qualification by a listing's `requiredQualificationType`.
 */
export const LICENSED_CATEGORIES: readonly ServiceCategoryCode[] = ["assessment", "testing", "occupational_health"];

export function isServiceCategory(value: string): value is ServiceCategoryCode {
  return (SERVICE_CATEGORIES as readonly string[]).includes(value);
}

export function categoryLabel(code: ServiceCategoryCode, lang: "zh-CN" | "en"): string {
  const label = SERVICE_CATEGORY_LABELS[code];
  return lang === "en" ? label.en : label.zh;
}

/** Keeps known codes only, without duplicates, in the canonical order. */
export function normaliseCategories(values: readonly string[]): ServiceCategoryCode[] {
  const wanted = new Set(values);
  return SERVICE_CATEGORIES.filter((c) => wanted.has(c));
}
