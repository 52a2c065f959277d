import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { ensureRegisteredEnterprise } from "./enterprise-register.server";
import type { Db, DbOrTx } from "../../db/client";
import { groupMembers, groupStaff, organisations, rotationCycles, trainingSessions } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { pageWindow, type PageOf } from "../domain/paging";
import { assignmentStatus, cycleProgress, type AssignmentStatus } from "../domain/rotation-progress";
import { normaliseUscc } from "../domain/uscc";
import type { GroupSessionInput, StaffInput, UnclaimedMemberInput } from "../forms/group";
import { AppError, notFound } from "../utils/errors";
import type { Actor } from "./actor";
import { writeAudit } from "./audit.server";
import { executeRows } from "./sql-rows.server";

/**
 * Mutual-aid groups (协作互助, docs/domain.md "Mutual-aid groups", decision 020): an
 * organisation of kind "group" coordinates member enterprises (invited and accepting, or added
 * unclaimed), each member's named technical staff, and the group's shared training sessions
 * and exchange meetings. Rotation cycles are in rotation.server.ts. Every query names the
 * acting group (or the acting member) in its WHERE.
 */

export type MemberStatus = "invited" | "active" | "left";

const groupError = (status: 404 | 409 | 422, code: string, params: Record<string, string | number> = {}) =>
  new AppError(status, code, `group.${code}`, params);

/** The acting organisation must be a group; the coordinator's pages call this first. */
export async function requireGroupOrg(db: DbOrTx, groupId: string) {
  const [org] = await db
    .select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode })
    .from(organisations)
    .where(and(eq(organisations.id, groupId), eq(organisations.kind, "group")));
  if (!org) throw notFound();
  return org;
}

async function memberRow(db: DbOrTx, groupId: string, enterpriseId: string) {
  const [row] = await db
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.enterpriseId, enterpriseId)));
  return row ?? null;
}

// ---------------------------------------------------------------- members (coordinator)

export type GroupMemberRow = {
  enterpriseId: string;
  name: string;
  uscc: string | null;
  regionCode: string;
  unclaimed: boolean;
  status: MemberStatus;
  invitedAt: Date;
  joinedAt: Date | null;
  staffCount: number;
};

const staffCountOf = sql<number>`(SELECT count(*)::int FROM group_staff gs
  WHERE gs.group_id = ${groupMembers.groupId} AND gs.enterprise_id = ${groupMembers.enterpriseId} AND gs.removed_at IS NULL)`;

/** The group's members, active first, then invited, then those who left; paged. */
export async function listGroupMembers(
  db: DbOrTx,
  params: { groupId: string; page?: number; status?: MemberStatus },
): Promise<PageOf<GroupMemberRow>> {
  const { page, limit, offset } = pageWindow(params.page);
  const where = and(
    eq(groupMembers.groupId, params.groupId),
    params.status ? eq(groupMembers.status, params.status) : undefined,
  );
  const rows = await db
    .select({
      enterpriseId: groupMembers.enterpriseId,
      name: organisations.name,
      uscc: organisations.uscc,
      regionCode: organisations.regionCode,
      unclaimed: organisations.unclaimed,
      status: groupMembers.status,
      invitedAt: groupMembers.invitedAt,
      joinedAt: groupMembers.joinedAt,
      staffCount: staffCountOf,
    })
    .from(groupMembers)
    .innerJoin(organisations, eq(organisations.id, groupMembers.enterpriseId))
    .where(where)
    .orderBy(
      sql`CASE ${groupMembers.status} WHEN 'active' THEN 0 WHEN 'invited' THEN 1 ELSE 2 END`,
      asc(organisations.name),
      asc(groupMembers.enterpriseId),
    )
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db.select({ n: count() }).from(groupMembers).where(where);
  return { rows, total: n, page, pageSize: limit };
}

/** Enterprises found by an exact USCC or an exact registered name. */
async function findEnterprise(db: DbOrTx, who: string) {
  const uscc = normaliseUscc(who);
  return db
    .select({ id: organisations.id, name: organisations.name, unclaimed: organisations.unclaimed })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "enterprise"),
        or(eq(organisations.name, who.trim()), uscc.length === 18 ? eq(organisations.uscc, uscc) : sql`false`),
      ),
    )
    .limit(2);
}

