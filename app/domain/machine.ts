/**
 * A lifecycle as data: states, and per state the events that leave it, each an edge saying
 * who may fire it, what it requires and what follows. Engagements, service requests and
 * quotes are described this way (engagement-machine.ts, request-machine.ts, quote-machine.ts)
 * and every event is fired through one executor in the service layer
 * (app/services/transitions.server.ts; docs/decisions/011-transition-executor.md).
 *
 * Pure: no database, framework or clock.
 */

/**
 * What the executor does after a step has been written, in the same transaction. A typed
 * list so a new after-effect (e.g. a notification) is one more name here and one handler in
 * the executor, and an edge opts in by naming it.
 */
export const TRANSITION_EFFECTS = ["recompute_credit", "notify_parties", "release_prevention_fee"] as const;
export type TransitionEffect = (typeof TRANSITION_EFFECTS)[number];

export type MachineEdge<S extends string, A extends string, Stamp extends string = string> = {
  to: S;
  actors: readonly A[];
  /** Offer events: only the party the current offer awaits may answer it. */
  turnBased?: true;
  /** The event must carry a written reason (it is shown to the other party and kept). */
  needsReason?: true;
  /** Timestamp columns the step sets to `now` (e.g. signedAt on signing). */
  stamps?: readonly Stamp[];
  /** The step also goes to the audit log (it moves or settles money, or ends a need). */
  audit?: true;
  /** After-effects the executor dispatches once the step is written. */
  effects?: readonly TransitionEffect[];
};

export type MachineGraph<S extends string, A extends string, Stamp extends string = string> = Record<
  S,
  Record<string, MachineEdge<S, A, Stamp>>
>;

export type Machine<S extends string, A extends string, Stamp extends string = string> = {
  /** The audit subject and the prefix of error message keys, e.g. "engagement". */
  name: string;
  states: readonly S[];
  graph: MachineGraph<S, A, Stamp>;
  /** After-effects of every step of this machine (before the edge's own), e.g. telling the other party. */
  effects?: readonly TransitionEffect[];
};

export type StepErrorCode = "illegal_transition" | "not_your_turn" | "actor_not_allowed";

export type Step<S extends string, A extends string, Stamp extends string = string> =
  | { ok: true; from: S; to: S; edge: MachineEdge<S, A, Stamp>; needsReason: boolean }
  | { ok: false; code: StepErrorCode };

export function edgeOf<S extends string, A extends string, Stamp extends string>(
  machine: Machine<S, A, Stamp>,
  state: S,
  event: string,
): MachineEdge<S, A, Stamp> | undefined {
  const events = machine.graph[state];
  return events && Object.prototype.hasOwnProperty.call(events, event) ? events[event] : undefined;
}

/**
 * The step `event` done by `actor` in `state`, or why not: `illegal_transition` (no such
 * edge), `actor_not_allowed` (edge exists, not for this actor), `not_your_turn` (a
 * turn-based event by an actor the state is not waiting for).
 */
export function step<S extends string, A extends string, Stamp extends string>(
  machine: Machine<S, A, Stamp>,
  state: S,
  event: string,
  actor: A,
  awaiting?: A | null,
): Step<S, A, Stamp> {
  const edge = edgeOf(machine, state, event);
  if (!edge) return { ok: false, code: "illegal_transition" };
  if (!edge.actors.includes(actor)) return { ok: false, code: "actor_not_allowed" };
  if (edge.turnBased && awaiting !== actor) return { ok: false, code: "not_your_turn" };
  return { ok: true, from: state, to: edge.to, edge, needsReason: Boolean(edge.needsReason) };
}

/** Every event name the machine knows. */
export function eventsOf<S extends string, A extends string, Stamp extends string>(
  machine: Machine<S, A, Stamp>,
): string[] {
  return [...new Set(Object.values<Record<string, unknown>>(machine.graph).flatMap((events) => Object.keys(events)))];
}

/** The events `actor` may fire now: the buttons to show. */
export function eventsFor<S extends string, A extends string, Stamp extends string>(
  machine: Machine<S, A, Stamp>,
  state: S,
  actor: A,
  awaiting?: A | null,
): string[] {
  return Object.keys(machine.graph[state] ?? {}).filter((event) => step(machine, state, event, actor, awaiting).ok);
}
