/**
 * The bureau's oversight of insurers' prevention services (issue 9, "Oversight"): per insurer
 * active in the region, its policies, completion and overdue counts by service code; read-only
 * drill-downs to policies, plans and visits; and the oversight flags (oversight-flags.ts) over
 * the region's visits in a window. Every query is scoped by the insured enterprise's region
 * (`regionLikePattern`, as /bureau/enterprises and /bureau/hazards scope); a record outside the
 * region answers the 404 of a missing one.
 */
import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client";
import {
  files,
  insurancePlanItems,
  insurancePolicies,
  insuranceVisitPhotos,
  insuranceVisits,
  organisations,
  oversightSettings,
  users,
} from "../../db/schema";
import { addDays, type IsoDate } from "../domain/calendar-date";
import type { ServiceCode } from "../domain/insurance-plan";
import {
  belowFrequencyFlags,
  DEFAULT_OVERSIGHT_CONFIG,
  impossibleTravelFlags,
  photoReuseFlags,
  shortVisitFlags,
  type OversightConfig,
  type OversightFlag,
  type VisitForOversight,
} from "../domain/oversight-flags";
import { pageWindow, type PageOf } from "../domain/paging";
import { regionLikePattern } from "../domain/region-scope";
import { AppError } from "../utils/errors";
import { planItemStatusSql } from "./insurance-plans.server";

export type Bureau = { id: string; kind: string; regionCode: string };

const enterpriseOrg = alias(organisations, "oversight_enterprise");
const insurerOrg = alias(organisations, "oversight_insurer");
const items = insurancePlanItems;
const notFound = () => new AppError(404, "not_found", "not_found");

function inRegion(bureau: Bureau) {
  if (bureau.kind !== "bureau") throw notFound();
  return sql`${enterpriseOrg.regionCode} LIKE ${regionLikePattern(bureau.regionCode)}`;
}

export type InsurerOverviewRow = {
  insurerId: string;
  name: string;
  policies: number;
  policiesInForce: number;
  dueToDate: number;
  doneOfDue: number;
  overdue: number;
  overdueByService: Partial<Record<ServiceCode, number>>;
};

/** Each insurer with a policy in the region: two grouped queries (policies; items by service). */
export async function insurerOverview(db: DbOrTx, bureau: Bureau, today: IsoDate): Promise<InsurerOverviewRow[]> {
  const scope = inRegion(bureau);
  const p = insurancePolicies;
  const status = planItemStatusSql(today);
  const [policyRows, itemRows] = await Promise.all([
    db
      .select({
        insurerId: p.insurerId,
        name: insurerOrg.name,
        policies: sql<number>`count(*)`.mapWith(Number),
        policiesInForce:
          sql<number>`count(*) filter (where ${p.status} = 'active' and ${p.startDate} <= ${today}::date and ${p.endDate} >= ${today}::date)`.mapWith(
            Number,
          ),
      })
      .from(p)
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, p.enterpriseId))
      .innerJoin(insurerOrg, eq(insurerOrg.id, p.insurerId))
      .where(scope)
      .groupBy(p.insurerId, insurerOrg.name)
      .orderBy(asc(insurerOrg.name)),
    db
      .select({
        insurerId: items.insurerId,
        service: items.service,
        dueToDate: sql<number>`count(*) filter (where ${items.dueDate} <= ${today}::date)`.mapWith(Number),
        doneOfDue:
          sql<number>`count(*) filter (where ${items.dueDate} <= ${today}::date and ${status} = 'done')`.mapWith(
            Number,
          ),
        overdue: sql<number>`count(*) filter (where ${status} = 'overdue')`.mapWith(Number),
      })
      .from(items)
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, items.enterpriseId))
      .where(and(scope, sql`${items.state} <> 'cancelled'`))
      .groupBy(items.insurerId, items.service),
  ]);
  return policyRows.map((row) => {
    const mine = itemRows.filter((r) => r.insurerId === row.insurerId);
    const overdueByService: Partial<Record<ServiceCode, number>> = {};
    for (const r of mine) if (r.overdue > 0) overdueByService[r.service] = r.overdue;
    return {
      ...row,
      dueToDate: mine.reduce((s, r) => s + r.dueToDate, 0),
      doneOfDue: mine.reduce((s, r) => s + r.doneOfDue, 0),
      overdue: mine.reduce((s, r) => s + r.overdue, 0),
      overdueByService,
    };
  });
}