/** Puts (or puts back) an enterprise in the group with `status`; refuses one already in it. */
async function admit(tx: DbOrTx, groupId: string, enterpriseId: string, status: "invited" | "active", now: Date) {
  const existing = await memberRow(tx, groupId, enterpriseId);
  if (existing && existing.status !== "left") throw groupError(409, "already_member");
  const values = { status, invitedAt: now, joinedAt: status === "active" ? now : null, leftAt: null };
  if (existing) {
    await tx
      .update(groupMembers)
      .set(values)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.enterpriseId, enterpriseId)));
  } else {
    await tx.insert(groupMembers).values({ groupId, enterpriseId, ...values });
  }
}

/**
 * Invite a registered enterprise by USCC or exact name: it becomes "invited" and accepts on its
 * side (/mutual-aid). An unclaimed enterprise has nobody to accept, so it is active at once.
 */
export async function inviteMember(db: Db, actor: Actor, who: string, now: Date) {
  return db.transaction(async (tx) => {
    await requireGroupOrg(tx, actor.orgId);
    const found = await findEnterprise(tx, who);
    if (found.length === 0) throw groupError(404, "enterprise_not_found");
    if (found.length > 1) throw groupError(409, "enterprise_ambiguous");
    const enterprise = found[0]!;
    const status = enterprise.unclaimed ? "active" : "invited";
    await admit(tx, actor.orgId, enterprise.id, status, now);
    await writeAudit(tx, {
      action: status === "active" ? "group.member_added" : "group.member_invited",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "organisation",
      subjectId: enterprise.id,
      data: { groupId: actor.orgId },
      ip: actor.ip,
      at: now,
    });
    return { enterpriseId: enterprise.id, name: enterprise.name, status };
  });
}

/**
 * An enterprise that is not on the platform goes on the register (enterprise-register.server.ts);
 * one a person has already claimed is invited instead, so it can accept or decline.
 */
async function ensureUnclaimedEnterprise(
  tx: DbOrTx,
  input: UnclaimedMemberInput,
  addedByOrgId: string,
  now: Date,
): Promise<string> {
  const [existing] = await tx
    .select({ kind: organisations.kind, unclaimed: organisations.unclaimed })
    .from(organisations)
    .where(eq(organisations.uscc, input.uscc));
  if (existing && (existing.kind !== "enterprise" || !existing.unclaimed)) throw groupError(409, "uscc_registered");
  return ensureRegisteredEnterprise(tx, input, addedByOrgId, now);
}

/** Add an enterprise that is not on the platform: unclaimed, and an active member at once. */
export async function addUnclaimedMember(db: Db, actor: Actor, input: UnclaimedMemberInput, now: Date) {
  return db.transaction(async (tx) => {
    await requireGroupOrg(tx, actor.orgId);
    const enterpriseId = await ensureUnclaimedEnterprise(tx, input, actor.orgId, now);
    await admit(tx, actor.orgId, enterpriseId, "active", now);
    await writeAudit(tx, {
      action: "group.member_added",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "organisation",
      subjectId: enterpriseId,
      data: { groupId: actor.orgId, unclaimed: true },
      ip: actor.ip,
      at: now,
    });
    return { enterpriseId };
  });
}

/**
 * A member leaves (or an invitation is withdrawn). Its staff stay on record; it is no longer
 * planned into cycles. Assignments already planned stay as they are (decision 020).
 */
export async function removeMember(db: Db, actor: Actor, enterpriseId: string, now: Date) {
  return db.transaction(async (tx) => {
    await requireGroupOrg(tx, actor.orgId);
    const row = await memberRow(tx, actor.orgId, enterpriseId);
    if (!row) throw notFound();
    if (row.status === "left") throw groupError(409, "already_left");
    await tx
      .update(groupMembers)
      .set({ status: "left", leftAt: now })
      .where(and(eq(groupMembers.groupId, actor.orgId), eq(groupMembers.enterpriseId, enterpriseId)));
    await writeAudit(tx, {
      action: "group.member_removed",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "organisation",
      subjectId: enterpriseId,
      data: { groupId: actor.orgId, was: row.status },
      ip: actor.ip,
      at: now,
    });
  });
}

// ---------------------------------------------------------------- staff (coordinator or the member)

/**
 * Who may manage a member's staff: the group's coordinator or the member enterprise itself,
 * while the member is active. Anyone else sees "not found" (no hint that the pair exists).
 */
async function requireStaffManager(tx: DbOrTx, actingOrgId: string, groupId: string, enterpriseId: string) {
  if (actingOrgId !== groupId && actingOrgId !== enterpriseId) throw notFound();
  const row = await memberRow(tx, groupId, enterpriseId);
  if (!row) throw notFound();
  if (row.status !== "active") throw groupError(409, "member_not_active");
  return row;
}

export type StaffRow = { id: string; name: string; title: string | null; phone: string | null };

