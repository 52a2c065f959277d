import { and, asc, count, desc, eq, inArray, isNotNull, isNull, like, lte, max, or, sql, type SQL } from "drizzle-orm";
import { executeRows } from "./sql-rows.server";
import type { DbOrTx } from "../../db/client";
import {
  auditLog,
  bureauEvaluations,
  engagements,
  organisations,
  providerProfiles,
  reviews,
  violations,
  type CreditGrade,
} from "../../db/schema";
import {
  disclosurePeriod,
  gradeProvider,
  lookbackStart,
  shouldAutoSuspend,
  type CreditReason,
  type CreditResult,
} from "../domain/credit-grade";
import { shanghaiDateString } from "../domain/format";
import { regionLikePattern } from "../domain/region-scope";
import { isValidRegionCode } from "../domain/regions";
import { AppError, notFound } from "../utils/errors";
import { pageWindow } from "../domain/paging";
import { writeAudit } from "./audit.server";
import { notify } from "./notify.server";

const VIOLATION_LABEL_ZH = {
  qualification_renting: "租借资质",
  illegal_affiliation: "违法挂靠",
  falsification: "弄虚作假",
  monopoly_pricing: "垄断收费",
} as const;

async function loadCreditInputs(db: DbOrTx, providerId: string, now: Date) {
  const [published, deliveries, evaluations, recorded, [totals]] = await Promise.all([
    db
      .select({ overall: reviews.overall, publishedAt: reviews.publishedAt })
      .from(reviews)
      .where(
        and(
          eq(reviews.revieweeOrgId, providerId),
          eq(reviews.direction, "client_to_provider"),
          isNotNull(reviews.publishedAt),
          lte(reviews.publishedAt, now),
        ),
      ),
    db
      .select({ endDate: engagements.endDate, deliveredAt: engagements.deliveredAt })
      .from(engagements)
      .where(
        and(
          eq(engagements.providerId, providerId),
          inArray(engagements.status, ["accepted", "closed"]),
          isNotNull(engagements.deliveredAt),
          isNotNull(engagements.endDate),
        ),
      ),
    db
      .select({
        result: bureauEvaluations.result,
        evaluatedOn: bureauEvaluations.evaluatedOn,
        createdAt: bureauEvaluations.createdAt,
      })
      .from(bureauEvaluations)
      .where(eq(bureauEvaluations.providerId, providerId)),
    db
      .select({
        kind: violations.kind,
        serious: violations.serious,
        occurredOn: violations.occurredOn,
        createdAt: violations.createdAt,
      })
      .from(violations)
      .where(eq(violations.providerId, providerId)),
    db
      .select({ reinstatedAt: max(auditLog.at) })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "organisation.reinstate"),
          eq(auditLog.subjectType, "organisation"),
          eq(auditLog.subjectId, providerId),
        ),
      ),
  ]);
  return { published, deliveries, evaluations, recorded, lastReinstatedAt: totals?.reinstatedAt ?? null };
}

/**
 * Regrades one provider from its own record and caches the result on its profile. When the
 * grade calls for it (D, or a serious violation) the provider is suspended (退出) with an
 * audit entry; it is never reinstated here — only the platform admin does that (decision 006).
 * Runs inside the caller's transaction when given one.
 */
