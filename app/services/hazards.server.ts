import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import { files, hazardEvents, hazardFiles, hazards, organisations, users, type Hazard } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { shanghaiDateString } from "../domain/format";
import {
  availableHazardEvents,
  chooseHazardRole,
  hazardEventNeeds,
  hazardRefusalStatus,
  hazardRolesOf,
  isSelfReported,
  majorReportState,
  notABasisForPenalty,
  overdueDays,
  type HazardActor,
  type HazardEvent,
  type HazardGrade,
  type HazardState,
} from "../domain/hazard-machine";
import { divisionsOf } from "../domain/industries";
import type { NotificationType } from "../domain/notification-types";
import { pageWindow } from "../domain/paging";
import { regionLikePattern } from "../domain/region-scope";
import { AppError, notFound } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { enterpriseRecordsVisibleTo, type ActingOrg } from "./enterprise-relations.server";
import { discardStoredFile, saveUpload } from "./files.server";
import { HAZARD_SUBJECT } from "./hazard-subject.server";
import { notify } from "./notify.server";
import type { StorageEnv } from "./storage/types";
import { fire } from "./transitions.server";

/**
 * Hazards after they were found (docs/domain.md, "Hazards and inspections"; decision 019):
 * the register and its export, one hazard with its timeline, the rectification loop through
 * the one executor, and the bureau's acknowledgement of a major-hazard report. Creation is the
 * inspection's (hazard-intake.server.ts).
 *
 * Who sees a hazard: the organisation that found it, and whoever may see its enterprise's
 * records (enterpriseRecordsVisibleTo: the enterprise, its bureau, insurer, group, serving
 * provider). Everyone else gets the 404 of a missing hazard.
 */

export type HazardActorInput = { userId: string; org: ActingOrg; ip?: string };

/** The one visibility rule of a hazard row, for every query here. */
export function hazardsVisibleTo(org: ActingOrg, today: IsoDate): SQL {
  return sql`(${hazards.finderOrgId} = ${org.id} OR ${enterpriseRecordsVisibleTo(org, hazards.enterpriseId, today)})`;
}

const enterpriseOrg = alias(organisations, "hazard_enterprise");
const finderOrg = alias(organisations, "hazard_finder");

export type HazardFilters = {
  status?: HazardState;
  grade?: HazardGrade;
  source?: Hazard["source"];
  overdue?: boolean;
  enterprise?: string;
  /** A region code: the enterprise's region lies within it. */
  region?: string;
  /** A GB/T 4754 section letter: the enterprise's industry is that section or one of its divisions. */
  industry?: string;
  q?: string;
};

const overdueSql = (today: IsoDate) =>
  sql<boolean>`(${hazards.status} IN ('open', 'rectifying') AND ${hazards.deadline} < ${today})`;

function filterWhere(org: ActingOrg, f: HazardFilters, today: IsoDate): SQL {
  const conditions: (SQL | undefined)[] = [hazardsVisibleTo(org, today)];
  if (f.status) conditions.push(eq(hazards.status, f.status));
  if (f.grade) conditions.push(eq(hazards.grade, f.grade));
  if (f.source) conditions.push(eq(hazards.source, f.source));
  if (f.overdue) conditions.push(overdueSql(today));
  if (f.enterprise) conditions.push(eq(hazards.enterpriseId, f.enterprise));
  if (f.region) conditions.push(sql`${enterpriseOrg.regionCode} LIKE ${regionLikePattern(f.region)}`);
  if (f.industry) {
    const codes = [f.industry, ...divisionsOf(f.industry).map((d) => d.code)];
    conditions.push(inArray(enterpriseOrg.industryCode, codes));
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(hazards.description, like), ilike(hazards.location, like), ilike(enterpriseOrg.name, like)),
    );
  }
  return and(...conditions)!;
}

const listColumns = {
  id: hazards.id,
  description: hazards.description,
  location: hazards.location,
  responsiblePerson: hazards.responsiblePerson,
  grade: hazards.grade,
  status: hazards.status,
  source: hazards.source,
  foundOn: hazards.foundOn,
  deadline: hazards.deadline,
  leftOpenOn: hazards.leftOpenOn,
  closedAt: hazards.closedAt,
  enterpriseId: hazards.enterpriseId,
  enterpriseName: enterpriseOrg.name,
  enterpriseRegionCode: enterpriseOrg.regionCode,
  finderOrgId: hazards.finderOrgId,
  finderName: finderOrg.name,
  reportedAt: hazards.reportedAt,
  bureauAcknowledgedAt: hazards.bureauAcknowledgedAt,
  escalatedAt: hazards.escalatedAt,
};