export type RegionPolicyRow = {
  id: string;
  policyNumber: string;
  enterpriseName: string;
  regionCode: string;
  startDate: string;
  endDate: string;
  status: string;
  dueToDate: number;
  doneOfDue: number;
  overdue: number;
};

/** One insurer's policies in the region, paged, each with its completion and overdue count. */
export async function insurerPoliciesInRegion(
  db: DbOrTx,
  bureau: Bureau,
  params: { insurerId: string; today: IsoDate; page?: number },
): Promise<PageOf<RegionPolicyRow> & { insurerName: string }> {
  const scope = inRegion(bureau);
  const [insurer] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, params.insurerId), eq(organisations.kind, "insurer")));
  if (!insurer) throw notFound();
  const { page, limit, offset } = pageWindow(params.page);
  const p = insurancePolicies;
  const status = planItemStatusSql(params.today);
  const where = and(eq(p.insurerId, params.insurerId), scope);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: p.id,
        policyNumber: p.policyNumber,
        enterpriseName: enterpriseOrg.name,
        regionCode: enterpriseOrg.regionCode,
        startDate: p.startDate,
        endDate: p.endDate,
        status: p.status,
        dueToDate:
          sql<number>`(select count(*) from ${items} where ${items.policyId} = ${p.id} and ${items.state} <> 'cancelled' and ${items.dueDate} <= ${params.today}::date)`.mapWith(
            Number,
          ),
        doneOfDue:
          sql<number>`(select count(*) from ${items} where ${items.policyId} = ${p.id} and ${items.dueDate} <= ${params.today}::date and ${status} = 'done')`.mapWith(
            Number,
          ),
        overdue:
          sql<number>`(select count(*) from ${items} where ${items.policyId} = ${p.id} and ${status} = 'overdue')`.mapWith(
            Number,
          ),
      })
      .from(p)
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, p.enterpriseId))
      .where(where)
      .orderBy(desc(p.startDate), asc(p.policyNumber))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(p)
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, p.enterpriseId))
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0, page, pageSize: limit, insurerName: insurer.name };
}

/** A policy in the region, read-only: its plan with derived statuses and its visits. */
export async function regionPolicy(db: DbOrTx, bureau: Bureau, params: { policyId: string; today: IsoDate }) {
  const scope = inRegion(bureau);
  const p = insurancePolicies;
  const [policy] = await db
    .select({
      id: p.id,
      policyNumber: p.policyNumber,
      insurerId: p.insurerId,
      insurerName: insurerOrg.name,
      enterpriseName: enterpriseOrg.name,
      startDate: p.startDate,
      endDate: p.endDate,
      riskGrade: p.riskGrade,
      status: p.status,
    })
    .from(p)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, p.enterpriseId))
    .innerJoin(insurerOrg, eq(insurerOrg.id, p.insurerId))
    .where(and(eq(p.id, params.policyId), scope));
  if (!policy) throw notFound();
  const [plan, visits] = await Promise.all([
    db
      .select({
        id: items.id,
        service: items.service,
        sequence: items.sequence,
        windowStart: items.windowStart,
        dueDate: items.dueDate,
        scheduledOn: items.scheduledOn,
        status: planItemStatusSql(params.today),
      })
      .from(items)
      .where(eq(items.policyId, policy.id))
      .orderBy(asc(items.dueDate), asc(items.service), asc(items.sequence)),
    db
      .select({
        id: insuranceVisits.id,
        planItemId: insuranceVisits.planItemId,
        kind: insuranceVisits.kind,
        startedAt: insuranceVisits.startedAt,
        endedAt: insuranceVisits.endedAt,
        place: insuranceVisits.place,
        staffNames: insuranceVisits.staffNames,
        confirmed: sql<boolean>`(${insuranceVisits.serviceConfirmedAt} is not null and ${insuranceVisits.enterpriseConfirmedAt} is not null)`,
      })
      .from(insuranceVisits)
      .where(eq(insuranceVisits.policyId, policy.id))
      .orderBy(desc(insuranceVisits.startedAt)),
  ]);
  return { policy, plan, visits };
}

