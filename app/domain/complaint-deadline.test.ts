import { describe, expect, it } from "vitest";
import { addDays, isoWeekday, type IsoDate } from "./calendar-date";
import { complaintDeadline, validateExtension, type ComplaintForDeadline } from "./complaint-deadline";
import { DomainError } from "./errors";

/** A weekend-only calendar: the real one (holidays, 调休) is passed in by the service. */
function addWeekdays(date: IsoDate, n: number): IsoDate {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isoWeekday(d) <= 5) left--;
  }
  return d;
}

// 2026-03-02 is a Monday.
const base: ComplaintForDeadline = { receivedOn: "2026-03-02", needsCheck: false };

// Issue 9 / AQ 9010: 10 working days, 30 where a check is needed, extendable once by ≤ 30 with a reason.
describe("complaintDeadline", () => {
  it.each<[string, ComplaintForDeadline, IsoDate, { dueOn: IsoDate; breached: boolean; open: boolean }]>([
    [
      "10 working days: Mon 2 Mar → Mon 16 Mar",
      base,
      "2026-03-10",
      { dueOn: "2026-03-16", breached: false, open: true },
    ],
    [
      "on the due day itself: not yet breached",
      base,
      "2026-03-16",
      { dueOn: "2026-03-16", breached: false, open: true },
    ],
    ["the day after, unanswered: breached", base, "2026-03-17", { dueOn: "2026-03-16", breached: true, open: false }],
    [
      "received on a Saturday counts from the Monday after",
      { ...base, receivedOn: "2026-03-07" },
      "2026-03-08",
      { dueOn: "2026-03-20", breached: false, open: true },
    ],
    [
      "a check needed: 30 working days → Mon 13 Apr",
      { ...base, needsCheck: true },
      "2026-04-01",
      { dueOn: "2026-04-13", breached: false, open: true },
    ],
    [
      "extended by 30 more: 30 + 30 working days → Mon 25 May",
      { ...base, needsCheck: true, extension: { days: 30, reason: "需第三方检测", grantedOn: "2026-04-01" } },
      "2026-05-20",
      { dueOn: "2026-05-25", breached: false, open: true },
    ],
    [
      "answered on time: no breach, closed",
      { ...base, answeredOn: "2026-03-16" },
      "2026-06-01",
      { dueOn: "2026-03-16", breached: false, open: false },
    ],
    [
      "answered late: breached even though closed",
      { ...base, answeredOn: "2026-03-18" },
      "2026-06-01",
      { dueOn: "2026-03-16", breached: true, open: false },
    ],
  ])("%s", (_name, complaint, today, expected) => {
    const d = complaintDeadline(complaint, today, addWeekdays);
    expect({ dueOn: d.dueOn, breached: d.breached, open: d.open }).toEqual(expected);
  });
});

describe("validateExtension (once, ≤ 30 working days, with a reason, before the deadline)", () => {
  const today = "2026-03-10";
  it("grants a valid request, trimming the reason", () => {
    expect(validateExtension(base, { days: 30, reason: "  需现场核查 " }, today, addWeekdays)).toEqual({
      days: 30,
      reason: "需现场核查",
      grantedOn: today,
    });
  });
  it.each<[string, ComplaintForDeadline, { days: number; reason: string }, string, string]>([
    [
      "a second extension",
      { ...base, extension: { days: 5, reason: "x", grantedOn: "2026-03-05" } },
      { days: 5, reason: "again" },
      today,
      "already_extended",
    ],
    ["31 days", base, { days: 31, reason: "long" }, today, "extension_too_long"],
    ["0 days", base, { days: 0, reason: "none" }, today, "extension_too_long"],
    ["no reason", base, { days: 10, reason: "  " }, today, "reason_required"],
    ["after the deadline passed", base, { days: 10, reason: "late" }, "2026-03-17", "deadline_passed"],
    ["after the answer", { ...base, answeredOn: "2026-03-09" }, { days: 10, reason: "x" }, today, "already_answered"],
  ])("refuses %s", (_name, complaint, request, when, code) => {
    let error: unknown;
    try {
      validateExtension(complaint, request, when, addWeekdays);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
  });
});