type ListRow = {
  [K in keyof typeof listColumns]:
    (typeof listColumns)[K]["_"]["data"] | ((typeof listColumns)[K]["_"]["notNull"] extends true ? never : null);
};

/** The facts every view shows beside a hazard, derived with the caller's day. */
function withDerived<R extends Pick<Hazard, "status" | "deadline" | "source" | "leftOpenOn">>(row: R, today: IsoDate) {
  const days = overdueDays({ status: row.status, deadline: row.deadline }, today);
  return {
    ...row,
    overdue: days > 0,
    overdueDays: days,
    selfReported: isSelfReported({
      source: row.source,
      deadline: row.deadline,
      rectificationStartedOn: row.leftOpenOn,
    }),
    notABasisForPenalty: notABasisForPenalty(row),
  };
}
export type HazardListRow = ReturnType<typeof withDerived<ListRow>>;

function baseQuery(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(hazards)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, hazards.enterpriseId))
    .innerJoin(finderOrg, eq(finderOrg.id, hazards.finderOrgId));
}

/** Overdue first (longest overdue on top), then by deadline, then newest. */
const registerOrder = (today: IsoDate) => [
  desc(overdueSql(today)),
  asc(hazards.deadline),
  desc(hazards.createdAt),
  asc(hazards.id),
];

/** One page of the hazards the organisation may see. */
export async function listHazards(
  db: DbOrTx,
  org: ActingOrg,
  params: HazardFilters & { page?: number; today: IsoDate },
) {
  const { page, limit, offset } = pageWindow(params.page);
  const where = filterWhere(org, params, params.today);
  const [rows, [counted]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(...registerOrder(params.today))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: count() })
      .from(hazards)
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, hazards.enterpriseId))
      .where(where),
  ]);
  return {
    rows: rows.map((r) => withDerived(r as ListRow, params.today)),
    total: counted?.total ?? 0,
    page,
    pageSize: limit,
  };
}

/** Export rows cap: a bigger register is filtered first (the sheet says how many were left out). */
export const HAZARD_EXPORT_MAX = 10_000;

/** Every hazard the filters select, for the Excel export, in the register's order. */
export async function hazardsForExport(db: DbOrTx, org: ActingOrg, params: HazardFilters & { today: IsoDate }) {
  const rows = await baseQuery(db)
    .where(filterWhere(org, params, params.today))
    .orderBy(...registerOrder(params.today))
    .limit(HAZARD_EXPORT_MAX);
  return rows.map((r) => withDerived(r as ListRow, params.today));
}

/** Whether the bureau's region contains the enterprise (the bureau role on a hazard). */
async function isEnterpriseBureau(db: DbOrTx, org: ActingOrg, enterpriseId: string): Promise<boolean> {
  if (org.kind !== "bureau") return false;
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, enterpriseId),
        sql`${organisations.regionCode} LIKE ${regionLikePattern(org.regionCode)}`,
      ),
    );
  return Boolean(row);
}

async function rolesOn(db: DbOrTx, org: ActingOrg, hazard: Pick<Hazard, "enterpriseId" | "finderOrgId">) {
  return hazardRolesOf({
    actingOrgId: org.id,
    enterpriseOrgId: hazard.enterpriseId,
    finderOrgId: hazard.finderOrgId,
    isEnterpriseBureau: await isEnterpriseBureau(db, org, hazard.enterpriseId),
  });
}

async function findVisible(db: DbOrTx, org: ActingOrg, hazardId: string, today: IsoDate) {
  const [row] = await db
    .select()
    .from(hazards)
    .where(and(eq(hazards.id, hazardId), hazardsVisibleTo(org, today)));
  if (!row) throw notFound();
  return row;
}

/** Whether the organisation may still open the hazard (notification links re-check this). */
export async function mayViewHazard(db: DbOrTx, org: ActingOrg, hazardId: string, today: IsoDate) {
  const [row] = await db
    .select({ id: hazards.id })
    .from(hazards)
    .where(and(eq(hazards.id, hazardId), hazardsVisibleTo(org, today)));
  return Boolean(row);
}

