/**
 * The engagement (服务合同) state machine, as data. docs/domain.md, "Lifecycle": request →
 * offer (counter-offers allowed) → signed → in service → delivered (the buyer may ask for
 * changes) → accepted → closed, with cancelled and disputed branches and automatic
 * acceptance after the buyer's silence. The request stage lives in service_requests; an
 * engagement starts at `offer` (a direct offer) or `signed` (the enterprise picked a quote).
 *
 * Pure: each edge says who may fire it, what it stamps, whether it is audited and which
 * after-effects follow; the one executor (app/services/transitions.server.ts) writes it.
 */

import { edgeOf, eventsFor, eventsOf, step, type Machine, type MachineEdge, type StepErrorCode } from "./machine";

export const ENGAGEMENT_STATES = [
  "offer",
  "signed",
  "in_service",
  "delivered",
  "changes_requested",
  "accepted",
  "closed",
  "cancelled",
  "disputed",
] as const;
export type EngagementState = (typeof ENGAGEMENT_STATES)[number];

/** Who acts: one of the two parties, the platform operator, or the system (a job or a lazy check). */
export const ENGAGEMENT_ACTORS = ["enterprise", "provider", "admin", "system"] as const;
export type EngagementActor = (typeof ENGAGEMENT_ACTORS)[number];
export type EngagementParty = "enterprise" | "provider";

/** The engagement columns a step may stamp with its time. */
export type EngagementStamp = "signedAt" | "deliveredAt" | "acceptedAt";
type Edge = MachineEdge<EngagementState, EngagementActor, EngagementStamp>;

const PARTIES = ["enterprise", "provider"] as const;
const SIGN = { stamps: ["signedAt"], audit: true } as const;
// On-time delivery is an input of the credit grade: it changes when an engagement is accepted.
const ACCEPT = { stamps: ["acceptedAt"], audit: true, effects: ["recompute_credit"] } as const;
// An insurer-paid engagement declined or cancelled gives its prevention-fee commission back (issue 9).
const RELEASE = { effects: ["release_prevention_fee"] } as const;

/**
 * state → event → edge. Anything not listed here is an illegal transition.
 * - Cancel only before service starts: once the provider is on site, the way out is a dispute.
 * - The system may only accept (after 14 days of silence, see autoAcceptDue) and close.
 * - A dispute is resolved by the platform (docs/domain.md, "Lifecycle") in one of three ways.
 * - `audit`: steps into a money-relevant state (MONEY_RELEVANT_STATES) also go to the audit log.
 */
export const ENGAGEMENT_GRAPH = {
  offer: {
    counter: { to: "offer", actors: PARTIES, turnBased: true },
    accept_offer: { to: "signed", actors: PARTIES, turnBased: true, ...SIGN },
    cancel: { to: "cancelled", actors: PARTIES, needsReason: true, audit: true, ...RELEASE },
  },
  signed: {
    start: { to: "in_service", actors: ["provider"] },
    cancel: { to: "cancelled", actors: PARTIES, needsReason: true, audit: true, ...RELEASE },
  },
  in_service: {
    deliver: { to: "delivered", actors: ["provider"], stamps: ["deliveredAt"] },
    dispute: { to: "disputed", actors: PARTIES, needsReason: true, audit: true },
  },
  delivered: {
    request_changes: { to: "changes_requested", actors: ["enterprise"], needsReason: true },
    accept: { to: "accepted", actors: ["enterprise", "system"], ...ACCEPT },
    dispute: { to: "disputed", actors: PARTIES, needsReason: true, audit: true },
  },
  changes_requested: {
    redeliver: { to: "delivered", actors: ["provider"], stamps: ["deliveredAt"] },
    dispute: { to: "disputed", actors: PARTIES, needsReason: true, audit: true },
  },
  accepted: {
    close: { to: "closed", actors: ["enterprise", "provider", "system"] },
  },
  closed: {},
  cancelled: {},
  disputed: {
    resolve_resume: { to: "in_service", actors: ["admin"], needsReason: true },
    resolve_accept: { to: "accepted", actors: ["admin"], needsReason: true, ...ACCEPT },
    resolve_cancel: { to: "cancelled", actors: ["admin"], needsReason: true, audit: true, ...RELEASE },
  },
} as const satisfies Record<EngagementState, Record<string, Edge>>;

