import { aliasedTable, and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { inspections, insurancePlanItems, insurancePolicies, insuranceVisits, organisations } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { pageWindow } from "../domain/paging";
import type { PlanItemStatus } from "../domain/plan-item-status";
import { planItemStatusSql } from "./insurance-plans.server";

/**
 * The insured enterprise's side of the 6+3 (issue 9): its policies with their insurers, the plan
 * items owed to it with their status, and the visits waiting for its confirmation. Everything is
 * scoped by the enterprise in the WHERE.
 */

export type InsuredItemFilter = { status?: PlanItemStatus; page?: number };

export async function insuredOverview(db: DbOrTx, enterpriseId: string, today: IsoDate, filter: InsuredItemFilter) {
  const insurer = aliasedTable(organisations, "insurer");
  const policies = await db
    .select({
      id: insurancePolicies.id,
      number: insurancePolicies.policyNumber,
      startDate: insurancePolicies.startDate,
      endDate: insurancePolicies.endDate,
      status: insurancePolicies.status,
      insurerName: insurer.name,
    })
    .from(insurancePolicies)
    .innerJoin(insurer, eq(insurer.id, insurancePolicies.insurerId))
    .where(eq(insurancePolicies.enterpriseId, enterpriseId))
    .orderBy(desc(insurancePolicies.endDate), asc(insurancePolicies.id));

  const status = planItemStatusSql(today);
  const where = and(
    eq(insurancePlanItems.enterpriseId, enterpriseId),
    filter.status ? sql`${status} = ${filter.status}` : sql`${insurancePlanItems.state} <> 'cancelled'`,
  );
  const { page, limit, offset } = pageWindow(filter.page);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(insurancePlanItems).where(where);
  const items = await db
    .select({
      id: insurancePlanItems.id,
      service: insurancePlanItems.service,
      sequence: insurancePlanItems.sequence,
      windowStart: insurancePlanItems.windowStart,
      dueDate: insurancePlanItems.dueDate,
      scheduledOn: insurancePlanItems.scheduledOn,
      status,
      policyNumber: insurancePolicies.policyNumber,
      insurerName: insurer.name,
    })
    .from(insurancePlanItems)
    .innerJoin(insurancePolicies, eq(insurancePolicies.id, insurancePlanItems.policyId))
    .innerJoin(insurer, eq(insurer.id, insurancePlanItems.insurerId))
    .where(where)
    .orderBy(asc(insurancePlanItems.dueDate), asc(insurancePlanItems.service), asc(insurancePlanItems.id))
    .limit(limit)
    .offset(offset);

  const awaiting = await db
    .select({
      id: insuranceVisits.id,
      kind: insuranceVisits.kind,
      startedAt: insuranceVisits.startedAt,
      place: insuranceVisits.place,
      service: insurancePlanItems.service,
      insurerName: insurer.name,
    })
    .from(insuranceVisits)
    .innerJoin(insurancePlanItems, eq(insurancePlanItems.id, insuranceVisits.planItemId))
    .innerJoin(insurer, eq(insurer.id, insuranceVisits.insurerId))
    .leftJoin(inspections, eq(inspections.id, insuranceVisits.inspectionId))
    .where(
      and(
        eq(insuranceVisits.enterpriseId, enterpriseId),
        isNull(insuranceVisits.enterpriseConfirmedAt),
        sql`(${insuranceVisits.inspectionId} IS NULL OR ${inspections.inspectorConfirmedAt} IS NOT NULL)`,
      ),
    )
    .orderBy(asc(insuranceVisits.startedAt), asc(insuranceVisits.id))
    .limit(100);

  return { policies, items, total, page, awaiting };
}
