import { and, asc, desc, eq, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { groupMembers, memberships, organisations, rotationAssignments, rotationCycles } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import {
  planGroupCycle,
  planInterGroupRound,
  type RotationMember,
  type RotationPair,
  type RotationWarning,
} from "../domain/rotation-planner";
import { mayReplan, rangesOverlap } from "../domain/rotation-progress";
import { sha256Hex } from "../utils/crypto.server";
import { AppError, notFound } from "../utils/errors";
import type { Actor } from "./actor";
import { writeAudit } from "./audit.server";
import { cycleAssignments, requireGroupOrg } from "./groups.server";
import { executeRows } from "./sql-rows.server";

/**
 * Rotation cycles of a mutual-aid group (decision 013 "Rotation planner", decision 020): the
 * pure planner decides, this service feeds it the group's active members (with or without
 * current staff) and the previous cycle's pairs, records the seed and the warnings, and stores
 * the assignments. The same seed and the same members give the same plan, so what the
 * coordinator previewed is what is saved (checked by a fingerprint of the pairs).
 */

const rotationError = (status: 404 | 409 | 422, code: string, params: Record<string, string | number> = {}) =>
  new AppError(status, code, `group.${code}`, params);

/** Active members of a group, each with whether it has current named staff in that group. */
export async function rotationMembersOf(db: DbOrTx, groupId: string): Promise<RotationMember[]> {
  const rows = await executeRows<{ id: string; hasStaff: boolean }>(
    db,
    sql`SELECT gm.enterprise_id AS id, EXISTS (SELECT 1 FROM group_staff gs
        WHERE gs.group_id = gm.group_id AND gs.enterprise_id = gm.enterprise_id AND gs.removed_at IS NULL) AS "hasStaff"
      FROM group_members gm WHERE gm.group_id = ${groupId} AND gm.status = 'active'`,
  );
  return rows.map((r) => ({ id: r.id, hasStaff: Boolean(r.hasStaff) }));
}

/**
 * Other groups this group may run an inter-group round with. The other coordinator's
 * agreement is kept simple (decision 020): the acting user manages both group organisations
 * (owner or admin of each), so the agreement is theirs to give.
 */
export async function partnerGroupsOf(db: DbOrTx, params: { groupId: string; userId: string }) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(
      and(
        eq(memberships.userId, params.userId),
        eq(organisations.kind, "group"),
        ne(organisations.id, params.groupId),
        sql`${memberships.role} IN ('owner', 'admin')`,
      ),
    )
    .orderBy(asc(organisations.name));
}

async function requirePartner(db: DbOrTx, groupId: string, userId: string, otherGroupId: string) {
  const partners = await partnerGroupsOf(db, { groupId, userId });
  if (!partners.some((p) => p.id === otherGroupId)) throw rotationError(422, "partner_not_agreed");
}

/** The latest cycle of the same kind (same other group, or none) starting before `startsOn`. */
async function previousCycle(
  db: DbOrTx,
  params: { groupId: string; otherGroupId: string | null; before: IsoDate; exceptId?: string },
) {
  const [row] = await db
    .select({ id: rotationCycles.id })
    .from(rotationCycles)
    .where(
      and(
        eq(rotationCycles.groupId, params.groupId),
        params.otherGroupId
          ? eq(rotationCycles.otherGroupId, params.otherGroupId)
          : isNull(rotationCycles.otherGroupId),
        lt(rotationCycles.startsOn, params.before),
        params.exceptId ? ne(rotationCycles.id, params.exceptId) : undefined,
      ),
    )
    .orderBy(desc(rotationCycles.startsOn), desc(rotationCycles.createdAt))
    .limit(1);
  if (!row) return { id: null, pairs: [] as RotationPair[] };
  const pairs = await db
    .select({
      inspectorId: rotationAssignments.inspectorEnterpriseId,
      inspectedId: rotationAssignments.inspectedEnterpriseId,
    })
    .from(rotationAssignments)
    .where(eq(rotationAssignments.cycleId, row.id));
  return { id: row.id, pairs };
}

/** A short, stable digest of a plan's pairs: what the preview showed must be what is saved. */
export function planFingerprint(pairs: readonly RotationPair[]): string {
  return sha256Hex(pairs.map((p) => `${p.inspectorId}>${p.inspectedId}`).join(","));
}

export type CyclePlanRequest = {
  groupId: string;
  userId: string;
  otherGroupId?: string;
  startsOn: IsoDate;
  seed: string;
  /** When re-planning: the cycle being replaced does not count as "previous". */
  exceptCycleId?: string;
};

export type NamedPlan = {
  seed: string;
  maxLoad: number;
  pairs: Array<RotationPair & { inspectorName: string; inspectedName: string }>;
  warnings: Array<RotationWarning & { names: string[] }>;
  fingerprint: string;
  previousCycleId: string | null;
};

