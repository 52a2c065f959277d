/**
 * Progress of a mutual-aid cycle (domain.md "Mutual-aid groups", decision 020): an assignment
 * is done when its inspection is recorded, overdue when the cycle has ended without one, and
 * otherwise open (or upcoming before the cycle starts). Pure: the caller passes `today`.
 */
import { compareIsoDates, type IsoDate } from "./calendar-date";

export const ASSIGNMENT_STATUSES = ["done", "overdue", "open", "upcoming"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export function assignmentStatus(
  assignment: { inspectionId: string | null },
  cycle: { startsOn: IsoDate; endsOn: IsoDate },
  today: IsoDate,
): AssignmentStatus {
  if (assignment.inspectionId) return "done";
  if (compareIsoDates(today, cycle.endsOn) > 0) return "overdue";
  if (compareIsoDates(today, cycle.startsOn) < 0) return "upcoming";
  return "open";
}

export type CycleProgress = { done: number; overdue: number; open: number; total: number };

export function cycleProgress(statuses: readonly AssignmentStatus[]): CycleProgress {
  const done = statuses.filter((s) => s === "done").length;
  const overdue = statuses.filter((s) => s === "overdue").length;
  return { done, overdue, open: statuses.length - done - overdue, total: statuses.length };
}

/**
 * A cycle may be planned again only while nothing of it is done and it has not ended: a done
 * inspection is a record that a new plan must not orphan (decision 020).
 */
export function mayReplan(
  cycle: { endsOn: IsoDate },
  assignments: readonly { inspectionId: string | null }[],
  today: IsoDate,
): { ok: true } | { ok: false; reason: "inspection_done" | "cycle_ended" } {
  if (assignments.some((a) => a.inspectionId)) return { ok: false, reason: "inspection_done" };
  if (compareIsoDates(today, cycle.endsOn) > 0) return { ok: false, reason: "cycle_ended" };
  return { ok: true };
}

/** Two date ranges (inclusive) share at least one day. */
export function rangesOverlap(a: { startsOn: IsoDate; endsOn: IsoDate }, b: { startsOn: IsoDate; endsOn: IsoDate }) {
  return compareIsoDates(a.startsOn, b.endsOn) <= 0 && compareIsoDates(b.startsOn, a.endsOn) <= 0;
}
