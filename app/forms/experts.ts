import { z } from "zod";
import { EXPERT_SPECIALTIES, EXPERT_TITLES, SAFETY_ENGINEER_LEVELS } from "../domain/expert-codes";
import { isValidIndustryCode } from "../domain/industries";
import { isValidRegionCode } from "../domain/region-outline";
import { normaliseUscc, validateUscc } from "../domain/uscc";
import { isCalendarDate, optionalDate, optionalText, phoneField, requiredDate, requiredText } from "./fields";
import { PageField } from "./paging";

/**
 * Forms of the expert pool (专家库, decision 021): the profile an employer, a bureau or the
 * platform keeps, the pool search, an assignment and a bureau's random draw. Multi-valued
 * fields travel as repeated entries (checkboxes, region and industry lists); routes call
 * collapseMultiValues(form, EXPERT_MULTI_FIELDS) first.
 */
export const EXPERT_MULTI_FIELDS = ["specialties", "regionCodes", "industryCodes"] as const;

const codeList = (valid: (code: string) => boolean, invalidKey: string, max: number) =>
  z
    .preprocess((v) => (Array.isArray(v) ? v.join(",") : v), z.string().optional())
    .transform((v) => [
      ...new Set(
        (v ?? "")
          .split(",")
          .map((c) => c.trim())
          .filter(Boolean),
      ),
    ])
    .refine((list) => list.every(valid), invalidKey)
    .refine((list) => list.length <= max, "experts.too_many");

const isSpecialty = (c: string) => (EXPERT_SPECIALTIES as readonly string[]).includes(c);

/**
 * Unavailable days, one range a line: "2026-12-01~2026-12-05" or one day "2026-12-24".
 * Both ends are calendar dates and the range runs forward.
 */
export function parseUnavailable(text: string): Array<{ from: string; to: string }> | null {
  const out: Array<{ from: string; to: string }> = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const [from, to = from, extra] = line.split(/\s*[~～至]\s*/);
    if (extra !== undefined || !from || !isCalendarDate(from) || !isCalendarDate(to) || to < from) return null;
    out.push({ from, to });
  }
  return out;
}

export function formatUnavailable(ranges: ReadonlyArray<{ from: string; to: string }>): string {
  return ranges.map((r) => (r.from === r.to ? r.from : `${r.from}~${r.to}`)).join("\n");
}

/** Declared conflicts are typed as USCCs (统一社会信用代码), one per line or comma-separated. */
function parseUsccList(text: string): string[] | null {
  const out: string[] = [];
  for (const part of text.split(/[\s,，;；]+/)) {
    if (!part) continue;
    const uscc = normaliseUscc(part);
    if (!validateUscc(uscc).ok) return null;
    if (!out.includes(uscc)) out.push(uscc);
  }
  return out;
}

export const ExpertProfileSchema = z.object({
  name: requiredText(100),
  title: z.enum(EXPERT_TITLES, { errorMap: () => ({ message: "experts.title_invalid" }) }),
  safetyEngineerLevel: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine(
      (v) => v === undefined || (SAFETY_ENGINEER_LEVELS as readonly string[]).includes(v),
      "experts.level_invalid",
    )
    .transform((v) => (v ?? null) as (typeof SAFETY_ENGINEER_LEVELS)[number] | null),
  certificateNo: optionalText(64),
  phone: phoneField,
  bio: optionalText(2000),
  specialties: codeList(isSpecialty, "experts.specialty_invalid", EXPERT_SPECIALTIES.length).refine(
    (list) => list.length > 0,
    "experts.specialties_required",
  ),
  regionCodes: codeList(isValidRegionCode, "region_unknown", 50).refine(
    (list) => list.length > 0,
    "experts.regions_required",
  ),
  industryCodes: codeList(isValidIndustryCode, "industry_invalid", 40),
  active: z.unknown().transform((v) => v === "on" || v === "true" || (Array.isArray(v) && v.includes("on"))),
  unavailable: z
    .string()
    .max(4000, "too_long")
    .optional()
    .transform((v, ctx) => {
      const parsed = parseUnavailable(v ?? "");
      if (parsed === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "experts.unavailable_invalid" });
        return z.NEVER;
      }
      if (parsed.length > 50) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "experts.too_many" });
        return z.NEVER;
      }
      return parsed;
    }),
  conflictUsccs: z
    .string()
    .max(2000, "too_long")
    .optional()
    .transform((v, ctx) => {
      const parsed = parseUsccList(v ?? "");
      if (parsed === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "experts.conflict_invalid" });
        return z.NEVER;
      }
      return parsed;
    }),
});
export type ExpertProfileInput = z.infer<typeof ExpertProfileSchema>;

const optionalCode = (valid: (c: string) => boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v && v.length <= 12 && valid(v) ? v : undefined));

/** The pool search: an unknown filter value is ignored (a shared link still lists), never a 500. */
export const ExpertSearchSchema = z.object({
  specialty: optionalCode(isSpecialty),
  region: optionalCode(isValidRegionCode),
  industry: optionalCode(isValidIndustryCode),
  title: optionalCode((c) => (EXPERT_TITLES as readonly string[]).includes(c)),
  level: optionalCode((c) => (SAFETY_ENGINEER_LEVELS as readonly string[]).includes(c)),
  availableOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v && v.length === 10 && isCalendarDate(v) ? v : undefined)),
  q: z
    .string()
    .trim()
    .max(50)
    .optional()
    .transform((v) => (v ? v : undefined)),
  page: PageField,
});
export type ExpertSearch = z.infer<typeof ExpertSearchSchema>;

export const ExpertAssignSchema = z.object({
  enterpriseId: z.string({ required_error: "required" }).uuid("experts.enterprise_required"),
  task: requiredText(500),
  dueOn: optionalDate(),
});
export type ExpertAssignInput = z.infer<typeof ExpertAssignSchema>;

export const MAX_DRAW_COUNT = 20;

export const ExpertDrawSchema = z
  .object({
    task: requiredText(500),
    enterpriseId: z.string({ required_error: "required" }).uuid("experts.enterprise_required"),
    specialty: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || isSpecialty(v), "experts.specialty_invalid"),
    regionCode: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || isValidRegionCode(v), "region_unknown"),
    industryCode: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || isValidIndustryCode(v), "industry_invalid"),
    from: requiredDate(),
    to: requiredDate(),
    count: z.coerce
      .number({ invalid_type_error: "experts.count_invalid" })
      .int("experts.count_invalid")
      .min(1, "experts.count_invalid")
      .max(MAX_DRAW_COUNT, "experts.count_invalid"),
  })
  .refine((d) => d.to >= d.from, { path: ["to"], message: "experts.range_invalid" });
export type ExpertDrawInput = z.infer<typeof ExpertDrawSchema>;

export const DrawListQuerySchema = z.object({
  page: PageField,
  format: z.enum(["xlsx", "csv"]).optional().catch(undefined),
});
