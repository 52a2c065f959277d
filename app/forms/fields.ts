import { z } from "zod";
import { checkPassword } from "../domain/password-policy";
import { parseIsoDate } from "../domain/calendar-date";
import { parseYuanToFen } from "../domain/format";
import { normaliseUscc, validateUscc } from "../domain/uscc";

/**
 * Field schemas shared by every form, on the client and the server alike.
 * Messages are i18n keys in the `errors` namespace, translated where they are shown.
 */
export const requiredText = (max = 200) =>
  z.string({ required_error: "required" }).trim().min(1, "required").max(max, "too_long");

export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, "too_long")
    .optional()
    .transform((v) => (v ? v : undefined));

export const emailField = z
  .string({ required_error: "required" })
  .trim()
  .min(1, "required")
  .max(254, "too_long")
  .email("email_invalid")
  .transform((v) => v.toLowerCase());

export const newPasswordField = z.string({ required_error: "required" }).superRefine((value, ctx) => {
  const problem = checkPassword(value);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `password_${problem}` });
});

export const usccField = z
  .string({ required_error: "required" })
  .transform(normaliseUscc)
  .superRefine((value, ctx) => {
    if (!value) return ctx.addIssue({ code: z.ZodIssueCode.custom, message: "required" });
    const result = validateUscc(value);
    if (!result.ok) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `uscc_${result.reason}` });
  });

export const phoneField = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^[0-9+\-() ]{5,32}$/.test(v), "phone_invalid");

/** Years a date typed into this app may have: PostgreSQL has no year 0, and no form needs more. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/**
 * The one date check of every form (the calendar rule of app/domain/calendar-date.ts): YYYY-MM-DD naming a day that exists (no 2026-13-01, no
 * 2026-02-30) in a sane year (no 0000-01-01, which PostgreSQL refuses). Never throws.
 */
export function isCalendarDate(value: string): boolean {
  if (parseIsoDate(value) === null) return false;
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** A required date field; `messageKey` lets a feature keep its own wording. */
export const requiredDate = (messageKey = "date_invalid") =>
  z.string({ required_error: "required" }).trim().min(1, "required").refine(isCalendarDate, messageKey);

/** An optional date field: empty is undefined. */
export const optionalDate = (messageKey = "date_invalid") =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isCalendarDate(v), messageKey);

/**
 * The one money check of every form: yuan as a person types it (¥, thousands commas, at most
 * two decimals, never rounded) to a positive integer of fen that fits a bigint column and a
 * JavaScript number. A feature passes its own message keys.
 */
export const requiredYuan = (keys: { invalid: string; positive: string }) =>
  z
    .string({ required_error: "required" })
    .trim()
    .min(1, "required")
    .transform((v) => parseYuanToFen(v))
    .refine((fen): fen is number => fen !== null, keys.invalid)
    .refine((fen) => fen! > 0, keys.positive)
    .transform((fen) => fen!);

/** As requiredYuan; empty is undefined. */
export const optionalYuan = (keys: { invalid: string; positive: string }) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? parseYuanToFen(v) : undefined))
    .refine((fen) => fen !== null, keys.invalid)
    .refine((fen) => fen === undefined || fen! > 0, keys.positive)
    .transform((fen) => fen ?? undefined);
