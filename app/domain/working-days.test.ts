import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoWeekday } from "./calendar-date";
import { DomainError } from "./errors";
import {
  addWorkingDays,
  dayKind,
  festivalOf,
  isInWorkingCalendar,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from "./working-days";

// 国务院办公厅关于2026年部分节假日安排的通知 (the notice chinese-days transcribes), typed in here from
// the notice itself, not from the package: 元旦 1月1日至3日放假，1月4日（周日）上班；春节 2月15日至23日
// 放假，2月14日（周六）、2月28日（周六）上班；清明节 4月4日至6日；劳动节 5月1日至5日放假，5月9日（周六）
// 上班；端午节 6月19日至21日；中秋节 9月25日至27日；国庆节 10月1日至7日放假，9月20日（周日）、10月10日
// （周六）上班。
const range = (from: string, days: number) => Array.from({ length: days }, (_, i) => addDays(from, i));
const HOLIDAYS_2026: ReadonlyArray<[string, string[]]> = [
  ["元旦", range("2026-01-01", 3)],
  ["春节", range("2026-02-15", 9)],
  ["清明", range("2026-04-04", 3)],
  ["劳动节", range("2026-05-01", 5)],
  ["端午", range("2026-06-19", 3)],
  ["中秋", range("2026-09-25", 3)],
  ["国庆节", range("2026-10-01", 7)],
];
const ADJUSTED_WORKDAYS_2026: ReadonlyArray<[string, string]> = [
  ["2026-01-04", "元旦"],
  ["2026-02-14", "春节"],
  ["2026-02-28", "春节"],
  ["2026-05-09", "劳动节"],
  ["2026-09-20", "国庆节"],
  ["2026-10-10", "国庆节"],
];
const holidaySet = new Set(HOLIDAYS_2026.flatMap(([, dates]) => dates));
const adjustedSet = new Set(ADJUSTED_WORKDAYS_2026.map(([d]) => d));

describe("2026 per the State Council holiday notice", () => {
  it.each(HOLIDAYS_2026.flatMap(([name, dates]) => dates.map((d) => [d, name] as const)))(
    "%s is a public holiday (%s)",
    (date, name) => {
      expect(isWorkingDay(date)).toBe(false);
      expect(dayKind(date)).toBe("holiday");
      expect(festivalOf(date)?.zh).toBe(name);
    },
  );

  it.each(ADJUSTED_WORKDAYS_2026)("%s is a weekend day worked by adjustment (调休上班, %s)", (date, name) => {
    expect(isoWeekday(date)).toBeGreaterThanOrEqual(6);
    expect(isWorkingDay(date)).toBe(true);
    expect(dayKind(date)).toBe("adjusted_workday");
    expect(festivalOf(date)?.zh).toBe(name);
  });

  it("has no other exception: every other 2026 day is a working day exactly when it is Monday–Friday", () => {
    expect(holidaySet.size).toBe(33);
    let workingDays = 0;
    for (const date of range("2026-01-01", 365)) {
      const expected = adjustedSet.has(date) || (!holidaySet.has(date) && isoWeekday(date) <= 5);
      expect(isWorkingDay(date), date).toBe(expected);
      if (expected) workingDays++;
    }
    // 365 days − 104 weekend days − 19 holidays on weekdays (元旦 2, 春节 6, 清明 1, 劳动节 3,
    // 端午 1, 中秋 1, 国庆 5) + 6 adjusted weekend days = 248 working days in 2026.
    expect(workingDays).toBe(365 - 104 - (2 + 6 + 1 + 3 + 1 + 1 + 5) + 6);
  });
});

describe("addWorkingDays: counting starts the next working day (民法典 第二百零一条)", () => {
  it.each([
    // National Day week: 9-30 (Wed) → 10-08 (Thu), 10-09 (Fri), 10-10 (Sat, 调休上班), 10-12 (Mon).
    ["2026-09-30", 1, "2026-10-08"],
    ["2026-09-30", 3, "2026-10-10"],
    ["2026-09-30", 4, "2026-10-12"],
    ["2026-10-03", 1, "2026-10-08"],
    // 9-20 is a Sunday worked before National Day.
    ["2026-09-19", 1, "2026-09-20"],
    // Spring Festival: 2-13 (Fri) → 2-14 (Sat, worked) → 2-24 (Tue) after nine days off.
    ["2026-02-13", 1, "2026-02-14"],
    ["2026-02-14", 1, "2026-02-24"],
    ["2026-02-13", 3, "2026-02-25"],
    ["2026-02-27", 1, "2026-02-28"],
    // Year boundary: 2025-12-31 (Wed) → 元旦 1-1..1-3 off → 1-4 (Sun, worked) → 1-5 (Mon).
    ["2025-12-31", 1, "2026-01-04"],
    ["2025-12-31", 2, "2026-01-05"],
    ["2024-12-31", 1, "2025-01-02"],
    // Ordinary weeks: a Saturday counts from Monday; Friday + 1 is Monday.
    ["2026-11-28", 1, "2026-11-30"],
    ["2026-11-27", 1, "2026-11-30"],
    ["2026-11-30", 3, "2026-12-03"],
    ["2026-11-30", 0, "2026-11-30"],
  ] as const)("%s + %i working days = %s", (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
    expect(workingDaysBetween(date, expected)).toBe(n);
  });

  it("refuses a negative or fractional count", () => {
    expect(() => addWorkingDays("2026-03-02", -1)).toThrow(DomainError);
    expect(() => addWorkingDays("2026-03-02", 1.5)).toThrow(/whole number/);
  });
});

describe("outside the calendar", () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return error instanceof DomainError ? error.code : "other";
    }
    return "none";
  };

  it.each(["2023-12-29", "2027-01-04", "2030-06-03"])("%s is refused with date_outside_working_calendar", (date) => {
    expect(isInWorkingCalendar(date)).toBe(false);
    expect(codeOf(() => isWorkingDay(date))).toBe("date_outside_working_calendar");
  });

  it("a count running past the last known year is refused, not guessed", () => {
    // 12-31 (Thu) is the 1st; the 2nd would fall in 2027, whose notice is not in the data yet.
    expect(addWorkingDays("2026-12-30", 1)).toBe("2026-12-31");
    expect(codeOf(() => addWorkingDays("2026-12-30", 2))).toBe("date_outside_working_calendar");
  });

  it("an impossible date is invalid_date", () => {
    expect(codeOf(() => isWorkingDay("2026-02-30"))).toBe("invalid_date");
  });
});