/** One hazard with its photos, evidence, timeline and the steps the organisation may take now. */
export async function getHazard(db: DbOrTx, org: ActingOrg, params: { hazardId: string; now: Date }) {
  const today = shanghaiDateString(params.now);
  const hazard = await findVisible(db, org, params.hazardId, today);
  const [[names], attached, timeline, roles] = await Promise.all([
    baseQuery(db).where(eq(hazards.id, hazard.id)),
    db
      .select({
        fileId: files.id,
        role: hazardFiles.role,
        eventId: hazardFiles.eventId,
        originalName: files.originalName,
        mimeType: files.mimeType,
      })
      .from(hazardFiles)
      .innerJoin(files, eq(files.id, hazardFiles.fileId))
      .where(eq(hazardFiles.hazardId, hazard.id))
      .orderBy(asc(files.createdAt), asc(files.id)),
    db
      .select({
        id: hazardEvents.id,
        event: hazardEvents.event,
        fromStatus: hazardEvents.fromStatus,
        toStatus: hazardEvents.toStatus,
        actorOrgName: organisations.name,
        actorUserName: users.name,
        reason: hazardEvents.reason,
        at: hazardEvents.at,
      })
      .from(hazardEvents)
      .leftJoin(organisations, eq(organisations.id, hazardEvents.actorOrgId))
      .leftJoin(users, eq(users.id, hazardEvents.actorUserId))
      .where(eq(hazardEvents.hazardId, hazard.id))
      .orderBy(asc(hazardEvents.at), asc(hazardEvents.id)),
    rolesOn(db, org, hazard),
  ]);
  const actions = availableHazardEvents(hazard.status, roles, hazard.grade).map((event) => ({
    event,
    ...hazardEventNeeds(hazard.status, event),
  }));
  const report = hazard.reportedAt
    ? {
        bureauId: hazard.reportedToBureauId,
        reportedAt: hazard.reportedAt,
        acknowledgedAt: hazard.bureauAcknowledgedAt,
        escalatedAt: hazard.escalatedAt,
        ...majorReportState({ reportedAt: hazard.reportedAt, acknowledgedAt: hazard.bureauAcknowledgedAt }, params.now),
      }
    : null;
  return {
    hazard: withDerived({ ...(names as ListRow), version: hazard.version, itemKey: hazard.itemKey }, today),
    inspectionId: hazard.inspectionId,
    photos: attached.filter((f) => f.role === "photo"),
    evidence: attached.filter((f) => f.role === "evidence"),
    timeline,
    roles,
    actions,
    report,
    canAcknowledge: Boolean(report && !report.acknowledgedAt && hazard.reportedToBureauId === org.id),
  };
}

/** A file of a hazard the organisation may see (photos and evidence are read through the hazard). */
export async function hazardFileFor(
  db: DbOrTx,
  org: ActingOrg,
  params: { hazardId: string; fileId: string; today: IsoDate },
) {
  await findVisible(db, org, params.hazardId, params.today);
  const [row] = await db
    .select({ file: files })
    .from(hazardFiles)
    .innerJoin(files, eq(files.id, hazardFiles.fileId))
    .where(and(eq(hazardFiles.hazardId, params.hazardId), eq(hazardFiles.fileId, params.fileId)));
  if (!row) throw notFound();
  return row.file;
}

/** Who hears of each step besides the one that took it (the bureau only of a major hazard's steps). */
const STEP_NOTICES: Record<
  HazardEvent,
  { type: NotificationType; to: readonly ("enterprise" | "finder" | "bureau")[] }
> = {
  start_rectification: { type: "hazard_rectification_started", to: ["finder", "bureau"] },
  rectify_on_spot: { type: "hazard_rectified", to: ["finder", "bureau"] },
  submit_rectification: { type: "hazard_rectified", to: ["finder", "bureau"] },
  verify: { type: "hazard_verified", to: ["enterprise", "finder", "bureau"] },
  reject_rectification: { type: "hazard_rejected", to: ["enterprise", "finder", "bureau"] },
  close: { type: "hazard_closed", to: ["enterprise", "finder", "bureau"] },
};