/** The member's current staff in the group, for the coordinator or the member itself. */
export async function listMemberStaff(
  db: DbOrTx,
  params: { actingOrgId: string; groupId: string; enterpriseId: string },
) {
  const { actingOrgId, groupId, enterpriseId } = params;
  if (actingOrgId !== groupId && actingOrgId !== enterpriseId) throw notFound();
  const [member] = await db
    .select({
      enterpriseId: groupMembers.enterpriseId,
      name: organisations.name,
      uscc: organisations.uscc,
      unclaimed: organisations.unclaimed,
      status: groupMembers.status,
    })
    .from(groupMembers)
    .innerJoin(organisations, eq(organisations.id, groupMembers.enterpriseId))
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.enterpriseId, enterpriseId)));
  if (!member) throw notFound();
  const staff: StaffRow[] = await db
    .select({ id: groupStaff.id, name: groupStaff.name, title: groupStaff.title, phone: groupStaff.phone })
    .from(groupStaff)
    .where(
      and(eq(groupStaff.groupId, groupId), eq(groupStaff.enterpriseId, enterpriseId), isNull(groupStaff.removedAt)),
    )
    .orderBy(asc(groupStaff.createdAt), asc(groupStaff.id));
  return { member, staff };
}

const MAX_STAFF_PER_MEMBER = 50;

export async function addStaff(
  db: Db,
  actor: Actor,
  params: { groupId: string; enterpriseId: string; staff: StaffInput },
  now: Date,
) {
  return db.transaction(async (tx) => {
    await requireStaffManager(tx, actor.orgId, params.groupId, params.enterpriseId);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(groupStaff)
      .where(
        and(
          eq(groupStaff.groupId, params.groupId),
          eq(groupStaff.enterpriseId, params.enterpriseId),
          isNull(groupStaff.removedAt),
        ),
      );
    if (n >= MAX_STAFF_PER_MEMBER) throw groupError(409, "too_many_staff", { max: MAX_STAFF_PER_MEMBER });
    const [row] = await tx
      .insert(groupStaff)
      .values({
        groupId: params.groupId,
        enterpriseId: params.enterpriseId,
        name: params.staff.name,
        title: params.staff.title ?? null,
        phone: params.staff.phone ?? null,
        createdAt: now,
      })
      .returning({ id: groupStaff.id });
    await writeAudit(tx, {
      action: "group.staff_added",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "group_staff",
      subjectId: row!.id,
      data: { groupId: params.groupId, enterpriseId: params.enterpriseId },
      ip: actor.ip,
      at: now,
    });
    return row!;
  });
}

export async function removeStaff(db: Db, actor: Actor, params: { groupId: string; staffId: string }, now: Date) {
  return db.transaction(async (tx) => {
    const [staff] = await tx
      .select()
      .from(groupStaff)
      .where(
        and(eq(groupStaff.id, params.staffId), eq(groupStaff.groupId, params.groupId), isNull(groupStaff.removedAt)),
      );
    if (!staff) throw notFound();
    await requireStaffManager(tx, actor.orgId, staff.groupId, staff.enterpriseId);
    await tx.update(groupStaff).set({ removedAt: now }).where(eq(groupStaff.id, staff.id));
    await writeAudit(tx, {
      action: "group.staff_removed",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "group_staff",
      subjectId: staff.id,
      data: { groupId: staff.groupId, enterpriseId: staff.enterpriseId },
      ip: actor.ip,
      at: now,
    });
  });
}

// ---------------------------------------------------------------- member side (/mutual-aid)

/** The member accepts or declines an invitation of `groupId`. */
export async function respondToInvitation(
  db: Db,
  actor: Actor,
  params: { groupId: string; accept: boolean },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const row = await memberRow(tx, params.groupId, actor.orgId);
    if (!row) throw notFound();
    if (row.status !== "invited") throw groupError(409, "not_invited");
    await tx
      .update(groupMembers)
      .set(params.accept ? { status: "active", joinedAt: now } : { status: "left", leftAt: now })
      .where(and(eq(groupMembers.groupId, params.groupId), eq(groupMembers.enterpriseId, actor.orgId)));
    await writeAudit(tx, {
      action: params.accept ? "group.invitation_accepted" : "group.invitation_declined",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "organisation",
      subjectId: params.groupId,
      data: {},
      ip: actor.ip,
      at: now,
    });
  });
}

export type AssignmentView = {
  id: string;
  cycleId: string;
  cycleLabel: string;
  startsOn: string;
  endsOn: string;
  groupId: string;
  groupName: string;
  inspectorId: string;
  inspectorName: string;
  inspectedId: string;
  inspectedName: string;
  inspectionId: string | null;
  status: AssignmentStatus;
};

