/**
 * Mutual-aid rotation (协作互助 互查轮换), domain.md "Mutual-aid groups" and issue 8: for a
 * cycle, every member is inspected by another member's technical staff.
 *
 * Guarantees (each checked by a property test over groups of 2–50 members and many seeds):
 * - nobody inspects itself, and only members with named staff inspect;
 * - every member is inspected exactly once — except a member that no other member can inspect
 *   (it is the only one with staff), which is reported as a warning instead of breaking a rule;
 * - no inspector has more than ⌈n/m⌉ inspections (n = members inspected, m = members with staff);
 * - no pair (inspector → inspected) of the previous cycle is repeated whenever a plan without
 *   repeats exists within those loads; repeats that cannot be avoided are listed as warnings;
 * - the plan depends only on the seed and the sets of ids (not their order), so a recorded seed
 *   reproduces it.
 *
 * Algorithm: a maximum b-matching by augmenting paths (Kuhn's algorithm with capacities).
 * Members and inspectors are put in a seeded random order, so a different seed gives a
 * different but equally valid plan. Capacities are raised one level at a time (1, 2, … ⌈n/m⌉)
 * so loads stay as even as the matching allows; the first pass uses only pairs that were not in
 * the previous cycle, and a second pass allows repeats only for members still unassigned.
 * Because each pass is a maximum matching, the first pass finds a repeat-free plan if one exists.
 */
import { seededRandom, shuffled } from "./seeded-random";

export type RotationMember = { id: string; hasStaff: boolean };
export type RotationPair = { inspectorId: string; inspectedId: string };

export type RotationWarning =
  | { code: "no_other_inspector"; memberId: string }
  | { code: "repeated_pair"; inspectorId: string; inspectedId: string };

export type RotationPlan = {
  seed: string;
  /** Sorted by inspected member id. */
  pairs: RotationPair[];
  /** The most inspections any inspector may get: ⌈n/m⌉. */
  maxLoad: number;
  warnings: RotationWarning[];
};

export type RotationErrorCode = "too_few_members" | "duplicate_member" | "no_staff" | "nothing_to_inspect";
export type RotationResult = { ok: true; plan: RotationPlan } | { ok: false; code: RotationErrorCode };

const pairKey = (inspectorId: string, inspectedId: string) => `${inspectorId}\u0000${inspectedId}`;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Assigns each inspectee one inspector (≠ itself), at most `maxLoad` each. `inspectees` and
 * `inspectors` are already in the random order; `avoid` holds pairs to use only if unavoidable.
 */
function assign(inspectees: string[], inspectors: string[], maxLoad: number, avoid: Set<string>): Map<string, string> {
  const inspectorOf = new Map<string, string>();
  const assigned = new Map<string, string[]>(inspectors.map((i) => [i, []]));

  const tryAssign = (inspectee: string, cap: number, allowAvoided: boolean, seen: Set<string>): boolean => {
    for (const inspector of inspectors) {
      if (inspector === inspectee || seen.has(inspector)) continue;
      if (!allowAvoided && avoid.has(pairKey(inspector, inspectee))) continue;
      seen.add(inspector);
      const load = assigned.get(inspector)!;
      if (load.length < cap) {
        load.push(inspectee);
        inspectorOf.set(inspectee, inspector);
        return true;
      }
      // Full: try to move one of its inspectees elsewhere (an augmenting path).
      for (let k = 0; k < load.length; k++) {
        const other = load[k]!;
        if (tryAssign(other, cap, allowAvoided, seen)) {
          load[k] = inspectee;
          inspectorOf.set(inspectee, inspector);
          return true;
        }
      }
    }
    return false;
  };

  for (const allowAvoided of [false, true]) {
    for (let cap = allowAvoided ? maxLoad : 1; cap <= maxLoad; cap++) {
      for (const inspectee of inspectees) {
        if (!inspectorOf.has(inspectee)) tryAssign(inspectee, cap, allowAvoided, new Set());
      }
    }
  }
  return inspectorOf;
}

function plan(
  inspecteeIds: string[],
  inspectorIds: string[],
  previousPairs: readonly RotationPair[],
  seed: string,
): RotationPlan {
  const random = seededRandom(seed);
  // Sort first so that only the sets matter, then shuffle with the seed.
  const inspectors = shuffled([...inspectorIds].sort(byId), random);
  const inspectees = shuffled([...inspecteeIds].sort(byId), random);
  const warnings: RotationWarning[] = [];
  const inspectable = inspectees.filter((id) => inspectors.some((i) => i !== id));
  for (const id of [...inspecteeIds].sort(byId)) {
    if (!inspectable.includes(id)) warnings.push({ code: "no_other_inspector", memberId: id });
  }
  const maxLoad = inspectors.length === 0 ? 0 : Math.ceil(inspectable.length / inspectors.length);
  const avoid = new Set(previousPairs.map((p) => pairKey(p.inspectorId, p.inspectedId)));
  const inspectorOf = assign(inspectable, inspectors, maxLoad, avoid);
  const pairs = [...inspectorOf]
    .map(([inspectedId, inspectorId]) => ({ inspectorId, inspectedId }))
    .sort((a, b) => byId(a.inspectedId, b.inspectedId));
  for (const p of pairs) {
    if (avoid.has(pairKey(p.inspectorId, p.inspectedId))) warnings.push({ code: "repeated_pair", ...p });
  }
  return { seed, pairs, maxLoad, warnings };
}

function hasDuplicates(ids: string[]): boolean {
  return new Set(ids).size !== ids.length;
}

/** One cycle inside a group: every member inspected by another member's staff. */
export function planGroupCycle(input: {
  members: readonly RotationMember[];
  previousPairs?: readonly RotationPair[];
  seed: string;
}): RotationResult {
  const ids = input.members.map((m) => m.id);
  if (ids.length < 2) return { ok: false, code: "too_few_members" };
  if (hasDuplicates(ids)) return { ok: false, code: "duplicate_member" };
  const inspectors = input.members.filter((m) => m.hasStaff).map((m) => m.id);
  if (inspectors.length === 0) return { ok: false, code: "no_staff" };
  return { ok: true, plan: plan(ids, inspectors, input.previousPairs ?? [], input.seed) };
}

/**
 * An inter-group round: the staff of `inspectingGroup` inspect the members of `inspectedGroup`.
 * An enterprise in both groups is never assigned to itself.
 */
export function planInterGroupRound(input: {
  inspectingGroup: readonly RotationMember[];
  inspectedGroup: readonly RotationMember[];
  previousPairs?: readonly RotationPair[];
  seed: string;
}): RotationResult {
  const inspectedIds = input.inspectedGroup.map((m) => m.id);
  const inspectingIds = input.inspectingGroup.map((m) => m.id);
  if (hasDuplicates(inspectedIds) || hasDuplicates(inspectingIds)) return { ok: false, code: "duplicate_member" };
  if (inspectedIds.length === 0) return { ok: false, code: "nothing_to_inspect" };
  const inspectors = input.inspectingGroup.filter((m) => m.hasStaff).map((m) => m.id);
  if (inspectors.length === 0) return { ok: false, code: "no_staff" };
  return { ok: true, plan: plan(inspectedIds, inspectors, input.previousPairs ?? [], input.seed) };
}

/** Inspections per inspector in a plan (the group dashboard shows it). */
export function loadsOf(pairs: readonly RotationPair[]): Map<string, number> {
  const loads = new Map<string, number>();
  for (const p of pairs) loads.set(p.inspectorId, (loads.get(p.inspectorId) ?? 0) + 1);
  return loads;
}
