import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  approveInLedger,
  BLOCKING_STATES,
  cancelInLedger,
  emptyLedger,
  enterpriseRemaining,
  remainingBudget,
  subsidyTransition,
  type SubsidyLedger,
} from "./subsidy-ledger";

describe("ledger, by example (issue 10: the ¥5,000 cap; a cancelled approval returns its money)", () => {
  const price = 1_000_000;
  const rate = 5000; // ≤ ¥5,000 by rate per engagement
  it("a second approval that would pass the cap is refused and names the cap", () => {
    let ledger = emptyLedger(10_000_000, 500_000);
    const first = approveInLedger(ledger, {
      applicationId: "a1",
      enterpriseId: "e",
      amountFen: 300_000,
      priceFen: price,
      rateBp: rate,
    });
    expect(first).toMatchObject({ ok: true, remainingBudgetFen: 9_700_000, enterpriseRemainingFen: 200_000 });
    if (!first.ok) return;
    ledger = first.ledger;
    expect(
      approveInLedger(ledger, {
        applicationId: "a2",
        enterpriseId: "e",
        amountFen: 250_000,
        priceFen: price,
        rateBp: rate,
      }),
    ).toEqual({
      ok: false,
      code: "cap_exceeded",
      limitFen: 200_000,
    });
    // Another enterprise is not affected by e's cap.
    expect(
      approveInLedger(ledger, {
        applicationId: "a3",
        enterpriseId: "f",
        amountFen: 250_000,
        priceFen: price,
        rateBp: rate,
      }).ok,
    ).toBe(true);
  });

  it("the budget runs out before the cap: budget_exceeded", () => {
    const ledger = emptyLedger(100_000, 500_000);
    expect(
      approveInLedger(ledger, {
        applicationId: "a",
        enterpriseId: "e",
        amountFen: 100_001,
        priceFen: price,
        rateBp: rate,
      }),
    ).toMatchObject({
      ok: false,
      code: "budget_exceeded",
    });
  });

  it("the same application cannot be approved twice", () => {
    const first = approveInLedger(emptyLedger(1_000_000, 500_000), {
      applicationId: "a",
      enterpriseId: "e",
      amountFen: 1,
      priceFen: price,
      rateBp: rate,
    });
    if (!first.ok) throw new Error("first approval refused");
    expect(
      approveInLedger(first.ledger, {
        applicationId: "a",
        enterpriseId: "e",
        amountFen: 1,
        priceFen: price,
        rateBp: rate,
      }),
    ).toMatchObject({
      ok: false,
      code: "already_approved",
    });
  });

  it("cancelling returns the money to budget and cap; a second cancel is refused", () => {
    const first = approveInLedger(emptyLedger(1_000_000, 500_000), {
      applicationId: "a",
      enterpriseId: "e",
      amountFen: 500_000,
      priceFen: price,
      rateBp: rate,
    });
    if (!first.ok) throw new Error("first approval refused");
    const cancelled = cancelInLedger(first.ledger, "a");
    expect(cancelled).toMatchObject({ ok: true, returnedFen: 500_000 });
    if (!cancelled.ok) return;
    expect(remainingBudget(cancelled.ledger)).toBe(1_000_000);
    expect(enterpriseRemaining(cancelled.ledger, "e")).toBe(500_000);
    expect(cancelInLedger(cancelled.ledger, "a")).toEqual({ ok: false, code: "not_approved" });
  });
});

