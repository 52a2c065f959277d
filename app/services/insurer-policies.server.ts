/**
 * The insurer's policies (issue 9, "Policies"): the list and its export, one policy with its
 * fund, renewals and plan, cancelling and renewing, the spreadsheet import (preview, then one
 * transaction in batches with progress) and the plan as the API answers it. Every write goes
 * through `writePolicy` (policies.server.ts); every query is scoped by the acting insurer in its
 * WHERE, so another insurer's policy is a 404.
 */
import { and, asc, desc, eq, gte, inArray, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import {
  engagements,
  experts,
  insurancePlanItems,
  insurancePolicies,
  organisations,
  preventionFeeEntries,
  users,
} from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { SERVICE_CODES, type RiskGrade, type ServiceCode } from "../domain/insurance-plan";
import type { PlanItemStatus } from "../domain/plan-item-status";
import { parsePolicySheet, type Cell, type SheetError } from "../domain/policy-import-sheet";
import { pageWindow, type PageOf } from "../domain/paging";
import { CANCEL_REASON_MAX, POLICY_LIST_STATUSES } from "../forms/policies";
import { AppError } from "../utils/errors";
import { uuidOrNotFound } from "../utils/ids";
import { writeAudit } from "./audit.server";
import { planItemStatusSql, syncPlan } from "./insurance-plans.server";
import { getOwnPolicy, writePolicy, type PolicyInput, type PolicyRow } from "./policies.server";
import { readSpreadsheet, UnreadableSheetError } from "./spreadsheet.server";

/** The API acts for the organisation, with no user. */
type Actor = { userId: string | null; ip?: string | null };

// ---------------------------------------------------------------- the list

export { POLICY_LIST_STATUSES };
export type PolicyListStatus = (typeof POLICY_LIST_STATUSES)[number];

export type PolicyFilter = {
  status?: PolicyListStatus;
  grade?: RiskGrade;
  q?: string;
  startFrom?: string;
  startTo?: string;
  page?: number;
};

export type PolicyListRow = {
  id: string;
  policyNumber: string;
  enterpriseId: string;
  enterpriseName: string;
  enterpriseUscc: string | null;
  startDate: string;
  endDate: string;
  riskGrade: RiskGrade;
  premiumFen: number;
  preventionFeeBps: number;
  status: PolicyListStatus;
  optionalServices: string[];
};

/** A stored "active" policy whose end date has passed is shown (and filtered) as expired. */
function effectiveStatusSql(today: IsoDate) {
  const p = insurancePolicies;
  return sql<PolicyListStatus>`(case when ${p.status} = 'active' and ${p.endDate} < ${today}::date then 'expired' else ${p.status}::text end)`;
}

function listWhere(insurerId: string, filter: PolicyFilter, today: IsoDate): SQL {
  const p = insurancePolicies;
  const parts: SQL[] = [eq(p.insurerId, insurerId)];
  if (filter.status === "active") parts.push(sql`${p.status} = 'active' and ${p.endDate} >= ${today}::date`);
  if (filter.status === "cancelled") parts.push(eq(p.status, "cancelled"));
  if (filter.status === "expired")
    parts.push(sql`(${p.status} = 'expired' or (${p.status} = 'active' and ${p.endDate} < ${today}::date))`);
  if (filter.grade) parts.push(eq(p.riskGrade, filter.grade));
  if (filter.startFrom) parts.push(gte(p.startDate, filter.startFrom));
  if (filter.startTo) parts.push(lte(p.startDate, filter.startTo));
  const q = filter.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      or(
        sql`${p.policyNumber} ilike ${like}`,
        sql`${organisations.name} ilike ${like}`,
        sql`${organisations.uscc} ilike ${like}`,
      )!,
    );
  }
  return and(...parts)!;
}

function listQuery(db: DbOrTx, where: SQL, today: IsoDate) {
  const p = insurancePolicies;
  return db
    .select({
      id: p.id,
      policyNumber: p.policyNumber,
      enterpriseId: p.enterpriseId,
      enterpriseName: organisations.name,
      enterpriseUscc: organisations.uscc,
      startDate: p.startDate,
      endDate: p.endDate,
      riskGrade: p.riskGrade,
      premiumFen: p.premiumFen,
      preventionFeeBps: p.preventionFeeBps,
      status: effectiveStatusSql(today),
      optionalServices: p.optionalServices,
    })
    .from(p)
    .innerJoin(organisations, eq(organisations.id, p.enterpriseId))
    .where(where)
    .orderBy(desc(p.startDate), asc(p.policyNumber));
}