type Graph = typeof ENGAGEMENT_GRAPH;
export type EngagementEvent = { [S in keyof Graph]: keyof Graph[S] }[keyof Graph] & string;

export const ENGAGEMENT_MACHINE: Machine<EngagementState, EngagementActor, EngagementStamp> = {
  name: "engagement",
  states: ENGAGEMENT_STATES,
  graph: ENGAGEMENT_GRAPH,
  // Every step is news for the other party (docs/domain.md, notifications): the executor tells them.
  effects: ["notify_parties"],
};

export const ENGAGEMENT_EVENTS = eventsOf(ENGAGEMENT_MACHINE) as EngagementEvent[];

export const TERMINAL_STATES: readonly EngagementState[] = ENGAGEMENT_STATES.filter(
  (s) => Object.keys(ENGAGEMENT_GRAPH[s]).length === 0,
);

/** Transitions whose record also goes to the audit log: they move or settle money. */
export const MONEY_RELEVANT_STATES: readonly EngagementState[] = ["signed", "accepted", "cancelled", "disputed"];

export type TransitionContext = {
  /** In `offer`: whose turn it is to answer (engagements.offer_awaiting_org_id, as a party). */
  awaiting?: EngagementParty | null;
};

export type TransitionErrorCode = StepErrorCode;

export type TransitionResult =
  | {
      ok: true;
      to: EngagementState;
      /** Whose turn it is after this event (only meaningful while in `offer`). */
      awaiting: EngagementParty | null;
      needsReason: boolean;
    }
  | { ok: false; code: TransitionErrorCode };

/** Whose turn it is after `event` by `actor`: a counter-offer hands the turn to the other party. */
export function awaitingAfter(event: string, actor: EngagementActor): EngagementParty | null {
  return event === "counter" ? (actor === "enterprise" ? "provider" : "enterprise") : null;
}

/**
 * The next state for `event` done by `actor` in `state`, or why not:
 * `illegal_transition` (no such edge), `actor_not_allowed` (edge exists, not for this actor),
 * `not_your_turn` (an offer event by the party the offer is not waiting for).
 */
export function transition(
  state: EngagementState,
  event: string,
  actor: EngagementActor,
  context: TransitionContext = {},
): TransitionResult {
  const result = step(ENGAGEMENT_MACHINE, state, event, actor, context.awaiting);
  if (!result.ok) return result;
  return { ok: true, to: result.to, awaiting: awaitingAfter(event, actor), needsReason: result.needsReason };
}

/** The events `actor` may fire now: the buttons to show. */
export function availableEvents(
  state: EngagementState,
  actor: EngagementActor,
  context: TransitionContext = {},
): EngagementEvent[] {
  return eventsFor(ENGAGEMENT_MACHINE, state, actor, context.awaiting) as EngagementEvent[];
}

export function eventNeedsReason(state: EngagementState, event: string): boolean {
  return Boolean(edgeOf(ENGAGEMENT_MACHINE, state, event)?.needsReason);
}

export function isEngagementState(value: string): value is EngagementState {
  return (ENGAGEMENT_STATES as readonly string[]).includes(value);
}

export function isEngagementEvent(value: string): value is EngagementEvent {
  return (ENGAGEMENT_EVENTS as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- automatic acceptance

/** Days of the buyer's silence after the latest delivery before the system accepts. */
export const AUTO_ACCEPT_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** When a delivery made at `deliveredAt` is accepted by silence (an instant, not a calendar day). */
export function autoAcceptAt(deliveredAt: Date): Date {
  return new Date(deliveredAt.getTime() + AUTO_ACCEPT_DAYS * DAY_MS);
}

/**
 * True once 14 full days have passed since the latest delivery. Only `delivered` counts:
 * asking for changes or opening a dispute leaves that state and so stops the clock, and a
 * redelivery sets a new deliveredAt and starts it again. Messages do not stop it.
 */
export function autoAcceptDue(deliveredAt: Date | null, now: Date): boolean {
  if (!deliveredAt) return false;
  return now.getTime() >= autoAcceptAt(deliveredAt).getTime();
}
