/**
 * Credit repair (信用修复): a party on a black list that has corrected everything applies, and the
 * bureau must decide within 3 working days (Qingdao: "接到企业信用修复申请后，3个工作日内完成信息核实，
 * 并反馈企业"; domain.md "Credit lists": "the bureau decides within 3 working days").
 *
 * The deadline rule, precisely:
 * - The application instant is read as a calendar date in Asia/Shanghai (China has one zone, no DST).
 * - The application day itself never counts (民法典 第二百零一条: a period counted in days starts the
 *   next day); day 1 is the first working day after it. So an application on a Saturday, a holiday
 *   or a working day at 23:59 all start counting on the next working day.
 * - The deadline is the 3rd such working day, and the bureau has until its end (24:00 Shanghai,
 *   i.e. the next day's 00:00) — `deadlineEndsAt`.
 * Requests for more information do not stop the clock: the policy gives no pause, and the
 * applicant has already had to correct everything before applying.
 *
 * The application's own states are a small machine in the shape of engagement-machine.ts.
 */
import { addDays, type IsoDate } from "./calendar-date";
import { isInForce, type CreditListEntry } from "./credit-lists";
import { DomainError } from "./errors";
import { shanghaiDateString } from "./format";
import { addWorkingDays, workingDaysBetween } from "./working-days";

export const REPAIR_DECISION_WORKING_DAYS = 3;

// ---------------------------------------------------------------- the machine

export const REPAIR_STATES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type RepairState = (typeof REPAIR_STATES)[number];
export type RepairActor = "applicant" | "bureau";

type Edge = { to: RepairState; actors: readonly RepairActor[]; needsReason?: true };

/** state → event → edge; anything else is illegal. Every decision is final: a new application starts a new history. */
export const REPAIR_GRAPH = {
  pending: {
    approve: { to: "approved", actors: ["bureau"] },
    reject: { to: "rejected", actors: ["bureau"], needsReason: true },
    withdraw: { to: "withdrawn", actors: ["applicant"] },
  },
  approved: {},
  rejected: {},
  withdrawn: {},
} as const satisfies Record<RepairState, Record<string, Edge>>;

export type RepairEvent = { [S in keyof typeof REPAIR_GRAPH]: keyof (typeof REPAIR_GRAPH)[S] }[RepairState] & string;

export type RepairTransition =
  { ok: true; to: RepairState; needsReason: boolean } | { ok: false; code: "illegal_transition" | "actor_not_allowed" };

export function repairTransition(state: RepairState, event: string, actor: RepairActor): RepairTransition {
  const events = REPAIR_GRAPH[state] as Record<string, Edge>;
  const edge = Object.prototype.hasOwnProperty.call(events, event) ? events[event] : undefined;
  if (!edge) return { ok: false, code: "illegal_transition" };
  if (!edge.actors.includes(actor)) return { ok: false, code: "actor_not_allowed" };
  return { ok: true, to: edge.to, needsReason: Boolean(edge.needsReason) };
}

// ---------------------------------------------------------------- who may apply

export type RepairRefusal = "not_listed" | "not_black_list" | "listing_not_in_force" | "repair_pending";

/**
 * Only a black-list entry in force is repaired (a red list is not a sanction). One pending
 * application per entry: a second one would only restart the bureau's clock.
 */
export function repairRefusal(input: {
  entry: Pick<CreditListEntry, "list" | "startsOn" | "endsOn" | "revokedOn"> | null;
  hasPendingApplication: boolean;
  today: IsoDate;
}): RepairRefusal | null {
  const { entry, today } = input;
  if (!entry) return "not_listed";
  if (entry.list !== "black") return "not_black_list";
  if (!isInForce(entry, today)) return "listing_not_in_force";
  if (input.hasPendingApplication) return "repair_pending";
  return null;
}

// ---------------------------------------------------------------- deadline, reminders, breach

/** The last calendar date on which the bureau may decide. Throws date_outside_working_calendar past the data. */
export function repairDecisionDeadline(appliedAt: Date): IsoDate {
  return addWorkingDays(shanghaiDateString(appliedAt), REPAIR_DECISION_WORKING_DAYS);
}

