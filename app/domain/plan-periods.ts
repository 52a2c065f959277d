/**
 * Policy periods for the 安责险 "6+3" plan (issue 9, "The service plan, derived";
 * docs/decisions/014-prevention-plan-periods.md).
 *
 * The rule, exactly as the issue states it: periods are counted from the policy's own start
 * date, never chained. Period k runs from start + k·n months to the day before
 * start + (k+1)·n months, adding months with month-end clamping; so a policy starting
 * 2026-01-31 has quarters ending 2026-04-29 and 2026-07-30 (chaining would drift to 04-29 → 07-28).
 * The last period stops at the policy's (effective) end date, and a trailing partial period
 * counts only when it is at least half a period long.
 *
 * "Half a period" is a number of days per period length (HALF_PERIOD_DAYS), chosen so that a
 * policy of whole months behaves the same in every month of every year: a remainder of exactly
 * half the period's months always counts, anything shorter never does. See the decision.
 *
 * The length of each period may depend on its start date (tiered key inspections: a red grade
 * means monthly), which is why `policyPeriods` takes a function rather than a number.
 */
import { daysInMonth, type IsoDate } from "./calendar-date";

export type PeriodMonths = 1 | 2 | 3 | 6;

/**
 * The fewest days a trailing partial period of n months needs to count. Half of n months read
 * at its shortest on the calendar: ⌊n/2⌋ whole months at their shortest (1 month ≥ 28 days,
 * February; 3 months ≥ 89 days, February–April of a common year), plus 15 days for the half
 * month of an odd n. So: month 15, two months 28, quarter 28 + 15 = 43, half year 89.
 */
export const HALF_PERIOD_DAYS: Record<PeriodMonths, number> = { 1: 15, 2: 28, 3: 43, 6: 89 };

export type Period = {
  /** 0-based index in months from the policy start (the period begins at start + offset months). */
  monthOffset: number;
  months: PeriodMonths;
  start: IsoDate;
  /** Last day of the period, cut to the policy's end when the period is the trailing one. */
  end: IsoDate;
  /** False when the policy end cut the period short (it passed the half-period test). */
  full: boolean;
};

/*
 * Day arithmetic on plain integers. calendar-date.ts is the reference (and the tests check these
 * agree with it); deriving 100,000 plans calls these millions of times, and parsing through a
 * regular expression and a Date object each time cost most of the benchmark (bench/plan-derivation.ts).
 */
function ymd(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function format(y: number, m: number, d: number): IsoDate {
  return `${y < 1000 ? String(y).padStart(4, "0") : y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumber(date: IsoDate): number {
  const [y0, m, d] = ymd(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (civil_from_days). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(era * 400 + yoe + (m <= 2 ? 1 : 0), m, d);
}

/** Inclusive length in days of [from, to]. */
export function inclusiveDays(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** `date` + `days` (same as calendar-date addDays). */
export function plusDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * The periods of a policy running `start`…`end` (inclusive). `monthsAt(periodStart)` gives
 * the length of the period starting there. Periods ending after `end` are cut; a cut period
 * shorter than HALF_PERIOD_DAYS is dropped (and, being the last one, ends the list).
 */
export function policyPeriods(
  start: IsoDate,
  end: IsoDate,
  monthsAt: (periodStart: IsoDate) => PeriodMonths,
): Period[] {
  const [y0, m0, d0] = ymd(start);
  const base = y0 * 12 + (m0 - 1);
  /** start + k months, clamped to the month's last day (calendar-date addMonthsClamped). */
  const monthsLater = (k: number): [number, number, number] => {
    const index = base + k;
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    return [y, m, Math.min(d0, daysInMonth(y, m))];
  };
  const periods: Period[] = [];
  let offset = 0;
  for (;;) {
    const [ys, ms, ds] = monthsLater(offset);
    const periodStart = format(ys, ms, ds);
    if (periodStart > end) break;
    const months = monthsAt(periodStart);
    // Always from the policy's own start (never from the previous period's end).
    const [yn, mn, dn] = monthsLater(offset + months);
    const nominalEnd =
      dn > 1 ? format(yn, mn, dn - 1) : mn > 1 ? format(yn, mn - 1, daysInMonth(yn, mn - 1)) : format(yn - 1, 12, 31);
    if (nominalEnd <= end) {
      periods.push({ monthOffset: offset, months, start: periodStart, end: nominalEnd, full: true });
    } else {
      if (inclusiveDays(periodStart, end) >= HALF_PERIOD_DAYS[months]) {
        periods.push({ monthOffset: offset, months, start: periodStart, end, full: false });
      }
      break;
    }
    offset += months;
  }
  return periods;
}

/** Periods of a fixed length. */
export function fixedPeriods(start: IsoDate, end: IsoDate, months: PeriodMonths): Period[] {
  return policyPeriods(start, end, () => months);
}
