/**
 * The insurer's desk (issue 9, "Insurer dashboard"): policies in force, plan completion by
 * service code, overdue and at-risk lists, per-staff load. Every panel is one grouped query
 * scoped by the acting insurer in its WHERE (plan items carry the insurer id, decision 025);
 * statuses come only from `planItemStatusSql(today)`, the SQL twin of plan-item-status.ts.
 * The extra `state = 'open'` / due-date bounds beside a status test are implied by the rule and
 * only there so the insurer index (insurer_id, state, due_date) can narrow the scan.
 */
import { and, asc, eq, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { insurancePlanItems, insurancePolicies, memberships, organisations, users } from "../../db/schema";
import { addDays, type IsoDate } from "../domain/calendar-date";
import type { ServiceCode } from "../domain/insurance-plan";
import { AT_RISK_DAYS } from "../domain/plan-item-status";
import { pageWindow, PAGE_SIZE, type PageOf } from "../domain/paging";
import { planItemStatusSql } from "./insurance-plans.server";

const items = insurancePlanItems;

export type DeskFilters = { service?: ServiceCode; staff?: string };

export type DeskItemRow = {
  id: string;
  policyId: string;
  policyNumber: string;
  enterpriseName: string;
  service: ServiceCode;
  sequence: number;
  dueDate: string;
  scheduledOn: string | null;
  assigneeName: string | null;
};

export type CompletionRow = {
  service: ServiceCode;
  /** Items due up to today (not cancelled), and how many of them are done. */
  dueToDate: number;
  doneOfDue: number;
  /** All items of the policies in force (not cancelled), and how many are done. */
  all: number;
  done: number;
};

export type StaffLoadRow = {
  userId: string;
  name: string;
  open: number;
  overdue: number;
  atRisk: number;
  doneThisMonth: number;
};

/** Policies in force on `today`: active, started, not ended. */
function inForce(today: IsoDate): SQL {
  const p = insurancePolicies;
  return and(eq(p.status, "active"), lte(p.startDate, today), gte(p.endDate, today))!;
}

function filterSql(insurerId: string, filters: DeskFilters): SQL[] {
  const out: SQL[] = [eq(items.insurerId, insurerId)];
  if (filters.service) out.push(eq(items.service, filters.service));
  if (filters.staff) out.push(eq(items.assigneeUserId, filters.staff));
  return out;
}

/** The WHERE of a status list: the rule, plus the bounds it implies (for the index). */
function statusWhere(status: "overdue" | "at_risk", today: IsoDate): SQL[] {
  const rule = sql`${planItemStatusSql(today)} = ${status}`;
  return status === "overdue"
    ? [eq(items.state, "open"), lt(items.dueDate, today), rule]
    : [eq(items.state, "open"), gte(items.dueDate, today), lte(items.dueDate, addDays(today, AT_RISK_DAYS)), rule];
}

async function itemList(
  db: DbOrTx,
  insurerId: string,
  status: "overdue" | "at_risk",
  params: DeskFilters & { today: IsoDate; page?: number; limit?: number },
): Promise<PageOf<DeskItemRow>> {
  const { page, limit, offset } = pageWindow(params.page, params.limit ?? PAGE_SIZE);
  // The page and the count apart: a window count would join every matching row just to count it.
  const [rows, total] = await Promise.all([
    db
      .select({
        id: items.id,
        policyId: items.policyId,
        policyNumber: insurancePolicies.policyNumber,
        enterpriseName: organisations.name,
        service: items.service,
        sequence: items.sequence,
        dueDate: items.dueDate,
        scheduledOn: items.scheduledOn,
        assigneeName: users.name,
      })
      .from(items)
      .innerJoin(insurancePolicies, eq(insurancePolicies.id, items.policyId))
      .innerJoin(organisations, eq(organisations.id, items.enterpriseId))
      .leftJoin(users, eq(users.id, items.assigneeUserId))
      .where(and(...filterSql(insurerId, params), ...statusWhere(status, params.today)))
      .orderBy(asc(items.dueDate), asc(items.id))
      .limit(limit)
      .offset(offset),
    countItems(db, insurerId, status, params),
  ]);
  return { rows, total, page, pageSize: limit };
}

async function countItems(
  db: DbOrTx,
  insurerId: string,
  status: "overdue" | "at_risk",
  params: DeskFilters & { today: IsoDate },
) {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(items)
    .where(and(...filterSql(insurerId, params), ...statusWhere(status, params.today)));
  return row?.n ?? 0;
}

export const overdueItems = (
  db: DbOrTx,
  insurerId: string,
  params: DeskFilters & { today: IsoDate; page?: number; limit?: number },
) => itemList(db, insurerId, "overdue", params);
export const atRiskItems = (
  db: DbOrTx,
  insurerId: string,
  params: DeskFilters & { today: IsoDate; page?: number; limit?: number },
) => itemList(db, insurerId, "at_risk", params);

/** Completion by service code over the items of the policies in force (one grouped query). */
export async function completionByService(
  db: DbOrTx,
  insurerId: string,
  params: DeskFilters & { today: IsoDate },
): Promise<CompletionRow[]> {
  // "done" is the one status the stored state decides alone (plan-item-status.ts: cancelled, then
  // done, come first), so the panel counts the state and skips evaluating the rule per row.
  const done = sql`${items.state} = 'done'`;
  const dueToDate = sql`${items.dueDate} <= ${params.today}::date`;
  const rows = await db
    .select({
      service: items.service,
      dueToDate: sql<number>`count(*) filter (where ${dueToDate})`.mapWith(Number),
      doneOfDue: sql<number>`count(*) filter (where ${dueToDate} and ${done})`.mapWith(Number),
      all: sql<number>`count(*)`.mapWith(Number),
      done: sql<number>`count(*) filter (where ${done})`.mapWith(Number),
    })
    .from(items)
    .where(
      and(
        ...filterSql(insurerId, params),
        sql`${items.state} <> 'cancelled'`,
        inArray(
          items.policyId,
          db
            .select({ id: insurancePolicies.id })
            .from(insurancePolicies)
            .where(and(eq(insurancePolicies.insurerId, insurerId), inForce(params.today))),
        ),
      ),
    )
    .groupBy(items.service)
    .orderBy(items.service);
  return rows;
}

/** Open, overdue, at-risk and done-this-month items per assigned staff member (one grouped query). */
export async function staffLoad(db: DbOrTx, insurerId: string, params: { today: IsoDate; service?: ServiceCode }) {
  const status = planItemStatusSql(params.today);
  const monthStart = `${params.today.slice(0, 7)}-01`;
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      open: sql<number>`count(*) filter (where ${items.state} = 'open')`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${status} = 'overdue')`.mapWith(Number),
      atRisk: sql<number>`count(*) filter (where ${status} = 'at_risk')`.mapWith(Number),
      doneThisMonth:
        sql<number>`count(*) filter (where ${items.state} = 'done' and (${items.doneAt} at time zone 'Asia/Shanghai')::date >= ${monthStart}::date)`.mapWith(
          Number,
        ),
    })
    .from(items)
    .innerJoin(users, eq(users.id, items.assigneeUserId))
    .where(
      and(
        eq(items.insurerId, insurerId),
        sql`${items.assigneeUserId} is not null`,
        sql`${items.state} <> 'cancelled'`,
        params.service ? eq(items.service, params.service) : undefined,
      ),
    )
    .groupBy(users.id, users.name)
    .orderBy(sql`count(*) filter (where ${status} = 'overdue') desc`, asc(users.name));
  return rows satisfies StaffLoadRow[];
}

export async function policiesInForce(db: DbOrTx, insurerId: string, today: IsoDate): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(insurancePolicies)
    .where(and(eq(insurancePolicies.insurerId, insurerId), inForce(today)));
  return row?.n ?? 0;
}

/** The insurer's members, for the staff filter. */
export async function insurerStaff(db: DbOrTx, insurerId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, insurerId))
    .orderBy(asc(users.name));
}

/** Everything the desk shows, panels in parallel. */
export async function insurerDesk(
  db: DbOrTx,
  insurerId: string,
  params: DeskFilters & { today: IsoDate; overduePage?: number; riskPage?: number },
) {
  const filters = { service: params.service, staff: params.staff, today: params.today };
  const [policies, completion, overdue, atRisk, staff, members] = await Promise.all([
    policiesInForce(db, insurerId, params.today),
    completionByService(db, insurerId, filters),
    overdueItems(db, insurerId, { ...filters, page: params.overduePage }),
    atRiskItems(db, insurerId, { ...filters, page: params.riskPage }),
    staffLoad(db, insurerId, { today: params.today, service: params.service }),
    insurerStaff(db, insurerId),
  ]);
  return { policies, completion, overdue, atRisk, staff, members };
}

/** Rows for an export: at most this many (an official's sheet, not a dump). */
export const EXPORT_LIMIT = 10_000;

/** The dashboard's pointer to the desk: policies in force and overdue items (two counts). */
export async function insurerDeskSummary(db: DbOrTx, insurerId: string, today: IsoDate) {
  const [policies, overdue] = await Promise.all([
    policiesInForce(db, insurerId, today),
    countItems(db, insurerId, "overdue", { today }),
  ]);
  return { policies, overdue };
}