export async function recomputeProviderCredit(
  db: DbOrTx,
  providerId: string,
  now: Date,
): Promise<(CreditResult & { suspendedNow: boolean }) | null> {
  return db.transaction(async (tx) => {
    // Row lock: two recomputations of the same provider cannot interleave their reads and writes.
    const [org] = await tx
      .select({ id: organisations.id, kind: organisations.kind, suspendedAt: organisations.suspendedAt })
      .from(organisations)
      .where(eq(organisations.id, providerId))
      .for("update");
    if (!org || org.kind !== "provider") return null;
    const today = shanghaiDateString(now);
    const inputs = await loadCreditInputs(tx, providerId, now);
    const result = gradeProvider({
      today,
      reviews: inputs.published.map((r) => ({ overall: r.overall, publishedOn: shanghaiDateString(r.publishedAt!) })),
      deliveries: inputs.deliveries.map((d) => ({
        dueOn: d.endDate!,
        deliveredOn: shanghaiDateString(d.deliveredAt!),
      })),
      evaluations: inputs.evaluations,
      violations: inputs.recorded,
    });
    const [previous] = await tx
      .select({ grade: providerProfiles.creditGrade })
      .from(providerProfiles)
      .where(eq(providerProfiles.orgId, providerId));
    const cache = {
      creditGrade: result.grade,
      creditReasons: result.reasons,
      creditComputedAt: now,
      reviewCount: inputs.published.length,
      ratingSum: inputs.published.reduce((s, r) => s + r.overall, 0),
    };
    await tx
      .insert(providerProfiles)
      .values({ orgId: providerId, ...cache })
      .onConflictDoUpdate({ target: providerProfiles.orgId, set: cache });
    if (previous?.grade && previous.grade !== result.grade) {
      await notify(tx, {
        type: "grade_changed",
        key: `grade_changed:${providerId}:${now.getTime()}`,
        orgId: providerId,
        subjectId: providerId,
        params: { from: previous.grade, to: result.grade },
        now,
      });
    }

    const from = lookbackStart(today);
    const adverse = [
      ...inputs.recorded.filter((v) => v.occurredOn >= from).map((v) => v.createdAt),
      ...inputs.evaluations.filter((e) => e.result === "fail" && e.evaluatedOn >= from).map((e) => e.createdAt),
    ];
    const suspendedNow = shouldAutoSuspend({
      result,
      previousGrade: previous?.grade ?? null,
      alreadySuspended: org.suspendedAt !== null,
      lastReinstatedAt: inputs.lastReinstatedAt,
      newestAdverseRecordAt: adverse.length ? new Date(Math.max(...adverse.map((d) => d.getTime()))) : null,
    });
    if (suspendedNow) {
      const reason = suspensionReason(result.reasons);
      await tx
        .update(organisations)
        .set({ suspendedAt: now, suspendedReason: reason })
        .where(eq(organisations.id, providerId));
      await writeAudit(tx, {
        action: "organisation.suspend",
        actorUserId: null,
        orgId: providerId,
        subjectType: "organisation",
        subjectId: providerId,
        data: { reason, automatic: true, grade: result.grade, score: result.score, reasons: result.reasons },
        at: now,
      });
      await notify(tx, {
        type: "org_suspended",
        key: `org_suspended:${providerId}:${now.getTime()}`,
        orgId: providerId,
        subjectId: providerId,
        params: { reason: reason ?? "" },
        now,
      });
    }
    return { ...result, suspendedNow };
  });
}

/**
 * Grades every verified provider that has never been graded (a new provider gets B, decision
 * 006), so it can appear on the 公示 list. For the seed; idempotent.
 */
export async function gradeUngradedProviders(db: DbOrTx, now: Date): Promise<number> {
  const ungraded = await ungradedProviderIds(db);
  for (const id of ungraded) await recomputeProviderCredit(db, id, now);
  return ungraded.length;
}

