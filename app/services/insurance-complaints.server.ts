/**
 * Complaints of an insured enterprise about its insurer's prevention services (AQ 9010-2019:
 * the service body handles complaints within a set time and keeps the record; issue 9 "Money and
 * oversight"). The answer deadline is derived, never stored: 10 working days from filing, 30
 * where the insurer marked that a check is needed, extended once by at most 30 with a reason
 * (app/domain/complaint-deadline.ts, working days from app/domain/working-days.ts).
 *
 * The enterprise sees its own complaints; the insurer those about its policies. Every query
 * carries the acting organisation in its WHERE, so another party's complaint is a 404.
 */
import { and, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { insuranceComplaints, insurancePlanItems, insurancePolicies, organisations } from "../../db/schema";
import { addDays, type IsoDate } from "../domain/calendar-date";
import {
  complaintDeadline,
  validateExtension,
  type ComplaintDeadline,
  type ComplaintForDeadline,
} from "../domain/complaint-deadline";
import { DomainError } from "../domain/errors";
import { shanghaiDateString } from "../domain/format";
import { pageWindow } from "../domain/paging";
import { isInWorkingCalendar, isWorkingDay } from "../domain/working-days";
import { AppError, notFound } from "../utils/errors";
import type { Actor } from "./actor";
import { writeAudit } from "./audit.server";
import { notify } from "./notify.server";

/**
 * Working days by the official calendar; beyond the years it covers, Monday to Friday (a
 * deadline must still show when the calendar has not been extended yet).
 */
export function complaintWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new DomainError("invalid_working_day_count", `n must be ≥ 0, got ${n}`);
  let day = date;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    const working = isInWorkingCalendar(day)
      ? isWorkingDay(day)
      : ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    if (working) left--;
  }
  return day;
}

const complaintColumns = {
  id: insuranceComplaints.id,
  policyId: insuranceComplaints.policyId,
  policyNumber: insurancePolicies.policyNumber,
  insurerId: insuranceComplaints.insurerId,
  enterpriseId: insuranceComplaints.enterpriseId,
  planItemId: insuranceComplaints.planItemId,
  planItemService: insurancePlanItems.service,
  planItemSequence: insurancePlanItems.sequence,
  subject: insuranceComplaints.subject,
  body: insuranceComplaints.body,
  filedOn: insuranceComplaints.filedOn,
  needsCheck: insuranceComplaints.needsCheck,
  extensionDays: insuranceComplaints.extensionDays,
  extensionReason: insuranceComplaints.extensionReason,
  answer: insuranceComplaints.answer,
  answeredAt: insuranceComplaints.answeredAt,
  version: insuranceComplaints.version,
  createdAt: insuranceComplaints.createdAt,
};

type ComplaintRow = {
  filedOn: string;
  needsCheck: boolean;
  extensionDays: number;
  extensionReason: string | null;
  answeredAt: Date | null;
};

function forDeadline(row: ComplaintRow): ComplaintForDeadline {
  return {
    receivedOn: row.filedOn as IsoDate,
    needsCheck: row.needsCheck,
    extension:
      row.extensionDays > 0
        ? { days: row.extensionDays, reason: row.extensionReason ?? "", grantedOn: row.filedOn as IsoDate }
        : null,
    answeredOn: row.answeredAt ? (shanghaiDateString(row.answeredAt) as IsoDate) : null,
  };
}

export function deadlineOf(row: ComplaintRow, today: IsoDate): ComplaintDeadline {
  return complaintDeadline(forDeadline(row), today, complaintWorkingDays);
}

export type ComplaintFilter = "open" | "answered" | "breached";
export type ComplaintListQuery = { status?: ComplaintFilter; q?: string; page?: number };

