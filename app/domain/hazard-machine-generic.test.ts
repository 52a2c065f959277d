import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chooseHazardRole,
  HAZARD_ACTORS,
  HAZARD_EVENTS,
  HAZARD_GRADES,
  HAZARD_MACHINE,
  HAZARD_STATES,
  hazardRefusalStatus,
  hazardTransition,
  type HazardActor,
  type HazardState,
} from "./hazard-machine";
import { eventsOf, step } from "./machine";

/**
 * The hazard loop in the generic form the one executor runs (app/domain/machine.ts,
 * docs/decisions/019-hazard-lifecycle.md): HAZARD_MACHINE decides state, event and role;
 * hazardTransition adds the rules the generic machine has no words for (decision 013: major →
 * bureau only, general only, evidence, note). Together they must give exactly the answers of
 * hazardTransition alone, which hazard-machine.test.ts checks against the hand-written loop.
 */

const combos = HAZARD_STATES.flatMap((state) =>
  [...HAZARD_EVENTS, "explode", "constructor"].flatMap((event) =>
    HAZARD_ACTORS.flatMap((actor) => HAZARD_GRADES.map((grade) => [state, event, actor, grade] as const)),
  ),
);

describe("HAZARD_MACHINE is HAZARD_GRAPH in the executor's shape", () => {
  it("has the same events", () => {
    expect(eventsOf(HAZARD_MACHINE).sort()).toEqual([...HAZARD_EVENTS].sort());
  });

  it.each(combos)("%s + %s by %s (%s): machine then rules = hazardTransition", (state, event, actor, grade) => {
    const input = { grade, evidenceCount: 1, note: "复查意见" };
    const direct = hazardTransition(state, event, actor, input);
    const generic = step(HAZARD_MACHINE, state, event, actor);
    if (!generic.ok) {
      // The executor refuses first, with the same code the rules would give.
      expect(direct).toEqual({ ok: false, code: generic.code });
      return;
    }
    // The machine let it through: the rules in `prepare` decide, and agree on the target.
    expect(direct.ok ? direct.to : generic.to).toBe(generic.to);
    if (!direct.ok) expect(["major_needs_bureau", "general_only"]).toContain(direct.code);
  });

  it("closing stamps closedAt and goes to the audit log; no other step does", () => {
    for (const state of HAZARD_STATES) {
      for (const [event, edge] of Object.entries(HAZARD_MACHINE.graph[state])) {
        const closing = edge.to === "closed";
        expect({ event, stamps: edge.stamps ?? [], audit: Boolean(edge.audit) }).toEqual({
          event,
          stamps: closing ? ["closedAt"] : [],
          audit: closing,
        });
      }
    }
  });

  it("a missing file or note is the form's fault (422), the rest the state's (409)", () => {
    expect(hazardRefusalStatus("evidence_required")).toBe(422);
    expect(hazardRefusalStatus("note_required")).toBe(422);
    for (const code of ["illegal_transition", "actor_not_allowed", "major_needs_bureau", "general_only"] as const) {
      expect(hazardRefusalStatus(code)).toBe(409);
    }
  });
});

describe("chooseHazardRole: an organisation holding several roles fires with one the rules allow", () => {
  it("a self-checking enterprise verifies as the finder", () => {
    const got = chooseHazardRole("rectified", "verify", ["enterprise", "finder"], { grade: "general", note: "ok" });
    expect(got).toEqual({ role: "finder", result: { ok: true, to: "verified" } });
  });

  it("a finder closing a major hazard is told why (major_needs_bureau), not just 'not allowed'", () => {
    const got = chooseHazardRole("verified", "close", ["enterprise", "finder"], { grade: "major" });
    expect(got?.result).toEqual({ ok: false, code: "major_needs_bureau" });
  });

  it("no role at all → null (the service answers 409 actor_not_allowed)", () => {
    expect(chooseHazardRole("open", "start_rectification", [], { grade: "general" })).toBeNull();
  });

  it("property: it finds an allowed role whenever one exists, and only then says ok", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HAZARD_STATES),
        fc.constantFrom(...HAZARD_EVENTS),
        fc.subarray([...HAZARD_ACTORS] as HazardActor[]),
        fc.constantFrom(...HAZARD_GRADES),
        fc.nat(2),
        fc.option(fc.string(), { nil: null }),
        (state, event, roles, grade, evidenceCount, note) => {
          const input = { grade, evidenceCount, note };
          const got = chooseHazardRole(state, event, roles, input);
          const anyOk = roles.some((r) => hazardTransition(state, event, r, input).ok);
          if (roles.length === 0) return got === null;
          return got !== null && got.result.ok === anyOk && roles.includes(got.role);
        },
      ),
    );
  });
});

describe("closed always means evidence and verification (issue 8, 'Bad input')", () => {
  it("property: every walk of legal steps that ends closed passed rectified and verified", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HAZARD_GRADES),
        fc.array(fc.tuple(fc.constantFrom(...HAZARD_EVENTS), fc.constantFrom(...HAZARD_ACTORS)), { maxLength: 30 }),
        (grade, walk) => {
          let state: HazardState = "open";
          const seen = new Set<HazardState>([state]);
          let evidenceSteps = 0;
          for (const [event, actor] of walk) {
            const input = { grade, evidenceCount: 1, note: "n" };
            const r = hazardTransition(state, event, actor, input);
            if (!r.ok) continue;
            if (event === "submit_rectification" || event === "rectify_on_spot") evidenceSteps += 1;
            state = r.to;
            seen.add(state);
          }
          return state !== "closed" || (seen.has("rectified") && seen.has("verified") && evidenceSteps > 0);
        },
      ),
    );
  });
});
