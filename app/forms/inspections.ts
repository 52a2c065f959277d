import { z } from "zod";
import { HAZARD_GRADES } from "../domain/hazard-machine";
import { INSPECTION_SOURCES } from "../domain/inspection-sources";
import { isCalendarDate, optionalDate, optionalText, requiredDate, requiredText } from "./fields";
import { PageField } from "./paging";
import type { FormObject } from "../utils/forms";

/**
 * Forms and queries of inspections (issue 8). Messages are keys of the `errors` namespace, or
 * `inspections.<key>` for this feature's own (shown from the `inspections` namespace, `errors.<key>`).
 */

const CONFIRMATION_STATUSES = ["draft", "confirmed", "complete"] as const;

export const InspectionListQuerySchema = z.object({
  source: z.enum(INSPECTION_SOURCES).optional().catch(undefined),
  status: z.enum(CONFIRMATION_STATUSES).optional().catch(undefined),
  side: z.enum(["mine", "of_us"]).optional().catch(undefined),
  from: optionalDate().catch(undefined),
  to: optionalDate().catch(undefined),
  page: PageField,
});

const optionalUuid = z.string().uuid().optional().catch(undefined);

export const NewInspectionQuerySchema = z.object({
  enterprise: optionalUuid,
  source: z.enum(INSPECTION_SOURCES).optional().catch(undefined),
  template: z.string().trim().max(60).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v?.replaceAll("\u0000", "") ?? ""),
});

/** Names as typed: one per line, or separated by commas (、，,). */
export const inspectorNamesField = requiredText(1000)
  .transform((v) =>
    v
      .split(/[\n\r,，、;；]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .refine((names) => names.length >= 1 && names.length <= 20, "inspections.inspector_names")
  .refine((names) => names.every((n) => n.length <= 50), "too_long");

export const versionField = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const NewInspectionSchema = z.object({
  enterprise: z.string({ required_error: "required" }).uuid("inspections.enterprise_unknown"),
  source: z.enum(INSPECTION_SOURCES, { errorMap: () => ({ message: "inspections.source_invalid" }) }),
  inspectedOn: requiredDate(),
  inspectorNames: inspectorNamesField,
  templateKey: z
    .string()
    .trim()
    .max(60, "too_long")
    .optional()
    .transform((v) => (v ? v : undefined)),
  findings: z
    .string()
    .trim()
    .max(8000, "too_long")
    .optional()
    .transform((v) => v ?? ""),
});

export const DraftEditSchema = z.object({
  version: versionField,
  inspectedOn: requiredDate(),
  inspectorNames: inspectorNamesField,
  findings: z
    .string()
    .trim()
    .max(8000, "too_long")
    .optional()
    .transform((v) => v ?? ""),
});

export const HazardFormSchema = z.object({
  itemKey: z
    .string()
    .trim()
    .max(60, "too_long")
    .optional()
    .transform((v) => (v ? v : null)),
  grade: z.enum(HAZARD_GRADES, { errorMap: () => ({ message: "inspections.grade_invalid" }) }),
  description: requiredText(1000),
  location: optionalText(200),
  responsiblePerson: optionalText(100),
  deadline: requiredDate(),
});

export const RemoveHazardSchema = z.object({ index: z.coerce.number().int().min(0).max(999) });

/** A binding step: the box "I have checked; this cannot be changed afterwards" must be ticked. */
export const ConfirmSchema = z.object({
  version: versionField,
  sure: z.literal("yes", { errorMap: () => ({ message: "inspections.confirm_tick" }) }),
});

export const AcknowledgeSchema = z.object({
  note: optionalText(1000),
  sure: z.literal("yes", { errorMap: () => ({ message: "inspections.confirm_tick" }) }),
});

/**
 * Checklist answers as a form sends them: one field `a.<itemKey>` per item. A repeated field
 * is an error of that item, never silently the first or last value.
 */
export function answersFromForm(raw: FormObject): { answers: Record<string, string>; repeated: string[] } {
  const answers: Record<string, string> = {};
  const repeated: string[] = [];
  for (const [name, value] of Object.entries(raw)) {
    if (!name.startsWith("a.")) continue;
    const key = name.slice(2);
    if (Array.isArray(value)) repeated.push(key);
    else answers[key] = value;
  }
  return { answers, repeated };
}

// ---------------------------------------------------------------- API

const apiDate = z.string().refine(isCalendarDate, "must be a date YYYY-MM-DD (years 1900–2199)");

export const ApiHazardSchema = z.object({
  itemKey: z.string().max(60).nullish(),
  grade: z.enum(HAZARD_GRADES),
  description: z.string().trim().min(1).max(1000),
  location: z.string().max(200).optional(),
  responsiblePerson: z.string().max(100).optional(),
  deadline: apiDate,
});

export const ApiInspectionSchema = z.object({
  /** The enterprise's id (uuid) or its USCC. */
  enterprise: z.string().trim().min(1).max(40),
  source: z.enum(INSPECTION_SOURCES),
  inspectedOn: apiDate,
  inspectorNames: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
  templateKey: z.string().max(60).optional(),
  answers: z
    .record(
      z.string().max(60),
      z.union([
        z.string().max(2000),
        z.number().finite().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
        z.null(),
      ]),
    )
    .optional(),
  findings: z.string().max(8000).default(""),
  hazards: z.array(ApiHazardSchema).max(100).default([]),
  confirm: z.boolean().default(false),
});
