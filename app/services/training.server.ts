import { and, asc, count, desc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import { groupMembers, organisations, trainingSessions } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { pageWindow } from "../domain/paging";
import {
  MAX_ATTENDEES,
  mayRecordTraining,
  summariseCoverage,
  type Attendee,
  type TrainingCoverage,
  type TrainingKind,
} from "../domain/training";
import { AppError, notFound } from "../utils/errors";
import { enterpriseRecordsVisibleTo, mayViewEnterpriseRecords, type ActingOrg } from "./enterprise-relations.server";
import { executeRows } from "./sql-rows.server";
import { attachmentInfo, MAX_ATTACHMENTS, withAttachments } from "./safety-attachments.server";
import type { StorageEnv } from "./storage/index.server";

/**
 * Training sessions (培训) and a group's exchange meetings (issue 8; decision 022). Recorded by
 * the trainer, the enterprise or its group; read by whoever may see the enterprise's records and
 * by the organiser; summed by `trainingCoverage` for an insurer's training duty (issue 9).
 */

export type TrainingActor = { userId: string; org: ActingOrg };

const trainedOrg = alias(organisations, "trained_org");
const organiserOrg = alias(organisations, "organiser_org");
const groupOrg = alias(organisations, "group_org");

/**
 * The sessions an organisation sees: those of enterprises whose records it may see, those it
 * organised, and a group's shared sessions for the group and its active members.
 */
export function trainingVisibleTo(org: ActingOrg, today: IsoDate): SQL {
  return or(
    eq(trainingSessions.organiserOrgId, org.id),
    sql`(${trainingSessions.enterpriseId} IS NOT NULL AND ${enterpriseRecordsVisibleTo(org, trainingSessions.enterpriseId, today)})`,
    sql`(${trainingSessions.enterpriseId} IS NULL AND ${trainingSessions.groupId} IS NOT NULL AND (
      ${trainingSessions.groupId} = ${org.id} OR EXISTS (SELECT 1 FROM group_members gm
        WHERE gm.group_id = ${trainingSessions.groupId} AND gm.enterprise_id = ${org.id} AND gm.status = 'active')))`,
  )!;
}

/** The enterprises an organisation may record training for (the form's choices), by name. */
export async function trainingTargets(db: DbOrTx, org: ActingOrg, today: IsoDate) {
  if (org.kind === "bureau" || org.kind === "platform") return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "enterprise"), enterpriseRecordsVisibleTo(org, organisations.id, today)))
    .orderBy(asc(organisations.name))
    .limit(500);
}

export type RecordTrainingInput = {
  /** The trained enterprise, or null for a group's shared session (the group records it). */
  enterpriseId: string | null;
  topic: string;
  kind: TrainingKind;
  heldOn: IsoDate;
  hours?: number;
  /** As typed; when missing, the number of listed attendees. */
  attendeeCount?: number;
  attendees: Attendee[];
  materials: File[];
};

export async function recordTraining(
  db: Db,
  env: StorageEnv,
  actor: TrainingActor,
  input: RecordTrainingInput,
  now: Date,
  today: IsoDate,
) {
  const { org } = actor;
  const target =
    input.enterpriseId === null
      ? { groupId: org.id }
      : {
          enterpriseId: input.enterpriseId,
          relates: await mayViewEnterpriseRecords(db, org, input.enterpriseId, today),
        };
  if (!mayRecordTraining(org, target)) throw new AppError(403, "training_not_related", "training.not_related");
  if (input.enterpriseId !== null && input.kind === "exchange_meeting" && org.kind !== "group") {
    // An exchange meeting is a group's; others record ordinary sessions.
    throw new AppError(422, "training_exchange_group_only", "training.exchange_group_only");
  }
  if (input.attendees.length > MAX_ATTENDEES) throw new AppError(422, "training_too_many", "training.too_many");
  if (input.materials.length > MAX_ATTACHMENTS) {
    throw new AppError(422, "too_many_files", "training.too_many_files", { max: MAX_ATTACHMENTS });
  }
  const attendeeCount = input.attendeeCount ?? input.attendees.length;
  if (attendeeCount < input.attendees.length) {
    throw new AppError(422, "training_count_below_list", "training.count_below_list", {
      listed: input.attendees.length,
    });
  }
  const stored = await resolveAttendees(db, org, input);
  return withAttachments(db, env, { orgId: org.id, userId: actor.userId }, input.materials, now, async (tx, saved) => {
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        organiserOrgId: org.id,
        trainerOrgId: org.kind === "enterprise" ? null : org.id,
        enterpriseId: input.enterpriseId,
        groupId: org.kind === "group" ? org.id : null,
        topic: input.topic,
        kind: input.kind,
        heldOn: input.heldOn,
        hours: input.hours ?? null,
        attendeeCount,
        attendees: stored,
        materialFileIds: saved.map((f) => f.id),
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    return row!;
  });
}

