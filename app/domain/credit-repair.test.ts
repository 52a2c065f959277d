import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import {
  deadlineEndsAt,
  dueRepairReminders,
  repairClock,
  repairDecisionDeadline,
  repairRefusal,
  repairReminderSchedule,
  repairTransition,
} from "./credit-repair";
import { isWorkingDay, workingDaysBetween } from "./working-days";

const sh = (local: string) => new Date(`${local}+08:00`);

// Qingdao: "接到企业信用修复申请后，3个工作日内完成信息核实"; the application day is not counted
// (民法典 第二百零一条), holidays and 调休 per the 2026 State Council notice.
describe("decision deadline: 3 working days after the application date in Asia/Shanghai", () => {
  it.each([
    ["Monday morning", "2026-11-30T10:00:00", "2026-12-03"],
    ["Monday 23:59, still Monday in Shanghai", "2026-11-30T23:59:00", "2026-12-03"],
    ["Tuesday 00:30 in Shanghai (Monday 16:30 UTC)", "2026-12-01T00:30:00", "2026-12-04"],
    ["Saturday: counting starts Monday", "2026-11-28T09:00:00", "2026-12-02"],
    ["the day before National Day: 10-08, 10-09, 10-10 (Saturday, 调休上班)", "2026-09-30T15:00:00", "2026-10-10"],
    ["on National Day itself", "2026-10-01T09:00:00", "2026-10-10"],
    ["Friday before Spring Festival: 02-14 (Saturday, worked), 02-24, 02-25", "2026-02-13T11:00:00", "2026-02-25"],
  ])("%s", (_label, local, expected) => {
    expect(repairDecisionDeadline(sh(local))).toBe(expected);
  });

  it("the UTC date is not the date: 2026-11-30T16:30Z is already 12-01 in Shanghai", () => {
    expect(repairDecisionDeadline(new Date("2026-11-30T16:30:00Z"))).toBe("2026-12-04");
  });

  it("ends at 24:00 Shanghai of the deadline date", () => {
    expect(deadlineEndsAt("2026-12-03").toISOString()).toBe("2026-12-03T16:00:00.000Z");
  });

  it("a deadline that would fall in a year without a holiday notice is refused, not guessed", () => {
    // 12-30, 12-31, then 2027, whose notice chinese-days does not have yet.
    expect(() => repairDecisionDeadline(sh("2026-12-29T10:00:00"))).toThrow(DomainError);
    expect(() => repairDecisionDeadline(sh("2026-12-29T10:00:00"))).toThrow(/outside the working-day calendar/);
  });

  it("property: the deadline is a working day exactly 3 working days after the application date", () => {
    const start = Date.parse("2024-01-01T00:00:00+08:00");
    const end = Date.parse("2026-12-20T00:00:00+08:00");
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (ms) => {
        const appliedAt = new Date(ms);
        const deadline = repairDecisionDeadline(appliedAt);
        const appliedOn = new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
        expect(isWorkingDay(deadline)).toBe(true);
        expect(workingDaysBetween(appliedOn, deadline)).toBe(3);
        expect(repairClock({ appliedAt, decidedAt: null, now: appliedAt })).toMatchObject({ state: "open" });
      }),
    );
  });
});

describe("reminders", () => {
  it("one working day before the deadline and on the deadline", () => {
    expect(repairReminderSchedule(sh("2026-11-30T10:00:00"))).toEqual([
      { kind: "one_working_day_left", on: "2026-12-02" },
      { kind: "due_today", on: "2026-12-03" },
    ]);
    expect(repairReminderSchedule(sh("2026-09-30T10:00:00"))).toEqual([
      { kind: "one_working_day_left", on: "2026-10-09" },
      { kind: "due_today", on: "2026-10-10" },
    ]);
  });

  const appliedAt = sh("2026-11-30T10:00:00");
  it.each([
    ["before any reminder", "2026-12-01T09:00:00", [], false, []],
    ["one day left", "2026-12-02T08:00:00", [], false, ["one_working_day_left"]],
    ["already sent", "2026-12-02T17:00:00", ["one_working_day_left"], false, []],
    ["deadline day", "2026-12-03T08:00:00", ["one_working_day_left"], false, ["due_today"]],
    ["job was down: only the latest reminder", "2026-12-03T08:00:00", [], false, ["due_today"]],
    ["decided: nothing", "2026-12-02T08:00:00", [], true, []],
  ] as const)("%s", (_label, now, sent, decided, expected) => {
    expect(dueRepairReminders({ appliedAt, decided, now: sh(now), alreadySent: sent })).toEqual(expected);
  });
});

