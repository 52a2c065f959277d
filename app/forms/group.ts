import { z } from "zod";
import { optionalText, phoneField, requiredDate, requiredText, usccField } from "./fields";
import { industryField, regionField } from "./place-fields";

/**
 * Forms of the mutual-aid area (/group for the coordinator, /mutual-aid for members).
 * Messages are i18n keys in the `errors` namespace (`group.*` for this area's own).
 */

/** Invite a registered enterprise: its USCC, or its exact registered name. */
export const InviteMemberSchema = z.object({
  who: requiredText(100),
});

/** Add an enterprise that is not on the platform: it becomes an unclaimed organisation. */
export const UnclaimedMemberSchema = z.object({
  uscc: usccField,
  name: requiredText(100),
  regionCode: regionField,
  industryCode: industryField,
});

export const StaffSchema = z.object({
  name: requiredText(60),
  title: optionalText(60),
  phone: phoneField,
});

/** Whole ISO dates compare as strings. */
const datesInOrder = (v: { startsOn: string; endsOn: string }) => v.endsOn >= v.startsOn;

export const CycleSchema = z
  .object({
    label: requiredText(60),
    startsOn: requiredDate(),
    endsOn: requiredDate(),
    /** Empty: a round inside the group; else the other group whose members are inspected. */
    otherGroupId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || /^[0-9a-f-]{36}$/i.test(v), "invalid_input"),
  })
  .refine(datesInOrder, { message: "group.dates_order", path: ["endsOn"] });

/** The recorded seed a preview was made with, and the plan it showed (to save exactly that). */
export const CycleConfirmSchema = z.object({
  seed: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/, "invalid_input"),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "invalid_input"),
});

export const TRAINING_KINDS = ["all_staff", "principals", "special_operations", "exchange_meeting"] as const;

export const GroupSessionSchema = z.object({
  topic: requiredText(120),
  kind: z.enum(TRAINING_KINDS, { errorMap: () => ({ message: "group.kind_invalid" }) }),
  heldOn: requiredDate(),
  hours: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (/^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 24), "group.hours_invalid")
    .transform((v) => (v === undefined ? undefined : Number(v))),
  attendeeCount: z
    .string({ required_error: "required" })
    .trim()
    .regex(/^\d{1,6}$/, "group.attendees_invalid")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 100_000, "group.attendees_invalid"),
  /** One attendee name a line (optional). */
  attendees: optionalText(4000),
});

export type InviteMemberInput = z.infer<typeof InviteMemberSchema>;
export type UnclaimedMemberInput = z.infer<typeof UnclaimedMemberSchema>;
export type StaffInput = z.infer<typeof StaffSchema>;
export type CycleInput = z.infer<typeof CycleSchema>;
export type GroupSessionInput = z.infer<typeof GroupSessionSchema>;