/**
 * Attendees as stored: a USCC column names the member an attendee came from (a group's shared
 * session); it must be an active member of the recording group, else the row is refused.
 */
async function resolveAttendees(db: DbOrTx, org: ActingOrg, input: RecordTrainingInput) {
  const usccs = [...new Set(input.attendees.flatMap((a) => (a.uscc ? [a.uscc] : [])))];
  if (usccs.length === 0) return input.attendees.map(({ name, role }) => (role ? { name, role } : { name }));
  const members =
    org.kind === "group"
      ? await db
          .select({ id: organisations.id, uscc: organisations.uscc })
          .from(groupMembers)
          .innerJoin(organisations, eq(organisations.id, groupMembers.enterpriseId))
          .where(
            and(
              eq(groupMembers.groupId, org.id),
              eq(groupMembers.status, "active"),
              inArray(organisations.uscc, usccs),
            ),
          )
      : [];
  const byUscc = new Map(members.map((m) => [m.uscc!, m.id]));
  const unknown = usccs.find((u) => !byUscc.has(u) && !(input.enterpriseId && org.kind !== "group"));
  if (unknown) throw new AppError(422, "training_unknown_member", "training.unknown_member", { uscc: unknown });
  return input.attendees.map(({ name, role, uscc }) => {
    const enterpriseId = (uscc && byUscc.get(uscc)) || input.enterpriseId || undefined;
    return { name, ...(role ? { role } : {}), ...(enterpriseId ? { enterpriseId } : {}) };
  });
}

export type TrainingListQuery = {
  kind?: TrainingKind;
  from?: IsoDate;
  to?: IsoDate;
  q?: string;
  page?: number;
};

function listWhere(org: ActingOrg, query: TrainingListQuery, today: IsoDate) {
  const like = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    trainingVisibleTo(org, today),
    query.kind ? eq(trainingSessions.kind, query.kind) : undefined,
    query.from ? gte(trainingSessions.heldOn, query.from) : undefined,
    query.to ? lte(trainingSessions.heldOn, query.to) : undefined,
    like
      ? or(ilike(trainingSessions.topic, like), ilike(trainedOrg.name, like), ilike(organiserOrg.name, like))
      : undefined,
  );
}

function listSelect(db: DbOrTx) {
  return db
    .select({
      id: trainingSessions.id,
      topic: trainingSessions.topic,
      kind: trainingSessions.kind,
      heldOn: trainingSessions.heldOn,
      hours: trainingSessions.hours,
      attendeeCount: trainingSessions.attendeeCount,
      enterpriseId: trainingSessions.enterpriseId,
      enterpriseName: trainedOrg.name,
      groupName: groupOrg.name,
      organiserOrgId: trainingSessions.organiserOrgId,
      organiserName: organiserOrg.name,
    })
    .from(trainingSessions)
    .innerJoin(organiserOrg, eq(organiserOrg.id, trainingSessions.organiserOrgId))
    .leftJoin(trainedOrg, eq(trainedOrg.id, trainingSessions.enterpriseId))
    .leftJoin(groupOrg, eq(groupOrg.id, trainingSessions.groupId));
}

