import { describe, expect, it } from "vitest";
import { planItemStatus, type PlanItemForStatus, type PlanItemStatus } from "./plan-item-status";

const both = { confirmedByProvider: true, confirmedByEnterprise: true };
const providerOnly = { confirmedByProvider: true, confirmedByEnterprise: false };
const due = "2026-06-30";

// Issue 9 "Doing the visits": planned, scheduled (a date agreed), done (a dual-confirmed record,
// AQ 9010), at risk (due within 7 days, not scheduled), overdue (past due, not done).
describe("planItemStatus", () => {
  it.each<[string, PlanItemForStatus, string, PlanItemStatus]>([
    ["nothing arranged, weeks ahead → planned", { dueDate: due }, "2026-06-01", "planned"],
    ["8 days before due, unscheduled → still planned", { dueDate: due }, "2026-06-22", "planned"],
    ["7 days before due, unscheduled → at risk (within 7 days)", { dueDate: due }, "2026-06-23", "at_risk"],
    ["on the due day, unscheduled → at risk, not yet overdue", { dueDate: due }, "2026-06-30", "at_risk"],
    ["the day after due, not done → overdue", { dueDate: due }, "2026-07-01", "overdue"],
    ["a date agreed → scheduled", { dueDate: due, scheduledOn: "2026-06-28" }, "2026-06-25", "scheduled"],
    [
      "scheduled but the due date passed without a record → overdue",
      { dueDate: due, scheduledOn: "2026-06-28" },
      "2026-07-02",
      "overdue",
    ],
    [
      "a date agreed after the due date, 3 days left → at risk",
      { dueDate: due, scheduledOn: "2026-07-05" },
      "2026-06-27",
      "at_risk",
    ],
    [
      "a date agreed after the due date, weeks ahead → scheduled",
      { dueDate: due, scheduledOn: "2026-07-05" },
      "2026-06-01",
      "scheduled",
    ],
    ["a record confirmed by both sides → done (AQ 9010)", { dueDate: due, visit: both }, "2026-06-20", "done"],
    ["done stays done after the due date", { dueDate: due, visit: both }, "2026-08-01", "done"],
    [
      "a record only the provider confirmed is not done → overdue after due",
      { dueDate: due, visit: providerOnly },
      "2026-07-01",
      "overdue",
    ],
    [
      "a record only the provider confirmed, before due, scheduled → scheduled",
      { dueDate: due, visit: providerOnly, scheduledOn: "2026-06-10" },
      "2026-06-10",
      "scheduled",
    ],
    [
      "withdrawn by a re-plan → cancelled, whatever the dates",
      { dueDate: due, cancelled: true },
      "2026-08-01",
      "cancelled",
    ],
  ])("%s", (_name, item, today, expected) => {
    expect(planItemStatus(item, today)).toBe(expected);
  });
});
