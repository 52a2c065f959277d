// Lookups over the GB/T 4754-2017 industry classification (data/industries.ts).
// A code is either a section letter ("C") or a two-digit division ("26").
import {
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  type IndustryDivision,
  type IndustrySection,
  type SectionLetter,
} from "./data/industries";

export { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS };
export type { IndustryDivision, IndustrySection, SectionLetter };

export type Industry = ({ kind: "section" } & IndustrySection) | ({ kind: "division" } & IndustryDivision);

const sections = new Map<string, IndustrySection>(INDUSTRY_SECTIONS.map((s) => [s.code, s]));
const divisions = new Map<string, IndustryDivision>(INDUSTRY_DIVISIONS.map((d) => [d.code, d]));

/** Section or division for a code; exact match only ("c" and "6" are not accepted). */
export function getIndustry(code: string): Industry | undefined {
  const section = sections.get(code);
  if (section) return { kind: "section", ...section };
  const division = divisions.get(code);
  if (division) return { kind: "division", ...division };
  return undefined;
}

export function isValidIndustryCode(code: string): boolean {
  return sections.has(code) || divisions.has(code);
}

/** Divisions of a section in code order; [] for an unknown section. */
export function divisionsOf(section: string): IndustryDivision[] {
  return INDUSTRY_DIVISIONS.filter((d) => d.section === section);
}

/** Section a division belongs to, or undefined for an unknown division. */
export function sectionOf(division: string): IndustrySection | undefined {
  const d = divisions.get(division);
  return d ? sections.get(d.section) : undefined;
}

/** Display name in the UI language; undefined for an unknown code. */
export function industryName(code: string, lang: "zh-CN" | "en"): string | undefined {
  const industry = getIndustry(code);
  if (!industry) return undefined;
  return lang === "en" ? industry.en : industry.zh;
}
