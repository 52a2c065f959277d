import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import { expertAssignments, experts, organisations, type Expert } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { exclusionReason, type ExpertProfile } from "../domain/expert-draw";
import type { ExpertSpecialty, ExpertTitle, SafetyEngineerLevel } from "../domain/expert-codes";
import { sectionOf } from "../domain/industries";
import type { OrgKind } from "../domain/org-kinds";
import { pageWindow } from "../domain/paging";
import { regionLikePattern } from "../domain/region-scope";
import { regionPath } from "../domain/regions";
import type { ExpertAssignInput, ExpertProfileInput, ExpertSearch } from "../forms/experts";
import { AppError, forbidden, notFound } from "../utils/errors";
import type { Actor } from "./actor";
import { writeAudit } from "./audit.server";
import { inspectionRelations, type ActingOrg } from "./enterprise-relations.server";
import { executeRows } from "./sql-rows.server";

/**
 * The expert pool (专家库, domain.md "Experts", decision 021). One table: a provider's experts
 * are rows employed and maintained by it; independent experts are maintained by the bureau or
 * the platform that added them. Bureaus, insurers and enterprises (and providers) search it;
 * a bureau of the region, an insurer with a policy in force or the enterprise itself assigns an
 * expert to the enterprise; the employer (or, for an independent expert, the maintainer and the
 * assigner) sees the assignment.
 */

export type ExpertOrg = ActingOrg;

/** Kinds that keep profiles: a provider its employees; a bureau or the platform independent experts. */
export const EXPERT_MAINTAINER_KINDS: readonly OrgKind[] = ["provider", "bureau", "platform"];
/** Kinds that assign an expert to an enterprise's inspection. */
export const EXPERT_ASSIGNER_KINDS: readonly OrgKind[] = ["bureau", "insurer", "enterprise"];

const MAX_EXPERTS_PER_MAINTAINER = 200;

/** The row as the draw rule reads it. */
export function toExpertProfile(row: Expert): ExpertProfile {
  return {
    id: row.id,
    specialties: row.specialties as ExpertSpecialty[],
    regions: row.regionCodes,
    industries: row.industryCodes,
    title: row.title as ExpertTitle,
    safetyEngineerLevel: (row.safetyEngineerLevel as SafetyEngineerLevel | null) ?? null,
    active: row.active,
    unavailable: row.unavailable,
    employerOrgId: row.employerOrgId,
    declaredConflictOrgIds: row.declaredConflictOrgIds,
  };
}

// ---------------------------------------------------------------- maintaining profiles

/** The experts this organisation keeps (a provider: its employees). */
export async function listMaintainedExperts(db: DbOrTx, orgId: string) {
  const rows = await db
    .select()
    .from(experts)
    .where(eq(experts.maintainedByOrgId, orgId))
    .orderBy(asc(experts.createdAt), asc(experts.name), asc(experts.id));
  const conflictIds = [...new Set(rows.flatMap((r) => r.declaredConflictOrgIds))];
  const conflicts = conflictIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name, uscc: organisations.uscc })
        .from(organisations)
        .where(inArray(organisations.id, conflictIds))
    : [];
  const byId = new Map(conflicts.map((c) => [c.id, c]));
  return rows.map((r) => ({
    ...r,
    conflicts: r.declaredConflictOrgIds.map((id) => byId.get(id) ?? { id, name: "", uscc: null }),
  }));
}

/** A provider's experts as its public page shows them (no phone: PIPL, decision 021). */
export async function publicExpertsOf(db: DbOrTx, providerId: string) {
  return db
    .select({
      id: experts.id,
      name: experts.name,
      title: experts.title,
      safetyEngineerLevel: experts.safetyEngineerLevel,
      certificateNo: experts.certificateNo,
      specialties: experts.specialties,
    })
    .from(experts)
    .where(and(eq(experts.employerOrgId, providerId), eq(experts.active, true)))
    .orderBy(asc(experts.createdAt), asc(experts.name), asc(experts.id));
}

