/**
 * A hazard's (事故隐患) rectification loop as data: domain.md "Hazards and inspections" and
 * issue 8. open → rectifying → rectified (evidence required) → verified (by the finder's side
 * or the bureau's return visit) → closed. A verifier who is not satisfied sends it back to
 * rectifying with a note. A general hazard fixed on the spot (立查立改) may go straight from
 * open to rectified, still with evidence.
 *
 * Shaped like engagement-machine.ts (graph constant + pure `transition`) so that the shared
 * machine type can take it over. Roles are relative to the hazard, not to an organisation
 * kind: "finder" is whoever recorded the inspection that found it (for a self-check, the
 * enterprise is both "enterprise" and "finder"); the service gives the acting organisation
 * all the roles it holds (`hazardRolesOf`) and fires with the first one allowed.
 *
 * The derived facts below (overdue, self-reported, report escalation, penalty basis, 双报告
 * recipients) are pure and take `today`/`now` from the caller.
 */
import { daysBetween, type IsoDate } from "./calendar-date";
import type { Machine, MachineGraph } from "./machine";

export const HAZARD_STATES = ["open", "rectifying", "rectified", "verified", "closed"] as const;
export type HazardState = (typeof HAZARD_STATES)[number];

export const HAZARD_GRADES = ["general", "major"] as const;
export type HazardGrade = (typeof HAZARD_GRADES)[number];
export const HAZARD_GRADE_LABELS: Record<HazardGrade, { zh: string; en: string }> = {
  general: { zh: "一般事故隐患", en: "General hazard" },
  major: { zh: "重大事故隐患", en: "Major hazard" },
};

/** enterprise: the firm the hazard belongs to; finder: the inspecting side; bureau: the enterprise's 应急管理局; system: a job. */
export const HAZARD_ACTORS = ["enterprise", "finder", "bureau", "system"] as const;
export type HazardActor = (typeof HAZARD_ACTORS)[number];

type Edge = {
  to: HazardState;
  actors: readonly HazardActor[];
  /** Who may fire it when the hazard is major, if narrower than `actors`. */
  majorActors?: readonly HazardActor[];
  /** At least one evidence file (photo, document) must come with the event. */
  needsEvidence?: true;
  /** A written note must come with the event (verification findings, reason for sending back). */
  needsNote?: true;
  /** Only for general hazards. */
  generalOnly?: true;
};

/**
 * state → event → edge. Anything not listed is illegal.
 * - Only the enterprise rectifies: it owns the hazard and its rectification (主体责任).
 * - Verification is by the finder's side or by the bureau (a return visit, 回访复查), never by
 *   the enterprise alone unless it is the finder (self-check); it needs a note saying what was seen.
 * - A major hazard is closed (销号) by the bureau only, after verification: the enterprise's
 *   report went to it (双报告) and it supervises the rectification.
 * - The system closes a verified general hazard (the service's nightly job) so loops don't stay open.
 */
export const HAZARD_GRAPH = {
  open: {
    start_rectification: { to: "rectifying", actors: ["enterprise"] },
    rectify_on_spot: { to: "rectified", actors: ["enterprise"], needsEvidence: true, generalOnly: true },
  },
  rectifying: {
    submit_rectification: { to: "rectified", actors: ["enterprise"], needsEvidence: true },
  },
  rectified: {
    verify: { to: "verified", actors: ["finder", "bureau"], needsNote: true },
    reject_rectification: { to: "rectifying", actors: ["finder", "bureau"], needsNote: true },
  },
  verified: {
    close: { to: "closed", actors: ["finder", "bureau", "system"], majorActors: ["bureau"] },
  },
  closed: {},
} as const satisfies Record<HazardState, Record<string, Edge>>;

type Graph = typeof HAZARD_GRAPH;
export type HazardEvent = { [S in keyof Graph]: keyof Graph[S] }[keyof Graph] & string;

export const HAZARD_EVENTS = [
  ...new Set(Object.values(HAZARD_GRAPH).flatMap((events) => Object.keys(events))),
] as HazardEvent[];

export type HazardTransitionInput = {
  grade: HazardGrade;
  /** Evidence files attached to this event (already stored and type-checked by the upload rules). */
  evidenceCount?: number;
  note?: string | null;
};

export type HazardTransitionErrorCode =
  | "illegal_transition"
  | "actor_not_allowed"
  | "major_needs_bureau"
  | "general_only"
  | "evidence_required"
  | "note_required";

export type HazardTransitionResult = { ok: true; to: HazardState } | { ok: false; code: HazardTransitionErrorCode };

function edgeOf(state: HazardState, event: string): Edge | undefined {
  const events = HAZARD_GRAPH[state] as Record<string, Edge>;
  return Object.prototype.hasOwnProperty.call(events, event) ? events[event] : undefined;
}

