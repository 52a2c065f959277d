/**
 * Answer deadlines for complaints about an insurance prevention service (issue 9, "Money and
 * oversight": 10 working days, 30 where a check is needed, extendable once by at most 30 more
 * with a reason — AQ 9010-2019 asks the service body to handle complaints within a set time and
 * keep the record; the deadline is shown and breaches are flagged).
 *
 * Every count is in working days, the unit the issue gives for the base, so that the extension
 * adds like to like. Working days come in as `addWorkingDays` because the Chinese calendar
 * (public holidays, 调休 make-up Saturdays) is data another module owns; this module only
 * decides which count applies and whether it was kept.
 *
 * An extension must be granted before the current deadline has passed: a breach is a fact and
 * cannot be extended away afterwards.
 */
import type { IsoDate } from "./calendar-date";
import { DomainError } from "./errors";

/** n working days after `date` (n ≥ 0; n = 0 is the date itself). */
export type AddWorkingDays = (date: IsoDate, n: number) => IsoDate;

export const COMPLAINT_ANSWER_DAYS = 10;
export const COMPLAINT_ANSWER_DAYS_WITH_CHECK = 30;
export const MAX_EXTENSION_DAYS = 30;

export type ComplaintForDeadline = {
  receivedOn: IsoDate;
  /** A check (核查: a site visit, a review of records) is needed before answering. */
  needsCheck: boolean;
  extension?: { days: number; reason: string; grantedOn: IsoDate } | null;
  answeredOn?: IsoDate | null;
};

export type ComplaintDeadline = {
  baseDueOn: IsoDate;
  dueOn: IsoDate;
  extended: boolean;
  /** Answered late, or still unanswered after the deadline. */
  breached: boolean;
  /** Still open with the deadline ahead (or today). */
  open: boolean;
};

export function baseDueOn(complaint: ComplaintForDeadline, addWorkingDays: AddWorkingDays): IsoDate {
  return addWorkingDays(
    complaint.receivedOn,
    complaint.needsCheck ? COMPLAINT_ANSWER_DAYS_WITH_CHECK : COMPLAINT_ANSWER_DAYS,
  );
}

export function complaintDeadline(
  complaint: ComplaintForDeadline,
  today: IsoDate,
  addWorkingDays: AddWorkingDays,
): ComplaintDeadline {
  const base = baseDueOn(complaint, addWorkingDays);
  const dueOn = complaint.extension ? addWorkingDays(base, complaint.extension.days) : base;
  const answered = complaint.answeredOn ?? null;
  const breached = answered ? answered > dueOn : today > dueOn;
  return { baseDueOn: base, dueOn, extended: !!complaint.extension, breached, open: !answered && !breached };
}

/**
 * Checks a request to extend: once only, 1–30 working days, a written reason, before the
 * deadline passed and before the answer. Throws DomainError (`field` in params for the form).
 */
export function validateExtension(
  complaint: ComplaintForDeadline,
  request: { days: number; reason: string },
  today: IsoDate,
  addWorkingDays: AddWorkingDays,
): { days: number; reason: string; grantedOn: IsoDate } {
  if (complaint.extension) throw new DomainError("already_extended", "a complaint deadline can be extended only once");
  if (complaint.answeredOn) throw new DomainError("already_answered", "the complaint is already answered");
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > MAX_EXTENSION_DAYS) {
    throw new DomainError("extension_too_long", "an extension is 1 to 30 working days", {
      field: "days",
      max: MAX_EXTENSION_DAYS,
    });
  }
  const reason = request.reason.trim();
  if (!reason) throw new DomainError("reason_required", "an extension needs a reason", { field: "reason" });
  if (today > complaintDeadline(complaint, today, addWorkingDays).dueOn) {
    throw new DomainError("deadline_passed", "the deadline has passed; a breach cannot be extended");
  }
  return { days: request.days, reason, grantedOn: today };
}
