import { describe, expect, it } from "vitest";
import {
  autoAcceptAt,
  autoAcceptDue,
  availableEvents,
  ENGAGEMENT_ACTORS,
  ENGAGEMENT_EVENTS,
  ENGAGEMENT_STATES,
  eventNeedsReason,
  TERMINAL_STATES,
  transition,
  type EngagementActor,
  type EngagementState,
} from "./engagement-machine";

/**
 * The expected graph, written out by hand from docs/domain.md ("Lifecycle": request → offer
 * (counter-offers) → signed → in service → delivered (changes) → accepted → closed, cancelled
 * and disputed branches, automatic acceptance) and the actor list. Every
 * state × event × actor combination not listed here must be refused.
 */
const LEGAL: Array<[EngagementState, string, EngagementState, EngagementActor[]]> = [
  ["offer", "counter", "offer", ["enterprise", "provider"]],
  ["offer", "accept_offer", "signed", ["enterprise", "provider"]],
  ["offer", "cancel", "cancelled", ["enterprise", "provider"]],
  ["signed", "start", "in_service", ["provider"]],
  ["signed", "cancel", "cancelled", ["enterprise", "provider"]],
  ["in_service", "deliver", "delivered", ["provider"]],
  ["in_service", "dispute", "disputed", ["enterprise", "provider"]],
  ["delivered", "request_changes", "changes_requested", ["enterprise"]],
  ["delivered", "accept", "accepted", ["enterprise", "system"]],
  ["delivered", "dispute", "disputed", ["enterprise", "provider"]],
  ["changes_requested", "redeliver", "delivered", ["provider"]],
  ["changes_requested", "dispute", "disputed", ["enterprise", "provider"]],
  ["accepted", "close", "closed", ["enterprise", "provider", "system"]],
  ["disputed", "resolve_resume", "in_service", ["admin"]],
  ["disputed", "resolve_accept", "accepted", ["admin"]],
  ["disputed", "resolve_cancel", "cancelled", ["admin"]],
];

const WITH_REASON = new Set([
  "cancel",
  "dispute",
  "request_changes",
  "resolve_resume",
  "resolve_accept",
  "resolve_cancel",
]);

function expected(state: EngagementState, event: string, actor: EngagementActor) {
  const edge = LEGAL.find(([s, e]) => s === state && e === event);
  if (!edge) return { ok: false as const, code: "illegal_transition" };
  if (!edge[3].includes(actor)) return { ok: false as const, code: "actor_not_allowed" };
  return { ok: true as const, to: edge[2] };
}

const combos = ENGAGEMENT_STATES.flatMap((state) =>
  ENGAGEMENT_EVENTS.flatMap((event) => ENGAGEMENT_ACTORS.map((actor) => [state, event, actor] as const)),
);

describe("engagement state machine: every state × event × actor", () => {
  it("knows exactly the events of the expected graph", () => {
    expect([...ENGAGEMENT_EVENTS].sort()).toEqual([...new Set(LEGAL.map(([, e]) => e))].sort());
    expect(combos.length).toBe(ENGAGEMENT_STATES.length * ENGAGEMENT_EVENTS.length * ENGAGEMENT_ACTORS.length);
  });

  it.each(combos)("%s + %s by %s", (state, event, actor) => {
    const want = expected(state, event, actor);
    // For offer events, give the actor the turn: turn-taking is tested separately below.
    const awaiting = actor === "enterprise" || actor === "provider" ? actor : null;
    const got = transition(state, event, actor, { awaiting });
    if (want.ok) {
      expect(got).toMatchObject({ ok: true, to: want.to, needsReason: WITH_REASON.has(event) });
    } else {
      expect(got).toEqual({ ok: false, code: want.code });
    }
  });

  it("refuses an event name that is not in the graph at all", () => {
    expect(transition("delivered", "approve", "enterprise")).toEqual({ ok: false, code: "illegal_transition" });
    expect(transition("offer", "toString", "enterprise")).toEqual({ ok: false, code: "illegal_transition" });
    expect(transition("offer", "__proto__", "provider")).toEqual({ ok: false, code: "illegal_transition" });
  });

  it("has closed and cancelled as its only terminal states", () => {
    expect([...TERMINAL_STATES].sort()).toEqual(["cancelled", "closed"]);
  });

  it("asks for a reason exactly on cancel, dispute, change requests and resolutions", () => {
    for (const [state, event] of LEGAL) expect(eventNeedsReason(state, event)).toBe(WITH_REASON.has(event));
  });
});