/** The next state, or the first rule broken (checked in the order of the error codes above). */
export function hazardTransition(
  state: HazardState,
  event: string,
  actor: HazardActor,
  input: HazardTransitionInput,
): HazardTransitionResult {
  const edge = edgeOf(state, event);
  if (!edge) return { ok: false, code: "illegal_transition" };
  if (!edge.actors.includes(actor)) return { ok: false, code: "actor_not_allowed" };
  if (input.grade === "major" && edge.majorActors && !edge.majorActors.includes(actor)) {
    return { ok: false, code: "major_needs_bureau" };
  }
  if (input.grade === "major" && edge.generalOnly) return { ok: false, code: "general_only" };
  if (edge.needsEvidence && !((input.evidenceCount ?? 0) > 0)) return { ok: false, code: "evidence_required" };
  if (edge.needsNote && !(input.note ?? "").trim()) return { ok: false, code: "note_required" };
  return { ok: true, to: edge.to };
}

/** What the event needs besides an allowed actor: the form fields to show. */
export function hazardEventNeeds(state: HazardState, event: string): { evidence: boolean; note: boolean } {
  const edge = edgeOf(state, event);
  return { evidence: Boolean(edge?.needsEvidence), note: Boolean(edge?.needsNote) };
}

/** The events any of `roles` may fire now for a hazard of `grade` (requirements aside): the buttons. */
export function availableHazardEvents(
  state: HazardState,
  roles: readonly HazardActor[],
  grade: HazardGrade,
): HazardEvent[] {
  return (Object.keys(HAZARD_GRAPH[state]) as HazardEvent[]).filter((event) =>
    roles.some((actor) => {
      const got = hazardTransition(state, event, actor, { grade, evidenceCount: 1, note: "x" });
      return got.ok;
    }),
  );
}

/**
 * The roles an organisation holds on a hazard. `isEnterpriseBureau` is the service's region
 * check (regionContains(bureau region, enterprise region)).
 */
export function hazardRolesOf(input: {
  actingOrgId: string;
  enterpriseOrgId: string;
  finderOrgId: string;
  isEnterpriseBureau: boolean;
}): HazardActor[] {
  const roles: HazardActor[] = [];
  if (input.actingOrgId === input.enterpriseOrgId) roles.push("enterprise");
  if (input.actingOrgId === input.finderOrgId) roles.push("finder");
  if (input.isEnterpriseBureau) roles.push("bureau");
  return roles;
}

