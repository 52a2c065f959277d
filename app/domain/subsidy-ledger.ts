/**
 * The bookkeeping of one subsidy program: its applications' states and the counters an approval
 * moves. Issue 10 "Exact under concurrency": an approval never takes the budget below zero nor an
 * enterprise over its cap; a cancelled approval returns its money to both.
 *
 * The database keeps the same counters (program.committed_fen, one row per enterprise and program)
 * under CHECK constraints and changes them with conditional UPDATEs; `approveInLedger` and
 * `cancelInLedger` are the specification those writes are tested against, one approval at a time.
 * Pure and immutable: every call returns a new ledger.
 */
import { amountRefusal, approvalLimits, type AmountRefusal } from "./subsidy-rules";

// ---------------------------------------------------------------- application machine

export const SUBSIDY_APPLICATION_STATES = [
  "awaiting_confirmation",
  "pending",
  "info_requested",
  "approved",
  "rejected",
  "withdrawn",
  "cancelled",
  "disbursed",
  "clawed_back",
] as const;
export type SubsidyApplicationState = (typeof SUBSIDY_APPLICATION_STATES)[number];

/** applicant: whoever filed (the enterprise or its provider); enterprise: the subsidised firm. */
export type SubsidyActor = "applicant" | "enterprise" | "bureau";

type Edge = {
  to: SubsidyApplicationState;
  actors: readonly SubsidyActor[];
  needsReason?: true;
  /** The money effect the service must apply in the same transaction. */
  money?: "commit" | "release";
};

/**
 * - A provider's application on the enterprise's behalf waits for the enterprise's confirmation.
 * - More information is asked and answered in the same thread (info_requested ⇄ pending).
 * - Only an approved, not yet paid amount can be cancelled, and that returns it to budget and cap.
 *   After payment, a failed spot check claws it back (spot-check-draw.ts): the money is owed back
 *   to the treasury and does not reopen the budget or the cap (decision 015).
 */
export const SUBSIDY_APPLICATION_GRAPH = {
  awaiting_confirmation: {
    confirm: { to: "pending", actors: ["enterprise"] },
    decline: { to: "withdrawn", actors: ["enterprise"], needsReason: true },
    withdraw: { to: "withdrawn", actors: ["applicant"] },
  },
  pending: {
    approve: { to: "approved", actors: ["bureau"], money: "commit" },
    request_info: { to: "info_requested", actors: ["bureau"], needsReason: true },
    reject: { to: "rejected", actors: ["bureau"], needsReason: true },
    withdraw: { to: "withdrawn", actors: ["applicant"] },
  },
  info_requested: {
    answer: { to: "pending", actors: ["applicant"], needsReason: true },
    reject: { to: "rejected", actors: ["bureau"], needsReason: true },
    withdraw: { to: "withdrawn", actors: ["applicant"] },
  },
  approved: {
    disburse: { to: "disbursed", actors: ["bureau"] },
    cancel: { to: "cancelled", actors: ["bureau"], needsReason: true, money: "release" },
  },
  disbursed: {
    claw_back: { to: "clawed_back", actors: ["bureau"], needsReason: true },
  },
  rejected: {},
  withdrawn: {},
  cancelled: {},
  clawed_back: {},
} as const satisfies Record<SubsidyApplicationState, Record<string, Edge>>;

export type SubsidyTransition =
  | { ok: true; to: SubsidyApplicationState; needsReason: boolean; money: "commit" | "release" | null }
  | { ok: false; code: "illegal_transition" | "actor_not_allowed" };

export function subsidyTransition(
  state: SubsidyApplicationState,
  event: string,
  actor: SubsidyActor,
): SubsidyTransition {
  const events = SUBSIDY_APPLICATION_GRAPH[state] as Record<string, Edge>;
  const edge = Object.prototype.hasOwnProperty.call(events, event) ? events[event] : undefined;
  if (!edge) return { ok: false, code: "illegal_transition" };
  if (!edge.actors.includes(actor)) return { ok: false, code: "actor_not_allowed" };
  return { ok: true, to: edge.to, needsReason: Boolean(edge.needsReason), money: edge.money ?? null };
}

