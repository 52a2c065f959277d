// The prevention-fee ledger (issue 9, "Money and oversight"; app/domain/prevention-fee.ts):
// commissioning a provider for a plan item is paid from the policy's fund in one transaction
// under the policy row's lock; a declined or cancelled engagement gives the money back; the
// ledger never goes below zero except by a recorded, approved overrun. Run it on PostgreSQL too
// (DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres) for real concurrency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { engagements, insurancePlanItems, preventionFeeEntries } from "../../db/schema";
import { feeBalance } from "../../app/domain/prevention-fee";
import {
  commissionProvider,
  getPolicyLedger,
  listLedger,
  releaseCommission,
  toLedgerEntry,
  type CommissionInput,
} from "../../app/services/prevention-fees.server";
import { applyTransition } from "../../app/services/engagements.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner } from "../factories/accounts";
import { insertPolicy } from "../factories/insurance";
import { verifiedProvider } from "../factories/engagements";
import { insertQualification } from "../factories/providers";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let insurer: { orgId: string; userId: string; ip: string };
let otherInsurer: { orgId: string; userId: string; ip: string };
let provider: { orgId: string; userId: string };
const now = new Date("2026-03-02T02:00:00Z");

beforeAll(async () => {
  t = await createTestDb({ maxConnections: 12 });
  const a = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
  const b = await createOrgWithOwner(t.db, { kind: "insurer", regionCode: "330702" });
  insurer = { orgId: a.org.id, userId: a.user.id, ip: "203.0.113.9" };
  otherInsurer = { orgId: b.org.id, userId: b.user.id, ip: "203.0.113.9" };
  const p = await verifiedProvider(t.db, { servedRegions: ["330702"] });
  await insertQualification(t.db, p.org!.id);
  provider = { orgId: p.org!.id, userId: p.user.id };
});
afterAll(async () => t?.close());

/** A policy with `extra` more open items than its plan (so many commissions can run at once). */
async function policyWithItems(fundFen: number, extra = 0) {
  // premium × 15 % = fund: premium = fund / 0.15 when it divides; use 100 % for exact funds.
  const { policy } = await insertPolicy(t.db, insurer.orgId, { premiumFen: fundFen, preventionFeeBps: 10_000 });
  const items = await t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.policyId, policy.id));
  const template = items[0]!;
  for (let i = 0; i < extra; i++) {
    await t.db.insert(insurancePlanItems).values({
      policyId: policy.id,
      insurerId: policy.insurerId,
      enterpriseId: policy.enterpriseId,
      service: "key_inspection",
      sequence: 100 + i,
      windowStart: template.windowStart,
      dueDate: template.dueDate,
    });
  }
  const all = await t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.policyId, policy.id));
  return { policy, items: all };
}

const commission = (itemId: string, priceFen: number, over: Partial<CommissionInput> = {}): CommissionInput => ({
  itemId,
  providerId: provider.orgId,
  category: "consulting",
  title: "重点检查（保险预防服务）",
  scope: "按保单预防服务计划开展检查",
  priceFen,
  overrunApproved: false,
  overrunReason: null,
  ...over,
});

async function codeOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

async function entriesOf(policyId: string) {
  return t.db.select().from(preventionFeeEntries).where(eq(preventionFeeEntries.policyId, policyId));
}

