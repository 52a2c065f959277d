import { and, asc, count, desc, eq, gte, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import { experts, guidanceMessages, guidanceThreads, insurancePolicies, organisations } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { pageWindow } from "../domain/paging";
import {
  FIRST_RESPONSE_TARGET_MINUTES,
  onTimeRateBp,
  responseStatus,
  type GuidanceChannel,
  type ResponseStatus,
} from "../domain/response-time";
import type { GuidanceFilter } from "../domain/training";
import { AppError, notFound } from "../utils/errors";
import type { ActingOrg } from "./enterprise-relations.server";
import { inspectionRelations } from "./enterprise-relations.server";
import { notify } from "./notify.server";
import { attachmentInfo, MAX_ATTACHMENTS, withAttachments, type AttachmentInfo } from "./safety-attachments.server";
import type { StorageEnv } from "./storage/index.server";

/**
 * Remote guidance (远程指导, issue 8; decision 022): an enterprise asks its insurer (policy in
 * force; also the 24-hour channel), a provider serving it, or an expert of the pool (answered by
 * the expert's employer). Only the two parties see a thread. The first answer from the answering
 * side sets `firstAnsweredAt`; the response status is derived with the caller's clock
 * (response-time.ts), never stored.
 */

export type GuidanceActor = { userId: string; org: ActingOrg };

export const GUIDANCE_BODY_MAX = 4000;
/** The same text from the same side within this window is a repeated click, not a new message. */
export const DUPLICATE_WINDOW_MS = 60_000;

const enterpriseOrg = alias(organisations, "enterprise_org");
const counterpartOrg = alias(organisations, "counterpart_org");

function partyOf(org: ActingOrg): SQL {
  return or(eq(guidanceThreads.enterpriseId, org.id), eq(guidanceThreads.counterpartOrgId, org.id))!;
}

/** Who the enterprise may ask, per channel: insurers with a policy in force, serving providers, active experts. */
export async function guidanceCounterparts(db: DbOrTx, enterpriseId: string, today: IsoDate) {
  const [insurers, providers, pool] = await Promise.all([
    db
      .selectDistinct({ id: organisations.id, name: organisations.name })
      .from(insurancePolicies)
      .innerJoin(organisations, eq(organisations.id, insurancePolicies.insurerId))
      .where(
        and(
          eq(insurancePolicies.enterpriseId, enterpriseId),
          sql`${insurancePolicies.status} <> 'cancelled'`,
          sql`${insurancePolicies.startDate} <= ${today} AND ${insurancePolicies.endDate} >= ${today}`,
        ),
      )
      .orderBy(organisations.name),
    db
      .selectDistinct({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(
        and(
          eq(organisations.kind, "provider"),
          sql`EXISTS (SELECT 1 FROM engagements e WHERE e.provider_id = ${organisations.id} AND e.enterprise_id = ${enterpriseId}
            AND e.status IN ('signed', 'in_service', 'delivered', 'changes_requested'))`,
        ),
      )
      .orderBy(organisations.name),
    db
      .select({
        id: experts.id,
        name: experts.name,
        employerName: organisations.name,
        specialties: experts.specialties,
      })
      .from(experts)
      .innerJoin(organisations, eq(organisations.id, experts.employerOrgId))
      .where(and(eq(experts.active, true), isNotNull(experts.employerOrgId)))
      .orderBy(asc(experts.name), experts.id)
      .limit(200),
  ]);
  return { insurers, providers, experts: pool };
}

export type OpenThreadInput = {
  channel: GuidanceChannel;
  counterpartOrgId?: string;
  expertId?: string;
  subject: string;
  body: string;
  files: File[];
};

/** Which organisation answers, after checking it stands in the channel's relation to the enterprise. */
async function resolveCounterpart(db: DbOrTx, enterpriseId: string, input: OpenThreadInput, today: IsoDate) {
  const refuse = () => new AppError(422, "guidance_counterpart_invalid", "guidance.counterpart_invalid");
  if (input.channel === "expert") {
    if (!input.expertId) throw refuse();
    const [expert] = await db
      .select({ id: experts.id, employerOrgId: experts.employerOrgId })
      .from(experts)
      .where(and(eq(experts.id, input.expertId), eq(experts.active, true)));
    if (!expert?.employerOrgId) throw refuse();
    return { counterpartOrgId: expert.employerOrgId, expertId: expert.id };
  }
  if (!input.counterpartOrgId) throw refuse();
  const [org] = await db
    .select({ id: organisations.id, kind: organisations.kind, regionCode: organisations.regionCode })
    .from(organisations)
    .where(eq(organisations.id, input.counterpartOrgId));
  if (!org) throw refuse();
  const relations = await inspectionRelations(db, org, enterpriseId, today);
  const ok = input.channel === "provider" ? relations.servesEnterprise : relations.insuresEnterprise;
  if (!ok) throw refuse();
  return { counterpartOrgId: org.id, expertId: null };
}

function checkBody(body: string) {
  const text = body.trim();
  if (!text) throw new AppError(400, "required", "required");
  if (text.length > GUIDANCE_BODY_MAX) throw new AppError(400, "too_long", "too_long");
  return text;
}

function checkFiles(files: readonly File[]) {
  if (files.length > MAX_ATTACHMENTS) {
    throw new AppError(422, "too_many_files", "training.too_many_files", { max: MAX_ATTACHMENTS });
  }
}

export async function openThread(
  db: Db,
  env: StorageEnv,
  actor: GuidanceActor,
  input: OpenThreadInput,
  now: Date,
  today: IsoDate,
) {
  if (actor.org.kind !== "enterprise") throw new AppError(403, "forbidden", "wrong_org_kind");
  const body = checkBody(input.body);
  checkFiles(input.files);
  const { counterpartOrgId, expertId } = await resolveCounterpart(db, actor.org.id, input, today);
  return withAttachments(
    db,
    env,
    { orgId: actor.org.id, userId: actor.userId },
    input.files,
    now,
    async (tx, saved) => {
      const [thread] = await tx
        .insert(guidanceThreads)
        .values({
          enterpriseId: actor.org.id,
          channel: input.channel,
          counterpartOrgId,
          expertId,
          subject: input.subject,
          openedAt: now,
          createdByUserId: actor.userId,
        })
        .returning();
      const [message] = await tx
        .insert(guidanceMessages)
        .values({
          threadId: thread!.id,
          authorOrgId: actor.org.id,
          authorUserId: actor.userId,
          body,
          fileIds: saved.map((f) => f.id),
          at: now,
        })
        .returning();
      await notify(tx, {
        type: "guidance_message",
        key: `guidance_message:${message!.id}`,
        orgId: counterpartOrgId,
        subjectId: thread!.id,
        params: { subject: input.subject },
        now,
      });
      return thread!;
    },
  );
}

/**
 * A message in a thread by either party. The counterpart's first message sets firstAnsweredAt.
 * The same text sent again by the same side within a minute answers the first message instead
 * of writing a second one (a double click, a resent form).
 */
export async function postGuidanceMessage(
  db: Db,
  env: StorageEnv,
  actor: GuidanceActor,
  input: { threadId: string; body: string; files: File[] },
  now: Date,
) {
  const body = checkBody(input.body);
  checkFiles(input.files);
  return withAttachments(
    db,
    env,
    { orgId: actor.org.id, userId: actor.userId },
    input.files,
    now,
    async (tx, saved) => {
      const [thread] = await tx
        .select()
        .from(guidanceThreads)
        .where(and(eq(guidanceThreads.id, input.threadId), partyOf(actor.org)))
        .for("update");
      if (!thread) throw notFound();
      if (thread.closedAt) throw new AppError(409, "guidance_closed", "guidance.closed");
      const [last] = await tx
        .select()
        .from(guidanceMessages)
        .where(eq(guidanceMessages.threadId, thread.id))
        .orderBy(desc(guidanceMessages.at), desc(guidanceMessages.id))
        .limit(1);
      if (
        last &&
        saved.length === 0 &&
        last.authorOrgId === actor.org.id &&
        last.body === body &&
        now.getTime() - last.at.getTime() < DUPLICATE_WINDOW_MS
      ) {
        return { message: last, duplicate: true };
      }
      const [message] = await tx
        .insert(guidanceMessages)
        .values({
          threadId: thread.id,
          authorOrgId: actor.org.id,
          authorUserId: actor.userId,
          body,
          fileIds: saved.map((f) => f.id),
          at: now,
        })
        .returning();
      const fromCounterpart = actor.org.id === thread.counterpartOrgId && actor.org.id !== thread.enterpriseId;
      if (fromCounterpart && !thread.firstAnsweredAt) {
        await tx.update(guidanceThreads).set({ firstAnsweredAt: now }).where(eq(guidanceThreads.id, thread.id));
      }
      const recipient = fromCounterpart ? thread.enterpriseId : thread.counterpartOrgId;
      if (recipient) {
        await notify(tx, {
          type: "guidance_message",
          key: `guidance_message:${message!.id}`,
          orgId: recipient,
          subjectId: thread.id,
          params: { subject: thread.subject },
          now,
        });
      }
      return { message: message!, duplicate: false };
    },
  );
}

/** The enterprise closes its question once it is settled; a closed thread takes no more messages. */
export async function closeThread(db: Db, actor: GuidanceActor, threadId: string, now: Date) {
  const updated = await db
    .update(guidanceThreads)
    .set({ closedAt: now })
    .where(
      and(
        eq(guidanceThreads.id, threadId),
        eq(guidanceThreads.enterpriseId, actor.org.id),
        isNull(guidanceThreads.closedAt),
      ),
    )
    .returning({ id: guidanceThreads.id });
  if (updated.length === 0) {
    const [exists] = await db
      .select({ id: guidanceThreads.id })
      .from(guidanceThreads)
      .where(and(eq(guidanceThreads.id, threadId), partyOf(actor.org)));
    if (!exists) throw notFound();
    throw new AppError(409, "guidance_closed", "guidance.closed");
  }
}

/** The due instant in SQL, the same rule as responseStatus: the agreed target, else the channel's. */
const dueAt = sql`(${guidanceThreads.openedAt} + make_interval(mins => coalesce(${guidanceThreads.targetMinutes},
  CASE ${guidanceThreads.channel}
    WHEN 'guidance_24h' THEN ${FIRST_RESPONSE_TARGET_MINUTES.guidance_24h}::int
    WHEN 'insurer' THEN ${FIRST_RESPONSE_TARGET_MINUTES.insurer}::int
    WHEN 'provider' THEN ${FIRST_RESPONSE_TARGET_MINUTES.provider}::int
    ELSE ${FIRST_RESPONSE_TARGET_MINUTES.expert}::int END)))`;

function filterSql(filter: GuidanceFilter | undefined, now: Date): SQL | undefined {
  const at = sql`${now.toISOString()}::timestamptz`;
  switch (filter) {
    case "waiting":
      return and(isNull(guidanceThreads.firstAnsweredAt), isNull(guidanceThreads.closedAt));
    case "breached":
      return sql`((${guidanceThreads.firstAnsweredAt} IS NULL AND ${at} > ${dueAt}) OR ${guidanceThreads.firstAnsweredAt} > ${dueAt})`;
    case "answered":
      return isNotNull(guidanceThreads.firstAnsweredAt);
    case "closed":
      return isNotNull(guidanceThreads.closedAt);
    default:
      return undefined;
  }
}

export type GuidanceRow = {
  id: string;
  subject: string;
  channel: GuidanceChannel;
  enterpriseId: string;
  enterpriseName: string;
  counterpartName: string | null;
  expertName: string | null;
  openedAt: Date;
  firstAnsweredAt: Date | null;
  closedAt: Date | null;
  status: ResponseStatus;
};

function threadSelect(db: DbOrTx) {
  return db
    .select({
      id: guidanceThreads.id,
      subject: guidanceThreads.subject,
      channel: guidanceThreads.channel,
      enterpriseId: guidanceThreads.enterpriseId,
      enterpriseName: enterpriseOrg.name,
      counterpartOrgId: guidanceThreads.counterpartOrgId,
      counterpartName: counterpartOrg.name,
      expertName: experts.name,
      openedAt: guidanceThreads.openedAt,
      firstAnsweredAt: guidanceThreads.firstAnsweredAt,
      closedAt: guidanceThreads.closedAt,
      targetMinutes: guidanceThreads.targetMinutes,
    })
    .from(guidanceThreads)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, guidanceThreads.enterpriseId))
    .leftJoin(counterpartOrg, eq(counterpartOrg.id, guidanceThreads.counterpartOrgId))
    .leftJoin(experts, eq(experts.id, guidanceThreads.expertId));
}

function withStatus<
  T extends {
    id: string;
    channel: GuidanceChannel;
    openedAt: Date;
    firstAnsweredAt: Date | null;
    targetMinutes: number | null;
  },
>(row: T, now: Date) {
  return {
    ...row,
    status: responseStatus(
      {
        id: row.id,
        channel: row.channel,
        openedAt: row.openedAt,
        firstAnsweredAt: row.firstAnsweredAt,
        ...(row.targetMinutes === null ? {} : { targetMinutes: row.targetMinutes }),
      },
      now,
    ),
  };
}

export async function listGuidance(
  db: DbOrTx,
  org: ActingOrg,
  query: { filter?: GuidanceFilter; channel?: GuidanceChannel; page?: number },
  now: Date,
) {
  const { page, limit, offset } = pageWindow(query.page);
  const where = and(
    partyOf(org),
    query.channel ? eq(guidanceThreads.channel, query.channel) : undefined,
    filterSql(query.filter, now),
  );
  const [rows, [{ total }]] = await Promise.all([
    threadSelect(db)
      .where(where)
      .orderBy(
        sql`(${guidanceThreads.firstAnsweredAt} IS NULL AND ${guidanceThreads.closedAt} IS NULL) DESC`,
        desc(guidanceThreads.openedAt),
        guidanceThreads.id,
      )
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(guidanceThreads).where(where),
  ]);
  return { rows: rows.map((r) => withStatus(r, now)), total, page, pageSize: limit };
}

/** Days of threads the counterpart's summary covers. */
export const SUMMARY_DAYS = 90;

/**
 * The answering side's record over the last SUMMARY_DAYS days: threads, still unanswered past
 * due, answered late, and the on-time rate of the answered ones (onTimeRateBp).
 */
export async function guidanceSummary(db: DbOrTx, org: ActingOrg, now: Date) {
  const since = new Date(now.getTime() - SUMMARY_DAYS * 86_400_000);
  const rows = await db
    .select({
      id: guidanceThreads.id,
      channel: guidanceThreads.channel,
      openedAt: guidanceThreads.openedAt,
      firstAnsweredAt: guidanceThreads.firstAnsweredAt,
      targetMinutes: guidanceThreads.targetMinutes,
    })
    .from(guidanceThreads)
    .where(and(eq(guidanceThreads.counterpartOrgId, org.id), gte(guidanceThreads.openedAt, since)));
  const threads = rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    openedAt: r.openedAt,
    firstAnsweredAt: r.firstAnsweredAt,
    ...(r.targetMinutes === null ? {} : { targetMinutes: r.targetMinutes }),
  }));
  const states = threads.map((t) => responseStatus(t, now).state);
  return {
    total: threads.length,
    breachedWaiting: states.filter((s) => s === "breached_waiting").length,
    answeredLate: states.filter((s) => s === "answered_late").length,
    onTimeRateBp: onTimeRateBp(threads, now),
    days: SUMMARY_DAYS,
  };
}

