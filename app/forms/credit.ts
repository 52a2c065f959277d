import { z } from "zod";
import { isValidRegionCode } from "../domain/region-outline";
import { optionalText, requiredDate, requiredText, usccField } from "./fields";
import { PageField } from "./paging";

/** A 1–5 score from a radio group: missing or out of range is "pick a score". */
const score = z.coerce
  .number({ invalid_type_error: "credit.score_required" })
  .int("credit.score_required")
  .min(1, "credit.score_required")
  .max(5, "credit.score_required");

const isoDate = requiredDate("credit.date_invalid");

/** The enterprise rates the provider on the three criteria of docs/domain.md, "Reviews". */
export const ClientReviewSchema = z.object({
  intent: z.literal("submit"),
  professionalism: score,
  timeliness: score,
  effect: score,
  body: optionalText(2000),
});

/** The provider rates its client with one overall score. */
export const ProviderReviewSchema = z.object({
  intent: z.literal("submit"),
  overall: score,
  body: optionalText(2000),
});

export const ReviewReplySchema = z.object({
  intent: z.literal("reply"),
  reply: requiredText(1000),
});

export const ReviewIntentSchema = z.object({ intent: z.enum(["submit", "reply"]) });

export const EVALUATION_RESULTS = ["good", "pass", "fail"] as const;
export const VIOLATION_KINDS = [
  "qualification_renting",
  "illegal_affiliation",
  "falsification",
  "monopoly_pricing",
] as const;

export const EvaluationSchema = z.object({
  intent: z.literal("evaluation"),
  providerId: z.string({ required_error: "credit.provider_required" }).uuid("credit.provider_required"),
  result: z.enum(EVALUATION_RESULTS, { errorMap: () => ({ message: "credit.result_required" }) }),
  evaluatedOn: isoDate,
  note: optionalText(1000),
});

const violationFields = {
  kind: z.enum(VIOLATION_KINDS, { errorMap: () => ({ message: "credit.kind_required" }) }),
  serious: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  occurredOn: isoDate,
  note: requiredText(1000),
};

/** A bureau picks the provider from those of its region. */
export const BureauViolationSchema = z.object({
  intent: z.literal("violation"),
  providerId: z.string({ required_error: "credit.provider_required" }).uuid("credit.provider_required"),
  ...violationFields,
});

/** The platform admin names the provider by its USCC (统一社会信用代码). */
export const AdminViolationSchema = z.object({
  providerUscc: usccField,
  ...violationFields,
});

export const CreditListQuerySchema = z.object({
  region: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v && isValidRegionCode(v) ? v : undefined))
    .catch(undefined),
  page: PageField,
});