describe("commissioning a provider from the fee", () => {
  it("offers an insurer-paid engagement to the provider, records the commission and assigns the item", async () => {
    const { policy, items } = await policyWithItems(100_000);
    const result = await commissionProvider(t.db, insurer, commission(items[0]!.id, 40_000), now);
    expect(result.engagement).toMatchObject({
      enterpriseId: policy.enterpriseId,
      providerId: provider.orgId,
      payer: "insurer",
      deliveryForm: "insurance",
      status: "offer",
      offerAwaitingOrgId: provider.orgId,
      priceFen: 40_000,
    });
    const [item] = await t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.id, items[0]!.id));
    expect(item).toMatchObject({ assigneeKind: "provider", assigneeEngagementId: result.engagement.id });
    const ledger = await getPolicyLedger(t.db, insurer.orgId, policy.id);
    expect(ledger.balance).toEqual({
      fundFen: 100_000,
      committedFen: 40_000,
      releasedFen: 0,
      balanceFen: 60_000,
      overrunFen: 0,
    });
    // The same item cannot be commissioned twice while its engagement lives.
    expect(await codeOf(commissionProvider(t.db, insurer, commission(items[0]!.id, 1_000), now))).toBe(
      "already_commissioned",
    );
  });

  it("refuses beyond the balance without an approved overrun (409, nothing written); with one, records it and why", async () => {
    const { policy, items } = await policyWithItems(50_000);
    expect(await codeOf(commissionProvider(t.db, insurer, commission(items[0]!.id, 50_001), now))).toBe(
      "insufficient_prevention_fund",
    );
    expect((await entriesOf(policy.id)).map((e) => e.kind)).toEqual(["fund"]);
    expect(
      await codeOf(commissionProvider(t.db, insurer, commission(items[0]!.id, 50_001, { overrunApproved: true }), now)),
    ).toBe("overrun_reason_required");
    await commissionProvider(
      t.db,
      insurer,
      commission(items[0]!.id, 70_000, { overrunApproved: true, overrunReason: "重大隐患整改，经理批准" }),
      now,
    );
    const [entry] = (await entriesOf(policy.id)).filter((e) => e.kind === "commission");
    expect(entry).toMatchObject({ amountFen: 70_000, overrunFen: 20_000, overrunReason: "重大隐患整改，经理批准" });
  });

  it("another insurer's plan item and policy do not exist for it (404)", async () => {
    const { policy, items } = await policyWithItems(10_000);
    expect(await codeOf(commissionProvider(t.db, otherInsurer, commission(items[0]!.id, 100), now))).toBe("not_found");
    expect(await codeOf(getPolicyLedger(t.db, otherInsurer.orgId, policy.id))).toBe("not_found");
    const theirs = await listLedger(t.db, otherInsurer.orgId, {});
    expect(theirs.rows.map((r) => r.policyId)).not.toContain(policy.id);
  });
});

describe("releasing a commission", () => {
  it("a provider declining the offer gives the money back once and frees the item", async () => {
    const { policy, items } = await policyWithItems(30_000);
    const { engagement } = await commissionProvider(t.db, insurer, commission(items[0]!.id, 30_000), now);
    await applyTransition(
      t.db,
      { orgId: provider.orgId, orgKind: "provider", userId: provider.userId, ip: "203.0.113.1" },
      { engagementId: engagement.id, event: "cancel", reason: "档期已满", now },
    );
    // Idempotent: the hook running again (a retried job, a second call) writes nothing.
    await t.db.transaction((tx) => releaseCommission(tx, { id: engagement.id, payer: "insurer" }, now));
    const kinds = (await entriesOf(policy.id)).map((e) => e.kind).sort();
    expect(kinds).toEqual(["commission", "fund", "release"]);
    const ledger = await getPolicyLedger(t.db, insurer.orgId, policy.id);
    expect(ledger.balance.balanceFen).toBe(30_000);
    const [item] = await t.db.select().from(insurancePlanItems).where(eq(insurancePlanItems.id, items[0]!.id));
    expect(item).toMatchObject({ assigneeKind: null, assigneeEngagementId: null });
    // …so it can be commissioned again.
    await commissionProvider(t.db, insurer, commission(items[0]!.id, 10_000), now);
  });

  it("an enterprise-paid engagement is not the ledger's: cancelling it writes no entry", async () => {
    const [e] = await t.db.select().from(engagements).where(eq(engagements.payer, "insurer")).limit(1);
    const before = await t.db.select().from(preventionFeeEntries);
    await t.db.transaction((tx) => releaseCommission(tx, { id: e!.id, payer: "enterprise" }, now));
    expect((await t.db.select().from(preventionFeeEntries)).length).toBe(before.length);
  });
});