describe("offers alternate between the parties (counter-offers)", () => {
  const cases: Array<[string, EngagementActor, "enterprise" | "provider" | null, string]> = [
    // event, actor, awaiting, expected outcome
    ["counter", "enterprise", "enterprise", "ok:provider"],
    ["counter", "provider", "provider", "ok:enterprise"],
    ["counter", "enterprise", "provider", "not_your_turn"],
    ["counter", "provider", "enterprise", "not_your_turn"],
    ["counter", "provider", null, "not_your_turn"],
    ["accept_offer", "enterprise", "enterprise", "ok:null"],
    ["accept_offer", "provider", "provider", "ok:null"],
    ["accept_offer", "enterprise", "provider", "not_your_turn"],
    ["accept_offer", "provider", "enterprise", "not_your_turn"],
    ["accept_offer", "admin", "enterprise", "actor_not_allowed"],
    ["counter", "system", "provider", "actor_not_allowed"],
    // Cancelling an offer does not depend on whose turn it is.
    ["cancel", "enterprise", "provider", "ok:null"],
    ["cancel", "provider", "enterprise", "ok:null"],
  ];
  it.each(cases)("%s by %s while awaiting %s → %s", (event, actor, awaiting, outcome) => {
    const got = transition("offer", event, actor, { awaiting });
    if (outcome.startsWith("ok:")) {
      const next = outcome.slice(3);
      expect(got).toMatchObject({ ok: true, awaiting: next === "null" ? null : next });
    } else {
      expect(got).toEqual({ ok: false, code: outcome });
    }
  });
});

describe("availableEvents (the buttons each actor sees)", () => {
  const cases: Array<[EngagementState, EngagementActor, "enterprise" | "provider" | null, string[]]> = [
    ["offer", "enterprise", "enterprise", ["accept_offer", "cancel", "counter"]],
    ["offer", "enterprise", "provider", ["cancel"]],
    ["signed", "provider", null, ["cancel", "start"]],
    ["signed", "enterprise", null, ["cancel"]],
    ["delivered", "enterprise", null, ["accept", "dispute", "request_changes"]],
    ["delivered", "provider", null, ["dispute"]],
    ["delivered", "system", null, ["accept"]],
    ["disputed", "enterprise", null, []],
    ["disputed", "admin", null, ["resolve_accept", "resolve_cancel", "resolve_resume"]],
    ["closed", "enterprise", null, []],
  ];
  it.each(cases)("%s for %s (awaiting %s)", (state, actor, awaiting, events) => {
    expect(availableEvents(state, actor, { awaiting }).sort()).toEqual(events);
  });
});

describe("automatic acceptance after 14 days of silence", () => {
  const delivered = new Date("2026-03-01T10:00:00+08:00");
  const cases: Array<[string, Date | null, string, boolean]> = [
    ["not delivered", null, "2027-01-01T00:00:00+08:00", false],
    ["same moment", delivered, "2026-03-01T10:00:00+08:00", false],
    ["13 days later", delivered, "2026-03-14T10:00:00+08:00", false],
    ["one second short of 14 days", delivered, "2026-03-15T09:59:59+08:00", false],
    ["exactly 14 days", delivered, "2026-03-15T10:00:00+08:00", true],
    ["30 days later", delivered, "2026-03-31T10:00:00+08:00", true],
  ];
  it.each(cases)("%s", (_label, at, now, due) => {
    expect(autoAcceptDue(at, new Date(now))).toBe(due);
  });
  it("names the moment", () => {
    expect(autoAcceptAt(delivered).toISOString()).toBe("2026-03-15T02:00:00.000Z");
  });
});
