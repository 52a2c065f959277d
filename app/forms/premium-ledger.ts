import { z } from "zod";
import { PageField } from "./paging";

/** Queries and forms of the prevention-fee ledger, commissions, complaints (issue 9). */

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.enum(values).optional());
const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v ? v : undefined));

export const LedgerQuerySchema = z.object({
  q: optionalText,
  flag: optionalEnum(["overrun", "exhausted"] as const),
  status: optionalEnum(["active", "cancelled", "expired"] as const),
  page: PageField,
});

export const ComplaintListQuerySchema = z.object({
  q: optionalText,
  status: optionalEnum(["open", "answered", "breached"] as const),
  page: PageField,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CATEGORIES = [
  "consulting",
  "training",
  "assessment",
  "testing",
  "occupational_health",
  "engineer_firm",
  "custody",
  "rescue",
] as const;

/** Price in yuan as typed (up to 2 decimals) → integer fen. */
const yuanToFen = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, "premiumLedger:form.priceInvalid")
  .transform((v) => Math.round(Number(v) * 100))
  .refine((v) => v > 0, "premiumLedger:form.priceInvalid");

export const CommissionSchema = z
  .object({
    providerId: z.string().regex(UUID, "premiumLedger:form.providerRequired"),
    category: z.enum(CATEGORIES, { errorMap: () => ({ message: "premiumLedger:form.categoryRequired" }) }),
    title: z.string().trim().min(1, "premiumLedger:form.titleRequired").max(200, "premiumLedger:form.tooLong"),
    scope: z.string().trim().min(1, "premiumLedger:form.scopeRequired").max(4000, "premiumLedger:form.tooLong"),
    price: yuanToFen,
    overrunApproved: z
      .string()
      .optional()
      .transform((v) => v === "1" || v === "on"),
    overrunReason: z
      .string()
      .trim()
      .max(1000, "premiumLedger:form.tooLong")
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => !v.overrunApproved || v.overrunReason, {
    path: ["overrunReason"],
    message: "premiumLedger:form.overrunReasonRequired",
  });

export const ComplaintFileSchema = z.object({
  policyId: z.string().regex(UUID, "premiumLedger:form.policyRequired"),
  planItemId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || UUID.test(v), "premiumLedger:form.planItemInvalid"),
  subject: z.string().trim().min(1, "premiumLedger:form.subjectRequired").max(200, "premiumLedger:form.tooLong"),
  body: z.string().trim().min(1, "premiumLedger:form.bodyRequired").max(5000, "premiumLedger:form.tooLong"),
});

export const ComplaintStepSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("needs_check"), version: z.coerce.number().int().min(0) }),
  z.object({
    intent: z.literal("extend"),
    version: z.coerce.number().int().min(0),
    days: z.coerce
      .number({ invalid_type_error: "premiumLedger:form.daysInvalid" })
      .int("premiumLedger:form.daysInvalid")
      .min(1, "premiumLedger:form.daysInvalid")
      .max(30, "premiumLedger:form.daysInvalid"),
    reason: z.string().trim().min(1, "premiumLedger:form.reasonRequired").max(1000, "premiumLedger:form.tooLong"),
  }),
  z.object({
    intent: z.literal("answer"),
    version: z.coerce.number().int().min(0),
    answer: z.string().trim().min(1, "premiumLedger:form.answerRequired").max(5000, "premiumLedger:form.tooLong"),
  }),
]);
