import { LICENSED_CATEGORIES, type ServiceCategoryCode } from "./service-categories";

/**
 * Qualification (资质) types a provider can hold, and the service categories each entitles
 * it to deliver. A qualification row stores its type code and, at creation, the categories
 * below as its `scopeCategories`; "other" covers nothing until the provider names the
 * categories and the platform admin verifies that claim against the scan.
 */
export const QUALIFICATION_TYPES = [
  "safety_assessment",
  "testing_inspection",
  "occupational_health_tech",
  "registered_safety_engineer",
  "training_institution",
  "rescue_team",
  "other",
] as const;

export type QualificationTypeCode = (typeof QUALIFICATION_TYPES)[number];

export type QualificationTypeInfo = {
  zh: string;
  en: string;
  covers: readonly ServiceCategoryCode[];
};

export const QUALIFICATION_TYPE_INFO: Record<QualificationTypeCode, QualificationTypeInfo> = {
  safety_assessment: { zh: "安全评价机构资质", en: "Safety assessment agency licence", covers: ["assessment"] },
  testing_inspection: {
    zh: "安全生产检测检验机构资质",
    en: "Work-safety testing and inspection agency licence",
    covers: ["testing"],
  },
  occupational_health_tech: {
    zh: "职业卫生技术服务机构资质",
    en: "Occupational health technical service licence",
    covers: ["occupational_health"],
  },
  // A firm of registered safety engineers may consult and take on entrusted management (托管).
  registered_safety_engineer: {
    zh: "注册安全工程师执业证",
    en: "Registered safety engineer practising certificate",
    covers: ["engineer_firm", "consulting", "custody"],
  },
  training_institution: { zh: "安全培训机构", en: "Safety training institution", covers: ["training"] },
  rescue_team: { zh: "应急救援队伍", en: "Emergency rescue team", covers: ["rescue"] },
  other: { zh: "其他资质", en: "Other qualification", covers: [] },
};

export function isQualificationType(value: string): value is QualificationTypeCode {
  return (QUALIFICATION_TYPES as readonly string[]).includes(value);
}

export function qualificationTypeName(code: string, lang: "zh-CN" | "en"): string {
  if (!isQualificationType(code)) return code;
  const info = QUALIFICATION_TYPE_INFO[code];
  return lang === "en" ? info.en : info.zh;
}

/** The categories a qualification of this type covers by default; [] for unknown codes. */
export function categoriesCoveredBy(code: string): readonly ServiceCategoryCode[] {
  return isQualificationType(code) ? QUALIFICATION_TYPE_INFO[code].covers : [];
}

/**
 * The statutory licence a licensed category (安全评价, 检测检验, 职业卫生) is practised under;
 * null for the categories the law does not license. A listing in a licensed category always
 * requires it (docs/domain.md, "Listings and their visibility").
 */
export function licenceFor(category: string): QualificationTypeCode | null {
  if (!(LICENSED_CATEGORIES as readonly string[]).includes(category)) return null;
  return (
    QUALIFICATION_TYPES.find(
      (t) => t !== "other" && QUALIFICATION_TYPE_INFO[t].covers.includes(category as ServiceCategoryCode),
    ) ?? null
  );
}
