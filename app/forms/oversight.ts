import { z } from "zod";
import { isIsoDate } from "../domain/calendar-date";
import { SERVICE_CODES } from "../domain/insurance-plan";
import { PageField } from "./paging";

/** Queries and forms of the insurer's desk and the bureau's insurance oversight (issue 9). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.enum(values).optional());

const optionalUuid = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || UUID.test(v))
  .transform((v) => v?.toLowerCase());

const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isIsoDate(v));

export const DeskQuerySchema = z.object({
  service: optionalEnum(SERVICE_CODES),
  staff: optionalUuid,
  overduePage: PageField,
  riskPage: PageField,
});
export type DeskQuery = z.infer<typeof DeskQuerySchema>;

export const DeskExportQuerySchema = z.object({
  list: z.enum(["overdue", "at_risk", "completion"]).default("overdue"),
  service: optionalEnum(SERVICE_CODES),
  staff: optionalUuid,
  format: optionalEnum(["xlsx", "csv"] as const),
});

export const OversightPageQuerySchema = z.object({ page: PageField, format: optionalEnum(["xlsx", "csv"] as const) });

export const FlagsQuerySchema = z.object({
  from: optionalDate,
  to: optionalDate,
  kind: optionalEnum(["photo_reused", "short_visit", "impossible_travel", "below_frequency"] as const),
});

const intField = (min: number, max: number, key: string) =>
  z.coerce
    .number({ invalid_type_error: `oversight:errors.${key}` })
    .int(`oversight:errors.${key}`)
    .min(min, `oversight:errors.${key}`)
    .max(max, `oversight:errors.${key}`);

/** The thresholds a bureau may tune (ranges = the table's CHECK). */
export const OversightSettingsSchema = z.object({
  minVisitMinutes: intField(1, 480, "minVisitMinutes"),
  maxTravelKmh: intField(10, 300, "maxTravelKmh"),
  photoHammingMax: intField(0, 15, "photoHammingMax"),
});
