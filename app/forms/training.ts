import { z } from "zod";
import { GUIDANCE_CHANNELS } from "../domain/response-time";
import { GUIDANCE_FILTERS, TRAINING_KINDS } from "../domain/training";
import { optionalDate, optionalText, requiredDate, requiredText } from "./fields";
import { PageField } from "./paging";

/**
 * Forms of training, remote guidance and free check-ups (issue 8). Messages are keys of the
 * `errors` namespace (the `training.*` ones live in the training namespace file, see errors.ts).
 */

const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : undefined))
    .refine((n) => n === undefined || (Number.isInteger(n) && n >= min && n <= max), message);

const optionalUuid = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || z.string().uuid().safeParse(v).success, "invalid_input");

/** "group" records a group's shared session (no single enterprise). */
export const TrainingSchema = z.object({
  enterpriseId: z
    .string({ required_error: "training.enterprise_required" })
    .trim()
    .min(1, "training.enterprise_required")
    .refine((v) => v === "group" || z.string().uuid().safeParse(v).success, "training.enterprise_required"),
  topic: requiredText(200),
  kind: z.enum(TRAINING_KINDS, { errorMap: () => ({ message: "training.kind_invalid" }) }),
  heldOn: requiredDate(),
  hours: optionalInt(1, 200, "training.hours_invalid"),
  attendeeCount: optionalInt(0, 1_000_000, "training.count_invalid"),
  attendees: optionalText(100_000),
});

const TRAINING_KIND_FILTER = z.enum(TRAINING_KINDS).optional().catch(undefined);

export const TrainingListQuerySchema = z.object({
  kind: TRAINING_KIND_FILTER,
  from: optionalDate().catch(undefined),
  to: optionalDate().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  page: PageField,
  format: z.enum(["xlsx", "csv"]).optional().catch(undefined),
});

export const OpenThreadSchema = z
  .object({
    channel: z.enum(GUIDANCE_CHANNELS, { errorMap: () => ({ message: "guidance.channel_invalid" }) }),
    counterpartOrgId: optionalUuid,
    expertId: optionalUuid,
    subject: requiredText(200),
    body: requiredText(4000),
  })
  .superRefine((v, ctx) => {
    if (v.channel === "expert" && !v.expertId) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["expertId"], message: "guidance.counterpart_required" });
    }
    if (v.channel !== "expert" && !v.counterpartOrgId) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["counterpartOrgId"],
        message: "guidance.counterpart_required",
      });
    }
  });

export const GuidanceMessageSchema = z.object({ body: requiredText(4000) });

export const GuidanceListQuerySchema = z.object({
  filter: z.enum(GUIDANCE_FILTERS).optional().catch(undefined),
  channel: z.enum(GUIDANCE_CHANNELS).optional().catch(undefined),
  page: PageField,
});

export const ProgramSchema = z
  .object({
    name: requiredText(200),
    description: optionalText(4000),
    startsOn: requiredDate(),
    endsOn: requiredDate(),
  })
  .refine((v) => v.endsOn >= v.startsOn, { path: ["endsOn"], message: "checkups.dates_order" });

export const ProgramListQuerySchema = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  page: PageField,
});

export const ProgramQuerySchema = z.object({
  q: z.string().trim().max(50).optional().catch(undefined),
  format: z.enum(["xlsx", "csv"]).optional().catch(undefined),
});

export const AddEnterpriseSchema = z.object({
  enterpriseId: z.string().trim().uuid("invalid_input"),
});

export const PlaceSchema = z.object({
  enterpriseId: z.string().trim().uuid("invalid_input"),
});

export const CarrierSchema = PlaceSchema.extend({ carrierOrgId: optionalUuid });

export const PlanSchema = PlaceSchema.extend({ planText: optionalText(20_000) });