async function notifyStep(tx: DbOrTx, after: Hazard, event: HazardEvent, actorOrgId: string, now: Date) {
  const spec = STEP_NOTICES[event];
  const orgOf = { enterprise: after.enterpriseId, finder: after.finderOrgId, bureau: after.reportedToBureauId };
  const recipients = new Set(
    spec.to
      .filter((party) => party !== "bureau" || after.grade === "major")
      .map((party) => orgOf[party])
      .filter((id): id is string => Boolean(id) && id !== actorOrgId),
  );
  for (const orgId of recipients) {
    await notify(tx, {
      type: spec.type,
      key: `${spec.type}:${after.id}:${after.version}`,
      orgId,
      subjectId: after.id,
      params: { description: after.description.slice(0, 80) },
      now,
    });
  }
}

export type HazardStepInput = {
  hazardId: string;
  event: string;
  note?: string | null;
  expectedVersion?: number;
  /** Evidence files (already size-limited by the form parser); stored only if the step is allowed. */
  evidence?: File[];
  now: Date;
};

/**
 * One step of the rectification loop, through the one executor: lock → machine (state, event,
 * role) → the hazard rules (major → bureau only, general only, evidence, note) → evidence
 * stored and tied to the event → leftOpenOn / closedAt → timeline, audit, notices. A refusal
 * is 409 (the state's) or 422 (missing evidence or note), and nothing is written — the
 * evidence bytes of a refused step are removed again.
 */
export async function applyHazardStep(db: Db, env: StorageEnv, actor: HazardActorInput, input: HazardStepInput) {
  const today = shanghaiDateString(input.now);
  const seen = await findVisible(db, actor.org, input.hazardId, today);
  const roles = await rolesOn(db, actor.org, seen);
  const evidence = input.evidence ?? [];
  const stored: string[] = [];
  try {
    return await db.transaction(async (tx) => {
      const ruleInput = { grade: seen.grade, evidenceCount: evidence.length, note: input.note };
      const chosen = chooseHazardRole(seen.status, input.event, roles, ruleInput);
      if (!chosen) throw new AppError(409, "actor_not_allowed", "hazard.actor_not_allowed");
      const updated = await fire(tx, HAZARD_SUBJECT, {
        id: input.hazardId,
        scope: hazardsVisibleTo(actor.org, today),
        event: input.event,
        actor: { role: chosen.role, userId: actor.userId, orgId: actor.org.id, ip: actor.ip },
        reason: input.note,
        now: input.now,
        expectedVersion: input.expectedVersion,
        async prepare(ptx, row) {
          const rules = chooseHazardRole(row.status, input.event, [chosen.role], { ...ruleInput, grade: row.grade });
          if (rules && !rules.result.ok) {
            const code = rules.result.code;
            throw new AppError(hazardRefusalStatus(code), code, `hazard.${code}`);
          }
          const evidenceFileIds: string[] = [];
          if (hazardEventNeeds(row.status, input.event).evidence) {
            for (const file of evidence) {
              const saved = await saveUpload(ptx, env, {
                ownerOrgId: actor.org.id,
                userId: actor.userId,
                purpose: "evidence",
                file,
                now: input.now,
              });
              stored.push(saved.storedName);
              evidenceFileIds.push(saved.id);
            }
          }
          return {
            changes: row.status === "open" ? { leftOpenOn: today } : {},
            data: { role: chosen.role, evidenceFileIds },
            auditData: { role: chosen.role },
          };
        },
      });
      await notifyStep(tx, updated, input.event as HazardEvent, actor.org.id, input.now);
      return updated;
    });
  } catch (error) {
    await Promise.all(stored.map((name) => discardStoredFile(env, name)));
    throw error;
  }
}

/**
 * The bureau acknowledges a major-hazard report sent to it (双报告). Once only; audited and on
 * the hazard's timeline. A report acknowledged after its 2 hours stays marked as escalated.
 */
