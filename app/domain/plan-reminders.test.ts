// Issue 9, "Reminders": at-risk (due within 7 days, no date agreed in time — plan-item-status.ts)
// and overdue items to the assignee and coordinators, an agreed visit to the enterprise two days
// ahead; one notification per item and state, keyed so a rerun sends nothing new.
import { describe, expect, it } from "vitest";
import {
  OVERDUE_NOTICE_DAYS,
  VISIT_NOTICE_DAYS,
  dueReminders,
  reminderWindow,
  type ReminderItem,
} from "./plan-reminders";

const TODAY = "2026-06-10";
const item = (over: Partial<ReminderItem>): ReminderItem => ({
  id: "i1",
  state: "open",
  dueDate: "2026-06-30",
  scheduledOn: null,
  ...over,
});

describe("dueReminders (issue 9 reminders)", () => {
  it.each([
    [{ dueDate: "2026-06-30" }, [], "due in 20 days, nothing agreed: planned, no reminder"],
    [{ dueDate: "2026-06-17" }, ["at_risk"], "due in 7 days, nothing agreed: at risk (AT_RISK_DAYS = 7)"],
    [{ dueDate: "2026-06-10" }, ["at_risk"], "due today, nothing agreed: still at risk, not yet overdue"],
    [{ dueDate: "2026-06-18" }, [], "due in 8 days: not yet at risk"],
    [
      { dueDate: "2026-06-15", scheduledOn: "2026-06-14" },
      [],
      "agreed in time, 4 days ahead: scheduled, no notice yet",
    ],
    [
      { dueDate: "2026-06-15", scheduledOn: "2026-06-12" },
      ["visit_upcoming"],
      "agreed visit in 2 days: the enterprise is told",
    ],
    [
      { dueDate: "2026-06-15", scheduledOn: "2026-06-11" },
      ["visit_upcoming"],
      "a schedule that was down still tells the day before",
    ],
    [{ dueDate: "2026-06-15", scheduledOn: "2026-06-10" }, ["visit_upcoming"], "…and on the day"],
    [{ dueDate: "2026-06-15", scheduledOn: "2026-06-09" }, [], "an agreed date already past: no visit notice"],
    [
      { dueDate: "2026-06-12", scheduledOn: "2026-06-20" },
      ["at_risk"],
      "agreed only after the due date: at risk (late anyway)",
    ],
    [{ dueDate: "2026-06-09" }, ["overdue"], "due yesterday, not done: overdue"],
    [
      { dueDate: "2026-06-09", scheduledOn: "2026-06-11" },
      ["overdue"],
      "overdue even with a later date agreed; no visit notice",
    ],
    [{ dueDate: "2026-05-11" }, ["overdue"], `fell due ${OVERDUE_NOTICE_DAYS} days ago: still told`],
    [{ dueDate: "2026-05-10" }, [], "fell due 31 days ago: an old debt, on the dashboard, not re-announced"],
    [{ dueDate: "2026-06-12", state: "done" }, [], "done: nothing"],
    [{ dueDate: "2026-06-09", state: "cancelled" }, [], "cancelled by a re-plan: nothing"],
  ] as const)("%j → %j (%s)", (over, kinds, _why) => {
    expect(dueReminders(item(over as Partial<ReminderItem>), TODAY).map((r) => r.kind)).toEqual(kinds);
  });

  it("keys name the item and the date, so a rerun writes nothing new and a moved date is told again", () => {
    const a = dueReminders(item({ dueDate: "2026-06-12" }), TODAY);
    expect(dueReminders(item({ dueDate: "2026-06-12" }), "2026-06-11")).toEqual(a);
    expect(a[0]!.key).toBe("plan_item_at_risk:i1:2026-06-12");
    const moved = dueReminders(item({ dueDate: "2026-06-12", scheduledOn: "2026-06-11" }), TODAY)[0]!.key;
    const again = dueReminders(item({ dueDate: "2026-06-12", scheduledOn: "2026-06-12" }), TODAY)[0]!.key;
    expect(moved).not.toBe(again);
    expect(dueReminders(item({ dueDate: "2026-06-01" }), TODAY)[0]!.key).toBe("plan_item_overdue:i1:2026-06-01");
  });

  it("the job's selection window covers every reminder it can owe", () => {
    const w = reminderWindow(TODAY);
    expect(w).toEqual({ dueFrom: "2026-05-11", dueTo: "2026-06-17", visitFrom: TODAY, visitTo: "2026-06-12" });
    expect(VISIT_NOTICE_DAYS).toBe(2);
  });
});