/**
 * Assignments of cycles that have not ended more than `keepDays` ago (or are not done), where
 * the enterprise inspects (`as: "inspector"`) or is inspected (`as: "inspected"`).
 */
async function memberAssignments(db: DbOrTx, enterpriseId: string, as: "inspector" | "inspected", today: IsoDate) {
  const list = await executeRows<
    Omit<AssignmentView, "status" | "startsOn" | "endsOn"> & { startsOn: string | Date; endsOn: string | Date }
  >(
    db,
    sql`
    SELECT ra.id, ra.cycle_id AS "cycleId", rc.label AS "cycleLabel", rc.starts_on AS "startsOn", rc.ends_on AS "endsOn",
      rc.group_id AS "groupId", g.name AS "groupName",
      ra.inspector_enterprise_id AS "inspectorId", io.name AS "inspectorName",
      ra.inspected_enterprise_id AS "inspectedId", eo.name AS "inspectedName", ra.inspection_id AS "inspectionId"
    FROM rotation_assignments ra
    JOIN rotation_cycles rc ON rc.id = ra.cycle_id
    JOIN organisations g ON g.id = rc.group_id
    JOIN organisations io ON io.id = ra.inspector_enterprise_id
    JOIN organisations eo ON eo.id = ra.inspected_enterprise_id
    WHERE ${as === "inspector" ? sql`ra.inspector_enterprise_id` : sql`ra.inspected_enterprise_id`} = ${enterpriseId}
      AND (ra.inspection_id IS NULL OR rc.ends_on >= ${today}::date - 90)
    ORDER BY rc.starts_on DESC, eo.name, ra.id
    LIMIT 200`,
  );
  return list.map((r) => {
    const startsOn = isoOf(r.startsOn);
    const endsOn = isoOf(r.endsOn);
    return { ...r, startsOn, endsOn, status: assignmentStatus(r, { startsOn, endsOn }, today) };
  });
}

function isoOf(value: string | Date): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Everything the member enterprise's /mutual-aid page shows, scoped to that enterprise. */
export async function memberOverview(db: DbOrTx, params: { enterpriseId: string; today: IsoDate }) {
  const memberships = await db
    .select({
      groupId: groupMembers.groupId,
      groupName: organisations.name,
      status: groupMembers.status,
      invitedAt: groupMembers.invitedAt,
      joinedAt: groupMembers.joinedAt,
      staffCount: staffCountOf,
    })
    .from(groupMembers)
    .innerJoin(organisations, eq(organisations.id, groupMembers.groupId))
    .where(and(eq(groupMembers.enterpriseId, params.enterpriseId), ne(groupMembers.status, "left")))
    .orderBy(asc(organisations.name));
  const activeGroupIds = memberships.filter((m) => m.status === "active").map((m) => m.groupId);
  const sessions = activeGroupIds.length
    ? await db
        .select({
          id: trainingSessions.id,
          groupId: trainingSessions.groupId,
          topic: trainingSessions.topic,
          kind: trainingSessions.kind,
          heldOn: trainingSessions.heldOn,
          attendeeCount: trainingSessions.attendeeCount,
        })
        .from(trainingSessions)
        .where(inArray(trainingSessions.groupId, activeGroupIds))
        .orderBy(desc(trainingSessions.heldOn))
        .limit(20)
    : [];
  return {
    invitations: memberships.filter((m) => m.status === "invited"),
    groups: memberships.filter((m) => m.status === "active"),
    myAssignments: await memberAssignments(db, params.enterpriseId, "inspector", params.today),
    inspectedBy: await memberAssignments(db, params.enterpriseId, "inspected", params.today),
    sessions,
  };
}

// ---------------------------------------------------------------- shared sessions

/**
 * INTEGRATION SEAM: training sessions belong to the training feature (issue 8, "Training");
 * until its service is here, a group's shared session or exchange meeting is written by this
 * one function (training_sessions with groupId = the group, no single enterprise).
 */