describe("ledger invariants over random sequences of approvals and cancellations (fast-check)", () => {
  type Op =
    | { kind: "approve"; app: number; enterprise: number; amountFen: number; priceFen: number; rateBp: number }
    | { kind: "cancel"; app: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant("approve" as const),
      app: fc.integer({ min: 0, max: 30 }),
      enterprise: fc.integer({ min: 0, max: 4 }),
      amountFen: fc.oneof(fc.integer({ min: -10, max: 600_000 }), fc.constant(0)),
      priceFen: fc.integer({ min: 0, max: 2_000_000 }),
      rateBp: fc.integer({ min: 0, max: 10_000 }),
    }),
    fc.record({ kind: fc.constant("cancel" as const), app: fc.integer({ min: 0, max: 30 }) }),
  );

  function checkInvariants(l: SubsidyLedger) {
    const approvals = Object.values(l.approvals);
    const sum = approvals.reduce((s, a) => s + a.amountFen, 0);
    expect(l.committedFen).toBe(sum);
    expect(l.committedFen + remainingBudget(l)).toBe(l.budgetFen);
    expect(remainingBudget(l)).toBeGreaterThanOrEqual(0);
    for (const enterprise of new Set(approvals.map((a) => a.enterpriseId))) {
      const own = approvals.filter((a) => a.enterpriseId === enterprise).reduce((s, a) => s + a.amountFen, 0);
      expect(l.committedByEnterprise[enterprise]).toBe(own);
      expect(own).toBeLessThanOrEqual(l.capPerEnterpriseFen);
      expect(enterpriseRemaining(l, enterprise)).toBeGreaterThanOrEqual(0);
    }
    for (const a of approvals) expect(a.amountFen).toBeGreaterThan(0);
  }

  it("budget and caps never go negative, committed + remaining = budget, sums match, and an approval succeeds exactly when it fits", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 800_000 }),
        fc.array(op, { maxLength: 60 }),
        (budget, cap, ops) => {
          let ledger = emptyLedger(budget, cap);
          for (const o of ops) {
            const id = `app${o.app}`;
            if (o.kind === "approve") {
              const enterpriseId = `ent${o.enterprise}`;
              // Oracle, written independently of approvalLimits: the three limits by hand.
              const byRate = Math.floor((o.priceFen * o.rateBp) / 10_000);
              const capLeft = cap - (ledger.committedByEnterprise[enterpriseId] ?? 0);
              const budgetLeft = budget - ledger.committedFen;
              const fits =
                !(id in ledger.approvals) && o.amountFen > 0 && o.amountFen <= Math.min(byRate, capLeft, budgetLeft);
              const result = approveInLedger(ledger, {
                applicationId: id,
                enterpriseId,
                amountFen: o.amountFen,
                priceFen: o.priceFen,
                rateBp: o.rateBp,
              });
              expect(result.ok).toBe(fits);
              if (result.ok) {
                expect(result.remainingBudgetFen).toBe(budgetLeft - o.amountFen);
                expect(result.enterpriseRemainingFen).toBe(capLeft - o.amountFen);
                ledger = result.ledger;
              }
            } else {
              const before = ledger.committedFen;
              const held = ledger.approvals[id]?.amountFen;
              const result = cancelInLedger(ledger, id);
              expect(result.ok).toBe(held !== undefined);
              if (result.ok) {
                expect(result.ledger.committedFen).toBe(before - held!);
                ledger = result.ledger;
              }
            }
            checkInvariants(ledger);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("application machine", () => {
  it.each([
    ["awaiting_confirmation", "confirm", "enterprise", { ok: true, to: "pending", needsReason: false, money: null }],
    ["awaiting_confirmation", "confirm", "applicant", { ok: false, code: "actor_not_allowed" }],
    ["pending", "approve", "bureau", { ok: true, to: "approved", needsReason: false, money: "commit" }],
    ["pending", "request_info", "bureau", { ok: true, to: "info_requested", needsReason: true, money: null }],
    ["info_requested", "answer", "applicant", { ok: true, to: "pending", needsReason: true, money: null }],
    ["pending", "reject", "bureau", { ok: true, to: "rejected", needsReason: true, money: null }],
    ["approved", "cancel", "bureau", { ok: true, to: "cancelled", needsReason: true, money: "release" }],
    ["approved", "disburse", "bureau", { ok: true, to: "disbursed", needsReason: false, money: null }],
    ["disbursed", "cancel", "bureau", { ok: false, code: "illegal_transition" }],
    ["disbursed", "claw_back", "bureau", { ok: true, to: "clawed_back", needsReason: true, money: null }],
    ["approved", "approve", "bureau", { ok: false, code: "illegal_transition" }],
    ["pending", "approve", "applicant", { ok: false, code: "actor_not_allowed" }],
    ["rejected", "constructor", "bureau", { ok: false, code: "illegal_transition" }],
  ] as const)("%s --%s by %s", (state, event, actor, expected) => {
    expect(subsidyTransition(state, event, actor)).toEqual(expected);
  });

  it("one application per engagement: only rejected, withdrawn and cancelled ones free the engagement", () => {
    expect([...BLOCKING_STATES].sort()).toEqual([
      "approved",
      "awaiting_confirmation",
      "clawed_back",
      "disbursed",
      "info_requested",
      "pending",
    ]);
  });
});