export async function listPolicies(
  db: DbOrTx,
  insurerId: string,
  filter: PolicyFilter,
  today: IsoDate,
): Promise<PageOf<PolicyListRow>> {
  const where = listWhere(insurerId, filter, today);
  const { page, limit: pageSize, offset } = pageWindow(filter.page);
  const [rows, [count]] = await Promise.all([
    listQuery(db, where, today).limit(pageSize).offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(insurancePolicies)
      .innerJoin(organisations, eq(organisations.id, insurancePolicies.enterpriseId))
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0, page, pageSize };
}

export const MAX_POLICY_EXPORT_ROWS = 50_000;

export async function exportPolicies(
  db: DbOrTx,
  insurerId: string,
  filter: PolicyFilter,
  today: IsoDate,
): Promise<PolicyListRow[]> {
  return listQuery(db, listWhere(insurerId, filter, today), today).limit(MAX_POLICY_EXPORT_ROWS);
}

// ---------------------------------------------------------------- one policy

export type PlanItemView = {
  id: string;
  service: ServiceCode;
  sequence: number;
  windowStart: string;
  dueDate: string;
  status: PlanItemStatus;
  scheduledOn: string | null;
  assignee: { kind: "staff" | "expert" | "provider"; id: string; name: string } | null;
};

/** The plan of one of the insurer's policies, in service order then window; cancelled items left out. */
export async function policyPlanItems(
  db: DbOrTx,
  insurerId: string,
  policyId: string,
  today: IsoDate,
): Promise<PlanItemView[]> {
  const i = insurancePlanItems;
  const rows = await db
    .select({
      id: i.id,
      service: i.service,
      sequence: i.sequence,
      windowStart: i.windowStart,
      dueDate: i.dueDate,
      status: planItemStatusSql(today),
      scheduledOn: i.scheduledOn,
      assigneeKind: i.assigneeKind,
      userId: users.id,
      userName: users.name,
      expertId: experts.id,
      expertName: experts.name,
      providerId: organisations.id,
      providerName: organisations.name,
    })
    .from(i)
    .leftJoin(users, eq(users.id, i.assigneeUserId))
    .leftJoin(experts, eq(experts.id, i.assigneeExpertId))
    .leftJoin(engagements, eq(engagements.id, i.assigneeEngagementId))
    .leftJoin(organisations, eq(organisations.id, engagements.providerId))
    .where(and(eq(i.policyId, policyId), eq(i.insurerId, insurerId), ne(i.state, "cancelled")))
    .orderBy(asc(i.windowStart), asc(i.service), asc(i.sequence));
  const order = new Map<string, number>(SERVICE_CODES.map((c, n) => [c, n]));
  return rows
    .map((r) => ({
      id: r.id,
      service: r.service,
      sequence: r.sequence,
      windowStart: r.windowStart,
      dueDate: r.dueDate,
      status: r.status,
      scheduledOn: r.scheduledOn,
      assignee:
        r.assigneeKind === "staff" && r.userId
          ? { kind: "staff" as const, id: r.userId, name: r.userName ?? "" }
          : r.assigneeKind === "expert" && r.expertId
            ? { kind: "expert" as const, id: r.expertId, name: r.expertName ?? "" }
            : r.assigneeKind === "provider" && r.providerId
              ? { kind: "provider" as const, id: r.providerId, name: r.providerName ?? "" }
              : null,
    }))
    .sort((a, b) => order.get(a.service)! - order.get(b.service)! || a.sequence - b.sequence);
}

export type PolicyDetail = {
  policy: PolicyRow & { effectiveStatus: PolicyListStatus };
  enterprise: { id: string; name: string; uscc: string | null; regionCode: string };
  fundFen: number;
  renewalOf: { id: string; policyNumber: string } | null;
  renewals: Array<{ id: string; policyNumber: string; startDate: string }>;
  items: PlanItemView[];
};

export async function getPolicyDetail(
  db: DbOrTx,
  insurerId: string,
  policyId: string,
  today: IsoDate,
): Promise<PolicyDetail> {
  const policy = await getOwnPolicy(db, insurerId, policyId);
  const [enterprise] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      uscc: organisations.uscc,
      regionCode: organisations.regionCode,
    })
    .from(organisations)
    .where(eq(organisations.id, policy.enterpriseId));
  const [fund] = await db
    .select({ fen: sql<number>`coalesce(sum(${preventionFeeEntries.amountFen}), 0)::bigint` })
    .from(preventionFeeEntries)
    .where(
      and(
        eq(preventionFeeEntries.policyId, policy.id),
        eq(preventionFeeEntries.insurerId, insurerId),
        eq(preventionFeeEntries.kind, "fund"),
      ),
    );
  const renewalOf = policy.renewalOfId
    ? ((
        await db
          .select({ id: insurancePolicies.id, policyNumber: insurancePolicies.policyNumber })
          .from(insurancePolicies)
          .where(and(eq(insurancePolicies.id, policy.renewalOfId), eq(insurancePolicies.insurerId, insurerId)))
      )[0] ?? null)
    : null;
  const renewals = await db
    .select({
      id: insurancePolicies.id,
      policyNumber: insurancePolicies.policyNumber,
      startDate: insurancePolicies.startDate,
    })
    .from(insurancePolicies)
    .where(and(eq(insurancePolicies.renewalOfId, policy.id), eq(insurancePolicies.insurerId, insurerId)))
    .orderBy(asc(insurancePolicies.startDate));
  const effectiveStatus: PolicyListStatus =
    policy.status === "active" && policy.endDate < today ? "expired" : policy.status;
  return {
    policy: { ...policy, effectiveStatus },
    enterprise: enterprise!,
    fundFen: Number(fund?.fen ?? 0),
    renewalOf,
    renewals,
    items: await policyPlanItems(db, insurerId, policy.id, today),
  };
}

