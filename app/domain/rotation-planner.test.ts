import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom, shuffled } from "./seeded-random";
import {
  loadsOf,
  planGroupCycle,
  planInterGroupRound,
  type RotationMember,
  type RotationPair,
  type RotationPlan,
} from "./rotation-planner";

/** Groups of 2–50 members (issue 8), each with or without named technical staff. */
const group = (minStaff = 0) =>
  fc
    .integer({ min: 2, max: 50 })
    .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.boolean(), { minLength: n, maxLength: n })))
    .map(([n, staff]) =>
      Array.from({ length: n }, (_, i): RotationMember => ({
        id: `m${String(i).padStart(2, "0")}`,
        hasStaff: staff[i]!,
      })),
    )
    .filter((members) => members.filter((m) => m.hasStaff).length >= minStaff);
const seed = fc.string({ minLength: 1, maxLength: 12 });

function unwrap(result: ReturnType<typeof planGroupCycle>): RotationPlan {
  if (!result.ok) throw new Error(`no plan: ${result.code}`);
  return result.plan;
}

/** The guarantees of domain.md "Mutual-aid groups" / issue 8, checked on any plan. */
function checkGuarantees(members: RotationMember[], plan: RotationPlan, inspectorPool: RotationMember[] = members) {
  const staffed = new Set(inspectorPool.filter((m) => m.hasStaff).map((m) => m.id));
  const uninspectable = plan.warnings
    .filter((w) => w.code === "no_other_inspector")
    .map((w) => w.code === "no_other_inspector" && w.memberId);
  for (const p of plan.pairs) {
    expect(p.inspectorId).not.toBe(p.inspectedId); // nobody inspects itself
    expect(staffed.has(p.inspectorId)).toBe(true); // only members with staff inspect
  }
  // Every member inspected exactly once, unless no other member can inspect it.
  const inspected = plan.pairs.map((p) => p.inspectedId).sort();
  expect(inspected).toEqual(
    members
      .map((m) => m.id)
      .filter((id) => !uninspectable.includes(id))
      .sort(),
  );
  // A member is uninspectable only when it is the sole member with staff.
  for (const id of uninspectable) expect([...staffed]).toEqual([id]);
  // Loads ≤ ⌈n/m⌉.
  const bound = Math.ceil(inspected.length / staffed.size);
  expect(plan.maxLoad).toBe(bound);
  for (const load of loadsOf(plan.pairs).values()) expect(load).toBeLessThanOrEqual(bound);
}