describe("clock and breach", () => {
  const appliedAt = sh("2026-11-30T10:00:00"); // deadline Thursday 2026-12-03
  it.each([
    ["just applied", "2026-11-30T10:05:00", { state: "open", workingDaysLeft: 3 }],
    ["deadline morning", "2026-12-03T09:00:00", { state: "open", workingDaysLeft: 0 }],
    ["deadline last second", "2026-12-03T23:59:59", { state: "open", workingDaysLeft: 0 }],
    ["the next midnight", "2026-12-04T00:00:00", { state: "breached", workingDaysLate: 1 }],
    ["the next Monday", "2026-12-07T09:00:00", { state: "breached", workingDaysLate: 2 }],
  ] as const)("%s", (_label, now, expected) => {
    expect(repairClock({ appliedAt, decidedAt: null, now: sh(now) })).toMatchObject({
      deadline: "2026-12-03",
      ...expected,
    });
  });

  it("a Friday deadline is breached on the Saturday after, late by one", () => {
    const clock = repairClock({
      appliedAt: sh("2026-12-01T10:00:00"),
      decidedAt: null,
      now: sh("2026-12-05T10:00:00"),
    });
    expect(clock).toMatchObject({ state: "breached", deadline: "2026-12-04", workingDaysLate: 1 });
  });

  it("a decision is on time until 24:00 of the deadline day, late after", () => {
    const now = sh("2026-12-10T10:00:00");
    expect(repairClock({ appliedAt, decidedAt: sh("2026-12-03T23:00:00"), now }).state).toBe("decided_on_time");
    expect(repairClock({ appliedAt, decidedAt: sh("2026-12-04T00:00:01"), now }).state).toBe("decided_late");
  });
});

describe("deadlines past the calendar's last year (2027's notice not in the data yet)", () => {
  const lateDecember = sh("2026-12-29T10:00:00"); // 12-30, 12-31, then 2027
  it("the clock says pending instead of failing or flagging a breach", () => {
    expect(repairClock({ appliedAt: lateDecember, decidedAt: null, now: sh("2027-01-08T10:00:00") })).toEqual({
      state: "calendar_pending",
      decided: false,
    });
    expect(
      repairClock({ appliedAt: lateDecember, decidedAt: sh("2026-12-30T10:00:00"), now: sh("2026-12-30T11:00:00") }),
    ).toEqual({
      state: "calendar_pending",
      decided: true,
    });
  });

  it("only the reminders whose day is known are scheduled", () => {
    // 12-29 + 2 working days = 12-31 is known; the 3rd day is in 2027.
    expect(repairReminderSchedule(lateDecember)).toEqual([{ kind: "one_working_day_left", on: "2026-12-31" }]);
    expect(
      dueRepairReminders({ appliedAt: lateDecember, decided: false, now: sh("2026-12-31T09:00:00"), alreadySent: [] }),
    ).toEqual(["one_working_day_left"]);
  });

  it("a breach that runs into the unknown year still shows, without a count", () => {
    const clock = repairClock({
      appliedAt: sh("2026-12-21T10:00:00"),
      decidedAt: null,
      now: sh("2027-01-05T10:00:00"),
    });
    expect(clock).toEqual({
      state: "breached",
      deadline: "2026-12-24",
      endsAt: new Date("2026-12-24T16:00:00Z"),
      workingDaysLate: null,
    });
  });
});

describe("who may apply, and the decision machine", () => {
  const black = { list: "black" as const, startsOn: "2026-06-01", endsOn: "2027-05-31", revokedOn: null };
  it.each([
    ["in force, nothing pending", black, false, null],
    ["not listed", null, false, "not_listed"],
    ["red list", { ...black, list: "red" as const }, false, "not_black_list"],
    ["already ended", { ...black, endsOn: "2026-11-01" }, false, "listing_not_in_force"],
    ["revoked", { ...black, revokedOn: "2026-11-30" }, false, "listing_not_in_force"],
    ["not started yet", { ...black, startsOn: "2026-12-01" }, false, "listing_not_in_force"],
    ["a repair already pending", black, true, "repair_pending"],
  ] as const)("%s → %s", (_label, entry, pending, expected) => {
    expect(repairRefusal({ entry, hasPendingApplication: pending, today: "2026-11-30" })).toBe(expected);
  });

  it.each([
    ["pending", "approve", "bureau", { ok: true, to: "approved", needsReason: false }],
    ["pending", "reject", "bureau", { ok: true, to: "rejected", needsReason: true }],
    ["pending", "withdraw", "applicant", { ok: true, to: "withdrawn", needsReason: false }],
    ["pending", "approve", "applicant", { ok: false, code: "actor_not_allowed" }],
    ["approved", "reject", "bureau", { ok: false, code: "illegal_transition" }],
    ["rejected", "approve", "bureau", { ok: false, code: "illegal_transition" }],
    ["pending", "toString", "bureau", { ok: false, code: "illegal_transition" }],
  ] as const)("%s --%s by %s", (state, event, actor, expected) => {
    expect(repairTransition(state, event, actor)).toEqual(expected);
  });
});
