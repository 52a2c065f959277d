import { createHash } from "node:crypto";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { expertAssignments, expertDraws, experts, organisations } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { drawExperts, type DrawTask, type ExclusionReason, type ExpertProfile } from "../domain/expert-draw";
import type { ExpertSpecialty } from "../domain/expert-codes";
import { pageWindow } from "../domain/paging";
import { regionLikePattern } from "../domain/region-scope";
import type { ExpertDrawInput } from "../forms/experts";
import { AppError, forbidden, notFound } from "../utils/errors";
import type { Actor } from "./actor";
import { writeAudit } from "./audit.server";
import { providersServing, toExpertProfile, type ExpertOrg } from "./experts.server";

/**
 * A bureau's random draw of experts for a task (随机抽取, decision 013 "Expert draw", 021).
 * The service reads the whole pool and the providers serving the inspected enterprise, runs the
 * pure `drawExperts` with a seed the caller generated, and records the seed, the criteria (with
 * the serving providers as they were), the drawn ids, every excluded expert with the reason and
 * a digest of the pool; the drawn experts get assignments. Re-running from the stored seed and
 * criteria over the pool as it is now gives the same result when the pool is unchanged — the
 * result page shows that proof.
 */

export type DrawCriteria = {
  specialty?: ExpertSpecialty;
  regionCode?: string;
  industryCode?: string;
  from: IsoDate;
  to: IsoDate;
  count: number;
  providersServingInspected: string[];
  poolSize: number;
  poolDigest: string;
};

/** A digest of the pool as the draw read it: any change to a profile that the rule reads changes it. */
export function poolDigest(pool: readonly ExpertProfile[]): string {
  const canonical = [...pool]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => [
      p.id,
      [...p.specialties].sort(),
      [...p.regions].sort(),
      [...p.industries].sort(),
      p.active,
      p.unavailable.map((u) => [u.from, u.to]),
      p.employerOrgId,
      [...p.declaredConflictOrgIds].sort(),
    ]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

async function readPool(db: DbOrTx): Promise<ExpertProfile[]> {
  const rows = await db.select().from(experts).orderBy(asc(experts.id));
  return rows.map(toExpertProfile);
}

function taskOf(criteria: DrawCriteria, enterpriseId: string, seed: string): DrawTask {
  return {
    specialty: criteria.specialty,
    regionCode: criteria.regionCode,
    industryCode: criteria.industryCode,
    from: criteria.from,
    to: criteria.to,
    inspectedOrgId: enterpriseId,
    providersServingInspected: criteria.providersServingInspected,
    count: criteria.count,
    seed,
  };
}

function requireBureau(org: ExpertOrg) {
  if (org.kind !== "bureau") throw forbidden();
}

/**
 * Draws `count` experts for a task at an enterprise of the bureau's region. Not enough eligible
 * experts is a 422 naming how many there are; nothing is written then.
 */
export async function createExpertDraw(
  db: Db,
  actor: Actor,
  org: ExpertOrg,
  input: ExpertDrawInput,
  params: { seed: string },
) {
  requireBureau(org);
  return db.transaction(async (tx) => {
    const [enterprise] = await tx
      .select({ id: organisations.id, regionCode: organisations.regionCode })
      .from(organisations)
      .where(
        and(
          eq(organisations.id, input.enterpriseId),
          eq(organisations.kind, "enterprise"),
          sql`${organisations.regionCode} LIKE ${regionLikePattern(org.regionCode)}`,
        ),
      );
    if (!enterprise) throw new AppError(422, "not_in_region", "experts.enterprise_not_in_region");
    const pool = await readPool(tx);
    const criteria: DrawCriteria = {
      specialty: input.specialty as ExpertSpecialty | undefined,
      // Without a region asked for, the expert must serve the inspected enterprise's region.
      regionCode: input.regionCode ?? enterprise.regionCode,
      industryCode: input.industryCode,
      from: input.from,
      to: input.to,
      count: input.count,
      providersServingInspected: await providersServing(tx, enterprise.id),
      poolSize: pool.length,
      poolDigest: poolDigest(pool),
    };
    const result = drawExperts(pool, taskOf(criteria, enterprise.id, params.seed));
    if (!result.ok) {
      if (result.code === "invalid_count") throw new AppError(422, "invalid_count", "experts.count_invalid");
      throw new AppError(422, "not_enough_eligible", "experts.not_enough_eligible", {
        eligible: result.eligibleCount,
        needed: result.needed,
      });
    }
    const [draw] = await tx
      .insert(expertDraws)
      .values({
        drawnByOrgId: org.id,
        drawnByUserId: actor.userId,
        enterpriseId: enterprise.id,
        task: input.task,
        criteria,
        seed: params.seed,
        drawnExpertIds: result.drawn,
        excluded: result.excluded.map((e) => ({ expertId: e.id, reason: e.reason })),
      })
      .returning();
    await tx.insert(expertAssignments).values(
      result.drawn.map((expertId) => ({
        expertId,
        enterpriseId: enterprise.id,
        assignedByOrgId: org.id,
        drawId: draw!.id,
        task: input.task,
        dueOn: input.to,
      })),
    );
    await writeAudit(tx, {
      action: "expert.drawn",
      actorUserId: actor.userId,
      orgId: org.id,
      subjectType: "expert_draw",
      subjectId: draw!.id,
      data: { seed: params.seed, drawn: result.drawn, eligible: result.eligibleCount },
      ip: actor.ip,
    });
    return draw!;
  });
}

export async function listExpertDraws(db: DbOrTx, org: ExpertOrg, pageNo: number, all = false) {
  requireBureau(org);
  const { page, limit, offset } = pageWindow(pageNo);
  const where = eq(expertDraws.drawnByOrgId, org.id);
  const query = db
    .select({
      id: expertDraws.id,
      task: expertDraws.task,
      enterpriseName: organisations.name,
      seed: expertDraws.seed,
      drawnExpertIds: expertDraws.drawnExpertIds,
      excluded: expertDraws.excluded,
      criteria: expertDraws.criteria,
      createdAt: expertDraws.createdAt,
    })
    .from(expertDraws)
    .innerJoin(organisations, eq(organisations.id, expertDraws.enterpriseId))
    .where(where)
    .orderBy(desc(expertDraws.createdAt), asc(expertDraws.id));
  const [rows, [{ total }]] = await Promise.all([
    all ? query.limit(10_000) : query.limit(limit).offset(offset),
    db.select({ total: count() }).from(expertDraws).where(where),
  ]);
  const ids = [...new Set(rows.flatMap((r) => r.drawnExpertIds))];
  const names = ids.length
    ? await db.select({ id: experts.id, name: experts.name }).from(experts).where(inArray(experts.id, ids))
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      task: r.task,
      enterpriseName: r.enterpriseName,
      seed: r.seed,
      drawnNames: r.drawnExpertIds.map((id) => nameOf.get(id) ?? id),
      excludedCount: r.excluded.length,
      criteria: r.criteria as DrawCriteria,
      createdAt: r.createdAt,
    })),
    total,
    page,
    pageSize: limit,
  };
}

