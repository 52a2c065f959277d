/**
 * The engagement (服务合同) state machine, as data. docs/domain.md, "Lifecycle": request →
 * offer (counter-offers allowed) → signed → in service → delivered (the buyer may ask for
 * changes) → accepted → closed, with cancelled and disputed branches and automatic
 * acceptance after the buyer's silence. The request stage lives in service_requests; an
 * engagement starts at `offer` (a direct offer) or `signed` (the enterprise picked a quote).
 *
 * Pure: the service loads the row, asks `transition`, and writes the status and an
 * engagement_events row in one transaction.
 */

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

type Edge = {
  to: EngagementState;
  actors: readonly EngagementActor[];
  /** Offer events: only the party the current offer awaits may answer it. */
  turnBased?: true;
  /** The event must carry a written reason (it is shown to the other party and kept). */
  needsReason?: true;
};

const PARTIES = ["enterprise", "provider"] as const;

/**
 * state → event → edge. Anything not listed here is an illegal transition.
 * - Cancel only before service starts: once the provider is on site, the way out is a dispute.
 * - The system may only accept (after 14 days of silence, see autoAcceptDue) and close.
 * - A dispute is resolved by the platform (docs/domain.md, "Lifecycle") in one of three ways.
 */
export const ENGAGEMENT_GRAPH = {
  offer: {
    counter: { to: "offer", actors: PARTIES, turnBased: true },
    accept_offer: { to: "signed", actors: PARTIES, turnBased: true },
    cancel: { to: "cancelled", actors: PARTIES, needsReason: true },
  },
  signed: {
    start: { to: "in_service", actors: ["provider"] },
    cancel: { to: "cancelled", actors: PARTIES, needsReason: true },
  },
  in_service: {
    deliver: { to: "delivered", actors: ["provider"] },
    dispute: { to: "disputed", actors: PARTIES, needsReason: true },
  },
  delivered: {
    request_changes: { to: "changes_requested", actors: ["enterprise"], needsReason: true },
    accept: { to: "accepted", actors: ["enterprise", "system"] },
    dispute: { to: "disputed", actors: PARTIES, needsReason: true },
  },
  changes_requested: {
    redeliver: { to: "delivered", actors: ["provider"] },
    dispute: { to: "disputed", actors: PARTIES, needsReason: true },
  },
  accepted: {
    close: { to: "closed", actors: ["enterprise", "provider", "system"] },
  },
  closed: {},
  cancelled: {},
  disputed: {
    resolve_resume: { to: "in_service", actors: ["admin"], needsReason: true },
    resolve_accept: { to: "accepted", actors: ["admin"], needsReason: true },
    resolve_cancel: { to: "cancelled", actors: ["admin"], needsReason: true },
  },
} as const satisfies Record<EngagementState, Record<string, Edge>>;

type Graph = typeof ENGAGEMENT_GRAPH;
export type EngagementEvent = { [S in keyof Graph]: keyof Graph[S] }[keyof Graph] & string;

export const ENGAGEMENT_EVENTS = [
  ...new Set(Object.values(ENGAGEMENT_GRAPH).flatMap((events) => Object.keys(events))),
] as EngagementEvent[];

export const TERMINAL_STATES: readonly EngagementState[] = ENGAGEMENT_STATES.filter(
  (s) => Object.keys(ENGAGEMENT_GRAPH[s]).length === 0,
);

/** Transitions whose record also goes to the audit log: they move or settle money. */
export const MONEY_RELEVANT_STATES: readonly EngagementState[] = ["signed", "accepted", "cancelled", "disputed"];

export type TransitionContext = {
  /** In `offer`: whose turn it is to answer (engagements.offer_awaiting_org_id, as a party). */
  awaiting?: EngagementParty | null;
};

export type TransitionErrorCode = "illegal_transition" | "not_your_turn" | "actor_not_allowed";

export type TransitionResult =
  | {
      ok: true;
      to: EngagementState;
      /** Whose turn it is after this event (only meaningful while in `offer`). */
      awaiting: EngagementParty | null;
      needsReason: boolean;
    }
  | { ok: false; code: TransitionErrorCode };

function edgeOf(state: EngagementState, event: string): Edge | undefined {
  const events = ENGAGEMENT_GRAPH[state] as Record<string, Edge>;
  return Object.prototype.hasOwnProperty.call(events, event) ? events[event] : undefined;
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
  const edge = edgeOf(state, event);
  if (!edge) return { ok: false, code: "illegal_transition" };
  if (!edge.actors.includes(actor)) return { ok: false, code: "actor_not_allowed" };
  if (edge.turnBased && context.awaiting !== actor) return { ok: false, code: "not_your_turn" };
  const awaiting: EngagementParty | null =
    event === "counter" ? (actor === "enterprise" ? "provider" : "enterprise") : null;
  return { ok: true, to: edge.to, awaiting, needsReason: Boolean(edge.needsReason) };
}

/** The events `actor` may fire now: the buttons to show. */
export function availableEvents(
  state: EngagementState,
  actor: EngagementActor,
  context: TransitionContext = {},
): EngagementEvent[] {
  return (Object.keys(ENGAGEMENT_GRAPH[state]) as EngagementEvent[]).filter(
    (event) => transition(state, event, actor, context).ok,
  );
}

export function eventNeedsReason(state: EngagementState, event: string): boolean {
  return Boolean(edgeOf(state, event)?.needsReason);
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