/** States that still block a new application for the same engagement (one application per engagement). */
export const BLOCKING_STATES: readonly SubsidyApplicationState[] = SUBSIDY_APPLICATION_STATES.filter(
  (s) => !["rejected", "withdrawn", "cancelled"].includes(s),
);

// ---------------------------------------------------------------- ledger

export type SubsidyLedger = {
  readonly budgetFen: number;
  readonly capPerEnterpriseFen: number;
  readonly committedFen: number;
  readonly committedByEnterprise: Readonly<Record<string, number>>;
  readonly approvals: Readonly<Record<string, { enterpriseId: string; amountFen: number }>>;
};

export function emptyLedger(budgetFen: number, capPerEnterpriseFen: number): SubsidyLedger {
  return { budgetFen, capPerEnterpriseFen, committedFen: 0, committedByEnterprise: {}, approvals: {} };
}

export const remainingBudget = (l: SubsidyLedger) => l.budgetFen - l.committedFen;
export const enterpriseRemaining = (l: SubsidyLedger, enterpriseId: string) =>
  l.capPerEnterpriseFen - (l.committedByEnterprise[enterpriseId] ?? 0);

export type ApproveResult =
  | { ok: true; ledger: SubsidyLedger; remainingBudgetFen: number; enterpriseRemainingFen: number }
  | { ok: false; code: AmountRefusal | "already_approved"; limitFen: number };

export function approveInLedger(
  ledger: SubsidyLedger,
  input: { applicationId: string; enterpriseId: string; amountFen: number; priceFen: number; rateBp: number },
): ApproveResult {
  if (ledger.approvals[input.applicationId]) return { ok: false, code: "already_approved", limitFen: 0 };
  const committedHere = ledger.committedByEnterprise[input.enterpriseId] ?? 0;
  const limits = approvalLimits({
    priceFen: input.priceFen,
    rateBp: input.rateBp,
    capPerEnterpriseFen: ledger.capPerEnterpriseFen,
    enterpriseCommittedFen: committedHere,
    budgetFen: ledger.budgetFen,
    programCommittedFen: ledger.committedFen,
  });
  const refusal = amountRefusal(input.amountFen, limits);
  if (refusal) return { ok: false, ...refusal };
  const next: SubsidyLedger = {
    ...ledger,
    committedFen: ledger.committedFen + input.amountFen,
    committedByEnterprise: { ...ledger.committedByEnterprise, [input.enterpriseId]: committedHere + input.amountFen },
    approvals: {
      ...ledger.approvals,
      [input.applicationId]: { enterpriseId: input.enterpriseId, amountFen: input.amountFen },
    },
  };
  return {
    ok: true,
    ledger: next,
    remainingBudgetFen: remainingBudget(next),
    enterpriseRemainingFen: enterpriseRemaining(next, input.enterpriseId),
  };
}

export type CancelResult =
  { ok: true; ledger: SubsidyLedger; returnedFen: number } | { ok: false; code: "not_approved" };

/** Returns the approved amount to the program's budget and the enterprise's cap. */
export function cancelInLedger(ledger: SubsidyLedger, applicationId: string): CancelResult {
  const approval = ledger.approvals[applicationId];
  if (!approval) return { ok: false, code: "not_approved" };
  const { [applicationId]: _removed, ...approvals } = ledger.approvals;
  const left = (ledger.committedByEnterprise[approval.enterpriseId] ?? 0) - approval.amountFen;
  const { [approval.enterpriseId]: _old, ...others } = ledger.committedByEnterprise;
  return {
    ok: true,
    returnedFen: approval.amountFen,
    ledger: {
      ...ledger,
      committedFen: ledger.committedFen - approval.amountFen,
      committedByEnterprise: left > 0 ? { ...others, [approval.enterpriseId]: left } : others,
      approvals,
    },
  };
}