/**
 * A draw as the bureau published it, and the re-run: the stored seed and criteria over the pool
 * as it is now. `reproduced` when the drawn list is the same; `poolUnchanged` says whether the
 * pool still has the digest the draw recorded (if it changed, a different result is expected).
 */
export async function getExpertDraw(db: DbOrTx, org: ExpertOrg, drawId: string) {
  requireBureau(org);
  const [row] = await db
    .select({ draw: expertDraws, enterpriseName: organisations.name })
    .from(expertDraws)
    .innerJoin(organisations, eq(organisations.id, expertDraws.enterpriseId))
    .where(and(eq(expertDraws.id, drawId), eq(expertDraws.drawnByOrgId, org.id)));
  if (!row) throw notFound();
  const draw = row.draw;
  const criteria = draw.criteria as DrawCriteria;
  const pool = await readPool(db);
  const rerun = drawExperts(pool, taskOf(criteria, draw.enterpriseId, draw.seed));
  const ids = [...new Set([...draw.drawnExpertIds, ...draw.excluded.map((e) => e.expertId)])];
  const people = ids.length
    ? await db
        .select({ id: experts.id, name: experts.name, employerName: organisations.name })
        .from(experts)
        .leftJoin(organisations, eq(organisations.id, experts.employerOrgId))
        .where(inArray(experts.id, ids))
    : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const person = (id: string) => ({
    id,
    name: byId.get(id)?.name ?? null,
    employerName: byId.get(id)?.employerName ?? null,
  });
  return {
    id: draw.id,
    task: draw.task,
    enterpriseId: draw.enterpriseId,
    enterpriseName: row.enterpriseName,
    seed: draw.seed,
    criteria,
    createdAt: draw.createdAt,
    drawn: draw.drawnExpertIds.map(person),
    excluded: draw.excluded.map((e) => ({ ...person(e.expertId), reason: e.reason as ExclusionReason })),
    rerun: {
      poolUnchanged: poolDigest(pool) === criteria.poolDigest,
      reproduced: rerun.ok && rerun.drawn.join(",") === draw.drawnExpertIds.join(","),
      drawn: rerun.ok ? rerun.drawn.map((id) => person(id)) : [],
    },
  };
}

/** The bureau's enterprises for the draw form's picker. */
export async function drawableEnterprises(db: DbOrTx, org: ExpertOrg) {
  requireBureau(org);
  return db
    .select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "enterprise"),
        sql`${organisations.regionCode} LIKE ${regionLikePattern(org.regionCode)}`,
      ),
    )
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(500);
}