describe("other years of the data", () => {
  it.each([
    // 国务院办公厅关于2025年部分节假日安排的通知: 春节 1月28日至2月4日放假，1月26日（周日）、2月8日（周六）上班。
    ["2025-01-26", true],
    ["2025-02-04", false],
    ["2025-02-08", true],
    // 国务院办公厅关于2024年部分节假日安排的通知: 国庆节 10月1日至7日放假，9月29日（周日）、10月12日（周六）上班。
    ["2024-09-29", true],
    ["2024-10-07", false],
    ["2024-10-12", true],
  ] as const)("%s working: %s", (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });
});

describe("properties", () => {
  const dayIn2024to2026 = fc.integer({ min: 0, max: 365 * 3 - 40 }).map((i) => addDays("2024-01-01", i));

  it("addWorkingDays lands on a working day and workingDaysBetween inverts it", () => {
    fc.assert(
      fc.property(dayIn2024to2026, fc.integer({ min: 1, max: 15 }), (date, n) => {
        const end = addWorkingDays(date, n);
        expect(end > date).toBe(true);
        expect(isWorkingDay(end)).toBe(true);
        expect(workingDaysBetween(date, end)).toBe(n);
        expect(workingDaysBetween(end, date)).toBe(-n);
      }),
    );
  });

  it("nextWorkingDayOnOrAfter is the date itself exactly on working days", () => {
    fc.assert(
      fc.property(dayIn2024to2026, (date) => {
        expect(nextWorkingDayOnOrAfter(date) === date).toBe(isWorkingDay(date));
      }),
    );
  });
});
