import { z } from "zod";
import { emailField, optionalText, phoneField, requiredText } from "./fields";
import { PageField } from "./paging";
import { regionField } from "./place-fields";

export const OrganisationDecisionSchema = z
  .object({
    decision: z.enum(["verify", "reject", "suspend", "reinstate"]),
    reason: optionalText(500),
  })
  .refine((v) => !(v.decision === "suspend" || v.decision === "reject") || !!v.reason, {
    path: ["reason"],
    message: "reason_required",
  });

export const NewBureauSchema = z.object({
  name: requiredText(100),
  regionCode: regionField,
  contactName: requiredText(50),
  email: emailField,
  phone: phoneField,
});

export const OrganisationListQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  kind: z.enum(["enterprise", "provider", "insurer", "group", "bureau", "platform"]).optional().catch(undefined),
  status: z.enum(["pending", "verified", "rejected", "suspended"]).optional().catch(undefined),
  page: PageField,
});