/** The API's plan: the items of one of the insurer's policies (404 for another insurer's). */
export async function planForApi(db: DbOrTx, insurerId: string, policyId: string, today: IsoDate) {
  const policy = await getOwnPolicy(db, insurerId, policyId);
  const items = await policyPlanItems(db, insurerId, policy.id, today);
  return items.map((i) => ({
    service: i.service,
    sequence: i.sequence,
    windowStart: i.windowStart,
    dueDate: i.dueDate,
    status: i.status,
    assignee: i.assignee,
  }));
}

// ---------------------------------------------------------------- writing one policy

/** The form and the API: one policy in its own transaction. */
export async function createPolicy(
  db: Db,
  input: { insurerId: string; actor: Actor; policy: PolicyInput; today: IsoDate; now: Date },
) {
  if (input.policy.renewalOfId) await getOwnPolicy(db, input.insurerId, input.policy.renewalOfId);
  return db.transaction((tx) =>
    writePolicy(tx, {
      insurerId: input.insurerId,
      actorUserId: input.actor.userId,
      policy: input.policy,
      today: input.today,
      now: input.now,
    }),
  );
}

export { CANCEL_REASON_MAX };

/**
 * Cancels (退保) one of the insurer's active policies: cover stops on `cancelledOn` (within the
 * term), the plan is re-derived in the same transaction (future items cancelled, done ones kept).
 */
export async function cancelPolicy(
  db: Db,
  input: {
    insurerId: string;
    actor: Actor;
    policyId: string;
    cancelledOn: IsoDate;
    reason: string;
    today: IsoDate;
    now: Date;
  },
) {
  const policyId = uuidOrNotFound(input.policyId);
  return db.transaction(async (tx) => {
    const [policy] = await tx
      .select()
      .from(insurancePolicies)
      .where(and(eq(insurancePolicies.id, policyId), eq(insurancePolicies.insurerId, input.insurerId)))
      .for("update");
    if (!policy) throw new AppError(404, "not_found", "not_found");
    if (policy.status !== "active") throw new AppError(409, "not_active", "policies:errors.not_active");
    if (input.cancelledOn < policy.startDate || input.cancelledOn > policy.endDate)
      throw new AppError(422, "cancel_outside_term", "policies:errors.cancel_outside_term");
    await tx
      .update(insurancePolicies)
      .set({ status: "cancelled", cancelledOn: input.cancelledOn, version: sql`${insurancePolicies.version} + 1` })
      .where(and(eq(insurancePolicies.id, policy.id), eq(insurancePolicies.insurerId, input.insurerId)));
    const sync = await syncPlan(tx, policy.id, input.today, input.now);
    await writeAudit(tx, {
      action: "insurance_policy.cancelled",
      actorUserId: input.actor.userId,
      orgId: input.insurerId,
      subjectType: "insurance_policy",
      subjectId: policy.id,
      data: { policyNumber: policy.policyNumber, cancelledOn: input.cancelledOn, reason: input.reason, ...sync },
      ip: input.actor.ip ?? null,
      at: input.now,
    });
    return sync;
  });
}

// ---------------------------------------------------------------- the spreadsheet import

