/**
 * The status of a prevention-plan item, derived, never stored (issue 9, "Doing the visits":
 * planned, scheduled (a date agreed with the enterprise), done, at risk (due within 7 days, not
 * scheduled), overdue (past due, not done)). Derived from the item and `today` so that it can
 * never go stale: the dashboard, reminders and the API all ask this one function.
 *
 * Done needs a visit record confirmed by BOTH sides (AQ 9010-2019 record keeping, issue 9: "Done
 * only with a visit record … confirmed by both the serving side and the enterprise"); a record
 * only one side confirmed leaves the item where its dates put it. `cancelled` is the sixth state,
 * for items a re-plan withdrew (insurance-replan.ts) — they are kept, not deleted, and count nowhere.
 */
import { daysBetween, type IsoDate } from "./calendar-date";

export const PLAN_ITEM_STATUSES = ["planned", "scheduled", "done", "at_risk", "overdue", "cancelled"] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

export const PLAN_ITEM_STATUS_LABELS: Record<PlanItemStatus, { zh: string; en: string }> = {
  planned: { zh: "待安排", en: "Planned" },
  scheduled: { zh: "已约定", en: "Scheduled" },
  done: { zh: "已完成", en: "Done" },
  at_risk: { zh: "临期未约", en: "At risk" },
  overdue: { zh: "已逾期", en: "Overdue" },
  cancelled: { zh: "已取消", en: "Cancelled" },
};

/** Days before the due date from which an unscheduled item is at risk (issue 9: "due within 7 days"). */
export const AT_RISK_DAYS = 7;

export type PlanItemForStatus = {
  dueDate: IsoDate;
  cancelled?: boolean;
  /** The visit date agreed with the enterprise, if any. */
  scheduledOn?: IsoDate | null;
  /** The visit record, if one was written. */
  visit?: { confirmedByProvider: boolean; confirmedByEnterprise: boolean } | null;
};

export function isVisitConfirmed(visit: PlanItemForStatus["visit"]): boolean {
  return !!visit && visit.confirmedByProvider && visit.confirmedByEnterprise;
}

/**
 * Precedence: cancelled, then done, then overdue (today after the due date — a scheduled date
 * does not excuse it), then scheduled, then at risk, else planned. A date agreed after the due
 * date does not count as scheduled for the at-risk test: the visit would be late anyway.
 */
export function planItemStatus(item: PlanItemForStatus, today: IsoDate): PlanItemStatus {
  if (item.cancelled) return "cancelled";
  if (isVisitConfirmed(item.visit)) return "done";
  const daysLeft = daysBetween(today, item.dueDate);
  if (daysLeft < 0) return "overdue";
  const scheduledInTime = !!item.scheduledOn && item.scheduledOn <= item.dueDate;
  if (scheduledInTime) return "scheduled";
  if (daysLeft <= AT_RISK_DAYS) return "at_risk";
  return item.scheduledOn ? "scheduled" : "planned";
}
