import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import {
  experts,
  hazards,
  insurancePlanItems,
  insurancePolicies,
  insuranceVisits,
  memberships,
  organisations,
  users,
} from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { AppError, notFound } from "../utils/errors";
import { planItemStatusSql } from "./insurance-plans.server";
import { notify } from "./notify.server";

/**
 * Doing the visits (issue 9, AQ 9010): one plan item as its insurer sees it, who does it
 * (insurer staff or an expert from the pool; a provider is commissioned on the ledger's page),
 * the date agreed with the enterprise. Every query is scoped by the acting insurer in its WHERE;
 * another insurer's item is a 404. Edits carry the item's `version` (optimistic: a stale form is
 * a 409). Recording visits: insurance-visit-record.server.ts; confirmations:
 * insurance-visit-confirm.server.ts; the enterprise's side: insured.server.ts.
 */

export type VisitActor = { orgId: string; userId: string | null };

/** The services whose visit carries an inspection with a checklist (its hazards are the written notice). */
export const CHECKING_SERVICES = [
  "risk_assessment",
  "key_inspection",
  "thorough_inspection",
  "rectification_assistance",
] as const;
export const isCheckingService = (service: string) => (CHECKING_SERVICES as readonly string[]).includes(service);

export const stale = () => new AppError(409, "stale", "visits:errors.stale");

/** The item, locked, when it is the acting insurer's; else 404. */
export async function lockOwnItem(tx: DbOrTx, insurerId: string, itemId: string) {
  const [row] = await tx
    .select()
    .from(insurancePlanItems)
    .where(and(eq(insurancePlanItems.id, itemId), eq(insurancePlanItems.insurerId, insurerId)))
    .for("update");
  if (!row) throw notFound();
  return row;
}

/** Members of the insurer (the staff a visit or an item may name). */
export async function insurerStaff(db: DbOrTx, insurerId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, insurerId))
    .orderBy(asc(users.name), asc(users.id));
}

/** Experts of the pool who may serve this enterprise: active, not employed by it, no declared conflict. */
async function assignableExperts(db: DbOrTx, enterpriseId: string, expertId?: string) {
  return db
    .select({ id: experts.id, name: experts.name, employer: organisations.name })
    .from(experts)
    .leftJoin(organisations, eq(organisations.id, experts.employerOrgId))
    .where(
      and(
        eq(experts.active, true),
        expertId ? eq(experts.id, expertId) : undefined,
        sql`${experts.employerOrgId} IS DISTINCT FROM ${enterpriseId}::uuid`,
        sql`NOT (${enterpriseId}::uuid = ANY(${experts.declaredConflictOrgIds}))`,
      ),
    )
    .orderBy(asc(experts.name), asc(experts.id))
    .limit(200);
}

/** Return visits owed on an item: its done service visits whose inspection found hazards, not yet followed up. */
async function returnVisitsDue(db: DbOrTx, itemId: string) {
  const followed = sql`EXISTS (SELECT 1 FROM insurance_visits r WHERE r.return_of_visit_id = ${insuranceVisits.id})`;
  return db
    .select({ visitId: insuranceVisits.id, startedAt: insuranceVisits.startedAt })
    .from(insuranceVisits)
    .where(
      and(
        eq(insuranceVisits.planItemId, itemId),
        eq(insuranceVisits.kind, "service"),
        sql`${insuranceVisits.serviceConfirmedAt} IS NOT NULL AND ${insuranceVisits.enterpriseConfirmedAt} IS NOT NULL`,
        sql`EXISTS (SELECT 1 FROM ${hazards} WHERE ${hazards.inspectionId} = ${insuranceVisits.inspectionId})`,
        sql`NOT ${followed}`,
      ),
    )
    .orderBy(asc(insuranceVisits.startedAt));
}

