/**
 * The one catalogue of notification types. Each later capability adds its types here (and a
 * `types.<type>` entry with `title` and `body` in the i18n namespace `notifications`, both
 * languages), never as strings scattered through services.
 *
 * - subject: what the notification points at; the inbox re-checks the recipient may still see
 *   it before following the link (app/services/notification-links.server.ts).
 * - defaultMode: what a user gets until they choose otherwise on /settings/notifications.
 * - link: where "open" goes, built from the subject id and the params.
 */
export type NotificationSubject =
  | "request"
  | "quote_request"
  | "engagement"
  | "engagement_reviews"
  | "qualification"
  | "practice_notice"
  | "provider_credit"
  | "organisation"
  // Issue 8, inspections: a hazard (re-checked with enterpriseRecordsVisibleTo or as its finder).
  | "hazard"
  | "guidance"
  // Issue 9, calendar reminders: a plan item, seen by its insurer / by its insured enterprise.
  | "insurance_plan_item"
  | "insured_plan_item"
  // Issue 9, a visit record of the insured enterprise (re-checked by its enterprise id).
  | "insurance_visit"
  // Issue 9: a complaint about insurance prevention services (its insurer or its enterprise).
  | "insurance_complaint";

export type NotificationMode = "in_app" | "email" | "digest";
export const NOTIFICATION_MODES: readonly NotificationMode[] = ["in_app", "email", "digest"];

type TypeSpec = {
  subject: NotificationSubject;
  defaultMode: NotificationMode;
  link: (subjectId: string | null) => string;
};

const engagementLink = (id: string | null) => `/engagements/${id}`;
const hazardLink = (id: string | null) => `/hazards/${id}`;

export const NOTIFICATION_TYPES = {
  request_matched: { subject: "request", defaultMode: "email", link: (id) => `/provider/inbox/${id}` },
  quote_received: { subject: "quote_request", defaultMode: "email", link: (id) => `/requests/${id}` },
  quote_accepted: { subject: "engagement", defaultMode: "email", link: engagementLink },
  quote_not_chosen: { subject: "request", defaultMode: "in_app", link: (id) => `/provider/inbox/${id}` },
  engagement_transition: { subject: "engagement", defaultMode: "email", link: engagementLink },
  deliverable_uploaded: { subject: "engagement", defaultMode: "email", link: engagementLink },
  message_received: { subject: "engagement", defaultMode: "digest", link: engagementLink },
  review_published: { subject: "engagement_reviews", defaultMode: "email", link: (id) => `/engagements/${id}/reviews` },
  review_replied: { subject: "engagement_reviews", defaultMode: "in_app", link: (id) => `/engagements/${id}/reviews` },
  qualification_verified: { subject: "qualification", defaultMode: "email", link: () => "/provider/qualifications" },
  qualification_rejected: { subject: "qualification", defaultMode: "email", link: () => "/provider/qualifications" },
  qualification_expiring: { subject: "qualification", defaultMode: "email", link: () => "/provider/qualifications" },
  practice_notice_received: {
    subject: "practice_notice",
    defaultMode: "email",
    link: () => "/bureau/practice-notices",
  },
  grade_changed: { subject: "provider_credit", defaultMode: "email", link: (id) => `/credit/${id}` },
  org_suspended: { subject: "organisation", defaultMode: "email", link: () => "/dashboard" },
  // Issue 8 (inspections): 双报告 of a major hazard to the bureau, the enterprise and the finder.
  hazard_major_reported: { subject: "hazard", defaultMode: "email", link: (id) => `/hazards/${id}` },
  // Hazards (issue 8): each step of the rectification loop, and an unacknowledged major report.
  hazard_rectification_started: { subject: "hazard", defaultMode: "in_app", link: hazardLink },
  hazard_rectified: { subject: "hazard", defaultMode: "email", link: hazardLink },
  hazard_verified: { subject: "hazard", defaultMode: "email", link: hazardLink },
  hazard_rejected: { subject: "hazard", defaultMode: "email", link: hazardLink },
  hazard_closed: { subject: "hazard", defaultMode: "email", link: hazardLink },
  hazard_report_escalated: { subject: "hazard", defaultMode: "email", link: hazardLink },
  // Remote guidance (issue 8): a new message in a thread, to the other party.
  guidance_message: { subject: "guidance", defaultMode: "email", link: (id) => `/guidance/${id}` },
  // Issue 9 reminders (plan-reminders.ts): at-risk and overdue items to the assignee and the
  // insurer's coordinators, an agreed visit to the enterprise two days ahead.
  plan_item_at_risk: {
    subject: "insurance_plan_item",
    defaultMode: "email",
    link: (id) => `/insurer/plan-items/${id}`,
  },
  plan_item_overdue: {
    subject: "insurance_plan_item",
    defaultMode: "email",
    link: (id) => `/insurer/plan-items/${id}`,
  },
  insured_visit_upcoming: { subject: "insured_plan_item", defaultMode: "email", link: () => "/insured/calendar" },
  // Doing the visits (issue 9): to the insured enterprise, a date agreed and a visit to confirm.
  insurance_visit_scheduled: { subject: "insured_plan_item", defaultMode: "email", link: () => "/insured" },
  insurance_visit_to_confirm: {
    subject: "insurance_visit",
    defaultMode: "email",
    link: (id) => `/insured/visits/${id}`,
  },
  // Issue 9 (AQ 9010): a complaint filed, to the insurer; its answer, to the enterprise.
  insurance_complaint_filed: {
    subject: "insurance_complaint",
    defaultMode: "email",
    link: (id) => `/insurer/complaints/${id}`,
  },
  insurance_complaint_answered: {
    subject: "insurance_complaint",
    defaultMode: "email",
    link: () => "/insured/complaints",
  },
} as const satisfies Record<string, TypeSpec>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;
export const NOTIFICATION_TYPE_NAMES = Object.keys(NOTIFICATION_TYPES) as NotificationType[];

