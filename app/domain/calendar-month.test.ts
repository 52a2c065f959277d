import { describe, expect, it } from "vitest";
import { monthGrid, monthOrCurrent, monthRange, shiftMonth } from "./calendar-month";
import { isoWeekday } from "./calendar-date";

describe("calendar month views", () => {
  it.each([
    ["2026-06", "2026-06"],
    ["2026-13", "2026-03"],
    ["1999-01", "2026-03"],
    ["junk", "2026-03"],
    [null, "2026-03"],
  ])("month %s on 2026-03-15 → %s", (value, expected) => {
    expect(monthOrCurrent(value, "2026-03-15")).toBe(expected);
  });

  it.each([
    ["2026-01", -1, "2025-12"],
    ["2026-12", 1, "2027-01"],
    ["2026-06", 0, "2026-06"],
  ])("%s shifted by %i is %s", (m, by, expected) => {
    expect(shiftMonth(m, by)).toBe(expected);
  });

  it("the grid is whole Monday-first weeks that cover the month exactly once", () => {
    for (const month of ["2026-02", "2026-06", "2024-02", "2027-08"]) {
      const weeks = monthGrid(month);
      const days = weeks.flat();
      const { first, last } = monthRange(month);
      expect(weeks.every((w) => w.length === 7 && isoWeekday(w[0]!) === 1)).toBe(true);
      expect(days.filter((d) => d.startsWith(month))).toHaveLength(Number(last.slice(8)));
      expect(days[0]! <= first && days.at(-1)! >= last).toBe(true);
      expect(weeks.length).toBeLessThanOrEqual(6);
    }
  });
});