/** One plan item of the acting insurer, with its policy, enterprise, assignee, visits and what may be done. */
export async function getPlanItem(db: DbOrTx, insurerId: string, itemId: string, today: IsoDate) {
  const [row] = await db
    .select({
      item: insurancePlanItems,
      status: planItemStatusSql(today),
      policyNumber: insurancePolicies.policyNumber,
      policyStart: insurancePolicies.startDate,
      policyEnd: insurancePolicies.endDate,
      enterpriseName: organisations.name,
      enterpriseAddress: organisations.address,
    })
    .from(insurancePlanItems)
    .innerJoin(insurancePolicies, eq(insurancePolicies.id, insurancePlanItems.policyId))
    .innerJoin(organisations, eq(organisations.id, insurancePlanItems.enterpriseId))
    .where(and(eq(insurancePlanItems.id, itemId), eq(insurancePlanItems.insurerId, insurerId)));
  if (!row) throw notFound();
  const item = row.item;
  const [assigneeUser] = item.assigneeUserId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, item.assigneeUserId))
    : [];
  const [assigneeExpert] = item.assigneeExpertId
    ? await db.select({ name: experts.name }).from(experts).where(eq(experts.id, item.assigneeExpertId))
    : [];
  const visits = await db
    .select()
    .from(insuranceVisits)
    .where(and(eq(insuranceVisits.planItemId, item.id), eq(insuranceVisits.insurerId, insurerId)))
    .orderBy(asc(insuranceVisits.startedAt), asc(insuranceVisits.id));
  return {
    item,
    status: row.status,
    policy: { id: item.policyId, number: row.policyNumber, startDate: row.policyStart, endDate: row.policyEnd },
    enterprise: { id: item.enterpriseId, name: row.enterpriseName, address: row.enterpriseAddress ?? "" },
    assigneeName: assigneeUser?.name ?? assigneeExpert?.name ?? null,
    visits,
    returnVisitsDue: await returnVisitsDue(db, item.id),
    checking: isCheckingService(item.service),
    staff: await insurerStaff(db, insurerId),
    experts: await assignableExperts(db, item.enterpriseId),
  };
}
export type PlanItemView = Awaited<ReturnType<typeof getPlanItem>>;

export type AssignInput =
  | { itemId: string; version: number; kind: "staff"; userId: string; now: Date }
  | { itemId: string; version: number; kind: "expert"; expertId: string; now: Date }
  | { itemId: string; version: number; kind: "none"; now: Date };

/** Assigns the item to a member of the insurer or to an expert of the pool (or clears it). */
export async function assignPlanItem(db: Db, actor: VisitActor, input: AssignInput) {
  return db.transaction(async (tx) => {
    const item = await lockOwnItem(tx, actor.orgId, input.itemId);
    if (item.version !== input.version) throw stale();
    if (item.state !== "open") throw new AppError(409, "item_closed", "visits:errors.item_closed");
    let set: Partial<typeof insurancePlanItems.$inferInsert> = {
      assigneeKind: null,
      assigneeUserId: null,
      assigneeExpertId: null,
      assigneeEngagementId: null,
    };
    if (input.kind === "staff") {
      const [member] = await tx
        .select({ id: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, input.userId)));
      if (!member) throw new AppError(422, "not_staff", "visits:errors.not_staff");
      set = { ...set, assigneeKind: "staff", assigneeUserId: input.userId };
    } else if (input.kind === "expert") {
      const [expert] = await assignableExperts(tx, item.enterpriseId, input.expertId);
      if (!expert) throw new AppError(422, "expert_unavailable", "visits:errors.expert_unavailable");
      set = { ...set, assigneeKind: "expert", assigneeExpertId: input.expertId };
    }
    const [updated] = await tx
      .update(insurancePlanItems)
      .set({ ...set, version: item.version + 1 })
      .where(eq(insurancePlanItems.id, item.id))
      .returning();
    return updated!;
  });
}

/**
 * Agrees (or moves, or clears) the visit date with the enterprise and tells it. A date before
 * the item's window or after its policy ends is refused; a date after the due date is allowed
 * (the item then stays at risk or overdue: planItemStatus).
 */
export async function schedulePlanItem(
  db: Db,
  actor: VisitActor,
  input: { itemId: string; version: number; date: IsoDate | null; today: IsoDate; now: Date },
) {
  return db.transaction(async (tx) => {
    const item = await lockOwnItem(tx, actor.orgId, input.itemId);
    if (item.version !== input.version) throw stale();
    if (item.state !== "open") throw new AppError(409, "item_closed", "visits:errors.item_closed");
    if (input.date) {
      const [policy] = await tx
        .select({ endDate: insurancePolicies.endDate })
        .from(insurancePolicies)
        .where(eq(insurancePolicies.id, item.policyId));
      if (input.date < input.today) throw new AppError(422, "date_past", "visits:errors.date_past");
      if (input.date < item.windowStart || input.date > policy!.endDate) {
        throw new AppError(422, "date_outside", "visits:errors.date_outside", {
          from: item.windowStart,
          to: policy!.endDate,
        });
      }
    }
    const [updated] = await tx
      .update(insurancePlanItems)
      .set({ scheduledOn: input.date, version: item.version + 1 })
      .where(eq(insurancePlanItems.id, item.id))
      .returning();
    const [insurer] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, actor.orgId));
    await notify(tx, {
      type: "insurance_visit_scheduled",
      key: `insurance_visit_scheduled:${item.id}:${updated!.version}`,
      orgId: item.enterpriseId,
      subjectId: item.id,
      params: { insurer: insurer?.name ?? "", service: item.service, date: input.date ?? "" },
      now: input.now,
    });
    return updated!;
  });
}