async function ungradedProviderIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .leftJoin(providerProfiles, eq(providerProfiles.orgId, organisations.id))
    .where(
      and(
        eq(organisations.kind, "provider"),
        eq(organisations.verificationStatus, "verified"),
        isNull(providerProfiles.creditGrade),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * Graded providers whose grade may be out of date on `today` although nothing happened to them:
 * a record left the 3-year window since the grade was computed (dated between the window start
 * then and the window start now; one day of slack either side so a 29 February cannot slip
 * through), or a review's publication time has come. A superset is harmless: regrading is idempotent.
 */
async function staleWindowProviderIds(db: DbOrTx, now: Date): Promise<string[]> {
  const today = shanghaiDateString(now);
  const list = await executeRows<{ org_id: string }>(
    db,
    sql`
    with p as (
      select pp.org_id, pp.credit_computed_at as at, (pp.credit_computed_at at time zone 'Asia/Shanghai')::date as on_day
      from provider_profiles pp join organisations o on o.id = pp.org_id
      where o.kind = 'provider' and o.verification_status = 'verified'
        and pp.credit_grade is not null and pp.credit_computed_at is not null
        and (pp.credit_computed_at at time zone 'Asia/Shanghai')::date < ${today}::date
    )
    select p.org_id from p
    where exists (select 1 from reviews r where r.reviewee_org_id = p.org_id and r.direction = 'client_to_provider'
        and r.published_at is not null
        and ((r.published_at at time zone 'Asia/Shanghai')::date between (p.on_day - interval '3 years' - interval '1 day')::date and (${today}::date - interval '3 years' + interval '1 day')::date
          or (r.published_at > p.at and r.published_at <= ${now.toISOString()}::timestamptz)))
      or exists (select 1 from engagements e where e.provider_id = p.org_id and e.status in ('accepted', 'closed')
        and (e.delivered_at at time zone 'Asia/Shanghai')::date between (p.on_day - interval '3 years' - interval '1 day')::date and (${today}::date - interval '3 years' + interval '1 day')::date)
      or exists (select 1 from bureau_evaluations b where b.provider_id = p.org_id
        and b.evaluated_on between (p.on_day - interval '3 years' - interval '1 day')::date and (${today}::date - interval '3 years' + interval '1 day')::date)
      or exists (select 1 from violations v where v.provider_id = p.org_id
        and v.occurred_on between (p.on_day - interval '3 years' - interval '1 day')::date and (${today}::date - interval '3 years' + interval '1 day')::date)
  `,
  );
  return list.map((r) => r.org_id);
}

/**
 * The daily regrade (jobs/regrade-providers.ts): every verified provider never graded, and
 * every one whose 3-year window changed content since its grade was computed, so a grade ages
 * without waiting for another event. Returns the ids regraded.
 */
export async function regradeProviders(db: DbOrTx, params: { now: Date }): Promise<string[]> {
  const ids = [...new Set([...(await ungradedProviderIds(db)), ...(await staleWindowProviderIds(db, params.now))])];
  for (const id of ids) await recomputeProviderCredit(db, id, params.now);
  return ids;
}

/** Stored beside the suspension like the admin's own reasons: plain Chinese text for the record. */
function suspensionReason(reasons: CreditReason[]): string {
  const serious = reasons.find((r) => r.code === "serious_violation");
  if (!serious) return "信用等级 D";
  const kind = String(serious.params?.kind) as keyof typeof VIOLATION_LABEL_ZH;
  return `严重违法违规：${VIOLATION_LABEL_ZH[kind] ?? kind}（${serious.params?.date}）`;
}

/** A provider's grade as the public sees it; grades a provider on first sight if never graded. */
export async function getProviderCredit(db: DbOrTx, params: { providerId: string; now: Date }) {
  const now = params.now;
  const load = () =>
    db
      .select({
        id: organisations.id,
        kind: organisations.kind,
        name: organisations.name,
        regionCode: organisations.regionCode,
        verificationStatus: organisations.verificationStatus,
        suspendedAt: organisations.suspendedAt,
        grade: providerProfiles.creditGrade,
        reasons: providerProfiles.creditReasons,
        computedAt: providerProfiles.creditComputedAt,
        reviewCount: providerProfiles.reviewCount,
        ratingSum: providerProfiles.ratingSum,
      })
      .from(organisations)
      .leftJoin(providerProfiles, eq(providerProfiles.orgId, organisations.id))
      .where(and(eq(organisations.id, params.providerId), eq(organisations.kind, "provider")));
  let [row] = await load();
  if (!row || row.verificationStatus !== "verified") throw notFound();
  if (!row.grade) {
    await recomputeProviderCredit(db, row.id, now);
    [row] = await load();
  }
  const from = lookbackStart(shanghaiDateString(now));
  const disclosed = await db
    .select({ kind: violations.kind, serious: violations.serious, occurredOn: violations.occurredOn })
    .from(violations)
    .where(and(eq(violations.providerId, row.id), sql`${violations.occurredOn} >= ${from}`))
    .orderBy(desc(violations.occurredOn));
  return {
    provider: { id: row.id, name: row.name, regionCode: row.regionCode, suspended: row.suspendedAt !== null },
    grade: row.grade as CreditGrade | null,
    reasons: row.reasons ?? [],
    computedAt: row.computedAt?.toISOString() ?? null,
    reviewCount: row.reviewCount ?? 0,
    averageRating: row.reviewCount ? Math.round(((row.ratingSum ?? 0) / row.reviewCount) * 10) / 10 : null,
    violations: disclosed,
  };
}

/**
 * The 公示 list: verified, unsuspended providers graded A or B, registered in the region (a
 * city includes its counties) or serving it (region_keys holds ancestors and descendants).
 */
export async function listGoodStandingProviders(db: DbOrTx, params: { regionCode?: string; page?: number; now: Date }) {
  const { page, limit, offset } = pageWindow(params.page);
  const where: SQL[] = [
    eq(organisations.kind, "provider"),
    eq(organisations.verificationStatus, "verified"),
    isNull(organisations.suspendedAt),
    inArray(providerProfiles.creditGrade, ["A", "B"]),
  ];
  if (params.regionCode) {
    if (!isValidRegionCode(params.regionCode)) throw new AppError(422, "region_unknown", "region_unknown");
    where.push(
      or(
        like(organisations.regionCode, regionLikePattern(params.regionCode)),
        sql`${providerProfiles.regionKeys} @> ARRAY[${params.regionCode}]::varchar[]`,
      )!,
    );
  }
  const condition = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        regionCode: organisations.regionCode,
        grade: providerProfiles.creditGrade,
        reviewCount: providerProfiles.reviewCount,
        ratingSum: providerProfiles.ratingSum,
        categories: providerProfiles.categories,
        computedAt: providerProfiles.creditComputedAt,
      })
      .from(organisations)
      .innerJoin(providerProfiles, eq(providerProfiles.orgId, organisations.id))
      .where(condition)
      .orderBy(
        asc(providerProfiles.creditGrade),
        desc(providerProfiles.reviewCount),
        asc(organisations.name),
        asc(organisations.id),
      )
      .limit(limit)
      .offset(offset),
    db
      .select({ total: count() })
      .from(organisations)
      .innerJoin(providerProfiles, eq(providerProfiles.orgId, organisations.id))
      .where(condition),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      averageRating: r.reviewCount ? Math.round((r.ratingSum / r.reviewCount) * 10) / 10 : null,
    })),
    total,
    page,
    pageSize: limit,
    period: disclosurePeriod(shanghaiDateString(params.now)),
  };
}
