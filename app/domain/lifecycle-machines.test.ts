import { describe, expect, it } from "vitest";
import { ENGAGEMENT_MACHINE, MONEY_RELEVANT_STATES } from "./engagement-machine";
import { eventsOf, step, type Machine } from "./machine";
import { QUOTE_ACTORS, QUOTE_MACHINE, QUOTE_STATES } from "./quote-machine";
import { REQUEST_ACTORS, REQUEST_MACHINE, REQUEST_STATES } from "./request-machine";

/**
 * The request and quote lifecycles, written out by hand from docs/domain.md ("Lifecycle":
 * an enterprise posts a need, providers quote, the enterprise picks one or ends the need) and
 * checked for every state × event × actor: anything not listed here must be refused.
 */
type Legal = Array<[string, string, string, string[]]>;

const REQUEST_LEGAL: Legal = [
  ["open", "award", "awarded", ["enterprise"]],
  ["open", "close", "closed", ["enterprise"]],
  ["open", "cancel", "cancelled", ["enterprise"]],
];

const QUOTE_LEGAL: Legal = [
  ["submitted", "choose", "accepted", ["enterprise"]],
  ["submitted", "decline", "declined", ["system"]],
  ["submitted", "withdraw", "withdrawn", ["provider"]],
];

function checkEveryCombination<S extends string, A extends string>(
  machine: Machine<S, A>,
  states: readonly S[],
  actors: readonly A[],
  legal: Legal,
) {
  expect(eventsOf(machine).sort()).toEqual([...new Set(legal.map(([, e]) => e))].sort());
  for (const state of states) {
    for (const event of [...eventsOf(machine), "no_such_event"]) {
      for (const actor of actors) {
        const edge = legal.find(([s, e]) => s === state && e === event);
        const expected = !edge
          ? { ok: false, code: "illegal_transition" }
          : !edge[3].includes(actor)
            ? { ok: false, code: "actor_not_allowed" }
            : { ok: true, to: edge[2] };
        expect({ state, event, actor, ...step(machine, state, event, actor) }).toMatchObject({
          state,
          event,
          actor,
          ...expected,
        });
      }
    }
  }
}

describe("request machine: every state × event × actor", () => {
  it("allows exactly the listed edges", () =>
    checkEveryCombination(REQUEST_MACHINE, REQUEST_STATES, REQUEST_ACTORS, REQUEST_LEGAL));
  it("stamps closedAt on every way out of open, and audits the endings without an award", () => {
    for (const event of ["award", "close", "cancel"])
      expect(REQUEST_MACHINE.graph.open[event]?.stamps).toEqual(["closedAt"]);
    expect(["award", "close", "cancel"].filter((e) => REQUEST_MACHINE.graph.open[e]?.audit)).toEqual([
      "close",
      "cancel",
    ]);
  });
});

describe("quote machine: every state × event × actor", () => {
  it("allows exactly the listed edges", () =>
    checkEveryCombination(QUOTE_MACHINE, QUOTE_STATES, QUOTE_ACTORS, QUOTE_LEGAL));
});

describe("engagement edges as data", () => {
  const edges = Object.entries(ENGAGEMENT_MACHINE.graph).flatMap(([from, events]) =>
    Object.entries(events).map(([event, edge]) => ({ from, event, ...edge })),
  );
  it("audits exactly the steps into a money-relevant state", () => {
    const audited = edges
      .filter((e) => e.audit)
      .map((e) => `${e.from}.${e.event}`)
      .sort();
    const moneySteps = edges
      .filter((e) => MONEY_RELEVANT_STATES.includes(e.to) && e.to !== e.from)
      .map((e) => `${e.from}.${e.event}`)
      .sort();
    expect(audited).toEqual(moneySteps);
  });
  it("recomputes the provider's credit on every acceptance (on-time delivery is a grade input)", () => {
    expect(
      edges
        .filter((e) => e.effects?.includes("recompute_credit"))
        .map((e) => e.event)
        .sort(),
    ).toEqual(["accept", "resolve_accept"]);
    expect(edges.filter((e) => e.to === "accepted").every((e) => e.stamps?.includes("acceptedAt"))).toBe(true);
    expect(edges.filter((e) => e.to === "signed").every((e) => e.stamps?.includes("signedAt"))).toBe(true);
    expect(edges.filter((e) => e.to === "delivered").every((e) => e.stamps?.includes("deliveredAt"))).toBe(true);
  });
});