export async function acknowledgeHazardReport(db: Db, actor: HazardActorInput, input: { hazardId: string; now: Date }) {
  if (actor.org.kind !== "bureau") throw notFound();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(hazards)
      .where(and(eq(hazards.id, input.hazardId), eq(hazards.reportedToBureauId, actor.org.id)))
      .for("update");
    if (!row) throw notFound();
    if (row.bureauAcknowledgedAt) throw new AppError(409, "already_acknowledged", "hazard.already_acknowledged");
    const [updated] = await tx
      .update(hazards)
      .set({ bureauAcknowledgedAt: input.now, bureauAcknowledgedByUserId: actor.userId })
      .where(and(eq(hazards.id, row.id), isNull(hazards.bureauAcknowledgedAt)))
      .returning();
    const state = majorReportState({ reportedAt: row.reportedAt ?? input.now, acknowledgedAt: input.now }, input.now);
    await tx.insert(hazardEvents).values({
      hazardId: row.id,
      event: "acknowledge_report",
      fromStatus: row.status,
      toStatus: row.status,
      actorOrgId: actor.org.id,
      actorUserId: actor.userId,
      data: { late: state.state === "acknowledged_late" },
      at: input.now,
    });
    await writeAudit(tx, {
      action: "hazard.report_acknowledged",
      actorUserId: actor.userId,
      orgId: actor.org.id,
      subjectType: "hazard",
      subjectId: row.id,
      data: { reportedAt: row.reportedAt?.toISOString() ?? null, late: state.state === "acknowledged_late" },
      ip: actor.ip,
      at: input.now,
    });
    return updated!;
  });
}

/**
 * The bureau's region view: its region's major (not closed) and overdue hazards by county and
 * by industry, and the major-hazard reports sent to it that wait for acknowledgement.
 */
export async function bureauHazardOverview(db: DbOrTx, org: ActingOrg, params: { now: Date }) {
  if (org.kind !== "bureau") throw notFound();
  const today = shanghaiDateString(params.now);
  const inRegion = sql`${enterpriseOrg.regionCode} LIKE ${regionLikePattern(org.regionCode)}`;
  const major = sql<number>`count(*) FILTER (WHERE ${hazards.grade} = 'major' AND ${hazards.status} <> 'closed')`;
  const overdue = sql<number>`count(*) FILTER (WHERE ${overdueSql(today)})`;
  const concern = sql`((${hazards.grade} = 'major' AND ${hazards.status} <> 'closed') OR ${overdueSql(today)})`;
  const grouped = (key: SQL) =>
    db
      .select({ key: sql<string | null>`${key}`, major: major.mapWith(Number), overdue: overdue.mapWith(Number) })
      .from(hazards)
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, hazards.enterpriseId))
      .where(and(inRegion, concern))
      .groupBy(key)
      .orderBy(key);
  const [byRegion, byIndustryCode, reports] = await Promise.all([
    grouped(sql`${enterpriseOrg.regionCode}`),
    grouped(sql`${enterpriseOrg.industryCode}`),
    baseQuery(db)
      .where(and(eq(hazards.reportedToBureauId, org.id), isNull(hazards.bureauAcknowledgedAt)))
      .orderBy(asc(hazards.reportedAt), asc(hazards.id))
      .limit(200),
  ]);
  return {
    byRegion: byRegion.map((r) => ({ regionCode: r.key ?? "", major: r.major, overdue: r.overdue })),
    byIndustryCode: byIndustryCode.map((r) => ({ industryCode: r.key, major: r.major, overdue: r.overdue })),
    reports: reports.map((r) => ({
      ...withDerived(r as ListRow, today),
      ...majorReportState({ reportedAt: r.reportedAt!, acknowledgedAt: null }, params.now),
    })),
  };
}

/** The bureau dashboard's red panel: reports sent to it still waiting, and how many escalated. */
export async function hazardReportPanel(db: DbOrTx, bureauId: string, now: Date) {
  const rows = await db
    .select({ id: hazards.id, description: hazards.description, reportedAt: hazards.reportedAt })
    .from(hazards)
    .where(and(eq(hazards.reportedToBureauId, bureauId), isNull(hazards.bureauAcknowledgedAt)))
    .orderBy(asc(hazards.reportedAt))
    .limit(50);
  const states = rows.map((r) => ({
    ...r,
    ...majorReportState({ reportedAt: r.reportedAt!, acknowledgedAt: null }, now),
  }));
  return {
    awaiting: states.length,
    escalated: states.filter((s) => s.state === "escalated").length,
    oldest: states.slice(0, 5).map((s) => ({ id: s.id, description: s.description, state: s.state })),
  };
}

export type { HazardActor };