describe("rotation planner: guarantees over groups of 2–50 and seeds (property tests)", () => {
  it("nobody inspects itself, everyone inspected once, loads ≤ ⌈n/m⌉", () => {
    fc.assert(
      fc.property(group(1), seed, (members, s) =>
        checkGuarantees(members, unwrap(planGroupCycle({ members, seed: s }))),
      ),
      { numRuns: 300 },
    );
  });

  it("odd group sizes with everyone staffed: each member inspects exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), seed, (k, s) => {
        const members = Array.from({ length: 2 * k + 1 }, (_, i) => ({ id: `e${i}`, hasStaff: true }));
        const plan = unwrap(planGroupCycle({ members, seed: s }));
        checkGuarantees(members, plan);
        expect([...loadsOf(plan.pairs).values()].every((l) => l === 1)).toBe(true);
      }),
    );
  });

  it("is reproducible from the seed, whatever the order the members come in", () => {
    fc.assert(
      fc.property(group(1), seed, fc.string(), (members, s, shuffleSeed) => {
        const again = shuffled(members, seededRandom(shuffleSeed));
        expect(planGroupCycle({ members: again, seed: s })).toEqual(planGroupCycle({ members, seed: s }));
      }),
    );
  });

  it("the next cycle repeats no pair when everyone has staff and the group has 3 or more", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 50 }), seed, seed, (n, s1, s2) => {
        const members = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, hasStaff: true }));
        const first = unwrap(planGroupCycle({ members, seed: s1 }));
        const second = unwrap(planGroupCycle({ members, previousPairs: first.pairs, seed: s2 }));
        checkGuarantees(members, second);
        const before = new Set(first.pairs.map((p) => `${p.inspectorId}>${p.inspectedId}`));
        expect(second.pairs.filter((p) => before.has(`${p.inspectorId}>${p.inspectedId}`))).toEqual([]);
        expect(second.warnings).toEqual([]);
      }),
    );
  });

  it("repeats a pair only when no repeat-free plan exists (checked by exhaustive search up to 6 members)", () => {
    fc.assert(
      fc.property(
        group(2).filter((m) => m.length <= 6),
        seed,
        seed,
        (members, s1, s2) => {
          const first = unwrap(planGroupCycle({ members, seed: s1 }));
          const second = unwrap(planGroupCycle({ members, previousPairs: first.pairs, seed: s2 }));
          checkGuarantees(members, second);
          const repeats = second.warnings.filter((w) => w.code === "repeated_pair");
          expect(repeats.length === 0).toBe(repeatFreePlanExists(members, first.pairs, second.maxLoad));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Exhaustive search, independent of the planner: is there a full plan within `maxLoad` avoiding `previous`? */
function repeatFreePlanExists(members: RotationMember[], previous: RotationPair[], maxLoad: number): boolean {
  const staffed = members.filter((m) => m.hasStaff).map((m) => m.id);
  const banned = new Set(previous.map((p) => `${p.inspectorId}>${p.inspectedId}`));
  const targets = members.map((m) => m.id).filter((id) => staffed.some((s) => s !== id));
  const load = new Map(staffed.map((s) => [s, 0]));
  const go = (i: number): boolean => {
    if (i === targets.length) return true;
    const t = targets[i]!;
    for (const s of staffed) {
      if (s === t || banned.has(`${s}>${t}`) || load.get(s)! >= maxLoad) continue;
      load.set(s, load.get(s)! + 1);
      if (go(i + 1)) return true;
      load.set(s, load.get(s)! - 1);
    }
    return false;
  };
  return go(0);
}

describe("rotation planner: impossible and edge cases", () => {
  it("two members swap", () => {
    const plan = unwrap(
      planGroupCycle({
        members: [
          { id: "a", hasStaff: true },
          { id: "b", hasStaff: true },
        ],
        seed: "s",
      }),
    );
    expect(plan.pairs).toEqual([
      { inspectorId: "b", inspectedId: "a" },
      { inspectorId: "a", inspectedId: "b" },
    ]);
  });
  it("two members, second cycle: the only plan repeats, and says so", () => {
    const members = [
      { id: "a", hasStaff: true },
      { id: "b", hasStaff: true },
    ];
    const first = unwrap(planGroupCycle({ members, seed: "s" }));
    const second = unwrap(planGroupCycle({ members, previousPairs: first.pairs, seed: "t" }));
    expect(second.pairs).toEqual(first.pairs);
    expect(second.warnings.map((w) => w.code)).toEqual(["repeated_pair", "repeated_pair"]);
  });
  it("only one member has staff: it inspects all others and cannot itself be inspected (a warning, not a self-inspection)", () => {
    const members = [
      { id: "a", hasStaff: false },
      { id: "b", hasStaff: true },
      { id: "c", hasStaff: false },
    ];
    const plan = unwrap(planGroupCycle({ members, seed: "x" }));
    expect(plan.pairs).toEqual([
      { inspectorId: "b", inspectedId: "a" },
      { inspectorId: "b", inspectedId: "c" },
    ]);
    expect(plan.warnings).toEqual([{ code: "no_other_inspector", memberId: "b" }]);
    expect(plan.maxLoad).toBe(2);
  });
  it("refuses groups it cannot plan", () => {
    expect(planGroupCycle({ members: [{ id: "a", hasStaff: true }], seed: "s" })).toEqual({
      ok: false,
      code: "too_few_members",
    });
    expect(
      planGroupCycle({
        members: [
          { id: "a", hasStaff: false },
          { id: "b", hasStaff: false },
        ],
        seed: "s",
      }),
    ).toEqual({
      ok: false,
      code: "no_staff",
    });
    expect(
      planGroupCycle({
        members: [
          { id: "a", hasStaff: true },
          { id: "a", hasStaff: true },
        ],
        seed: "s",
      }),
    ).toEqual({
      ok: false,
      code: "duplicate_member",
    });
  });
  it("different seeds give different plans for a group of 10", () => {
    const members = Array.from({ length: 10 }, (_, i) => ({ id: `e${i}`, hasStaff: true }));
    const plans = new Set(
      ["a", "b", "c", "d"].map((s) => JSON.stringify(unwrap(planGroupCycle({ members, seed: s })).pairs)),
    );
    expect(plans.size).toBeGreaterThan(1);
  });
});

describe("inter-group rounds: one group's staff inspect another group's members", () => {
  const interGroups = fc
    .tuple(group(1), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 5 }))
    .map(([inspecting, size, shared]) => ({
      inspecting,
      // The inspected group may share a few enterprises with the inspecting group.
      inspected: [
        ...inspecting.slice(0, Math.min(shared, inspecting.length)),
        ...Array.from({ length: size }, (_, i) => ({ id: `o${i}`, hasStaff: i % 2 === 0 })),
      ],
    }));
  it("every member of the other group is inspected by a staffed member of this one, within the load bound", () => {
    fc.assert(
      fc.property(interGroups, seed, ({ inspecting, inspected }, s) => {
        const result = planInterGroupRound({ inspectingGroup: inspecting, inspectedGroup: inspected, seed: s });
        checkGuarantees(inspected, unwrap(result), inspecting);
      }),
      { numRuns: 200 },
    );
  });
  it("is reproducible from the seed whatever order either group comes in (a recorded round can be replayed)", () => {
    fc.assert(
      fc.property(interGroups, seed, fc.string(), ({ inspecting, inspected }, s, shuffleSeed) => {
        const random = seededRandom(shuffleSeed);
        const again = planInterGroupRound({
          inspectingGroup: shuffled(inspecting, random),
          inspectedGroup: shuffled(inspected, random),
          seed: s,
        });
        expect(again).toEqual(planInterGroupRound({ inspectingGroup: inspecting, inspectedGroup: inspected, seed: s }));
      }),
      { numRuns: 100 },
    );
  });
  it("refuses a round without staff or without members to inspect", () => {
    const none = [{ id: "a", hasStaff: false }];
    expect(
      planInterGroupRound({ inspectingGroup: none, inspectedGroup: [{ id: "x", hasStaff: true }], seed: "s" }),
    ).toEqual({
      ok: false,
      code: "no_staff",
    });
    expect(
      planInterGroupRound({ inspectingGroup: [{ id: "a", hasStaff: true }], inspectedGroup: [], seed: "s" }),
    ).toEqual({
      ok: false,
      code: "nothing_to_inspect",
    });
  });
});