export type PolicyImportError = Omit<SheetError, "code"> & {
  code: SheetError["code"] | "number_taken" | "uscc_other_kind";
};
export type PolicyImportPreview = {
  rows: Array<{ row: number; value: PolicyInput }>;
  errors: PolicyImportError[];
  ok: boolean;
};

const CHUNK = 1000;
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The file's rows checked against the sheet rules and the database (numbers already used, USCCs of other kinds). */
async function checkSheet(db: DbOrTx, insurerId: string, table: Cell[][]): Promise<PolicyImportPreview> {
  const parsed = parsePolicySheet(table);
  const errors: PolicyImportError[] = [...parsed.errors];
  const numbers = parsed.rows.map((r) => r.value.policyNumber);
  const taken = new Set<string>();
  for (const part of chunks(numbers, CHUNK)) {
    const rows = await db
      .select({ n: insurancePolicies.policyNumber })
      .from(insurancePolicies)
      .where(and(eq(insurancePolicies.insurerId, insurerId), inArray(insurancePolicies.policyNumber, part)));
    for (const r of rows) taken.add(r.n);
  }
  const otherKind = new Set<string>();
  for (const part of chunks([...new Set(parsed.rows.map((r) => r.value.enterprise.uscc))], CHUNK)) {
    const rows = await db
      .select({ uscc: organisations.uscc })
      .from(organisations)
      .where(and(inArray(organisations.uscc, part), ne(organisations.kind, "enterprise")));
    for (const r of rows) if (r.uscc) otherKind.add(r.uscc);
  }
  for (const r of parsed.rows) {
    if (taken.has(r.value.policyNumber)) errors.push({ row: r.row, field: "policyNumber", code: "number_taken" });
    if (otherKind.has(r.value.enterprise.uscc)) errors.push({ row: r.row, field: "uscc", code: "uscc_other_kind" });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows: parsed.rows, errors, ok: errors.length === 0 };
}

async function readSheet(bytes: Uint8Array): Promise<Cell[][]> {
  try {
    return await readSpreadsheet(bytes);
  } catch (error) {
    if (error instanceof UnreadableSheetError)
      throw new AppError(422, "sheet_unreadable", "policies:errors.sheet_unreadable");
    throw error;
  }
}

/** Step 1: the uploaded file → a preview. Nothing is written. */
export async function previewPolicyImport(
  db: DbOrTx,
  input: { insurerId: string; bytes: Uint8Array },
): Promise<PolicyImportPreview> {
  return checkSheet(db, input.insurerId, await readSheet(input.bytes));
}

/** Rows written between two progress reports (the whole import is still one transaction). */
export const POLICY_IMPORT_BATCH = 250;
export type PolicyImportProgress = { done: number; total: number };

/**
 * Step 2: the same file again (the page posts it once more; nothing is kept between the steps),
 * re-checked inside the transaction, then written row by row through `writePolicy` (no audit
 * per row; one audit row for the import), reporting progress after each batch. Any error —
 * a row refused now, a number taken meanwhile — rolls the whole import back.
 */
export async function runPolicyImport(
  db: Db,
  input: {
    insurerId: string;
    actor: Actor;
    filename: string;
    bytes: Uint8Array;
    today: IsoDate;
    now: Date;
    onProgress?: (progress: PolicyImportProgress) => void | Promise<void>;
  },
): Promise<{ written: number; planItems: number }> {
  const table = await readSheet(input.bytes);
  return db.transaction(async (tx) => {
    const checked = await checkSheet(tx, input.insurerId, table);
    if (!checked.ok)
      throw new AppError(422, "import_invalid", "policies:errors.import_invalid", { row: checked.errors[0]!.row });
    const total = checked.rows.length;
    let done = 0;
    let planItems = 0;
    await input.onProgress?.({ done, total });
    for (const batch of chunks(checked.rows, POLICY_IMPORT_BATCH)) {
      for (const r of batch) {
        const written = await writePolicy(tx, {
          insurerId: input.insurerId,
          actorUserId: input.actor.userId,
          policy: r.value,
          today: input.today,
          now: input.now,
          audit: false,
        });
        planItems += written.planItems;
      }
      done += batch.length;
      await input.onProgress?.({ done, total });
    }
    await writeAudit(tx, {
      action: "insurance_policy.imported",
      actorUserId: input.actor.userId,
      orgId: input.insurerId,
      subjectType: "organisation",
      subjectId: input.insurerId,
      data: { filename: input.filename.slice(0, 200), total, planItems },
      ip: input.actor.ip ?? null,
      at: input.now,
    });
    return { written: total, planItems };
  });
}