export async function listTraining(db: DbOrTx, org: ActingOrg, query: TrainingListQuery, today: IsoDate) {
  const { page, limit, offset } = pageWindow(query.page);
  const where = listWhere(org, query, today);
  const [rows, [{ total }]] = await Promise.all([
    listSelect(db)
      .where(where)
      .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.createdAt), trainingSessions.id)
      .limit(limit)
      .offset(offset),
    db
      .select({ total: count() })
      .from(trainingSessions)
      .innerJoin(organiserOrg, eq(organiserOrg.id, trainingSessions.organiserOrgId))
      .leftJoin(trainedOrg, eq(trainedOrg.id, trainingSessions.enterpriseId))
      .where(where),
  ]);
  return { rows, total, page, pageSize: limit };
}

/** Every row of the filtered list for the Excel export (capped: an export is a report, not a dump). */
export const TRAINING_EXPORT_MAX = 10_000;
export async function exportTraining(db: DbOrTx, org: ActingOrg, query: TrainingListQuery, today: IsoDate) {
  return listSelect(db)
    .where(listWhere(org, query, today))
    .orderBy(desc(trainingSessions.heldOn), trainingSessions.id)
    .limit(TRAINING_EXPORT_MAX);
}

export async function getTraining(db: DbOrTx, org: ActingOrg, id: string, today: IsoDate) {
  const [row] = await db
    .select({
      session: trainingSessions,
      enterpriseName: trainedOrg.name,
      organiserName: organiserOrg.name,
      groupName: groupOrg.name,
    })
    .from(trainingSessions)
    .innerJoin(organiserOrg, eq(organiserOrg.id, trainingSessions.organiserOrgId))
    .leftJoin(trainedOrg, eq(trainedOrg.id, trainingSessions.enterpriseId))
    .leftJoin(groupOrg, eq(groupOrg.id, trainingSessions.groupId))
    .where(and(eq(trainingSessions.id, id), trainingVisibleTo(org, today)));
  if (!row) throw notFound();
  const materials = await attachmentInfo(db, row.session.materialFileIds);
  return { ...row, materials };
}

/**
 * The coverage sums for one enterprise over [from, to] (both days included): its own sessions,
 * plus the shared sessions of its groups counted with its own attendees (summariseCoverage).
 * Not scoped by a viewer: the caller (the insurer's duty report, issue 9) has checked that.
 */
export async function trainingCoverage(
  db: DbOrTx,
  params: { enterpriseId: string; from: IsoDate; to: IsoDate },
): Promise<TrainingCoverage> {
  const rows = await executeRows<{
    kind: TrainingKind;
    hours: number | null;
    attendee_count: number;
    shared: number | null;
  }>(
    db,
    sql`SELECT ts.kind, ts.hours, ts.attendee_count,
        CASE WHEN ts.enterprise_id IS NULL THEN
          (SELECT count(*)::int FROM jsonb_array_elements(ts.attendees) a WHERE a->>'enterpriseId' = ${params.enterpriseId})
        END AS shared
      FROM training_sessions ts
      WHERE ts.held_on BETWEEN ${params.from} AND ${params.to}
        AND (ts.enterprise_id = ${params.enterpriseId}::uuid
          OR (ts.enterprise_id IS NULL AND ts.group_id IS NOT NULL
            AND ts.attendees @> ${JSON.stringify([{ enterpriseId: params.enterpriseId }])}::jsonb))`,
  );
  return summariseCoverage(
    rows.map((r) => ({
      kind: r.kind,
      hours: r.hours === null ? null : Number(r.hours),
      attendeeCount: Number(r.attendee_count),
      ...(r.shared === null ? {} : { sharedAttendeesFromEnterprise: Number(r.shared) }),
    })),
  );
}
