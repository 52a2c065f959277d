import { z } from "zod";
import { parseIsoDate } from "../domain/calendar-date";
import { RISK_GRADES } from "../domain/insurance-plan";
import { PageField } from "./paging";

/** A policy as the list shows it: a stored "active" one past its end date is expired. */
export const POLICY_LIST_STATUSES = ["active", "cancelled", "expired"] as const;

/** Queries of the insurer's policy list and its export (issue 9, "Policies"). */

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.enum(values).optional());

const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || parseIsoDate(v) !== null);

export const PolicyListQuerySchema = z.object({
  status: optionalEnum(POLICY_LIST_STATUSES),
  grade: optionalEnum(RISK_GRADES),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => (v ? v : undefined)),
  startFrom: optionalDate,
  startTo: optionalDate,
  format: optionalEnum(["xlsx", "csv"] as const),
  page: PageField,
});
export type PolicyListQuery = z.infer<typeof PolicyListQuerySchema>;

/** The longest reason for cancelling a policy. */
export const CANCEL_REASON_MAX = 500;