describe("concurrency and the ledger's sums", () => {
  it("many concurrent commissions on one policy never take it below zero without a recorded overrun", async () => {
    const { policy, items } = await policyWithItems(100_000, 6);
    // 15 commissions of 30 000 fen on a fund of 100 000: exactly three fit.
    const results = await Promise.allSettled(
      items.slice(0, 15).map((item) => commissionProvider(t.db, insurer, commission(item.id, 30_000), now)),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter(
      (r) => r.status === "rejected" && (r.reason as AppError).code === "insufficient_prevention_fund",
    ).length;
    expect(ok).toBe(3);
    expect(refused).toBe(12);
    const ledger = await getPolicyLedger(t.db, insurer.orgId, policy.id);
    expect(ledger.balance).toMatchObject({ committedFen: 90_000, balanceFen: 10_000, overrunFen: 0 });
  });

  it("concurrent commissions with approved overruns: the balance is never below minus the recorded overrun", async () => {
    const { policy, items } = await policyWithItems(50_000, 6);
    await Promise.allSettled(
      items.slice(0, 15).map((item, i) =>
        commissionProvider(
          t.db,
          insurer,
          commission(item.id, 9_000 + i * 100, {
            overrunApproved: i % 2 === 0,
            overrunReason: i % 2 === 0 ? "经理批准超支" : null,
          }),
          now,
        ),
      ),
    );
    const ledger = await getPolicyLedger(t.db, insurer.orgId, policy.id);
    expect(ledger.balance.balanceFen + ledger.balance.overrunFen).toBeGreaterThanOrEqual(0);
    // Every commission beyond the balance carries its reason.
    const overruns = (await entriesOf(policy.id)).filter((e) => e.overrunFen > 0);
    expect(overruns.every((e) => e.overrunReason === "经理批准超支")).toBe(true);
  });

  it("property: per-policy rows, totals and the domain's sum of the entries agree, and balance + overrun ≥ 0", async () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("commit" as const),
        priceFen: fc.integer({ min: 1, max: 60_000 }),
        approved: fc.boolean(),
      }),
      fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 80_000 }),
        fc.array(op, { minLength: 1, maxLength: 8 }),
        async (fund, ops) => {
          const { policy, items } = await policyWithItems(fund);
          const open = items.map((i) => i.id);
          const live: string[] = [];
          for (const o of ops) {
            if (o.kind === "commit") {
              const itemId = open.shift();
              if (!itemId) continue;
              try {
                const r = await commissionProvider(
                  t.db,
                  insurer,
                  commission(itemId, o.priceFen, {
                    overrunApproved: o.approved,
                    overrunReason: o.approved ? "批准" : null,
                  }),
                  now,
                );
                live.push(r.engagement.id);
              } catch (e) {
                expect((e as AppError).code).toBe("insufficient_prevention_fund");
                open.push(itemId);
              }
            } else if (live.length) {
              const [id] = live.splice(o.pick % live.length, 1);
              await applyTransition(
                t.db,
                { orgId: provider.orgId, orgKind: "provider", userId: provider.userId, ip: "203.0.113.1" },
                { engagementId: id!, event: "cancel", reason: "无法承接", now },
              );
            }
            const entries = await entriesOf(policy.id);
            const sum = feeBalance(entries.map(toLedgerEntry));
            expect(sum.balanceFen + sum.overrunFen).toBeGreaterThanOrEqual(0);
          }
          const entries = await entriesOf(policy.id);
          const sum = feeBalance(entries.map(toLedgerEntry));
          const view = await listLedger(t.db, insurer.orgId, { q: policy.policyNumber });
          expect(view.rows).toHaveLength(1);
          const { fundFen, committedFen, releasedFen, balanceFen, overrunFen } = view.rows[0]!;
          expect({ fundFen, committedFen, releasedFen, balanceFen, overrunFen }).toEqual(sum);
          expect(view.totals).toMatchObject(sum);
          // Every release answers one commission of the same amount.
          for (const r of entries.filter((e) => e.kind === "release")) {
            const c = entries.find((e) => e.kind === "commission" && e.engagementId === r.engagementId);
            expect(c?.amountFen).toBe(r.amountFen);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it("the insurer's totals are the sum of its rows", async () => {
    const all = await listLedger(t.db, insurer.orgId, { page: 1 });
    const everything: Awaited<ReturnType<typeof listLedger>>["rows"] = [];
    for (let page = 1; page <= Math.ceil(all.total / all.pageSize); page++)
      everything.push(...(await listLedger(t.db, insurer.orgId, { page })).rows);
    const sum = (k: "fundFen" | "committedFen" | "releasedFen" | "overrunFen" | "balanceFen") =>
      everything.reduce((s, r) => s + r[k], 0);
    expect(all.totals).toMatchObject({
      fundFen: sum("fundFen"),
      committedFen: sum("committedFen"),
      releasedFen: sum("releasedFen"),
      overrunFen: sum("overrunFen"),
      balanceFen: sum("balanceFen"),
    });
    const overrunOnly = await listLedger(t.db, insurer.orgId, { flag: "overrun" });
    expect(overrunOnly.rows.every((r) => r.overrunFen > 0)).toBe(true);
    expect(overrunOnly.total).toBeGreaterThan(0);
  });
});