async function conflictOrgIds(db: DbOrTx, usccs: readonly string[]): Promise<string[]> {
  if (usccs.length === 0) return [];
  const found = await db
    .select({ id: organisations.id, uscc: organisations.uscc })
    .from(organisations)
    .where(inArray(organisations.uscc, [...usccs]));
  const missing = usccs.filter((u) => !found.some((f) => f.uscc === u));
  if (missing.length > 0)
    throw new AppError(422, "conflict_unknown", "experts.conflict_unknown", { uscc: missing[0]! });
  return usccs.map((u) => found.find((f) => f.uscc === u)!.id);
}

function profileValues(input: ExpertProfileInput, conflictIds: string[]) {
  return {
    name: input.name,
    title: input.title,
    safetyEngineerLevel: input.safetyEngineerLevel,
    certificateNo: input.certificateNo ?? null,
    phone: input.phone ?? null,
    bio: input.bio ?? null,
    specialties: input.specialties,
    regionCodes: input.regionCodes,
    industryCodes: input.industryCodes,
    active: input.active,
    unavailable: input.unavailable,
    declaredConflictOrgIds: conflictIds,
  };
}

/**
 * Adds an expert kept by the acting organisation: a provider's is its employee; a bureau's or
 * the platform's is independent (no employer).
 */
export async function createExpert(db: Db, actor: Actor, org: ExpertOrg, input: ExpertProfileInput) {
  if (!EXPERT_MAINTAINER_KINDS.includes(org.kind)) throw forbidden();
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(experts).where(eq(experts.maintainedByOrgId, org.id));
    if (n >= MAX_EXPERTS_PER_MAINTAINER)
      throw new AppError(409, "too_many_experts", "experts.too_many_experts", { max: MAX_EXPERTS_PER_MAINTAINER });
    const conflicts = await conflictOrgIds(tx, input.conflictUsccs);
    const [row] = await tx
      .insert(experts)
      .values({
        ...profileValues(input, conflicts),
        employerOrgId: org.kind === "provider" ? org.id : null,
        maintainedByOrgId: org.id,
      })
      .returning();
    await writeAudit(tx, {
      action: "expert.created",
      actorUserId: actor.userId,
      orgId: org.id,
      subjectType: "expert",
      subjectId: row!.id,
      data: { name: row!.name, independent: row!.employerOrgId === null },
      ip: actor.ip,
    });
    return row!;
  });
}

/** Only the organisation that keeps the profile edits it: another's id is a 404. */
export async function updateExpert(db: Db, actor: Actor, org: ExpertOrg, expertId: string, input: ExpertProfileInput) {
  return db.transaction(async (tx) => {
    const conflicts = await conflictOrgIds(tx, input.conflictUsccs);
    const [row] = await tx
      .update(experts)
      .set(profileValues(input, conflicts))
      .where(and(eq(experts.id, expertId), eq(experts.maintainedByOrgId, org.id)))
      .returning();
    if (!row) throw notFound();
    await writeAudit(tx, {
      action: "expert.updated",
      actorUserId: actor.userId,
      orgId: org.id,
      subjectType: "expert",
      subjectId: row.id,
      data: { active: row.active },
      ip: actor.ip,
    });
    return row;
  });
}

/**
 * Deletes a profile with no assignment yet; one that was assigned or drawn stays (its draws
 * and inspections name it), so the keeper deactivates it instead (409).
 */
