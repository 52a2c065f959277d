import { z } from "zod";
import { HAZARD_EVENTS, HAZARD_GRADES, HAZARD_STATES } from "../domain/hazard-machine";
import { INDUSTRY_SECTIONS } from "../domain/industries";
import { INSPECTION_SOURCES } from "../domain/inspection-sources";
import { isValidRegionCode } from "../domain/region-outline";
import { PageField } from "./paging";

/** Forms and queries of the hazard register, the hazard page and GET /api/v1/hazards. */

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.enum(values).optional());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const HazardListQuerySchema = z.object({
  status: optionalEnum(HAZARD_STATES),
  grade: optionalEnum(HAZARD_GRADES),
  source: optionalEnum(INSPECTION_SOURCES),
  overdue: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "true" || v === "on"),
  enterprise: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || UUID.test(v))
    .transform((v) => v?.toLowerCase()),
  /** A region code (6 digits) the enterprise lies within. */
  region: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isValidRegionCode(v)),
  industry: optionalEnum(INDUSTRY_SECTIONS.map((s) => s.code) as unknown as readonly [string, ...string[]]),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  format: optionalEnum(["xlsx", "csv"] as const),
  page: PageField,
});
export type HazardListQuery = z.infer<typeof HazardListQuerySchema>;

export const HazardStepSchema = z.object({
  event: z.enum(HAZARD_EVENTS as [string, ...string[]], { errorMap: () => ({ message: "hazard.illegal_transition" }) }),
  note: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => (v ? v : null)),
  version: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
