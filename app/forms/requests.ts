import { z } from "zod";
import { SERVICE_CATEGORIES } from "../domain/service-categories";
import { optionalDateField, optionalYuanField, yuanField } from "./engagements";
import { requiredText } from "./fields";
import { PageField } from "./paging";
import { industryField, regionField } from "./place-fields";

export const RequestSchema = z.object({
  category: z.enum(SERVICE_CATEGORIES, { errorMap: () => ({ message: "engagement.category_invalid" }) }),
  title: requiredText(100),
  description: requiredText(4000),
  regionCode: regionField,
  industryCode: industryField,
  budget: optionalYuanField,
  deadline: optionalDateField,
});
export type RequestFormInput = z.infer<typeof RequestSchema>;

export const QuoteSchema = z.object({
  price: yuanField,
  plan: requiredText(4000),
  durationDays: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .refine((n) => n === undefined || (Number.isInteger(n) && n >= 1 && n <= 3650), "engagement.duration_invalid"),
  validUntil: optionalDateField,
});

/** What the enterprise does on its request page: pick one quote, decline them all, or withdraw the need. */
export const RequestDecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("pick"), quoteId: z.string().uuid("not_found") }),
  z.object({ intent: z.literal("decline_all") }),
  z.object({ intent: z.literal("cancel") }),
]);

export const RequestListQuerySchema = z.object({
  status: z.enum(["open", "awarded", "closed", "cancelled"]).optional().catch(undefined),
  page: PageField,
});
