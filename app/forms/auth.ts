import { z } from "zod";
import { checkPassword } from "../domain/password-policy";
import { emailField, newPasswordField, phoneField, requiredText, usccField } from "./fields";
import { industryField, regionField } from "./place-fields";

/** Kinds a visitor may register; bureaus and the platform are created by the platform admin. */
export const SELF_REGISTERED_KINDS = ["enterprise", "provider", "insurer", "group"] as const;

export const RegisterSchema = z
  .object({
    orgKind: z.enum(SELF_REGISTERED_KINDS, { errorMap: () => ({ message: "org_kind_required" }) }),
    orgName: requiredText(100),
    uscc: usccField,
    regionCode: regionField,
    industryCode: industryField,
    name: requiredText(50),
    email: emailField,
    phone: phoneField,
    password: newPasswordField,
  })
  .superRefine((value, ctx) => {
    // The field rule cannot see the e-mail; the policy also refuses a password equal to it.
    if (checkPassword(value.password, value.email) === "same_as_email") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["password"], message: "password_same_as_email" });
    }
  });
export type RegisterInput = z.infer<typeof RegisterSchema>;

export const LoginSchema = z.object({
  email: emailField,
  password: z.string({ required_error: "required" }).min(1, "required").max(1024, "too_long"),
  redirectTo: z.string().optional(),
});

export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ required_error: "required" }).min(1, "required").max(1024, "too_long"),
  newPassword: newPasswordField,
});
