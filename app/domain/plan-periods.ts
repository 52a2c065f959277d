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
import { addDays, addMonthsClamped, daysBetween, type IsoDate } from "./calendar-date";

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

/** Inclusive length in days of [from, to]. */
export function inclusiveDays(from: IsoDate, to: IsoDate): number {
  return daysBetween(from, to) + 1;
}

/**
 * The periods of a policy running `start`…`end` (inclusive). `monthsAt(periodStart)` gives
 * the length of the period starting there. Periods ending after `end` are cut; a cut period
 * shorter than HALF_PERIOD_DAYS is dropped (and, being the last one, ends the list).
 */
export function policyPeriods(start: IsoDate, end: IsoDate, monthsAt: (periodStart: IsoDate) => PeriodMonths): Period[] {
  const periods: Period[] = [];
  let offset = 0;
  for (;;) {
    const periodStart = addMonthsClamped(start, offset);
    if (periodStart > end) break;
    const months = monthsAt(periodStart);
    // Always from the policy's own start (never from the previous period's end).
    const nominalEnd = addDays(addMonthsClamped(start, offset + months), -1);
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