/** Plans (without saving) the cycle the coordinator asked for; refuses a group that cannot be planned. */
export async function planCycle(db: DbOrTx, request: CyclePlanRequest): Promise<NamedPlan> {
  await requireGroupOrg(db, request.groupId);
  const inspecting = await rotationMembersOf(db, request.groupId);
  const previous = await previousCycle(db, {
    groupId: request.groupId,
    otherGroupId: request.otherGroupId ?? null,
    before: request.startsOn,
    exceptId: request.exceptCycleId,
  });
  let result;
  if (request.otherGroupId) {
    await requirePartner(db, request.groupId, request.userId, request.otherGroupId);
    const inspected = await rotationMembersOf(db, request.otherGroupId);
    result = planInterGroupRound({
      inspectingGroup: inspecting,
      inspectedGroup: inspected,
      previousPairs: previous.pairs,
      seed: request.seed,
    });
  } else {
    result = planGroupCycle({ members: inspecting, previousPairs: previous.pairs, seed: request.seed });
  }
  if (!result.ok) throw rotationError(422, `plan_${result.code}`);
  const ids = new Set<string>();
  for (const p of result.plan.pairs) ids.add(p.inspectorId).add(p.inspectedId);
  for (const w of result.plan.warnings) {
    if (w.code === "no_other_inspector") ids.add(w.memberId);
    else ids.add(w.inspectorId).add(w.inspectedId);
  }
  const names = new Map<string, string>();
  if (ids.size) {
    const rows = await executeRows<{ id: string; name: string }>(
      db,
      sql`SELECT id, name FROM organisations WHERE id IN (${sql.join(
        [...ids].map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    for (const r of rows) names.set(r.id, r.name);
  }
  const name = (id: string) => names.get(id) ?? id;
  return {
    seed: result.plan.seed,
    maxLoad: result.plan.maxLoad,
    pairs: result.plan.pairs
      .map((p) => ({ ...p, inspectorName: name(p.inspectorId), inspectedName: name(p.inspectedId) }))
      .sort(
        (a, b) =>
          a.inspectorName.localeCompare(b.inspectorName, "zh") || a.inspectedName.localeCompare(b.inspectedName, "zh"),
      ),
    warnings: result.plan.warnings.map((w) => ({
      ...w,
      names: w.code === "no_other_inspector" ? [name(w.memberId)] : [name(w.inspectorId), name(w.inspectedId)],
    })),
    fingerprint: planFingerprint(result.plan.pairs),
    previousCycleId: previous.id,
  };
}

async function refuseOverlap(
  db: DbOrTx,
  params: { groupId: string; otherGroupId: string | null; startsOn: IsoDate; endsOn: IsoDate; exceptId?: string },
) {
  const others = await db
    .select({
      id: rotationCycles.id,
      label: rotationCycles.label,
      startsOn: rotationCycles.startsOn,
      endsOn: rotationCycles.endsOn,
    })
    .from(rotationCycles)
    .where(
      and(
        eq(rotationCycles.groupId, params.groupId),
        params.otherGroupId
          ? eq(rotationCycles.otherGroupId, params.otherGroupId)
          : isNull(rotationCycles.otherGroupId),
        params.exceptId ? ne(rotationCycles.id, params.exceptId) : undefined,
      ),
    );
  const clash = others.find((c) => rangesOverlap(c, params));
  if (clash) throw rotationError(409, "cycle_overlaps", { label: clash.label });
}

/**
 * Saves a cycle: plans again with the previewed seed and refuses if the plan is no longer the
 * one previewed (members or staff changed meanwhile). Seed, warnings and assignments are stored
 * in one transaction.
 */
export async function createCycle(
  db: Db,
  actor: Actor,
  input: {
    label: string;
    startsOn: IsoDate;
    endsOn: IsoDate;
    otherGroupId?: string;
    seed: string;
    fingerprint: string;
  },
  now: Date,
) {
  return db.transaction(async (tx) => {
    // One planner at a time per group, so two coordinators cannot save overlapping cycles.
    await tx.execute(sql`SELECT id FROM organisations WHERE id = ${actor.orgId} FOR UPDATE`);
    const plan = await planCycle(tx, {
      groupId: actor.orgId,
      userId: actor.userId,
      otherGroupId: input.otherGroupId,
      startsOn: input.startsOn,
      seed: input.seed,
    });
    if (plan.fingerprint !== input.fingerprint) throw rotationError(409, "plan_changed");
    await refuseOverlap(tx, {
      groupId: actor.orgId,
      otherGroupId: input.otherGroupId ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
    const [cycle] = await tx
      .insert(rotationCycles)
      .values({
        groupId: actor.orgId,
        otherGroupId: input.otherGroupId ?? null,
        label: input.label,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        seed: input.seed,
        warnings: plan.warnings.map(({ names: _names, ...w }) => w),
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    if (plan.pairs.length) {
      await tx.insert(rotationAssignments).values(
        plan.pairs.map((p) => ({
          cycleId: cycle!.id,
          inspectorEnterpriseId: p.inspectorId,
          inspectedEnterpriseId: p.inspectedId,
        })),
      );
    }
    await writeAudit(tx, {
      action: "group.cycle_planned",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "rotation_cycle",
      subjectId: cycle!.id,
      data: { seed: input.seed, pairs: plan.pairs.length, otherGroupId: input.otherGroupId ?? null },
      ip: actor.ip,
      at: now,
    });
    return cycle!;
  });
}

/** A cycle, seen by the group that planned it or by the other group of an inter-group round. */
export async function getCycle(db: DbOrTx, params: { orgId: string; cycleId: string; today: IsoDate }) {
  const [cycle] = await db
    .select()
    .from(rotationCycles)
    .where(
      and(
        eq(rotationCycles.id, params.cycleId),
        sql`(${rotationCycles.groupId} = ${params.orgId} OR ${rotationCycles.otherGroupId} = ${params.orgId})`,
      ),
    );
  if (!cycle) throw notFound();
  const [other] = cycle.otherGroupId
    ? await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, cycle.otherGroupId))
    : [];
  const assignments = await cycleAssignments(db, cycle, params.today);
  const replan = mayReplan(cycle, assignments, params.today);
  const warnings = cycle.warnings as RotationWarning[];
  const warningIds = warnings.flatMap((w) =>
    w.code === "no_other_inspector" ? [w.memberId] : [w.inspectorId, w.inspectedId],
  );
  const names = new Map(
    warningIds.length
      ? (
          await executeRows<{ id: string; name: string }>(
            db,
            sql`SELECT id, name FROM organisations WHERE id IN (${sql.join(
              warningIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
          )
        ).map((r) => [r.id, r.name])
      : [],
  );
  const name = (id: string) => names.get(id) ?? id;
  return {
    cycle,
    warnings: warnings.map((w) => ({
      code: w.code,
      names: w.code === "no_other_inspector" ? [name(w.memberId)] : [name(w.inspectorId), name(w.inspectedId)],
    })),
    otherGroupName: other?.name ?? null,
    assignments,
    mayReplan: cycle.groupId === params.orgId && replan.ok,
    replanBlockedBy: replan.ok ? null : replan.reason,
  };
}

/** The group's cycles, newest first. */
export async function listCycles(db: DbOrTx, params: { groupId: string }) {
  return executeRows<{
    id: string;
    label: string;
    startsOn: string;
    endsOn: string;
    otherGroupId: string | null;
    total: number;
    done: number;
  }>(
    db,
    sql`SELECT rc.id, rc.label, rc.starts_on::text AS "startsOn", rc.ends_on::text AS "endsOn", rc.other_group_id AS "otherGroupId",
        count(ra.id)::int AS total, count(ra.inspection_id)::int AS done
      FROM rotation_cycles rc LEFT JOIN rotation_assignments ra ON ra.cycle_id = rc.id
      WHERE rc.group_id = ${params.groupId}
      GROUP BY rc.id ORDER BY rc.starts_on DESC, rc.created_at DESC LIMIT 100`,
  );
}

/**
 * Re-plans a cycle with a new seed, replacing its assignments; refused (409) once any of its
 * inspections is done or the cycle has ended (decision 020).
 */
export async function replanCycle(
  db: Db,
  actor: Actor,
  params: { cycleId: string; seed: string; fingerprint: string; today: IsoDate },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [cycle] = await tx
      .select()
      .from(rotationCycles)
      .where(and(eq(rotationCycles.id, params.cycleId), eq(rotationCycles.groupId, actor.orgId)))
      .for("update");
    if (!cycle) throw notFound();
    const current = await tx
      .select({ inspectionId: rotationAssignments.inspectionId })
      .from(rotationAssignments)
      .where(eq(rotationAssignments.cycleId, cycle.id));
    const allowed = mayReplan(cycle, current, params.today);
    if (!allowed.ok) throw rotationError(409, `replan_${allowed.reason}`);
    const plan = await planCycle(tx, {
      groupId: actor.orgId,
      userId: actor.userId,
      otherGroupId: cycle.otherGroupId ?? undefined,
      startsOn: cycle.startsOn,
      seed: params.seed,
      exceptCycleId: cycle.id,
    });
    if (plan.fingerprint !== params.fingerprint) throw rotationError(409, "plan_changed");
    await tx.delete(rotationAssignments).where(eq(rotationAssignments.cycleId, cycle.id));
    if (plan.pairs.length) {
      await tx.insert(rotationAssignments).values(
        plan.pairs.map((p) => ({
          cycleId: cycle.id,
          inspectorEnterpriseId: p.inspectorId,
          inspectedEnterpriseId: p.inspectedId,
        })),
      );
    }
    await tx
      .update(rotationCycles)
      .set({ seed: params.seed, warnings: plan.warnings.map(({ names: _names, ...w }) => w) })
      .where(eq(rotationCycles.id, cycle.id));
    await writeAudit(tx, {
      action: "group.cycle_replanned",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "rotation_cycle",
      subjectId: cycle.id,
      data: { seed: params.seed, previousSeed: cycle.seed },
      ip: actor.ip,
      at: now,
    });
  });
}

/** Whether the group has members at all (the planning page says so instead of failing). */
export async function activeMemberCount(db: DbOrTx, groupId: string): Promise<number> {
  const rows = await db
    .select({ id: groupMembers.enterpriseId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.status, "active")));
  return rows.length;
}
