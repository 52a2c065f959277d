/**
 * Re-planning after a grade change or a cancellation (issue 9: "A grade change or cancellation
 * re-derives the future items and never deletes done ones"; docs/decisions/014-prevention-plan-periods.md).
 *
 * The service derives the plan again (derivePlan with the new grade history or the cancelled
 * status) and asks `replan` to reconcile it with the stored items on `effectiveDate` (the day
 * of the re-plan). Rules:
 * - done items are always kept — the record of a visit is never undone;
 * - open items already due before the effective date are kept: what was owed and missed stays
 *   visible as overdue, a change cannot rewrite the past;
 * - open items from the effective date on are kept when the new derivation has the very same
 *   item (service, window, due date, hazard, guidance), so their assignee and agreed date
 *   survive; otherwise they are cancelled (the caller marks them cancelled, never deletes them);
 * - derived items due from the effective date on that are not there yet are added, unless a
 *   kept item of the same code already covers part of their window (a visit done early);
 * - a derived item due before the effective date is added only when it replaces a cancelled
 *   one (a period cut by a backdated cancellation: it is owed and already overdue);
 * - sequences are renumbered 1…n per code in window order over the resulting plan.
 */
import type { IsoDate } from "./calendar-date";
import type { PlanItem, ServiceCode } from "./insurance-plan";

export type StoredItemState = "open" | "done" | "cancelled";
export type StoredPlanItem = PlanItem & { id: string; state: StoredItemState };

export type ReplanResult = {
  keep: StoredPlanItem[];
  add: PlanItem[];
  cancel: StoredPlanItem[];
  /** Kept items whose sequence changes. */
  renumber: Array<{ id: string; sequence: number }>;
};

function sameItem(a: PlanItem, b: PlanItem): boolean {
  return (
    a.service === b.service &&
    a.windowStart === b.windowStart &&
    a.dueDate === b.dueDate &&
    (a.hazardId ?? null) === (b.hazardId ?? null) &&
    (a.guidance?.channel ?? null) === (b.guidance?.channel ?? null) &&
    (a.guidance?.responseMinutes ?? null) === (b.guidance?.responseMinutes ?? null)
  );
}

/** Two items of one code cover the same ground: overlapping windows, or the same hazard. */
function covers(a: PlanItem, b: PlanItem): boolean {
  if (a.service !== b.service) return false;
  if (a.service === "rectification_assistance") return a.hazardId === b.hazardId;
  return a.windowStart <= b.dueDate && b.windowStart <= a.dueDate;
}

export function replan(
  existing: readonly StoredPlanItem[],
  derived: readonly PlanItem[],
  effectiveDate: IsoDate,
): ReplanResult {
  const keep: StoredPlanItem[] = [];
  const cancel: StoredPlanItem[] = [];
  const matched = new Set<PlanItem>();

  for (const item of existing) {
    if (item.state === "cancelled") continue;
    if (item.state === "done" || item.dueDate < effectiveDate) {
      keep.push(item);
      continue;
    }
    const twin = derived.find((d) => !matched.has(d) && sameItem(d, item));
    if (twin) {
      matched.add(twin);
      keep.push(item);
    } else {
      cancel.push(item);
    }
  }
  // Twins of frozen (done or past) items are not added again either.
  for (const d of derived) if (!matched.has(d) && keep.some((k) => sameItem(k, d))) matched.add(d);

  const add: PlanItem[] = [];
  for (const d of derived) {
    if (matched.has(d)) continue;
    if (keep.some((k) => covers(k, d)) || add.some((a) => covers(a, d))) continue;
    if (d.dueDate >= effectiveDate || cancel.some((c) => covers(c, d))) add.push({ ...d });
  }

  const renumber: ReplanResult["renumber"] = [];
  const byService = new Map<ServiceCode, Array<PlanItem | StoredPlanItem>>();
  for (const item of [...keep, ...add]) byService.set(item.service, [...(byService.get(item.service) ?? []), item]);
  for (const items of byService.values()) {
    items.sort(
      (a, b) =>
        cmp(a.windowStart, b.windowStart) || cmp(a.dueDate, b.dueDate) || cmp(a.hazardId ?? "", b.hazardId ?? ""),
    );
    items.forEach((item, i) => {
      const sequence = i + 1;
      if ("id" in item) {
        if (item.sequence !== sequence) renumber.push({ id: item.id, sequence });
      } else {
        item.sequence = sequence;
      }
    });
  }
  return { keep, add, cancel, renumber };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