export async function deleteExpert(db: Db, actor: Actor, org: ExpertOrg, expertId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: experts.id })
      .from(experts)
      .where(and(eq(experts.id, expertId), eq(experts.maintainedByOrgId, org.id)));
    if (!row) throw notFound();
    const [{ n }] = await tx
      .select({ n: count() })
      .from(expertAssignments)
      .where(eq(expertAssignments.expertId, expertId));
    const [drawn] = await executeRows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM expert_draws WHERE ${expertId}::uuid = ANY(drawn_expert_ids)
        OR excluded @> ${JSON.stringify([{ expertId }])}::jsonb`,
    );
    if (n > 0 || (drawn?.n ?? 0) > 0) throw new AppError(409, "expert_in_use", "experts.in_use");
    await tx.delete(experts).where(eq(experts.id, expertId));
    await writeAudit(tx, {
      action: "expert.deleted",
      actorUserId: actor.userId,
      orgId: org.id,
      subjectType: "expert",
      subjectId: expertId,
      ip: actor.ip,
    });
  });
}

// ---------------------------------------------------------------- search and profile

function textArray(values: readonly string[]): SQL {
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** The pool search's WHERE: only active experts; each filter narrows. */
export function expertSearchWhere(q: Omit<ExpertSearch, "page">): SQL {
  const parts: SQL[] = [sql`${experts.active}`];
  if (q.specialty) parts.push(sql`${q.specialty} = ANY(${experts.specialties})`);
  if (q.region) {
    // "Contains": the expert serves a region inside the one asked for, or one that contains it.
    const ancestors = regionPath(q.region).map((r) => r.code);
    parts.push(
      sql`(EXISTS (SELECT 1 FROM unnest(${experts.regionCodes}) rc WHERE rc LIKE ${regionLikePattern(q.region)})
        OR ${experts.regionCodes} && ${textArray(ancestors.length ? ancestors : [q.region])})`,
    );
  }
  if (q.industry) {
    // An expert with no industries knows any; a section covers its divisions.
    const covering = [q.industry, ...(/^\d/.test(q.industry) ? [sectionOf(q.industry.slice(0, 2))?.code] : [])].filter(
      (c): c is string => Boolean(c),
    );
    parts.push(sql`(cardinality(${experts.industryCodes}) = 0 OR ${experts.industryCodes} && ${textArray(covering)})`);
  }
  if (q.title) parts.push(sql`${experts.title} = ${q.title}`);
  if (q.level) parts.push(sql`${experts.safetyEngineerLevel} = ${q.level}`);
  if (q.availableOn) {
    parts.push(sql`NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${experts.unavailable}) u
      WHERE u->>'from' <= ${q.availableOn} AND u->>'to' >= ${q.availableOn})`);
  }
  if (q.q) parts.push(ilike(experts.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)!);
  return and(...parts)!;
}

const employer = alias(organisations, "employer");

/** One page of the pool for any signed-in organisation; no contact details in the list. */
export async function searchExperts(db: DbOrTx, query: ExpertSearch) {
  const { page, limit, offset } = pageWindow(query.page);
  const where = expertSearchWhere(query);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: experts.id,
        name: experts.name,
        title: experts.title,
        safetyEngineerLevel: experts.safetyEngineerLevel,
        specialties: experts.specialties,
        regionCodes: experts.regionCodes,
        industryCodes: experts.industryCodes,
        employerOrgId: experts.employerOrgId,
        employerName: employer.name,
      })
      .from(experts)
      .leftJoin(employer, eq(employer.id, experts.employerOrgId))
      .where(where)
      .orderBy(asc(experts.name), asc(experts.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(experts).where(where),
  ]);
  return { rows, total, page, pageSize: limit };
}

/**
 * Contact details (phone) are personal information (PIPL art. 6, minimum necessary): shown to
 * the keeper and the employer, to bureaus (the authority that runs the pool), and to an
 * organisation that has assigned this expert (it has to reach them). Everyone else sees the
 * professional profile only (decision 021).
 */
async function maySeeContact(db: DbOrTx, org: ExpertOrg, expert: Expert): Promise<boolean> {
  if (expert.maintainedByOrgId === org.id || expert.employerOrgId === org.id) return true;
  if (org.kind === "bureau" || org.kind === "platform") return true;
  const [row] = await db
    .select({ id: expertAssignments.id })
    .from(expertAssignments)
    .where(and(eq(expertAssignments.expertId, expert.id), eq(expertAssignments.assignedByOrgId, org.id)))
    .limit(1);
  return Boolean(row);
}

/**
 * The enterprises the organisation may assign an expert to, for the picker: the enterprise
 * itself; a bureau's region; an insurer's policyholders with a policy in force today.
 */
export async function assignableEnterprises(db: DbOrTx, org: ExpertOrg, today: IsoDate) {
  if (org.kind === "enterprise") {
    return db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, org.id));
  }
  let where: SQL;
  if (org.kind === "bureau") where = sql`${organisations.regionCode} LIKE ${regionLikePattern(org.regionCode)}`;
  else if (org.kind === "insurer")
    where = sql`EXISTS (SELECT 1 FROM insurance_policies ip WHERE ip.insurer_id = ${org.id}
      AND ip.enterprise_id = ${organisations.id} AND ip.status <> 'cancelled'
      AND ip.start_date <= ${today} AND ip.end_date >= ${today})`;
  else return [];
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.kind, "enterprise"), where))
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(500);
}

export async function getExpertProfile(db: DbOrTx, org: ExpertOrg, expertId: string, today: IsoDate) {
  const [row] = await db
    .select({ expert: experts, employerName: employer.name })
    .from(experts)
    .leftJoin(employer, eq(employer.id, experts.employerOrgId))
    .where(eq(experts.id, expertId));
  if (!row) throw notFound();
  const expert = row.expert;
  const keeps = expert.maintainedByOrgId === org.id;
  // An inactive profile is visible to its keeper only.
  if (!expert.active && !keeps) throw notFound();
  const contact = await maySeeContact(db, org, expert);
  const canAssign = EXPERT_ASSIGNER_KINDS.includes(org.kind) && expert.active;
  const enterprises = canAssign ? await assignableEnterprises(db, org, today) : [];
  const assignments = await listAssignmentsWhere(
    db,
    and(eq(expertAssignments.expertId, expertId), assignmentsVisibleTo(org)),
    1,
  );
  return {
    expert: {
      id: expert.id,
      name: expert.name,
      title: expert.title,
      safetyEngineerLevel: expert.safetyEngineerLevel,
      certificateNo: expert.certificateNo,
      specialties: expert.specialties,
      regionCodes: expert.regionCodes,
      industryCodes: expert.industryCodes,
      bio: expert.bio,
      active: expert.active,
      unavailable: expert.unavailable,
      employerOrgId: expert.employerOrgId,
      employerName: row.employerName,
      phone: contact ? expert.phone : null,
    },
    contactShown: contact,
    keeps,
    canAssign,
    enterprises,
    assignments,
  };
}

/** The full profile for its keeper's edit form. */
export async function getMaintainedExpert(db: DbOrTx, org: ExpertOrg, expertId: string) {
  const rows = await listMaintainedExperts(db, org.id);
  const found = rows.find((r) => r.id === expertId);
  if (!found) throw notFound();
  return found;
}

// ---------------------------------------------------------------- assignments

/**
 * Assigns an expert to inspect an enterprise: the enterprise itself, the bureau of its region,
 * or an insurer with a policy in force (inspectionRelations). An inactive expert or one tied to
 * the enterprise (employed by it, by a provider serving it, or a declared conflict) is refused.
 */
export async function assignExpert(
  db: Db,
  actor: Actor,
  org: ExpertOrg,
  expertId: string,
  input: ExpertAssignInput,
  today: IsoDate,
) {
  if (!EXPERT_ASSIGNER_KINDS.includes(org.kind)) throw forbidden("experts.assign_not_allowed");
  return db.transaction(async (tx) => {
    const [expert] = await tx.select().from(experts).where(eq(experts.id, expertId));
    if (!expert || !expert.active) throw notFound();
    const [enterprise] = await tx
      .select({ id: organisations.id, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, input.enterpriseId));
    if (!enterprise || enterprise.kind !== "enterprise")
      throw new AppError(422, "not_enterprise", "experts.enterprise_required");
    const rel = await inspectionRelations(tx, org, enterprise.id, today);
    const allowed =
      (org.kind === "enterprise" && rel.isEnterpriseItself) ||
      (org.kind === "bureau" && rel.isEnterpriseBureau) ||
      (org.kind === "insurer" && rel.insuresEnterprise);
    if (!allowed) throw new AppError(403, "no_relation", "experts.no_relation");
    const serving = await providersServing(tx, enterprise.id);
    const reason = exclusionReason(toExpertProfile(expert), {
      from: input.dueOn ?? today,
      to: input.dueOn ?? today,
      inspectedOrgId: enterprise.id,
      providersServingInspected: serving,
      count: 1,
      seed: "",
    });
    if (
      reason === "employed_by_inspected" ||
      reason === "employed_by_serving_provider" ||
      reason === "declared_conflict"
    )
      throw new AppError(409, "expert_tied", `experts.tied.${reason}`);
    const [row] = await tx
      .insert(expertAssignments)
      .values({
        expertId,
        enterpriseId: enterprise.id,
        assignedByOrgId: org.id,
        task: input.task,
        dueOn: input.dueOn ?? null,
      })
      .returning();
    await writeAudit(tx, {
      action: "expert.assigned",
      actorUserId: actor.userId,
      orgId: org.id,
      subjectType: "expert_assignment",
      subjectId: row!.id,
      data: { expertId, enterpriseId: enterprise.id },
      ip: actor.ip,
    });
    return row!;
  });
}

/** Providers with an engagement in service for the enterprise (their employees are tied to it). */
export async function providersServing(db: DbOrTx, enterpriseId: string): Promise<string[]> {
  const rows = await executeRows<{ provider_id: string }>(
    db,
    sql`SELECT DISTINCT provider_id FROM engagements WHERE enterprise_id = ${enterpriseId}
      AND status IN ('signed', 'in_service', 'delivered', 'changes_requested') ORDER BY provider_id`,
  );
  return rows.map((r) => r.provider_id);
}

/**
 * Who sees an assignment: the expert's employer and keeper (指派给我方专家的任务), and the
 * organisation that assigned it (the only one for an independent expert kept by someone else).
 */
export function assignmentsVisibleTo(org: ExpertOrg): SQL {
  return or(
    eq(expertAssignments.assignedByOrgId, org.id),
    sql`EXISTS (SELECT 1 FROM experts x WHERE x.id = ${expertAssignments.expertId}
      AND (x.employer_org_id = ${org.id} OR x.maintained_by_org_id = ${org.id}))`,
  )!;
}

const enterpriseOrg = alias(organisations, "assigned_enterprise");
const assignerOrg = alias(organisations, "assigner");

async function listAssignmentsWhere(db: DbOrTx, where: SQL | undefined, pageNo: number) {
  const { page, limit, offset } = pageWindow(pageNo);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: expertAssignments.id,
        expertId: expertAssignments.expertId,
        expertName: experts.name,
        employerOrgId: experts.employerOrgId,
        enterpriseId: expertAssignments.enterpriseId,
        enterpriseName: enterpriseOrg.name,
        assignedByOrgId: expertAssignments.assignedByOrgId,
        assignedByName: assignerOrg.name,
        drawId: expertAssignments.drawId,
        inspectionId: expertAssignments.inspectionId,
        task: expertAssignments.task,
        dueOn: expertAssignments.dueOn,
        createdAt: expertAssignments.createdAt,
      })
      .from(expertAssignments)
      .innerJoin(experts, eq(experts.id, expertAssignments.expertId))
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, expertAssignments.enterpriseId))
      .innerJoin(assignerOrg, eq(assignerOrg.id, expertAssignments.assignedByOrgId))
      .where(where)
      .orderBy(desc(expertAssignments.createdAt), asc(expertAssignments.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(expertAssignments).where(where),
  ]);
  return { rows, total, page, pageSize: limit };
}

/** /experts/assignments: tasks given to our experts, and those we gave. */
export async function listAssignments(db: DbOrTx, org: ExpertOrg, page: number) {
  return listAssignmentsWhere(db, assignmentsVisibleTo(org), page);
}