export async function recordGroupSession(db: Db, actor: Actor, input: GroupSessionInput, now: Date) {
  return db.transaction(async (tx) => {
    await requireGroupOrg(tx, actor.orgId);
    const attendees = (input.attendees ?? "")
      .split(/\r?\n/)
      .map((name) => name.trim())
      .filter(Boolean)
      .slice(0, 500)
      .map((name) => ({ name: name.slice(0, 60) }));
    const [row] = await tx
      .insert(trainingSessions)
      .values({
        organiserOrgId: actor.orgId,
        trainerOrgId: actor.orgId,
        groupId: actor.orgId,
        enterpriseId: null,
        topic: input.topic,
        kind: input.kind,
        heldOn: input.heldOn,
        hours: input.hours ?? null,
        attendeeCount: Math.max(input.attendeeCount, attendees.length),
        attendees,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning({ id: trainingSessions.id });
    await writeAudit(tx, {
      action: "group.session_recorded",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "training_session",
      subjectId: row!.id,
      data: { kind: input.kind },
      ip: actor.ip,
      at: now,
    });
    return row!;
  });
}

export async function listGroupSessions(db: DbOrTx, params: { groupId: string; page?: number }) {
  const { page, limit, offset } = pageWindow(params.page);
  const rows = await db
    .select({
      id: trainingSessions.id,
      topic: trainingSessions.topic,
      kind: trainingSessions.kind,
      heldOn: trainingSessions.heldOn,
      hours: trainingSessions.hours,
      attendeeCount: trainingSessions.attendeeCount,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.groupId, params.groupId))
    .orderBy(desc(trainingSessions.heldOn), desc(trainingSessions.createdAt))
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db
    .select({ n: count() })
    .from(trainingSessions)
    .where(eq(trainingSessions.groupId, params.groupId));
  return { rows, total: n, page, pageSize: limit };
}

// ---------------------------------------------------------------- dashboard

/** The coordinator's dashboard: member and staff counts, the current cycle's progress, sessions. */
export async function groupDashboard(db: DbOrTx, params: { groupId: string; today: IsoDate }) {
  const group = await requireGroupOrg(db, params.groupId);
  const counts = await db
    .select({ status: groupMembers.status, n: count() })
    .from(groupMembers)
    .where(eq(groupMembers.groupId, params.groupId))
    .groupBy(groupMembers.status);
  const countOf = (s: MemberStatus) => counts.find((c) => c.status === s)?.n ?? 0;
  const [{ staff, staffedMembers }] = await db
    .select({
      staff: sql<number>`count(*)::int`,
      staffedMembers: sql<number>`count(DISTINCT ${groupStaff.enterpriseId})::int`,
    })
    .from(groupStaff)
    .innerJoin(
      groupMembers,
      and(eq(groupMembers.groupId, groupStaff.groupId), eq(groupMembers.enterpriseId, groupStaff.enterpriseId)),
    )
    .where(
      and(eq(groupStaff.groupId, params.groupId), isNull(groupStaff.removedAt), eq(groupMembers.status, "active")),
    );
  // The current cycle: running today, else the latest one that has started, else the next one.
  const cycles = await db
    .select()
    .from(rotationCycles)
    .where(eq(rotationCycles.groupId, params.groupId))
    .orderBy(desc(rotationCycles.startsOn), desc(rotationCycles.createdAt))
    .limit(20);
  const current =
    cycles.find((c) => c.startsOn <= params.today && c.endsOn >= params.today) ??
    cycles.find((c) => c.startsOn <= params.today) ??
    cycles.at(-1) ??
    null;
  const assignments = current ? await cycleAssignments(db, current, params.today) : [];
  const sessions = await listGroupSessions(db, { groupId: params.groupId });
  return {
    group,
    members: { active: countOf("active"), invited: countOf("invited"), left: countOf("left") },
    staff: { total: staff, staffedMembers },
    current,
    assignments,
    progress: cycleProgress(assignments.map((a) => a.status)),
    cycles,
    sessions: sessions.rows.slice(0, 5),
  };
}

/** One cycle's assignments with names and status. */
export async function cycleAssignments(
  db: DbOrTx,
  cycle: { id: string; startsOn: string; endsOn: string },
  today: IsoDate,
) {
  const list = await executeRows<{
    id: string;
    inspectorId: string;
    inspectorName: string;
    inspectedId: string;
    inspectedName: string;
    inspectionId: string | null;
  }>(
    db,
    sql`
    SELECT ra.id, ra.inspector_enterprise_id AS "inspectorId", io.name AS "inspectorName",
      ra.inspected_enterprise_id AS "inspectedId", eo.name AS "inspectedName", ra.inspection_id AS "inspectionId"
    FROM rotation_assignments ra
    JOIN organisations io ON io.id = ra.inspector_enterprise_id
    JOIN organisations eo ON eo.id = ra.inspected_enterprise_id
    WHERE ra.cycle_id = ${cycle.id}
    ORDER BY io.name, eo.name, ra.id`,
  );
  return list.map((r) => ({ ...r, status: assignmentStatus(r, cycle, today) }));
}
