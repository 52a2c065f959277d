import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonthsClamped, daysBetween, isoWeekday, parseIsoDate } from "./calendar-date";

describe("parseIsoDate", () => {
  it.each([
    ["2026-01-31", true],
    ["2024-02-29", true], // leap year
    ["2026-02-29", false],
    ["1900-02-29", false], // century, not a leap year
    ["2000-02-29", true], // divisible by 400
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["0000-01-01", false],
    ["2026-1-01", false],
    ["2026-01-01T00:00", false],
    ["", false],
  ])("%s → %s", (value, ok) => {
    expect(parseIsoDate(value) !== null).toBe(ok);
  });
});

describe("addMonthsClamped", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2026-01-31", 3, "2026-04-30"],
    ["2026-01-31", 6, "2026-07-31"],
    ["2026-11-30", 3, "2027-02-28"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2026-05-15", 12, "2027-05-15"],
  ])("%s + %i months = %s", (from, months, expected) => {
    expect(addMonthsClamped(from, months)).toBe(expected);
  });
});

describe("day arithmetic", () => {
  it.each([
    ["2026-12-31", 1, "2027-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
  ])("%s + %i days = %s", (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it("daysBetween undoes addDays", () => {
    const date = fc
      .date({ min: new Date("1970-01-01"), max: new Date("2200-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (from, n) => daysBetween(from, addDays(from, n)) === n),
    );
  });

  it("knows the weekday", () => {
    expect(isoWeekday("2026-11-28")).toBe(6); // a Saturday
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });
});
