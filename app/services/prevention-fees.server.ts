/**
 * The prevention-fee ledger (事故预防费用, issue 9 "Money and oversight"; rules in
 * app/domain/prevention-fee.ts). The ledger is append-only: a fund entry per policy (written by
 * writePolicy), a commission entry when the insurer buys a plan item's service from a provider,
 * a release entry when that engagement is declined or cancelled. A balance is always a sum of
 * entries, computed under a lock on the policy row, so concurrent commissions on one policy
 * serialise and the balance can go below zero only by a recorded, approved overrun.
 *
 * Every query is scoped by the acting insurer in its WHERE: another insurer's policy does not
 * exist for it (404).
 */
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import {
  engagementEvents,
  engagements,
  insurancePlanItems,
  insurancePolicies,
  organisations,
  preventionFeeEntries,
  qualifications,
} from "../../db/schema";
import type { Engagement, ServiceCategory } from "../../db/schema";
import { shanghaiDateString } from "../domain/format";
import { pageWindow } from "../domain/paging";
import { canCommit, feeBalance, type FeeBalance, type FeeLedgerEntry } from "../domain/prevention-fee";
import { AppError, notFound } from "../utils/errors";
import type { Actor } from "./actor";
import { writeAudit } from "./audit.server";
import { assertProviderMayContract } from "./engagement-eligibility.server";
import { notifyEngagementParties } from "./notify-recipients.server";

export type LedgerQuery = {
  q?: string;
  /** Only policies with a recorded overrun, or with a balance at or below zero. */
  flag?: "overrun" | "exhausted";
  status?: "active" | "cancelled" | "expired";
  page?: number;
};

export type LedgerRow = FeeBalance & {
  policyId: string;
  policyNumber: string;
  enterpriseId: string;
  enterpriseName: string;
  startDate: string;
  endDate: string;
  status: string;
  premiumFen: number;
  preventionFeeBps: number;
};

const sumOf = (kind: "fund" | "commission" | "release", column: AnyPgColumn) =>
  sql<number>`coalesce(sum(${column}) filter (where ${preventionFeeEntries.kind} = ${kind}), 0)::bigint`.mapWith(
    Number,
  );

const balanceColumns = {
  fundFen: sumOf("fund", preventionFeeEntries.amountFen).as("fund_fen"),
  committedFen: sumOf("commission", preventionFeeEntries.amountFen).as("committed_fen"),
  releasedFen: sumOf("release", preventionFeeEntries.amountFen).as("released_fen"),
  overrunFen: sumOf("commission", preventionFeeEntries.overrunFen).as("overrun_fen"),
};

function withBalance<T extends { fundFen: number; committedFen: number; releasedFen: number; overrunFen: number }>(
  row: T,
): T & { balanceFen: number } {
  return { ...row, balanceFen: row.fundFen - row.committedFen + row.releasedFen };
}