export type GuidanceMessageView = {
  id: string;
  body: string;
  authorOrgId: string;
  authorOrgName: string;
  authorUserName: string | null;
  at: Date;
  files: AttachmentInfo[];
};

/** One thread with its messages, for a party; anyone else gets the 404 of a missing thread. */
export async function getThread(db: DbOrTx, org: ActingOrg, threadId: string, now: Date) {
  const [row] = await threadSelect(db).where(and(eq(guidanceThreads.id, threadId), partyOf(org)));
  if (!row) throw notFound();
  const messages = await db
    .select({
      id: guidanceMessages.id,
      body: guidanceMessages.body,
      authorOrgId: guidanceMessages.authorOrgId,
      authorOrgName: organisations.name,
      fileIds: guidanceMessages.fileIds,
      at: guidanceMessages.at,
      authorUserName: sql<string | null>`(SELECT u.name FROM users u WHERE u.id = ${guidanceMessages.authorUserId})`,
    })
    .from(guidanceMessages)
    .innerJoin(organisations, eq(organisations.id, guidanceMessages.authorOrgId))
    .where(eq(guidanceMessages.threadId, threadId))
    .orderBy(asc(guidanceMessages.at), asc(guidanceMessages.id));
  const withFiles: GuidanceMessageView[] = [];
  for (const m of messages) {
    withFiles.push({
      id: m.id,
      body: m.body,
      authorOrgId: m.authorOrgId,
      authorOrgName: m.authorOrgName,
      authorUserName: m.authorUserName,
      at: m.at,
      files: await attachmentInfo(db, m.fileIds),
    });
  }
  const thread = withStatus(row, now);
  return {
    thread,
    messages: withFiles,
    viewerSide: row.enterpriseId === org.id ? ("enterprise" as const) : ("counterpart" as const),
  };
}

/** Whether a file is attached to a message of a thread the organisation is a party to. */
export async function threadHasFile(db: DbOrTx, org: ActingOrg, threadId: string, fileId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: guidanceMessages.id })
    .from(guidanceMessages)
    .innerJoin(guidanceThreads, eq(guidanceThreads.id, guidanceMessages.threadId))
    .where(
      and(
        eq(guidanceMessages.threadId, threadId),
        partyOf(org),
        sql`${fileId}::uuid = ANY(${guidanceMessages.fileIds})`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** For the notification inbox: is the organisation still a party to the thread? */
export async function isGuidanceParty(db: DbOrTx, orgId: string, threadId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: guidanceThreads.id })
    .from(guidanceThreads)
    .where(
      and(
        eq(guidanceThreads.id, threadId),
        or(eq(guidanceThreads.enterpriseId, orgId), eq(guidanceThreads.counterpartOrgId, orgId)),
      ),
    );
  return Boolean(row);
}