function matches(filter: ComplaintFilter | undefined, row: { answeredAt: Date | null }, d: ComplaintDeadline) {
  if (filter === "open") return !row.answeredAt;
  if (filter === "answered") return Boolean(row.answeredAt);
  if (filter === "breached") return d.breached;
  return true;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Complaints of one side (the insurer's or the enterprise's), newest first, with their deadlines. */
async function listFor(
  db: DbOrTx,
  side: "insurer" | "enterprise",
  orgId: string,
  query: ComplaintListQuery,
  today: IsoDate,
) {
  const q = query.q?.trim();
  const rows = await db
    .select({ ...complaintColumns, enterpriseName: organisations.name })
    .from(insuranceComplaints)
    .innerJoin(insurancePolicies, eq(insurancePolicies.id, insuranceComplaints.policyId))
    .innerJoin(
      organisations,
      eq(organisations.id, side === "insurer" ? insuranceComplaints.enterpriseId : insuranceComplaints.insurerId),
    )
    .leftJoin(insurancePlanItems, eq(insurancePlanItems.id, insuranceComplaints.planItemId))
    .where(
      and(
        side === "insurer" ? eq(insuranceComplaints.insurerId, orgId) : eq(insuranceComplaints.enterpriseId, orgId),
        q
          ? or(
              ilike(insuranceComplaints.subject, `%${escapeLike(q)}%`),
              ilike(organisations.name, `%${escapeLike(q)}%`),
              ilike(insurancePolicies.policyNumber, `%${escapeLike(q)}%`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(insuranceComplaints.filedOn), desc(insuranceComplaints.createdAt))
    .limit(10_000);
  return rows
    .map((r) => ({ ...r, counterpartName: r.enterpriseName, deadline: deadlineOf(r, today) }))
    .filter((r) => matches(query.status, r, r.deadline));
}

export async function listInsurerComplaints(db: Db, insurerId: string, query: ComplaintListQuery, today: IsoDate) {
  const all = await listFor(db, "insurer", insurerId, query, today);
  const { page, limit, offset } = pageWindow(query.page);
  return { rows: all.slice(offset, offset + limit), total: all.length, page, pageSize: limit };
}

export async function complaintsForExport(db: Db, insurerId: string, query: ComplaintListQuery, today: IsoDate) {
  return listFor(db, "insurer", insurerId, query, today);
}

export async function listInsuredComplaints(db: Db, enterpriseId: string, query: ComplaintListQuery, today: IsoDate) {
  const all = await listFor(db, "enterprise", enterpriseId, query, today);
  const { page, limit, offset } = pageWindow(query.page);
  return { rows: all.slice(offset, offset + limit), total: all.length, page, pageSize: limit };
}

/** The insurer's complaints about one enterprise (the archive's sheet), oldest first. */
export async function complaintsOfEnterprise(db: DbOrTx, insurerId: string, enterpriseId: string, today: IsoDate) {
  const rows = await listFor(db, "insurer", insurerId, {}, today);
  return rows.filter((r) => r.enterpriseId === enterpriseId).reverse();
}

/** What the filing form offers: the enterprise's policies and their open plan items. */
export async function getComplaintForm(db: Db, enterpriseId: string) {
  const policies = await db
    .select({
      id: insurancePolicies.id,
      policyNumber: insurancePolicies.policyNumber,
      insurerName: organisations.name,
      startDate: insurancePolicies.startDate,
      endDate: insurancePolicies.endDate,
    })
    .from(insurancePolicies)
    .innerJoin(organisations, eq(organisations.id, insurancePolicies.insurerId))
    .where(eq(insurancePolicies.enterpriseId, enterpriseId))
    .orderBy(desc(insurancePolicies.startDate))
    .limit(100);
  const items = policies.length
    ? await db
        .select({
          id: insurancePlanItems.id,
          policyId: insurancePlanItems.policyId,
          service: insurancePlanItems.service,
          sequence: insurancePlanItems.sequence,
          dueDate: insurancePlanItems.dueDate,
        })
        .from(insurancePlanItems)
        .where(and(eq(insurancePlanItems.enterpriseId, enterpriseId), sql`${insurancePlanItems.state} <> 'cancelled'`))
        .orderBy(insurancePlanItems.dueDate)
        .limit(500)
    : [];
  return { policies, items };
}

export type FileComplaintInput = { policyId: string; planItemId: string | null; subject: string; body: string };

/** The insured enterprise files a complaint; its insurer's managers and members are told. */
export async function fileComplaint(db: Db, actor: Actor, input: FileComplaintInput, today: IsoDate, now: Date) {
  return db.transaction(async (tx) => {
    const [policy] = await tx
      .select()
      .from(insurancePolicies)
      .where(and(eq(insurancePolicies.id, input.policyId), eq(insurancePolicies.enterpriseId, actor.orgId)));
    if (!policy) throw new AppError(400, "policy_unknown", "premiumLedger:errors.policy_unknown");
    if (input.planItemId) {
      const [item] = await tx
        .select({ id: insurancePlanItems.id })
        .from(insurancePlanItems)
        .where(and(eq(insurancePlanItems.id, input.planItemId), eq(insurancePlanItems.policyId, policy.id)));
      if (!item) throw new AppError(400, "plan_item_unknown", "premiumLedger:errors.plan_item_unknown");
    }
    const [row] = await tx
      .insert(insuranceComplaints)
      .values({
        policyId: policy.id,
        insurerId: policy.insurerId,
        enterpriseId: actor.orgId,
        planItemId: input.planItemId,
        subject: input.subject,
        body: input.body,
        filedOn: today,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    const dueOn = deadlineOf(row!, today).dueOn;
    await writeAudit(tx, {
      action: "insurance_complaint.filed",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "insurance_complaint",
      subjectId: row!.id,
      data: { policyId: policy.id, dueOn },
      ip: actor.ip,
      at: now,
    });
    await notify(tx, {
      type: "insurance_complaint_filed",
      key: `insurance_complaint_filed:${row!.id}`,
      orgId: policy.insurerId,
      subjectId: row!.id,
      params: { subject: input.subject, policyNumber: policy.policyNumber, dueOn },
      now,
    });
    return row!;
  });
}

/** One of the insurer's complaints with its deadline, or 404. */
export async function getInsurerComplaint(db: DbOrTx, insurerId: string, id: string, today: IsoDate) {
  const [row] = await db
    .select({ ...complaintColumns, enterpriseName: organisations.name })
    .from(insuranceComplaints)
    .innerJoin(insurancePolicies, eq(insurancePolicies.id, insuranceComplaints.policyId))
    .innerJoin(organisations, eq(organisations.id, insuranceComplaints.enterpriseId))
    .leftJoin(insurancePlanItems, eq(insurancePlanItems.id, insuranceComplaints.planItemId))
    .where(and(eq(insuranceComplaints.id, id), eq(insuranceComplaints.insurerId, insurerId)));
  if (!row) throw notFound();
  return { ...row, deadline: deadlineOf(row, today) };
}

export type ComplaintStep =
  { kind: "needs_check" } | { kind: "extend"; days: number; reason: string } | { kind: "answer"; answer: string };

const domainToApp = (error: unknown): never => {
  if (error instanceof DomainError) {
    throw new AppError(409, error.code, `premiumLedger:errors.${error.code}`, error.params);
  }
  throw error;
};

/**
 * The insurer's steps on a complaint, each on the version it saw: mark that a check is needed
 * (30 working days), extend once (≤ 30, with a reason, before the deadline), answer (the
 * enterprise is told). Nothing changes after the answer.
 */
export async function stepComplaint(
  db: Db,
  actor: Actor,
  params: { id: string; version: number; step: ComplaintStep; today: IsoDate; now: Date },
) {
  const { today, now, step } = params;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(insuranceComplaints)
      .where(and(eq(insuranceComplaints.id, params.id), eq(insuranceComplaints.insurerId, actor.orgId)))
      .for("update");
    if (!row) throw notFound();
    if (row.version !== params.version) throw new AppError(409, "stale", "premiumLedger:errors.stale");
    if (row.answeredAt) throw new AppError(409, "already_answered", "premiumLedger:errors.already_answered");
    const set: Partial<typeof insuranceComplaints.$inferInsert> = { version: row.version + 1 };
    if (step.kind === "needs_check") {
      if (row.needsCheck) throw new AppError(409, "already_needs_check", "premiumLedger:errors.already_needs_check");
      set.needsCheck = true;
    } else if (step.kind === "extend") {
      let granted: { days: number; reason: string } | undefined;
      try {
        granted = validateExtension(forDeadline(row), step, today, complaintWorkingDays);
      } catch (error) {
        domainToApp(error);
      }
      set.extensionDays = granted!.days;
      set.extensionReason = granted!.reason;
    } else {
      set.answer = step.answer;
      set.answeredAt = now;
      set.answeredByUserId = actor.userId;
    }
    const [updated] = await tx
      .update(insuranceComplaints)
      .set(set)
      .where(and(eq(insuranceComplaints.id, row.id), eq(insuranceComplaints.version, row.version)))
      .returning();
    if (!updated) throw new AppError(409, "stale", "premiumLedger:errors.stale");
    await writeAudit(tx, {
      action: `insurance_complaint.${step.kind}`,
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "insurance_complaint",
      subjectId: row.id,
      data: step.kind === "extend" ? { days: step.days, reason: step.reason } : {},
      ip: actor.ip,
      at: now,
    });
    if (step.kind === "answer") {
      const deadline = deadlineOf(updated, today);
      await notify(tx, {
        type: "insurance_complaint_answered",
        key: `insurance_complaint_answered:${row.id}`,
        orgId: row.enterpriseId,
        subjectId: row.id,
        params: { subject: row.subject, late: deadline.breached ? 1 : 0 },
        now,
      });
    }
    return updated;
  });
}