export function isNotificationType(value: string): value is NotificationType {
  return Object.hasOwn(NOTIFICATION_TYPES, value);
}

/** The mode that applies: the user's choice when they made one, else the type's default. */
export function effectiveMode(type: NotificationType, chosen: NotificationMode | undefined): NotificationMode {
  return chosen ?? NOTIFICATION_TYPES[type].defaultMode;
}

/** Messages in one thread are batched: at most one notice per thread and recipient per window. */
export const MESSAGE_BATCH_MINUTES = 10;
export function messageBatchKey(engagementId: string, now: Date): string {
  const window = Math.floor(now.getTime() / (MESSAGE_BATCH_MINUTES * 60_000));
  return `message_received:${engagementId}:${window}`;
}

/** Reminders before a qualification's validTo: 30 and 7 days ahead, then the day its listings hide. */
export const QUALIFICATION_REMINDER_DAYS = [30, 7] as const;
export type QualificationReminder = "30" | "7" | "hidden";
/** A schedule that was down for a few days still tells the provider its listings are hidden. */
const HIDDEN_NOTICE_GRACE_DAYS = 3;

/**
 * Which reminder (if any) is due for a qualification valid to `validTo` (YYYY-MM-DD), seen on
 * `today`. Listings hide the day after validTo (app/domain/listing-visibility.ts). The smallest
 * offset whose day has come is due, so a schedule that missed a day still sends the nearer one;
 * each reminder has its own event key, so running the schedule again sends nothing new.
 */
export function dueQualificationReminder(validTo: string, today: string): QualificationReminder | null {
  const daysLeft = daysBetween(today, validTo);
  if (daysLeft < 0) return daysLeft >= -HIDDEN_NOTICE_GRACE_DAYS ? "hidden" : null;
  const due = QUALIFICATION_REMINDER_DAYS.filter((d) => daysLeft <= d);
  return due.length ? (String(Math.min(...due)) as QualificationReminder) : null;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Delivery retries: wait 1, 5, 30, 120 minutes; after the fifth failed try the row is "failed". */
export const MAIL_RETRY_MINUTES = [1, 5, 30, 120] as const;
export const MAIL_MAX_ATTEMPTS = MAIL_RETRY_MINUTES.length + 1;
export function nextMailAttempt(attemptsSoFar: number, now: Date): Date | null {
  const wait = MAIL_RETRY_MINUTES[attemptsSoFar - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait * 60_000);
}
