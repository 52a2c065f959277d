/**
 * Chinese working days (工作日): Monday to Friday, except public holidays (法定节假日放假), plus the
 * weekend days the State Council turns into working days (调休上班). Deadlines counted "within N
 * working days" — the bureau's 3 working days to decide a credit repair (信用修复, Qingdao: "接到企业
 * 信用修复申请后，3个工作日内完成信息核实") — are counted with this calendar.
 *
 * The calendar is data (data/china-working-calendar.ts, generated from the chinese-days package by
 * scripts/build-working-calendar.mjs, see docs/decisions/015-subsidy-and-credit-rules.md). A date in
 * a year the data does not cover is refused with `date_outside_working_calendar`: guessing "plain
 * weekends" for a year whose notice is missing would silently put deadlines on Spring Festival.
 *
 * Counting follows 民法典 第二百零一条 (a period counted in days starts the next day): N working
 * days after D is the N-th working day strictly after D, whatever kind of day D itself is.
 */
import { addDays, isoWeekday, parseIsoDate, type IsoDate } from "./calendar-date";
import { WORKING_CALENDAR, WORKING_CALENDAR_SOURCE } from "./data/china-working-calendar";
import { DomainError } from "./errors";

export type DayKind = "workday" | "weekend" | "holiday" | "adjusted_workday";

const holidays = new Map<string, { zh: string; en: string }>();
const adjustedWorkdays = new Map<string, { zh: string; en: string }>();
for (const year of WORKING_CALENDAR) {
  for (const [date, zh, en] of year.holidays) holidays.set(date, { zh, en });
  for (const [date, zh, en] of year.workdays) adjustedWorkdays.set(date, { zh, en });
}

/** The years the calendar knows, ascending. */
export const WORKING_CALENDAR_YEARS: readonly number[] = WORKING_CALENDAR.map((y) => y.year).sort((a, b) => a - b);
export { WORKING_CALENDAR_SOURCE };
const covered = new Set(WORKING_CALENDAR_YEARS);

/** Longest run of non-working days plus slack: a loop looking for a working day stops long before. */
const MAX_NON_WORKING_RUN = 30;

function checkDate(date: IsoDate): void {
  if (parseIsoDate(date) === null) throw new DomainError("invalid_date", `not a calendar date: ${date}`, { date });
  const year = Number(date.slice(0, 4));
  if (!covered.has(year)) {
    throw new DomainError(
      "date_outside_working_calendar",
      `${date} is outside the working-day calendar (${WORKING_CALENDAR_YEARS.join(", ")}; ${WORKING_CALENDAR_SOURCE})`,
      { date, firstYear: WORKING_CALENDAR_YEARS[0] ?? 0, lastYear: WORKING_CALENDAR_YEARS.at(-1) ?? 0 },
    );
  }
}

/** Whether the calendar covers `date`'s year (no throw): lets a service degrade gracefully. */
export function isInWorkingCalendar(date: IsoDate): boolean {
  return parseIsoDate(date) !== null && covered.has(Number(date.slice(0, 4)));
}

export function dayKind(date: IsoDate): DayKind {
  checkDate(date);
  if (holidays.has(date)) return "holiday";
  if (adjustedWorkdays.has(date)) return "adjusted_workday";
  return isoWeekday(date) >= 6 ? "weekend" : "workday";
}

export function isWorkingDay(date: IsoDate): boolean {
  const kind = dayKind(date);
  return kind === "workday" || kind === "adjusted_workday";
}

/** The festival a holiday or an adjusted working day belongs to ("春节" / "Spring Festival"), else null. */
export function festivalOf(date: IsoDate): { zh: string; en: string } | null {
  checkDate(date);
  return holidays.get(date) ?? adjustedWorkdays.get(date) ?? null;
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
  let day = date;
  for (let i = 0; i <= MAX_NON_WORKING_RUN; i++) {
    if (isWorkingDay(day)) return day;
    day = addDays(day, 1);
  }
  throw new DomainError("working_calendar_gap", `no working day within ${MAX_NON_WORKING_RUN} days of ${date}`, {
    date,
  });
}

/**
 * The `n`-th working day strictly after `date` (n ≥ 0; 0 gives `date` back). Saturday + 1 is the
 * next Monday; Friday + 1 is Monday too. Throws `date_outside_working_calendar` when the count
 * runs into a year the calendar does not cover.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0)
    throw new DomainError("invalid_working_day_count", `n must be a whole number ≥ 0, got ${n}`, { n });
  checkDate(date);
  let day = date;
  for (let left = n; left > 0; left--) day = nextWorkingDayOnOrAfter(addDays(day, 1));
  return day;
}

/**
 * Working days d with from < d ≤ to: the inverse of addWorkingDays (addWorkingDays(from, k) = to
 * ⇒ workingDaysBetween(from, to) = k). Negative when `to` is before `from`; 0 when equal.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  checkDate(from);
  checkDate(to);
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}