/** A visit in the region, read-only, with its photos (served by the scoped photo route). */
export async function regionVisit(db: DbOrTx, bureau: Bureau, visitId: string) {
  const scope = inRegion(bureau);
  const v = insuranceVisits;
  const [visit] = await db
    .select({
      id: v.id,
      policyId: v.policyId,
      policyNumber: insurancePolicies.policyNumber,
      insurerName: insurerOrg.name,
      enterpriseName: enterpriseOrg.name,
      service: items.service,
      sequence: items.sequence,
      kind: v.kind,
      startedAt: v.startedAt,
      endedAt: v.endedAt,
      place: v.place,
      lat: v.lat,
      lng: v.lng,
      staffNames: v.staffNames,
      summary: v.summary,
      serviceConfirmedAt: v.serviceConfirmedAt,
      enterpriseConfirmedAt: v.enterpriseConfirmedAt,
    })
    .from(v)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, v.enterpriseId))
    .innerJoin(insurerOrg, eq(insurerOrg.id, v.insurerId))
    .innerJoin(insurancePolicies, eq(insurancePolicies.id, v.policyId))
    .innerJoin(items, eq(items.id, v.planItemId))
    .where(and(eq(v.id, visitId), scope));
  if (!visit) throw notFound();
  const photos = await db
    .select({
      fileId: insuranceVisitPhotos.fileId,
      caption: insuranceVisitPhotos.caption,
      sha256: insuranceVisitPhotos.sha256,
      dHash: insuranceVisitPhotos.dHash,
    })
    .from(insuranceVisitPhotos)
    .where(eq(insuranceVisitPhotos.visitId, visit.id))
    .orderBy(asc(insuranceVisitPhotos.fileId));
  return { visit, photos };
}

/** The stored file of a visit's photo, when the visit lies in the bureau's region. */
export async function regionVisitPhoto(db: DbOrTx, bureau: Bureau, params: { visitId: string; fileId: string }) {
  const scope = inRegion(bureau);
  const [row] = await db
    .select({ storedName: files.storedName, mimeType: files.mimeType, originalName: files.originalName })
    .from(insuranceVisitPhotos)
    .innerJoin(insuranceVisits, eq(insuranceVisits.id, insuranceVisitPhotos.visitId))
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, insuranceVisits.enterpriseId))
    .innerJoin(files, eq(files.id, insuranceVisitPhotos.fileId))
    .where(
      and(eq(insuranceVisitPhotos.visitId, params.visitId), eq(insuranceVisitPhotos.fileId, params.fileId), scope),
    );
  if (!row) throw notFound();
  return row;
}

// ---------------------------------------------------------------- settings and flags

export async function oversightConfig(db: DbOrTx, bureauId: string): Promise<OversightConfig> {
  const [row] = await db.select().from(oversightSettings).where(eq(oversightSettings.bureauId, bureauId));
  return row
    ? {
        ...DEFAULT_OVERSIGHT_CONFIG,
        minVisitMinutes: row.minVisitMinutes,
        maxTravelKmh: row.maxTravelKmh,
        photoHammingMax: row.photoHammingMax,
      }
    : DEFAULT_OVERSIGHT_CONFIG;
}

export async function saveOversightConfig(
  db: DbOrTx,
  bureau: Bureau,
  values: { minVisitMinutes: number; maxTravelKmh: number; photoHammingMax: number },
  now: Date,
) {
  if (bureau.kind !== "bureau") throw notFound();
  await db
    .insert(oversightSettings)
    .values({ bureauId: bureau.id, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: oversightSettings.bureauId, set: { ...values, updatedAt: now } });
}

export type FlagWindow = { from: IsoDate; to: IsoDate };

/** The window the flags look at: `to` defaults to today, `from` to 90 days before it. */
export function flagWindow(query: { from?: string; to?: string }, today: IsoDate): FlagWindow {
  const to = (query.to as IsoDate | undefined) ?? today;
  const from = (query.from as IsoDate | undefined) ?? addDays(to, -90);
  if (from > to) throw new AppError(400, "window_reversed", "oversight:errors.windowReversed");
  if (addDays(from, 366) < to) throw new AppError(400, "window_too_long", "oversight:errors.windowTooLong");
  return { from, to };
}

export type FlagsResult = {
  flags: OversightFlag[];
  config: OversightConfig;
  window: FlagWindow;
  visits: Record<string, { enterpriseName: string; startedAt: Date; insurerName: string }>;
  people: Record<string, string>;
  policies: Record<string, { policyNumber: string; enterpriseName: string; insurerName: string }>;
};

/**
 * The flags over the region's visits that started in the window (Shanghai days) and the plan
 * items that fell due in it. Three reads (visits, their photos, the due items) and a name
 * lookup, never a query per visit.
 */
