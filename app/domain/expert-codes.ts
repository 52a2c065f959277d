/**
 * Codes of the expert pool (专家库) with their zh/en labels: specialties, professional titles
 * (职称) and registered safety engineer levels. Client-safe (no region table); the draw rule
 * is in expert-draw.ts, which re-exports these.
 */
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