export function isHazardState(value: string): value is HazardState {
  return (HAZARD_STATES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------- derived facts

/** States in which the enterprise still owes the rectification, so the deadline runs. */
const RECTIFICATION_PENDING: readonly HazardState[] = ["open", "rectifying"];

/**
 * Overdue: the rectification is still owed after its deadline day. The deadline day itself is
 * not overdue; once rectified, the waiting is the verifier's, not the enterprise's.
 */
export function isOverdue(hazard: { status: HazardState; deadline: IsoDate }, today: IsoDate): boolean {
  return RECTIFICATION_PENDING.includes(hazard.status) && today > hazard.deadline;
}

/** Whole days past the deadline (0 when not overdue): the register sorts overdue first by this. */
export function overdueDays(hazard: { status: HazardState; deadline: IsoDate }, today: IsoDate): number {
  return isOverdue(hazard, today) ? daysBetween(hazard.deadline, today) : 0;
}

/**
 * 自查自改自报 (Fujian §19: 企业安全隐患自查自改自报闭环管理): found by the enterprise's own
 * self-check and taken into rectification on or before its deadline. `rectificationStartedOn`
 * is the day it left `open` (start_rectification or rectify_on_spot), null while still open.
 */
export function isSelfReported(hazard: {
  source: string;
  deadline: IsoDate;
  rectificationStartedOn: IsoDate | null;
}): boolean {
  return (
    hazard.source === "self_check" &&
    hazard.rectificationStartedOn !== null &&
    hazard.rectificationStartedOn <= hazard.deadline
  );
}

/**
 * 不作为处罚依据: the Jiangxi text promises that hazards found in a free check-up (免费安全体检)
 * and being rectified are not used as a basis for penalties. Every view shows this label.
 */
export function notABasisForPenalty(hazard: { source: string }): boolean {
  return hazard.source === "free_checkup";
}
export const NOT_A_BASIS_FOR_PENALTY_LABEL = { zh: "不作为处罚依据", en: "Not a basis for penalty" } as const;

/** Local rules ask that a major hazard report be handled within 2 hours. */
export const MAJOR_REPORT_ACK_MINUTES = 120;

export type MajorReportState = "awaiting" | "acknowledged" | "escalated" | "acknowledged_late";

/**
 * Where a major-hazard report stands: not acknowledged within 2 hours of `reportedAt` →
 * escalated (to the bureau's other staff, red on its dashboard); acknowledged afterwards →
 * acknowledged_late (kept, so the record shows the escalation happened).
 */
export function majorReportState(
  report: { reportedAt: Date; acknowledgedAt: Date | null },
  now: Date,
): { state: MajorReportState; escalateAt: Date } {
  const escalateAt = new Date(report.reportedAt.getTime() + MAJOR_REPORT_ACK_MINUTES * 60_000);
  const due = escalateAt.getTime();
  if (report.acknowledgedAt) {
    return { state: report.acknowledgedAt.getTime() > due ? "acknowledged_late" : "acknowledged", escalateAt };
  }
  return { state: now.getTime() >= due ? "escalated" : "awaiting", escalateAt };
}

export type ReportParty = "bureau" | "enterprise" | "finder";
export type MajorHazardRecipients = {
  recipients: Array<{ orgId: string; parties: ReportParty[] }>;
  /** Parties that should be told but have no organisation on the platform (e.g. no bureau for that region yet). */
  missing: ReportParty[];
};

/**
 * 双报告 (Fujian §19): a major hazard goes at once to the enterprise's bureau, and both the
 * enterprise and the finder are told (the enterprise's report and the finder's). One
 * organisation holding two parts (a self-check) gets one notice. A general hazard: nobody.
 */
export function majorHazardRecipients(input: {
  grade: HazardGrade;
  enterpriseOrgId: string;
  finderOrgId: string;
  enterpriseBureauOrgId: string | null;
}): MajorHazardRecipients {
  if (input.grade !== "major") return { recipients: [], missing: [] };
  const byOrg = new Map<string, ReportParty[]>();
  const add = (orgId: string, party: ReportParty) => byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), party]);
  if (input.enterpriseBureauOrgId) add(input.enterpriseBureauOrgId, "bureau");
  add(input.enterpriseOrgId, "enterprise");
  add(input.finderOrgId, "finder");
  return {
    recipients: [...byOrg].map(([orgId, parties]) => ({ orgId, parties })),
    missing: input.enterpriseBureauOrgId ? [] : ["bureau"],
  };
}

// ---------------------------------------------------------------- the generic machine

/** Timestamp columns a hazard step sets to `now`. */
export type HazardStamp = "closedAt";

/**
 * HAZARD_GRAPH in the shape of the one executor (app/domain/machine.ts, transitions.server.ts):
 * the executor checks state, event and role; the rules the generic machine has no words for
 * (major → bureau only, general only, evidence, note) stay in `hazardTransition`, which the
 * service runs in `prepare`. Closing (销号) stamps closedAt and goes to the audit log.
 */
export const HAZARD_MACHINE: Machine<HazardState, HazardActor, HazardStamp> = {
  name: "hazard",
  states: HAZARD_STATES,
  graph: Object.fromEntries(
    HAZARD_STATES.map((state) => [
      state,
      Object.fromEntries(
        Object.entries(HAZARD_GRAPH[state] as Record<string, Edge>).map(([event, edge]) => [
          event,
          edge.to === "closed"
            ? { to: edge.to, actors: edge.actors, stamps: ["closedAt"] as const, audit: true as const }
            : { to: edge.to, actors: edge.actors },
        ]),
      ),
    ]),
  ) as MachineGraph<HazardState, HazardActor, HazardStamp>,
};

/** HTTP status of a refused step: missing evidence or note is the form's fault (422), the rest is the state's (409). */
export function hazardRefusalStatus(code: HazardTransitionErrorCode): 409 | 422 {
  return code === "evidence_required" || code === "note_required" ? 422 : 409;
}

/**
 * The role an organisation holding `roles` fires `event` with: the first one the rules allow;
 * else the first one that gets furthest (so the refusal names the real reason, e.g.
 * major_needs_bureau rather than actor_not_allowed); null when it holds no role at all.
 */
export function chooseHazardRole(
  state: HazardState,
  event: string,
  roles: readonly HazardActor[],
  input: HazardTransitionInput,
): { role: HazardActor; result: HazardTransitionResult } | null {
  if (roles.length === 0) return null;
  const tried = roles.map((role) => ({ role, result: hazardTransition(state, event, role, input) }));
  const ok = tried.find((t) => t.result.ok);
  if (ok) return ok;
  const rank = (r: HazardTransitionResult) =>
    r.ok ? 9 : r.code === "illegal_transition" ? 0 : r.code === "actor_not_allowed" ? 1 : 2;
  return [...tried].sort((a, b) => rank(b.result) - rank(a.result))[0]!;
}