function ledgerWhere(insurerId: string, query: LedgerQuery): SQL {
  const q = query.q?.trim();
  return and(
    eq(insurancePolicies.insurerId, insurerId),
    query.status ? eq(insurancePolicies.status, query.status) : undefined,
    q
      ? or(ilike(insurancePolicies.policyNumber, `%${escapeLike(q)}%`), ilike(organisations.name, `%${escapeLike(q)}%`))
      : undefined,
  )!;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const HAVING: Record<NonNullable<LedgerQuery["flag"]>, SQL> = {
  overrun: sql`coalesce(sum(${preventionFeeEntries.overrunFen}) filter (where ${preventionFeeEntries.kind} = 'commission'), 0) > 0`,
  exhausted: sql`coalesce(sum(case ${preventionFeeEntries.kind} when 'fund' then ${preventionFeeEntries.amountFen} when 'release' then ${preventionFeeEntries.amountFen} else -${preventionFeeEntries.amountFen} end), 0) <= 0`,
};

function ledgerBase(db: DbOrTx, insurerId: string, query: LedgerQuery) {
  return db
    .select({
      policyId: insurancePolicies.id,
      policyNumber: insurancePolicies.policyNumber,
      enterpriseId: insurancePolicies.enterpriseId,
      enterpriseName: organisations.name,
      startDate: insurancePolicies.startDate,
      endDate: insurancePolicies.endDate,
      status: insurancePolicies.status,
      premiumFen: insurancePolicies.premiumFen,
      preventionFeeBps: insurancePolicies.preventionFeeBps,
      ...balanceColumns,
    })
    .from(insurancePolicies)
    .innerJoin(organisations, eq(organisations.id, insurancePolicies.enterpriseId))
    .leftJoin(preventionFeeEntries, eq(preventionFeeEntries.policyId, insurancePolicies.id))
    .where(ledgerWhere(insurerId, query))
    .groupBy(insurancePolicies.id, organisations.name)
    .having(query.flag ? HAVING[query.flag] : undefined);
}

/** The insurer's ledger, per policy, with totals over everything the filters select. */
export async function listLedger(db: Db, insurerId: string, query: LedgerQuery) {
  const { page, limit, offset } = pageWindow(query.page);
  const base = ledgerBase(db, insurerId, query).as("ledger");
  const [rows, [totals]] = await Promise.all([
    ledgerBase(db, insurerId, query)
      .orderBy(desc(insurancePolicies.startDate), asc(insurancePolicies.policyNumber))
      .limit(limit)
      .offset(offset),
    db
      .select({
        policies: count(),
        fundFen: sql<number>`coalesce(sum(${base.fundFen}), 0)::bigint`.mapWith(Number),
        committedFen: sql<number>`coalesce(sum(${base.committedFen}), 0)::bigint`.mapWith(Number),
        releasedFen: sql<number>`coalesce(sum(${base.releasedFen}), 0)::bigint`.mapWith(Number),
        overrunFen: sql<number>`coalesce(sum(${base.overrunFen}), 0)::bigint`.mapWith(Number),
      })
      .from(base),
  ]);
  return {
    rows: rows.map(withBalance) as LedgerRow[],
    totals: withBalance(totals!),
    total: totals!.policies,
    page,
    pageSize: limit,
  };
}

/** Every row the filters select, for the Excel export (no paging). */
export async function ledgerForExport(db: Db, insurerId: string, query: LedgerQuery): Promise<LedgerRow[]> {
  const rows = await ledgerBase(db, insurerId, query)
    .orderBy(desc(insurancePolicies.startDate), asc(insurancePolicies.policyNumber))
    .limit(50_000);
  return rows.map(withBalance);
}

const entryColumns = {
  id: preventionFeeEntries.id,
  policyId: preventionFeeEntries.policyId,
  kind: preventionFeeEntries.kind,
  amountFen: preventionFeeEntries.amountFen,
  overrunFen: preventionFeeEntries.overrunFen,
  overrunReason: preventionFeeEntries.overrunReason,
  engagementId: preventionFeeEntries.engagementId,
  planItemId: preventionFeeEntries.planItemId,
  createdAt: preventionFeeEntries.createdAt,
  engagementTitle: engagements.title,
  engagementStatus: engagements.status,
  providerName: organisations.name,
};

/** One policy's entries, oldest first, with its balance (the domain's sum of them). */
export async function getPolicyLedger(db: DbOrTx, insurerId: string, policyId: string) {
  const [policy] = await db
    .select({
      id: insurancePolicies.id,
      policyNumber: insurancePolicies.policyNumber,
      enterpriseId: insurancePolicies.enterpriseId,
      enterpriseName: organisations.name,
      premiumFen: insurancePolicies.premiumFen,
      preventionFeeBps: insurancePolicies.preventionFeeBps,
      startDate: insurancePolicies.startDate,
      endDate: insurancePolicies.endDate,
      status: insurancePolicies.status,
    })
    .from(insurancePolicies)
    .innerJoin(organisations, eq(organisations.id, insurancePolicies.enterpriseId))
    .where(and(eq(insurancePolicies.id, policyId), eq(insurancePolicies.insurerId, insurerId)));
  if (!policy) throw notFound();
  const entries = await db
    .select(entryColumns)
    .from(preventionFeeEntries)
    .leftJoin(engagements, eq(engagements.id, preventionFeeEntries.engagementId))
    .leftJoin(organisations, eq(organisations.id, engagements.providerId))
    .where(and(eq(preventionFeeEntries.policyId, policyId), eq(preventionFeeEntries.insurerId, insurerId)))
    .orderBy(asc(preventionFeeEntries.createdAt), asc(preventionFeeEntries.id));
  return { policy, entries, balance: feeBalance(entries.map(toLedgerEntry)) };
}

/** The insurer's entries of one enterprise's policies (the archive's ledger sheet). */
export async function feeEntriesOfEnterprise(db: DbOrTx, insurerId: string, enterpriseId: string) {
  return db
    .select({ ...entryColumns, policyNumber: insurancePolicies.policyNumber })
    .from(preventionFeeEntries)
    .innerJoin(insurancePolicies, eq(insurancePolicies.id, preventionFeeEntries.policyId))
    .leftJoin(engagements, eq(engagements.id, preventionFeeEntries.engagementId))
    .leftJoin(organisations, eq(organisations.id, engagements.providerId))
    .where(and(eq(preventionFeeEntries.insurerId, insurerId), eq(insurancePolicies.enterpriseId, enterpriseId)))
    .orderBy(asc(preventionFeeEntries.createdAt), asc(preventionFeeEntries.id));
}

type EntryRow = {
  kind: "fund" | "commission" | "release";
  policyId: string;
  amountFen: number;
  overrunFen: number;
  engagementId: string | null;
};

export function toLedgerEntry(e: EntryRow): FeeLedgerEntry {
  if (e.kind === "fund") return { kind: "fund", policyId: e.policyId, amountFen: e.amountFen };
  if (e.kind === "commission")
    return {
      kind: "commission",
      policyId: e.policyId,
      engagementId: e.engagementId ?? "",
      amountFen: e.amountFen,
      overrunFen: e.overrunFen,
    };
  return { kind: "release", policyId: e.policyId, engagementId: e.engagementId ?? "", amountFen: e.amountFen };
}

/** The balance of one policy from its entries; call under the policy row's lock when committing. */
async function policyBalance(tx: DbOrTx, policyId: string): Promise<FeeBalance> {
  const rows = await tx
    .select({
      kind: preventionFeeEntries.kind,
      policyId: preventionFeeEntries.policyId,
      amountFen: preventionFeeEntries.amountFen,
      overrunFen: preventionFeeEntries.overrunFen,
      engagementId: preventionFeeEntries.engagementId,
    })
    .from(preventionFeeEntries)
    .where(eq(preventionFeeEntries.policyId, policyId));
  return feeBalance(rows.map(toLedgerEntry));
}

// ------------------------------------------------------------------ commissioning a provider

/** The marketplace category a plan item's service is bought under (the form may choose another). */
export const SERVICE_CATEGORY: Record<string, ServiceCategory> = {
  risk_assessment: "consulting",
  key_inspection: "consulting",
  thorough_inspection: "consulting",
  all_staff_training: "training",
  rectification_assistance: "consulting",
  one_enterprise_one_plan: "consulting",
  remote_guidance: "consulting",
  onsite_stationing: "custody",
};

const LIVE_ENGAGEMENT = [
  "offer",
  "signed",
  "in_service",
  "delivered",
  "changes_requested",
  "accepted",
  "closed",
  "disputed",
] as const;

async function ownPlanItem(db: DbOrTx, insurerId: string, itemId: string) {
  const [item] = await db
    .select({
      id: insurancePlanItems.id,
      policyId: insurancePlanItems.policyId,
      enterpriseId: insurancePlanItems.enterpriseId,
      enterpriseName: organisations.name,
      service: insurancePlanItems.service,
      sequence: insurancePlanItems.sequence,
      windowStart: insurancePlanItems.windowStart,
      dueDate: insurancePlanItems.dueDate,
      state: insurancePlanItems.state,
      assigneeKind: insurancePlanItems.assigneeKind,
      assigneeEngagementId: insurancePlanItems.assigneeEngagementId,
      version: insurancePlanItems.version,
      policyNumber: insurancePolicies.policyNumber,
      policyStatus: insurancePolicies.status,
    })
    .from(insurancePlanItems)
    .innerJoin(insurancePolicies, eq(insurancePolicies.id, insurancePlanItems.policyId))
    .innerJoin(organisations, eq(organisations.id, insurancePlanItems.enterpriseId))
    .where(and(eq(insurancePlanItems.id, itemId), eq(insurancePlanItems.insurerId, insurerId)));
  if (!item) throw notFound();
  return item;
}

/** Providers that may be commissioned: active providers with a verified qualification valid today. */
export async function commissionableProviders(db: DbOrTx, today: string) {
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .innerJoin(qualifications, eq(qualifications.providerId, organisations.id))
    .where(
      and(
        eq(organisations.kind, "provider"),
        isNull(organisations.suspendedAt),
        eq(qualifications.status, "verified"),
        sql`${qualifications.validFrom} <= ${today} and ${qualifications.validTo} >= ${today}`,
      ),
    )
    .orderBy(organisations.name)
    .limit(500);
}

/** What the commission form shows: the item, its policy's balance, the providers to choose from. */
export async function getCommissionForm(db: Db, insurerId: string, itemId: string, now: Date) {
  const item = await ownPlanItem(db, insurerId, itemId);
  const [balance, providers, current] = await Promise.all([
    policyBalance(db, item.policyId),
    commissionableProviders(db, shanghaiDateString(now)),
    item.assigneeEngagementId
      ? db
          .select({
            id: engagements.id,
            title: engagements.title,
            status: engagements.status,
            priceFen: engagements.priceFen,
            providerName: organisations.name,
          })
          .from(engagements)
          .innerJoin(organisations, eq(organisations.id, engagements.providerId))
          .where(eq(engagements.id, item.assigneeEngagementId))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
  ]);
  return { item, balance, providers, current, defaultCategory: SERVICE_CATEGORY[item.service] ?? "consulting" };
}

export type CommissionInput = {
  itemId: string;
  providerId: string;
  category: ServiceCategory;
  title: string;
  scope: string;
  priceFen: number;
  overrunApproved: boolean;
  overrunReason: string | null;
};

/**
 * Commissions a provider for a plan item, paid from the policy's prevention fee, in one
 * transaction: the policy row is locked, the balance summed from its entries, canCommit decides
 * (beyond the balance only with an approved overrun and its reason, which are recorded), the
 * engagement is offered to the provider on the enterprise's behalf (payer insurer, delivery form
 * insurance — the provider accepts or declines as any offer), the commission entry written and
 * the item assigned to that engagement.
 */
export async function commissionProvider(db: Db, actor: Actor, input: CommissionInput, now: Date) {
  return db.transaction(async (tx) => {
    const item = await ownPlanItem(tx, actor.orgId, input.itemId);
    const [policy] = await tx
      .select()
      .from(insurancePolicies)
      .where(and(eq(insurancePolicies.id, item.policyId), eq(insurancePolicies.insurerId, actor.orgId)))
      .for("update");
    if (!policy) throw notFound();
    if (policy.status === "cancelled")
      throw new AppError(409, "policy_cancelled", "premiumLedger:errors.policy_cancelled");
    // Re-read the item under the policy lock: a concurrent commission of the same item has committed by now.
    const [locked] = await tx.select().from(insurancePlanItems).where(eq(insurancePlanItems.id, item.id)).for("update");
    if (!locked || locked.state !== "open")
      throw new AppError(409, "item_not_open", "premiumLedger:errors.item_not_open");
    if (locked.assigneeKind === "provider" && locked.assigneeEngagementId) {
      const [live] = await tx
        .select({ id: engagements.id })
        .from(engagements)
        .where(and(eq(engagements.id, locked.assigneeEngagementId), inArray(engagements.status, [...LIVE_ENGAGEMENT])));
      if (live) throw new AppError(409, "already_commissioned", "premiumLedger:errors.already_commissioned");
    }
    const [provider] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.id, input.providerId), eq(organisations.kind, "provider")));
    if (!provider) throw new AppError(400, "provider_unknown", "premiumLedger:errors.provider_unknown");
    await assertProviderMayContract(tx, {
      providerId: provider.id,
      enterpriseId: item.enterpriseId,
      category: input.category,
      now,
      side: "enterprise",
    });

    const balance = await policyBalance(tx, policy.id);
    const decision = canCommit(balance.balanceFen, input.priceFen, input.overrunApproved);
    if (!decision.ok) {
      throw new AppError(409, decision.code, "premiumLedger:errors.insufficient_prevention_fund", {
        shortfall: (decision.shortfallFen / 100).toFixed(2),
      });
    }
    const overrunReason = input.overrunReason?.trim() || null;
    if (decision.overrunFen > 0 && !overrunReason)
      throw new AppError(400, "overrun_reason_required", "premiumLedger:errors.overrun_reason_required");

    const [engagement] = await tx
      .insert(engagements)
      .values({
        enterpriseId: item.enterpriseId,
        providerId: provider.id,
        category: input.category,
        title: input.title,
        scope: input.scope,
        priceFen: input.priceFen,
        startDate: item.windowStart,
        endDate: item.dueDate,
        deliveryForm: "insurance",
        payer: "insurer",
        subsidyEligible: false,
        status: "offer",
        offerAwaitingOrgId: provider.id,
        version: 0,
        createdAt: now,
      })
      .returning();
    await tx.insert(engagementEvents).values({
      engagementId: engagement!.id,
      event: "offer",
      fromStatus: null,
      toStatus: "offer",
      actorOrgId: actor.orgId,
      actorUserId: actor.userId,
      data: { planItemId: item.id, policyId: policy.id, priceFen: input.priceFen, payer: "insurer" },
      at: now,
    });
    const [entry] = await tx
      .insert(preventionFeeEntries)
      .values({
        policyId: policy.id,
        insurerId: actor.orgId,
        kind: "commission",
        amountFen: input.priceFen,
        overrunFen: decision.overrunFen,
        overrunReason: decision.overrunFen > 0 ? overrunReason : null,
        engagementId: engagement!.id,
        planItemId: item.id,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    await tx
      .update(insurancePlanItems)
      .set({
        assigneeKind: "provider",
        assigneeUserId: null,
        assigneeExpertId: null,
        assigneeEngagementId: engagement!.id,
        version: locked.version + 1,
      })
      .where(eq(insurancePlanItems.id, item.id));
    await writeAudit(tx, {
      action: "prevention_fee.committed",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "insurance_policy",
      subjectId: policy.id,
      data: {
        engagementId: engagement!.id,
        planItemId: item.id,
        providerId: provider.id,
        amountFen: input.priceFen,
        overrunFen: decision.overrunFen,
        overrunReason: decision.overrunFen > 0 ? overrunReason : null,
      },
      ip: actor.ip,
      at: now,
    });
    await notifyEngagementParties(tx, {
      engagementId: engagement!.id,
      exceptOrgId: actor.orgId,
      type: "engagement_transition",
      key: `engagement_transition:${engagement!.id}:0`,
      params: { toStatus: "offer" },
      now,
    });
    return {
      engagement: engagement!,
      entry: entry!,
      balanceAfterFen: decision.balanceAfterFen,
      overrunFen: decision.overrunFen,
    };
  });
}

