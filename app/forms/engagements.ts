import { z } from "zod";
import { ENGAGEMENT_EVENTS, ENGAGEMENT_STATES } from "../domain/engagement-machine";
import { optionalDate, optionalText, optionalYuan, requiredDate, requiredText, requiredYuan } from "./fields";
import { PageField } from "./paging";

/** Forms of requests, quotes and engagements. Messages are keys of the `errors` namespace. */

export const dateField = requiredDate("engagement.date_invalid");

export const optionalDateField = optionalDate("engagement.date_invalid");

/** Yuan typed by a person → integer fen; more than two decimals is refused, never rounded. */
const ENGAGEMENT_AMOUNT = { invalid: "engagement.amount_invalid", positive: "engagement.amount_positive" };

export const yuanField = requiredYuan(ENGAGEMENT_AMOUNT);

export const optionalYuanField = optionalYuan(ENGAGEMENT_AMOUNT);

const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .refine((n) => n === undefined || (Number.isInteger(n) && n >= min && n <= max), message);

export const versionField = z.coerce.number().int().min(0);

export const TransitionSchema = z.object({
  event: z.enum(ENGAGEMENT_EVENTS as [string, ...string[]], {
    errorMap: () => ({ message: "engagement.illegal_transition" }),
  }),
  reason: optionalText(1000),
  version: versionField,
});

/** Cancel, dispute, request changes and the platform's rulings must say why. */
export const ReasonedTransitionSchema = TransitionSchema.extend({
  reason: z
    .string({ required_error: "engagement.reason_required" })
    .trim()
    .min(1, "engagement.reason_required")
    .max(1000, "too_long"),
});

export const CounterOfferSchema = z
  .object({
    price: yuanField,
    scope: requiredText(4000),
    startDate: optionalDateField,
    endDate: optionalDateField,
    version: versionField,
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
    path: ["endDate"],
    message: "engagement.dates_order",
  });

export const DirectOfferSchema = z
  .object({
    listingId: z.string().uuid("not_found"),
    title: requiredText(100),
    scope: requiredText(4000),
    price: yuanField,
    startDate: optionalDateField,
    endDate: optionalDateField,
  })
  .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
    path: ["endDate"],
    message: "engagement.dates_order",
  });

export const ActivitySchema = z.object({
  kind: z.enum(["visit", "training"], { errorMap: () => ({ message: "engagement.kind_invalid" }) }),
  // Named apart from the report's title: both forms share the engagement page, and ids come from names.
  activityTitle: requiredText(200),
  occurredOn: dateField,
  notes: optionalText(4000),
  attendees: optionalInt(1, 100_000, "engagement.attendees_invalid"),
});

/** The file itself is checked by the upload service (size, type by content). */
export const ReportSchema = z.object({ reportTitle: requiredText(200) });

export const MessageSchema = z.object({ body: requiredText(2000) });

export const EngagementListQuerySchema = z.object({
  status: z.enum(ENGAGEMENT_STATES).optional().catch(undefined),
  page: PageField,
});
