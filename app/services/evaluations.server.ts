import { aliasedTable, and, asc, count, desc, eq, like, or, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { bureauEvaluations, organisations, violations } from "../../db/schema";
import type { EvaluationResult, ViolationKind } from "../domain/credit-grade";
import { shanghaiDateString } from "../domain/format";
import { regionLikePattern } from "../domain/region-scope";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { recomputeProviderCredit } from "./credit.server";
import type { Actor } from "./actor";
import { pageWindow } from "../domain/paging";

/** The bureau picks from a list; beyond this many providers it should search instead. */
const PICKER_LIMIT = 500;

/**
 * A bureau may judge a provider that works in its region: registered there, declared to
 * practise there (执业告知, still active), or serving an enterprise of the region.
 */
function inBureauRegion(bureauRegionCode: string): SQL {
  const pattern = regionLikePattern(bureauRegionCode);
  return or(
    like(organisations.regionCode, pattern),
    sql`exists (select 1 from practice_notices pn where pn.provider_id = ${organisations.id} and pn.withdrawn_at is null and pn.county_code like ${pattern})`,
    sql`exists (select 1 from engagements e join organisations client on client.id = e.enterprise_id where e.provider_id = ${organisations.id} and client.region_code like ${pattern})`,
  )!;
}

export async function listEvaluableProviders(db: DbOrTx, params: { bureauRegionCode: string }) {
  return db
    .select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode })
    .from(organisations)
    .where(and(eq(organisations.kind, "provider"), inBureauRegion(params.bureauRegionCode)))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(PICKER_LIMIT);
}

/** The acting organisation, re-read: its kind and region decide what it may record. */
async function recorder(tx: DbOrTx, orgId: string) {
  const [org] = await tx
    .select({ id: organisations.id, kind: organisations.kind, regionCode: organisations.regionCode })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org || (org.kind !== "bureau" && org.kind !== "platform"))
    throw new AppError(403, "forbidden", "wrong_org_kind");
  return org;
}

/** 404 for a provider outside the bureau's region, so a bureau cannot probe other regions. */
async function providerInScope(tx: DbOrTx, org: { kind: string; regionCode: string }, providerId: string) {
  const where: SQL[] = [eq(organisations.id, providerId), eq(organisations.kind, "provider")];
  if (org.kind === "bureau") where.push(inBureauRegion(org.regionCode));
  const [provider] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(...where));
  if (!provider) throw notFound("credit.provider_not_in_scope");
  return provider;
}

function notInFuture(date: string, now: Date) {
  if (date > shanghaiDateString(now)) throw new AppError(422, "date_in_future", "credit.date_in_future");
}

/** A bureau's evaluation (e.g. its sampling of reports), then the provider is regraded. */
export async function recordEvaluation(
  db: Db,
  actor: Actor,
  input: { providerId: string; result: EvaluationResult; evaluatedOn: string; note?: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const org = await recorder(tx, actor.orgId);
    if (org.kind !== "bureau") throw new AppError(403, "forbidden", "wrong_org_kind");
    await providerInScope(tx, org, input.providerId);
    notInFuture(input.evaluatedOn, now);
    const [row] = await tx
      .insert(bureauEvaluations)
      .values({
        providerId: input.providerId,
        bureauId: org.id,
        result: input.result,
        evaluatedOn: input.evaluatedOn,
        note: input.note,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, {
      action: "credit.evaluation_recorded",
      actorUserId: actor.userId,
      orgId: input.providerId,
      subjectType: "bureau_evaluation",
      subjectId: row.id,
      data: { bureauId: org.id, result: input.result, evaluatedOn: input.evaluatedOn },
      ip: actor.ip,
    });
    const credit = await recomputeProviderCredit(tx, input.providerId, now);
    return { evaluation: row, credit };
  });
}

/** A violation recorded by a bureau (its region) or the platform admin (anywhere); regrades, may suspend. */
export async function recordViolation(
  db: Db,
  actor: Actor,
  input: { providerId: string; kind: ViolationKind; serious: boolean; occurredOn: string; note: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const org = await recorder(tx, actor.orgId);
    await providerInScope(tx, org, input.providerId);
    notInFuture(input.occurredOn, now);
    const [row] = await tx
      .insert(violations)
      .values({
        providerId: input.providerId,
        kind: input.kind,
        serious: input.serious,
        note: input.note,
        occurredOn: input.occurredOn,
        recordedByOrgId: org.id,
        recordedByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, {
      action: "credit.violation_recorded",
      actorUserId: actor.userId,
      orgId: input.providerId,
      subjectType: "violation",
      subjectId: row.id,
      data: { recordedByOrgId: org.id, kind: input.kind, serious: input.serious, occurredOn: input.occurredOn },
      ip: actor.ip,
    });
    const credit = await recomputeProviderCredit(tx, input.providerId, now);
    return { violation: row, credit };
  });
}

/** For the admin form, which names the provider by its USCC. */
export async function findProviderByUscc(db: DbOrTx, uscc: string) {
  const [provider] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.uscc, uscc), eq(organisations.kind, "provider")));
  if (!provider) throw notFound("credit.provider_not_found");
  return provider;
}

/** What this bureau recorded: its evaluations (paged) and its violations (latest first). */
export async function listBureauRecords(db: DbOrTx, params: { bureauId: string; page?: number }) {
  const { page, limit, offset } = pageWindow(params.page);
  const mine = eq(bureauEvaluations.bureauId, params.bureauId);
  const [evaluations, [{ total }], recorded] = await Promise.all([
    db
      .select({
        id: bureauEvaluations.id,
        providerId: bureauEvaluations.providerId,
        providerName: organisations.name,
        result: bureauEvaluations.result,
        evaluatedOn: bureauEvaluations.evaluatedOn,
        note: bureauEvaluations.note,
      })
      .from(bureauEvaluations)
      .innerJoin(organisations, eq(organisations.id, bureauEvaluations.providerId))
      .where(mine)
      .orderBy(desc(bureauEvaluations.evaluatedOn), desc(bureauEvaluations.createdAt))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(bureauEvaluations).where(mine),
    listViolationRows(db, eq(violations.recordedByOrgId, params.bureauId), 1),
  ]);
  return { evaluations, total, page, pageSize: limit, violations: recorded.rows };
}

/** Every violation on the platform, for the admin. */
export async function listViolations(db: DbOrTx, params: { page?: number }) {
  return listViolationRows(db, undefined, params.page);
}

async function listViolationRows(db: DbOrTx, where: SQL | undefined, requestedPage: number | undefined) {
  const { page, limit, offset } = pageWindow(requestedPage);
  const recorderOrg = aliasedTable(organisations, "recorder");
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: violations.id,
        providerId: violations.providerId,
        providerName: organisations.name,
        providerSuspended: sql<boolean>`${organisations.suspendedAt} is not null`,
        kind: violations.kind,
        serious: violations.serious,
        occurredOn: violations.occurredOn,
        note: violations.note,
        recordedBy: recorderOrg.name,
      })
      .from(violations)
      .innerJoin(organisations, eq(organisations.id, violations.providerId))
      .innerJoin(recorderOrg, eq(recorderOrg.id, violations.recordedByOrgId))
      .where(where)
      .orderBy(desc(violations.occurredOn), desc(violations.createdAt))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(violations).where(where),
  ]);
  return { rows, total, page, pageSize: limit };
}