/**
 * The after-effect of an insurer-paid engagement being declined or cancelled (the executor runs
 * it in the transition's transaction): the commission is given back by a release entry and the
 * plan item is free to be assigned again. Idempotent: a second call finds the release and does
 * nothing; an engagement with no commission entry is not the ledger's.
 */
export async function releaseCommission(tx: DbOrTx, engagement: Pick<Engagement, "id" | "payer">, now: Date) {
  if (engagement.payer !== "insurer") return null;
  const [commission] = await tx
    .select()
    .from(preventionFeeEntries)
    .where(and(eq(preventionFeeEntries.engagementId, engagement.id), eq(preventionFeeEntries.kind, "commission")));
  if (!commission) return null;
  await tx
    .select({ id: insurancePolicies.id })
    .from(insurancePolicies)
    .where(eq(insurancePolicies.id, commission.policyId))
    .for("update");
  const [already] = await tx
    .select({ id: preventionFeeEntries.id })
    .from(preventionFeeEntries)
    .where(and(eq(preventionFeeEntries.engagementId, engagement.id), eq(preventionFeeEntries.kind, "release")));
  if (already) return null;
  const [release] = await tx
    .insert(preventionFeeEntries)
    .values({
      policyId: commission.policyId,
      insurerId: commission.insurerId,
      kind: "release",
      amountFen: commission.amountFen,
      engagementId: engagement.id,
      planItemId: commission.planItemId,
      createdAt: now,
    })
    .returning();
  await tx
    .update(insurancePlanItems)
    .set({
      assigneeKind: null,
      assigneeUserId: null,
      assigneeExpertId: null,
      assigneeEngagementId: null,
      version: sql`${insurancePlanItems.version} + 1`,
    })
    .where(eq(insurancePlanItems.assigneeEngagementId, engagement.id));
  return release!;
}
