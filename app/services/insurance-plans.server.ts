/**
 * The stored prevention plan of a policy (issue 9; decision 014 for the rules, 025 for the
 * store). The plan is derived by app/domain/insurance-plan.ts and kept as rows so assignees,
 * agreed dates and visits can hang on them. Two entry points:
 * - `writeInitialPlan` when a policy is written: every derived item, past ones included (an
 *   imported policy that started in March owes its first quarter, now overdue);
 * - `syncPlan` after anything the derivation reads has changed (a grade change, a cancellation,
 *   a government-found hazard): `replan` reconciles the rows on `today`: done items are never
 *   touched, past open ones stay owed, future ones follow the new derivation.
 * Both run inside the caller's transaction.
 */
import { and, asc, eq, gt, inArray, lte, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { hazards, insurancePlanItems, insurancePolicies, riskAssessments } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import {
  derivePlan,
  optionalServiceChoices,
  type GovernmentHazard,
  type GradeChange,
  type PlanItem,
  type PolicyForPlan,
} from "../domain/insurance-plan";
import { replan, type StoredPlanItem } from "../domain/insurance-replan";
import { AT_RISK_DAYS, type PlanItemStatus } from "../domain/plan-item-status";

type PolicyRow = typeof insurancePolicies.$inferSelect;

export function policyForPlan(policy: PolicyRow): PolicyForPlan {
  return {
    startDate: policy.startDate as IsoDate,
    endDate: policy.endDate as IsoDate,
    riskGrade: policy.riskGrade,
    optionalServices: optionalServiceChoices(policy.optionalServices, policy),
    status: policy.status,
    cancelledOn: (policy.cancelledOn as IsoDate | null) ?? null,
  };
}

/**
 * Grade changes after underwriting: assessments by others (never the enterprise's own,
 * decision 014 / risk-grades.server.ts) dated after the start and up to today.
 */
async function gradeHistory(tx: DbOrTx, policy: PolicyRow, today: IsoDate): Promise<GradeChange[]> {
  const rows = await tx
    .select({ grade: riskAssessments.grade, assessedOn: riskAssessments.assessedOn })
    .from(riskAssessments)
    .where(
      and(
        eq(riskAssessments.enterpriseId, policy.enterpriseId),
        gt(riskAssessments.assessedOn, policy.startDate),
        lte(riskAssessments.assessedOn, today),
        sql`${riskAssessments.assessorOrgId} IS DISTINCT FROM ${riskAssessments.enterpriseId}`,
      ),
    )
    .orderBy(asc(riskAssessments.assessedOn), asc(riskAssessments.recordedAt));
  return rows.map((r) => ({ grade: r.grade, effectiveFrom: r.assessedOn as IsoDate }));
}

/** Hazards a government inspection found at the insured enterprise while the policy covered it. */
async function governmentHazards(tx: DbOrTx, policy: PolicyRow): Promise<GovernmentHazard[]> {
  const rows = await tx
    .select({ id: hazards.id, foundOn: hazards.foundOn, deadline: hazards.deadline })
    .from(hazards)
    .where(
      and(
        eq(hazards.enterpriseId, policy.enterpriseId),
        eq(hazards.source, "government"),
        sql`${hazards.foundOn} BETWEEN ${policy.startDate} AND ${policy.endDate}`,
      ),
    );
  return rows.map((r) => ({ hazardId: r.id, foundOn: r.foundOn as IsoDate, deadline: r.deadline as IsoDate }));
}

export async function derivePolicyPlan(tx: DbOrTx, policy: PolicyRow, today: IsoDate): Promise<PlanItem[]> {
  return derivePlan(policyForPlan(policy), await gradeHistory(tx, policy, today), await governmentHazards(tx, policy));
}

function itemValues(policy: PolicyRow, item: PlanItem, now: Date) {
  return {
    policyId: policy.id,
    insurerId: policy.insurerId,
    enterpriseId: policy.enterpriseId,
    service: item.service,
    sequence: item.sequence,
    windowStart: item.windowStart,
    dueDate: item.dueDate,
    hazardId: item.hazardId ?? null,
    guidance: item.guidance ?? null,
    createdAt: now,
  };
}

const INSERT_BATCH = 1000;

async function insertItems(tx: DbOrTx, policy: PolicyRow, items: readonly PlanItem[], now: Date): Promise<void> {
  for (let i = 0; i < items.length; i += INSERT_BATCH) {
    await tx
      .insert(insurancePlanItems)
      .values(items.slice(i, i + INSERT_BATCH).map((item) => itemValues(policy, item, now)));
  }
}

/** A new policy's whole plan. Answers the number of items written. */
export async function writeInitialPlan(tx: DbOrTx, policy: PolicyRow, today: IsoDate, now: Date): Promise<number> {
  const items = await derivePolicyPlan(tx, policy, today);
  await insertItems(tx, policy, items, now);
  return items.length;
}

export type SyncResult = { added: number; cancelled: number; renumbered: number };

/**
 * Re-derives the plan and reconciles the stored rows (insurance-replan.ts). Locks the policy
 * row first so two syncs of one policy (a grade change and a hazard at once) run one after the
 * other and neither adds the other's items twice.
 */
export async function syncPlan(tx: DbOrTx, policyId: string, today: IsoDate, now: Date): Promise<SyncResult> {
  const [policy] = await tx.select().from(insurancePolicies).where(eq(insurancePolicies.id, policyId)).for("update");
  if (!policy) return { added: 0, cancelled: 0, renumbered: 0 };
  const rows = await tx
    .select()
    .from(insurancePlanItems)
    .where(and(eq(insurancePlanItems.policyId, policyId), ne(insurancePlanItems.state, "cancelled")));
  const stored: StoredPlanItem[] = rows.map((r) => ({
    id: r.id,
    state: r.state,
    service: r.service,
    sequence: r.sequence,
    windowStart: r.windowStart as IsoDate,
    dueDate: r.dueDate as IsoDate,
    ...(r.hazardId ? { hazardId: r.hazardId } : {}),
    ...(r.guidance ? { guidance: r.guidance } : {}),
  }));
  const result = replan(stored, await derivePolicyPlan(tx, policy, today), today);
  if (result.cancel.length > 0)
    await tx
      .update(insurancePlanItems)
      .set({ state: "cancelled", cancelledAt: now, version: sql`${insurancePlanItems.version} + 1` })
      .where(
        and(
          eq(insurancePlanItems.policyId, policyId),
          inArray(
            insurancePlanItems.id,
            result.cancel.map((c) => c.id),
          ),
        ),
      );
  for (const r of result.renumber)
    await tx
      .update(insurancePlanItems)
      .set({ sequence: r.sequence })
      .where(and(eq(insurancePlanItems.policyId, policyId), eq(insurancePlanItems.id, r.id)));
  await insertItems(tx, policy, result.add, now);
  return { added: result.add.length, cancelled: result.cancel.length, renumbered: result.renumber.length };
}

/**
 * Re-plans every policy of the enterprise that covers `today` or later (a grade change, a
 * government-found hazard). Called in the transaction that changed the input.
 */
export async function syncEnterprisePlans(
  tx: DbOrTx,
  enterpriseId: string,
  today: IsoDate,
  now: Date,
): Promise<SyncResult> {
  const policies = await tx
    .select({ id: insurancePolicies.id })
    .from(insurancePolicies)
    .where(
      and(
        eq(insurancePolicies.enterpriseId, enterpriseId),
        eq(insurancePolicies.status, "active"),
        sql`${insurancePolicies.endDate} >= ${today}::date - 366`,
      ),
    )
    .orderBy(asc(insurancePolicies.id));
  const total: SyncResult = { added: 0, cancelled: 0, renumbered: 0 };
  for (const p of policies) {
    const r = await syncPlan(tx, p.id, today, now);
    total.added += r.added;
    total.cancelled += r.cancelled;
    total.renumbered += r.renumbered;
  }
  return total;
}

/**
 * `planItemStatus` (plan-item-status.ts) as SQL over insurance_plan_items, for lists, counts and
 * dashboards: the same precedence (cancelled, done, overdue, scheduled in time, at risk,
 * scheduled late, planned). `tests/integration/insurance-plans.test.ts` checks it against the
 * domain function on random rows, so the two cannot drift.
 */
export function planItemStatusSql(today: IsoDate) {
  const t = insurancePlanItems;
  return sql<PlanItemStatus>`(case
    when ${t.state} = 'cancelled' then 'cancelled'
    when ${t.state} = 'done' then 'done'
    when ${t.dueDate} < ${today}::date then 'overdue'
    when ${t.scheduledOn} is not null and ${t.scheduledOn} <= ${t.dueDate} then 'scheduled'
    when ${t.dueDate} - ${today}::date <= ${AT_RISK_DAYS} then 'at_risk'
    when ${t.scheduledOn} is not null then 'scheduled'
    else 'planned' end)`;
}
