import { z } from "zod";
import { checkPassword } from "../domain/password-policy";
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