export async function regionFlags(
  db: DbOrTx,
  bureau: Bureau,
  params: { window: FlagWindow; today: IsoDate },
): Promise<FlagsResult> {
  const scope = inRegion(bureau);
  const config = await oversightConfig(db, bureau.id);
  const { from, to } = params.window;
  const v = insuranceVisits;
  const startTs = sql`(${from}::date::timestamp at time zone 'Asia/Shanghai')`;
  const endTs = sql`((${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
  const visitRows = await db
    .select({
      id: v.id,
      enterpriseId: v.enterpriseId,
      enterpriseName: enterpriseOrg.name,
      insurerName: insurerOrg.name,
      startedAt: v.startedAt,
      endedAt: v.endedAt,
      lat: v.lat,
      lng: v.lng,
      staffUserIds: v.staffUserIds,
    })
    .from(v)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, v.enterpriseId))
    .innerJoin(insurerOrg, eq(insurerOrg.id, v.insurerId))
    .where(and(scope, sql`${v.startedAt} >= ${startTs}`, sql`${v.startedAt} < ${endTs}`))
    .orderBy(asc(v.startedAt));
  const ids = visitRows.map((r) => r.id);
  const photoRows = ids.length
    ? await db
        .select({
          visitId: insuranceVisitPhotos.visitId,
          fileId: insuranceVisitPhotos.fileId,
          sha256: insuranceVisitPhotos.sha256,
          dHash: insuranceVisitPhotos.dHash,
        })
        .from(insuranceVisitPhotos)
        .where(inArray(insuranceVisitPhotos.visitId, ids))
    : [];
  const photosOf = new Map<string, VisitForOversight["photos"][number][]>();
  for (const ph of photoRows)
    photosOf.set(ph.visitId, [
      ...(photosOf.get(ph.visitId) ?? []),
      { photoId: `${ph.visitId}/${ph.fileId}`, sha256: ph.sha256, dHash: ph.dHash },
    ]);
  const visits: VisitForOversight[] = visitRows.map((r) => ({
    visitId: r.id,
    enterpriseId: r.enterpriseId,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    lat: r.lat ?? 0,
    lng: r.lng ?? 0,
    personIds: r.staffUserIds,
    photos: photosOf.get(r.id) ?? [],
  }));
  const located = visits.filter((_, i) => visitRows[i]!.lat !== null);
  const dueRows = await db
    .select({
      planItemId: items.id,
      policyId: items.policyId,
      service: items.service,
      dueDate: items.dueDate,
      done: sql<boolean>`${planItemStatusSql(params.today)} = 'done'`,
    })
    .from(items)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, items.enterpriseId))
    .where(and(scope, sql`${items.state} <> 'cancelled'`, gte(items.dueDate, from), lt(items.dueDate, addDays(to, 1))));
  const flags = [
    ...photoReuseFlags(visits, config),
    ...shortVisitFlags(visits, config),
    ...impossibleTravelFlags(located, config),
    ...belowFrequencyFlags(dueRows, params.today),
  ];
  const personIds = [...new Set(flags.flatMap((f) => (f.kind === "impossible_travel" ? [f.personId] : [])))];
  const policyIds = [...new Set(flags.flatMap((f) => (f.kind === "below_frequency" ? [f.policyId] : [])))];
  const [people, policies] = await Promise.all([
    personIds.length
      ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, personIds))
      : [],
    policyIds.length
      ? db
          .select({
            id: insurancePolicies.id,
            policyNumber: insurancePolicies.policyNumber,
            enterpriseName: enterpriseOrg.name,
            insurerName: insurerOrg.name,
          })
          .from(insurancePolicies)
          .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, insurancePolicies.enterpriseId))
          .innerJoin(insurerOrg, eq(insurerOrg.id, insurancePolicies.insurerId))
          .where(and(inArray(insurancePolicies.id, policyIds), scope))
      : [],
  ]);
  return {
    flags,
    config,
    window: params.window,
    visits: Object.fromEntries(
      visitRows.map((r) => [
        r.id,
        { enterpriseName: r.enterpriseName, startedAt: r.startedAt, insurerName: r.insurerName },
      ]),
    ),
    people: Object.fromEntries(people.map((p) => [p.id, p.name])),
    policies: Object.fromEntries(policies.map(({ id, ...rest }) => [id, rest])),
  };
}