/** The instant the deadline day ends: 24:00 Asia/Shanghai (UTC+8, no DST) of `deadline`. */
export function deadlineEndsAt(deadline: IsoDate): Date {
  return new Date(`${addDays(deadline, 1)}T00:00:00+08:00`);
}

export type ReminderKind = "one_working_day_left" | "due_today";

/**
 * When the bureau's reviewers are reminded: on the working day before the deadline and on the
 * deadline itself (both working days by construction). The service sends each kind once.
 */
export function repairReminderSchedule(appliedAt: Date): Array<{ kind: ReminderKind; on: IsoDate }> {
  const applied = shanghaiDateString(appliedAt);
  const schedule: Array<{ kind: ReminderKind; on: IsoDate | null }> = [
    {
      kind: "one_working_day_left",
      on: withinCalendar(() => addWorkingDays(applied, REPAIR_DECISION_WORKING_DAYS - 1)),
    },
    { kind: "due_today", on: withinCalendar(() => addWorkingDays(applied, REPAIR_DECISION_WORKING_DAYS)) },
  ];
  // A reminder whose day falls in a year without a holiday notice yet is left out, not guessed.
  return schedule.filter((r): r is { kind: ReminderKind; on: IsoDate } => r.on !== null);
}

/**
 * The value, or null when it needs a year the working-day calendar does not cover yet: a
 * dashboard listing every pending repair must not fail on one applied in late December.
 */
function withinCalendar<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof DomainError && error.code === "date_outside_working_calendar") return null;
    throw error;
  }
}

/** Reminders whose day has come (or passed, for a job that was down) and that were not sent yet. */
export function dueRepairReminders(input: {
  appliedAt: Date;
  decided: boolean;
  now: Date;
  alreadySent: readonly ReminderKind[];
}): ReminderKind[] {
  if (input.decided) return [];
  const today = shanghaiDateString(input.now);
  const due = repairReminderSchedule(input.appliedAt).filter(
    (r) => r.on <= today && !input.alreadySent.includes(r.kind),
  );
  // After the deadline day a missed "one day left" is no longer true: only the latest applies.
  return due.length > 1 ? [due.at(-1)!.kind] : due.map((r) => r.kind);
}

export type RepairClock =
  | { state: "open"; deadline: IsoDate; endsAt: Date; workingDaysLeft: number }
  /** workingDaysLate: null when today lies in a year the calendar does not cover yet. */
  | { state: "breached"; deadline: IsoDate; endsAt: Date; workingDaysLate: number | null }
  | { state: "decided_on_time" | "decided_late"; deadline: IsoDate; endsAt: Date }
  /** The deadline falls in a year whose holiday notice is not in the data yet: show it as pending, flag nothing. */
  | { state: "calendar_pending"; decided: boolean };

/**
 * Where an application stands against its deadline at `now`. workingDaysLeft counts the working
 * days after today up to the deadline (0 = decide today; the deadline day is always a working day).
 * A breach is flagged on the bureau's dashboard; a late decision stays recorded as late.
 */
export function repairClock(input: { appliedAt: Date; decidedAt: Date | null; now: Date }): RepairClock {
  const deadline = withinCalendar(() => repairDecisionDeadline(input.appliedAt));
  if (deadline === null) return { state: "calendar_pending", decided: input.decidedAt !== null };
  const endsAt = deadlineEndsAt(deadline);
  if (input.decidedAt) {
    return { state: input.decidedAt < endsAt ? "decided_on_time" : "decided_late", deadline, endsAt };
  }
  const today = shanghaiDateString(input.now);
  if (input.now < endsAt) {
    const left = today <= deadline ? workingDaysBetween(today, deadline) : 0;
    return { state: "open", deadline, endsAt, workingDaysLeft: left };
  }
  // Working days since the deadline; at least 1, also on the weekend right after it.
  const since = withinCalendar(() => workingDaysBetween(deadline, today));
  const late = since === null ? null : Math.max(1, since);
  return { state: "breached", deadline, endsAt, workingDaysLate: late };
}
