/**
 * The month views of the plan calendar (issue 9, "Calendar"): which month a query names, its
 * neighbours, and the Monday-first grid of whole weeks that shows it. Pure; `today` is passed in.
 */
import { addDays, daysInMonth, isoWeekday, type IsoDate } from "./calendar-date";

export type YearMonth = string; // "2026-06"

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month from the query (`?month=2026-06`); anything else (or a year out of range) is today's month. */
export function monthOrCurrent(value: string | null | undefined, today: IsoDate): YearMonth {
  const m = value ? MONTH.exec(value) : null;
  if (m && Number(m[1]) >= 2000 && Number(m[1]) <= 2100) return value!;
  return today.slice(0, 7);
}

export function shiftMonth(month: YearMonth, by: number): YearMonth {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function monthRange(month: YearMonth): { first: IsoDate; last: IsoDate } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(y, m)).padStart(2, "0")}` };
}

/** Whole weeks, Monday to Sunday, covering the month; days outside it are included (greyed in the view). */
export function monthGrid(month: YearMonth): IsoDate[][] {
  const { first, last } = monthRange(month);
  let day = addDays(first, 1 - isoWeekday(first));
  const end = addDays(last, 7 - isoWeekday(last));
  const weeks: IsoDate[][] = [];
  while (day <= end) {
    const week: IsoDate[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}
