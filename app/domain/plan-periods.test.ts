import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonthsClamped, daysBetween } from "./calendar-date";
import {
  dayNumber,
  fixedPeriods,
  fromDayNumber,
  HALF_PERIOD_DAYS,
  inclusiveDays,
  plusDays,
  policyPeriods,
  type PeriodMonths,
} from "./plan-periods";

describe("HALF_PERIOD_DAYS (decision 014: half of n months at its shortest on the calendar)", () => {
  // Brute force over every start day of 2000–2100: the fewest and most days a span of m months has.
  const spans = (m: number) => {
    let min = Infinity;
    let max = 0;
    for (let d = "2000-01-01"; d < "2101-01-01"; d = addDays(d, 1)) {
      const len = daysBetween(d, addMonthsClamped(d, m));
      min = Math.min(min, len);
      max = Math.max(max, len);
    }
    return { min, max };
  };
  const one = spans(1);
  const two = spans(2);
  const three = spans(3);

  it("whole-month remainders of exactly half a period always count (2 months: 1 month; half year: 3 months)", () => {
    expect(one.min).toBeGreaterThanOrEqual(HALF_PERIOD_DAYS[2]);
    expect(three.min).toBeGreaterThanOrEqual(HALF_PERIOD_DAYS[6]);
    expect(two.min).toBeGreaterThanOrEqual(HALF_PERIOD_DAYS[3]);
  });
  it("whole-month remainders shorter than half never count (quarter: 1 month; half year: 2 months)", () => {
    expect(one.max).toBeLessThan(HALF_PERIOD_DAYS[3]);
    expect(two.max).toBeLessThan(HALF_PERIOD_DAYS[6]);
  });
  it("half a month is 15 days, the rounding of half of any month (28–31 → 14–15.5)", () => {
    expect(HALF_PERIOD_DAYS[1]).toBe(15);
  });
});

describe("policyPeriods (issue 9: period k = start + k·n months … the day before start + (k+1)·n months)", () => {
  it.each<[string, string, string, PeriodMonths, Array<[string, string, boolean]>]>([
    [
      "issue example: 31 Jan, quarters",
      "2026-01-31",
      "2026-10-30",
      3,
      [
        ["2026-01-31", "2026-04-29", true],
        ["2026-04-30", "2026-07-30", true],
        ["2026-07-31", "2026-10-30", true],
      ],
    ],
    [
      "trailing 43 days of a quarter count (threshold)",
      "2026-01-01",
      "2026-05-13",
      3,
      [
        ["2026-01-01", "2026-03-31", true],
        ["2026-04-01", "2026-05-13", false],
      ],
    ],
    ["trailing 42 days of a quarter do not", "2026-01-01", "2026-05-12", 3, [["2026-01-01", "2026-03-31", true]]],
    [
      "trailing 15 days of a month count",
      "2026-01-01",
      "2026-02-15",
      1,
      [
        ["2026-01-01", "2026-01-31", true],
        ["2026-02-01", "2026-02-15", false],
      ],
    ],
    ["trailing 14 days of a month do not", "2026-01-01", "2026-02-14", 1, [["2026-01-01", "2026-01-31", true]]],
    ["a policy shorter than half a half-year has no half", "2026-01-01", "2026-03-29", 6, []],
    [
      "leap February month (29 days)",
      "2024-02-01",
      "2024-03-31",
      1,
      [
        ["2024-02-01", "2024-02-29", true],
        ["2024-03-01", "2024-03-31", true],
      ],
    ],
    [
      "month end 30 Nov + quarter clamps to 28 Feb",
      "2026-11-30",
      "2027-05-29",
      3,
      [
        ["2026-11-30", "2027-02-27", true],
        ["2027-02-28", "2027-05-29", true],
      ],
    ],
  ])("%s", (_name, start, end, months, expected) => {
    expect(fixedPeriods(start, end, months).map((p) => [p.start, p.end, p.full])).toEqual(expected);
  });

  it("a varying length keeps counting in months from the start", () => {
    const lengths: PeriodMonths[] = [1, 2, 3];
    let i = 0;
    const periods = policyPeriods("2026-01-31", "2026-12-31", () => lengths[i++ % 3]!);
    expect(periods.map((p) => [p.monthOffset, p.start, p.end])).toEqual([
      [0, "2026-01-31", "2026-02-27"],
      [1, "2026-02-28", "2026-04-29"],
      [3, "2026-04-30", "2026-07-30"],
      [6, "2026-07-31", "2026-08-30"],
      [7, "2026-08-31", "2026-10-30"],
      [9, "2026-10-31", "2026-12-31"],
    ]);
  });
});

describe("integer day arithmetic agrees with calendar-date.ts (the reference)", () => {
  it("dayNumber / fromDayNumber / plusDays / inclusiveDays over years 1–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_652_000 }), fc.integer({ min: -4000, max: 4000 }), (n, delta) => {
        const date = addDays("0001-01-01", n);
        expect(fromDayNumber(dayNumber(date))).toBe(date);
        if (date > "0012-12-31" && date < "9988-01-01") {
          expect(plusDays(date, delta)).toBe(addDays(date, delta));
          expect(inclusiveDays(date, addDays(date, delta))).toBe(daysBetween(date, addDays(date, delta)) + 1);
        }
      }),
    );
  });
  it("1970-01-01 is day 0", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(fromDayNumber(-1)).toBe("1969-12-31");
  });
});
