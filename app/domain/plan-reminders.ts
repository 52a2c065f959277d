/**
 * Which reminders a prevention-plan item owes on `today` (issue 9, "Calendar", "Reminders"):
 * - at risk: due within 7 days and no date agreed in time (plan-item-status.ts, AT_RISK_DAYS)
 *   → the assignee and the insurer's coordinators;
 * - overdue: past its due date and not done → the same people; only for items that fell due in
 *   the last OVERDUE_NOTICE_DAYS, so a policy imported months after its start does not flood
 *   everyone with its old debts (those are on the dashboard and the calendar anyway);
 * - visit upcoming: a visit agreed for VISIT_NOTICE_DAYS days ahead → the enterprise; a schedule
 *   that was down still tells it on the day before or the day itself.
 * Each reminder carries its event key: one notification per item and state (and per due or agreed
 * date, so a re-planned or rescheduled item is told again), however often the job runs.
 */
import { addDays, daysBetween, type IsoDate } from "./calendar-date";
import { AT_RISK_DAYS, planItemStatus } from "./plan-item-status";

export const VISIT_NOTICE_DAYS = 2;
export const OVERDUE_NOTICE_DAYS = 30;

export type ReminderKind = "at_risk" | "overdue" | "visit_upcoming";

export type ReminderItem = {
  id: string;
  state: "open" | "done" | "cancelled";
  dueDate: IsoDate;
  scheduledOn: IsoDate | null;
};

export type Reminder = { kind: ReminderKind; key: string };

/** The notification type each reminder is sent as (notification-types.ts). */
export const REMINDER_TYPES = {
  at_risk: "plan_item_at_risk",
  overdue: "plan_item_overdue",
  visit_upcoming: "insured_visit_upcoming",
} as const satisfies Record<ReminderKind, string>;

export function dueReminders(item: ReminderItem, today: IsoDate): Reminder[] {
  if (item.state !== "open") return [];
  const out: Reminder[] = [];
  const status = planItemStatus({ dueDate: item.dueDate, scheduledOn: item.scheduledOn }, today);
  if (status === "at_risk") out.push({ kind: "at_risk", key: `plan_item_at_risk:${item.id}:${item.dueDate}` });
  if (status === "overdue" && daysBetween(item.dueDate, today) <= OVERDUE_NOTICE_DAYS)
    out.push({ kind: "overdue", key: `plan_item_overdue:${item.id}:${item.dueDate}` });
  if (item.scheduledOn && status !== "overdue") {
    const daysAhead = daysBetween(today, item.scheduledOn);
    if (daysAhead >= 0 && daysAhead <= VISIT_NOTICE_DAYS)
      out.push({ kind: "visit_upcoming", key: `insured_visit_upcoming:${item.id}:${item.scheduledOn}` });
  }
  return out;
}

/**
 * The due-date window the job has to look at on `today`: from the oldest overdue item still
 * reminded of to the furthest at-risk one; agreed visits are selected by their own date.
 */
export function reminderWindow(today: IsoDate): {
  dueFrom: IsoDate;
  dueTo: IsoDate;
  visitFrom: IsoDate;
  visitTo: IsoDate;
} {
  return {
    dueFrom: addDays(today, -OVERDUE_NOTICE_DAYS),
    dueTo: addDays(today, AT_RISK_DAYS),
    visitFrom: today,
    visitTo: addDays(today, VISIT_NOTICE_DAYS),
  };
}
