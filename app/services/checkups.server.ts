import { and, asc, count, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import { checkupEnterprises, checkupPrograms, organisations } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import { pageWindow } from "../domain/paging";
import { regionLikePattern } from "../domain/region-scope";
import { checkupProgress, usccsFromSheet } from "../domain/training";
import { validateUscc } from "../domain/uscc";
import { AppError, notFound } from "../utils/errors";
import type { ActingOrg } from "./enterprise-relations.server";
import { attachmentInfo, withAttachments } from "./safety-attachments.server";
import type { StorageEnv } from "./storage/index.server";

/**
 * Free safety check-up programs (免费安全体检, Jiangxi; issue 8; decision 022). A bureau runs one
 * for enterprises of its region, an insurer for enterprises it insures; each place may be
 * commissioned to a provider (the carrier). The check-up itself is an inspection with source
 * "free_checkup" (linked by the inspection form); afterwards the carrier (or the runner) issues
 * the 一企一策 plan. Its findings are not a basis for penalty (NOT_A_BASIS_FOR_PENALTY_LABEL).
 */

export type CheckupActor = { userId: string; org: ActingOrg };

const runnerOrg = alias(organisations, "runner_org");
const carrierOrg = alias(organisations, "carrier_org");
const placeOrg = alias(organisations, "place_org");

function assertRunnerKind(org: ActingOrg) {
  if (org.kind !== "bureau" && org.kind !== "insurer") throw new AppError(403, "forbidden", "wrong_org_kind");
}

export async function createProgram(
  db: DbOrTx,
  actor: CheckupActor,
  input: { name: string; description: string; startsOn: IsoDate; endsOn: IsoDate },
  now: Date,
) {
  assertRunnerKind(actor.org);
  if (input.endsOn < input.startsOn) throw new AppError(422, "checkup_dates", "checkups.dates_order");
  const [row] = await db
    .insert(checkupPrograms)
    .values({ runnerOrgId: actor.org.id, ...input, createdAt: now })
    .returning();
  return row!;
}

/** Whether an enterprise may be put in a program of this runner: its region (bureau), a policy in force (insurer). */
function inRunnerScope(org: ActingOrg, enterprise: SQL | typeof organisations.id, today: IsoDate): SQL {
  if (org.kind === "bureau") {
    return sql`EXISTS (SELECT 1 FROM organisations so WHERE so.id = ${enterprise} AND so.kind = 'enterprise'
      AND so.region_code LIKE ${regionLikePattern(org.regionCode)})`;
  }
  if (org.kind === "insurer") {
    return sql`EXISTS (SELECT 1 FROM insurance_policies ip WHERE ip.insurer_id = ${org.id} AND ip.enterprise_id = ${enterprise}
      AND ip.status <> 'cancelled' AND ip.start_date <= ${today} AND ip.end_date >= ${today})`;
  }
  return sql`false`;
}

const PROGRESS = {
  planned: sql<number>`(SELECT count(*)::int FROM checkup_enterprises ce WHERE ce.program_id = ${checkupPrograms.id})`,
  done: sql<number>`(SELECT count(*)::int FROM checkup_enterprises ce WHERE ce.program_id = ${checkupPrograms.id} AND ce.inspection_id IS NOT NULL)`,
  plansIssued: sql<number>`(SELECT count(*)::int FROM checkup_enterprises ce WHERE ce.program_id = ${checkupPrograms.id} AND ce.plan_issued_at IS NOT NULL)`,
};

function programVisibleTo(org: ActingOrg): SQL {
  return or(
    eq(checkupPrograms.runnerOrgId, org.id),
    sql`EXISTS (SELECT 1 FROM checkup_enterprises ce WHERE ce.program_id = ${checkupPrograms.id} AND ce.carrier_org_id = ${org.id})`,
  )!;
}

/** Programs the organisation runs or carries check-ups of, newest first, with their progress. */
export async function listPrograms(db: DbOrTx, org: ActingOrg, query: { q?: string; page?: number }) {
  const { page, limit, offset } = pageWindow(query.page);
  const like = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(programVisibleTo(org), like ? ilike(checkupPrograms.name, like) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: checkupPrograms.id,
        name: checkupPrograms.name,
        startsOn: checkupPrograms.startsOn,
        endsOn: checkupPrograms.endsOn,
        runnerOrgId: checkupPrograms.runnerOrgId,
        runnerName: runnerOrg.name,
        planned: PROGRESS.planned,
        done: PROGRESS.done,
        plansIssued: PROGRESS.plansIssued,
      })
      .from(checkupPrograms)
      .innerJoin(runnerOrg, eq(runnerOrg.id, checkupPrograms.runnerOrgId))
      .where(where)
      .orderBy(desc(checkupPrograms.startsOn), desc(checkupPrograms.createdAt), checkupPrograms.id)
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(checkupPrograms).where(where),
  ]);
  return { rows, total, page, pageSize: limit };
}

/** An enterprise's own check-ups, with their plans. */
export async function enterpriseCheckups(db: DbOrTx, enterpriseId: string) {
  const rows = await db
    .select({
      programId: checkupPrograms.id,
      programName: checkupPrograms.name,
      startsOn: checkupPrograms.startsOn,
      endsOn: checkupPrograms.endsOn,
      runnerName: runnerOrg.name,
      carrierName: carrierOrg.name,
      inspectionId: checkupEnterprises.inspectionId,
      planText: checkupEnterprises.planText,
      planFileId: checkupEnterprises.planFileId,
      planIssuedAt: checkupEnterprises.planIssuedAt,
    })
    .from(checkupEnterprises)
    .innerJoin(checkupPrograms, eq(checkupPrograms.id, checkupEnterprises.programId))
    .innerJoin(runnerOrg, eq(runnerOrg.id, checkupPrograms.runnerOrgId))
    .leftJoin(carrierOrg, eq(carrierOrg.id, checkupEnterprises.carrierOrgId))
    .where(eq(checkupEnterprises.enterpriseId, enterpriseId))
    .orderBy(desc(checkupPrograms.startsOn), checkupPrograms.id);
  return Promise.all(
    rows.map(async (r) => ({
      ...r,
      planFile: r.planFileId ? ((await attachmentInfo(db, [r.planFileId]))[0] ?? null) : null,
    })),
  );
}

async function programFor(db: DbOrTx, org: ActingOrg, programId: string) {
  const [program] = await db
    .select({ program: checkupPrograms, runnerName: runnerOrg.name })
    .from(checkupPrograms)
    .innerJoin(runnerOrg, eq(runnerOrg.id, checkupPrograms.runnerOrgId))
    .where(and(eq(checkupPrograms.id, programId), programVisibleTo(org)));
  if (!program) throw notFound();
  return { ...program, isRunner: program.program.runnerOrgId === org.id };
}

/**
 * A program with its enterprises: the runner sees every place, a carrier only the places it
 * was commissioned for. Each place says whether the viewer carries it out (may start it).
 */
export async function getProgram(db: DbOrTx, org: ActingOrg, programId: string) {
  const found = await programFor(db, org, programId);
  const places = await placeRows(db, programId, found.isRunner ? undefined : org.id);
  const all = found.isRunner ? places : await placeRows(db, programId, undefined);
  return {
    ...found,
    places: places.map((p) => ({ ...p, mine: (p.carrierOrgId ?? found.program.runnerOrgId) === org.id })),
    progress: checkupProgress(all),
  };
}

function placeRows(db: DbOrTx, programId: string, carrierOrgId: string | undefined) {
  return db
    .select({
      enterpriseId: checkupEnterprises.enterpriseId,
      enterpriseName: placeOrg.name,
      uscc: placeOrg.uscc,
      regionCode: placeOrg.regionCode,
      carrierOrgId: checkupEnterprises.carrierOrgId,
      carrierName: carrierOrg.name,
      inspectionId: checkupEnterprises.inspectionId,
      planText: checkupEnterprises.planText,
      planFileId: checkupEnterprises.planFileId,
      planIssuedAt: checkupEnterprises.planIssuedAt,
    })
    .from(checkupEnterprises)
    .innerJoin(placeOrg, eq(placeOrg.id, checkupEnterprises.enterpriseId))
    .leftJoin(carrierOrg, eq(carrierOrg.id, checkupEnterprises.carrierOrgId))
    .where(
      and(
        eq(checkupEnterprises.programId, programId),
        carrierOrgId ? eq(checkupEnterprises.carrierOrgId, carrierOrgId) : undefined,
      ),
    )
    .orderBy(asc(placeOrg.name), placeOrg.id);
}

/** The runner's program (for changes); a carrier or a stranger gets 404/403. */
async function runnersProgram(db: DbOrTx, org: ActingOrg, programId: string) {
  const found = await programFor(db, org, programId);
  if (!found.isRunner) throw new AppError(403, "forbidden", "checkups.runner_only");
  return found.program;
}

/** Enterprises the runner may add, by name or USCC (a few at a time: the register is large). */
export async function candidateEnterprises(db: DbOrTx, org: ActingOrg, programId: string, q: string, today: IsoDate) {
  await runnersProgram(db, org, programId);
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      uscc: organisations.uscc,
      regionCode: organisations.regionCode,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "enterprise"),
        inRunnerScope(org, organisations.id, today),
        or(ilike(organisations.name, like), ilike(organisations.uscc, like)),
        sql`NOT EXISTS (SELECT 1 FROM checkup_enterprises ce WHERE ce.program_id = ${programId} AND ce.enterprise_id = ${organisations.id})`,
      ),
    )
    .orderBy(asc(organisations.name))
    .limit(20);
}

export async function addEnterprises(
  db: Db,
  org: ActingOrg,
  programId: string,
  enterpriseIds: readonly string[],
  today: IsoDate,
) {
  return db.transaction(async (tx) => {
    await runnersProgram(tx, org, programId);
    const ids = [...new Set(enterpriseIds)];
    if (ids.length === 0) return { added: 0 };
    const allowed = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          inArray(organisations.id, ids),
          eq(organisations.kind, "enterprise"),
          inRunnerScope(org, organisations.id, today),
        ),
      );
    if (allowed.length !== ids.length) throw new AppError(422, "checkup_out_of_scope", "checkups.out_of_scope");
    const inserted = await tx
      .insert(checkupEnterprises)
      .values(ids.map((enterpriseId) => ({ programId, enterpriseId })))
      .onConflictDoNothing()
      .returning({ id: checkupEnterprises.enterpriseId });
    return { added: inserted.length };
  });
}

export type SheetRowError = { row: number; uscc: string; code: "uscc_invalid" | "unknown_uscc" | "out_of_scope" };

/**
 * An .xlsx/CSV list of USCCs: every row checked (a bad code, a USCC not on the register, an
 * enterprise outside the runner's scope → an error with its row number) and nothing written
 * unless every row is good; places already in the program are kept, not doubled.
 */
export async function addEnterprisesFromSheet(
  db: Db,
  org: ActingOrg,
  programId: string,
  rows: string[][],
  today: IsoDate,
): Promise<{ added: number; already: number; errors: SheetRowError[] }> {
  await runnersProgram(db, org, programId);
  const listed = usccsFromSheet(rows);
  const errors: SheetRowError[] = [];
  const valid = listed.filter((r) => {
    if (validateUscc(r.uscc).ok) return true;
    errors.push({ row: r.row, uscc: r.uscc, code: "uscc_invalid" });
    return false;
  });
  const usccs = [...new Set(valid.map((r) => r.uscc))];
  const found = usccs.length
    ? await db
        .select({
          id: organisations.id,
          uscc: organisations.uscc,
          inScope: sql<boolean>`${inRunnerScope(org, organisations.id, today)}`,
        })
        .from(organisations)
        .where(and(eq(organisations.kind, "enterprise"), inArray(organisations.uscc, usccs)))
    : [];
  const byUscc = new Map(found.map((f) => [f.uscc!, f]));
  const ids: string[] = [];
  for (const r of valid) {
    const hit = byUscc.get(r.uscc);
    if (!hit) errors.push({ row: r.row, uscc: r.uscc, code: "unknown_uscc" });
    else if (!hit.inScope) errors.push({ row: r.row, uscc: r.uscc, code: "out_of_scope" });
    else ids.push(hit.id);
  }
  errors.sort((a, b) => a.row - b.row);
  if (errors.length > 0 || ids.length === 0) return { added: 0, already: 0, errors };
  const { added } = await addEnterprises(db, org, programId, ids, today);
  return { added, already: new Set(ids).size - added, errors };
}

/** Providers a runner may commission (verified, same province), by name. */
export async function carrierChoices(db: DbOrTx, org: ActingOrg) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "provider"),
        eq(organisations.verificationStatus, "verified"),
        sql`${organisations.regionCode} LIKE ${`${org.regionCode.slice(0, 2)}%`}`,
      ),
    )
    .orderBy(asc(organisations.name))
    .limit(300);
}

/** Commissions a provider for one place (or takes it back: null). Not once the check-up is done. */
export async function setCarrier(
  db: Db,
  org: ActingOrg,
  input: { programId: string; enterpriseId: string; carrierOrgId: string | null },
) {
  return db.transaction(async (tx) => {
    await runnersProgram(tx, org, input.programId);
    if (input.carrierOrgId) {
      const [carrier] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(
            eq(organisations.id, input.carrierOrgId),
            eq(organisations.kind, "provider"),
            eq(organisations.verificationStatus, "verified"),
          ),
        );
      if (!carrier) throw new AppError(422, "checkup_carrier_invalid", "checkups.carrier_invalid");
    }
    const place = await lockPlace(tx, input.programId, input.enterpriseId);
    if (place.inspectionId) throw new AppError(409, "checkup_already_done", "checkups.already_done");
    await tx
      .update(checkupEnterprises)
      .set({ carrierOrgId: input.carrierOrgId })
      .where(
        and(eq(checkupEnterprises.programId, input.programId), eq(checkupEnterprises.enterpriseId, input.enterpriseId)),
      );
  });
}

async function lockPlace(tx: DbOrTx, programId: string, enterpriseId: string) {
  const [place] = await tx
    .select()
    .from(checkupEnterprises)
    .where(and(eq(checkupEnterprises.programId, programId), eq(checkupEnterprises.enterpriseId, enterpriseId)))
    .for("update");
  if (!place) throw notFound();
  return place;
}

/** Takes a place out of the program while its check-up has not been done. */
export async function removeEnterprise(db: Db, org: ActingOrg, input: { programId: string; enterpriseId: string }) {
  return db.transaction(async (tx) => {
    await runnersProgram(tx, org, input.programId);
    const place = await lockPlace(tx, input.programId, input.enterpriseId);
    if (place.inspectionId) throw new AppError(409, "checkup_already_done", "checkups.already_done");
    await tx
      .delete(checkupEnterprises)
      .where(
        and(
          eq(checkupEnterprises.programId, input.programId),
          eq(checkupEnterprises.enterpriseId, input.enterpriseId),
          isNull(checkupEnterprises.inspectionId),
        ),
      );
  });
}

/**
 * The 一企一策 plan of one enterprise, by whoever carries its check-up out (the carrier, else the
 * runner), after the check-up (an inspection linked). Text, a file, or both; issuing again
 * replaces the plan (the latest is the one in force).
 */
export async function issuePlan(
  db: Db,
  env: StorageEnv,
  actor: CheckupActor,
  input: { programId: string; enterpriseId: string; planText?: string; file: File | null },
  now: Date,
) {
  if (!input.planText && !input.file) throw new AppError(422, "checkup_plan_empty", "checkups.plan_empty");
  const files = input.file ? [input.file] : [];
  return withAttachments(db, env, { orgId: actor.org.id, userId: actor.userId }, files, now, async (tx, saved) => {
    const found = await programFor(tx, actor.org, input.programId);
    const place = await lockPlace(tx, input.programId, input.enterpriseId);
    const carrier = place.carrierOrgId ?? found.program.runnerOrgId;
    if (carrier !== actor.org.id) throw new AppError(403, "forbidden", "checkups.carrier_only");
    if (!place.inspectionId) throw new AppError(409, "checkup_not_done", "checkups.not_done");
    await tx
      .update(checkupEnterprises)
      .set({
        planText: input.planText ?? null,
        planFileId: saved[0]?.id ?? place.planFileId,
        planIssuedAt: now,
      })
      .where(
        and(eq(checkupEnterprises.programId, input.programId), eq(checkupEnterprises.enterpriseId, input.enterpriseId)),
      );
  });
}

/** Whether the organisation may download this place's plan file: the runner, the carrier, the enterprise. */
export async function planFileFor(db: DbOrTx, org: ActingOrg, programId: string, enterpriseId: string) {
  const [row] = await db
    .select({ fileId: checkupEnterprises.planFileId })
    .from(checkupEnterprises)
    .innerJoin(checkupPrograms, eq(checkupPrograms.id, checkupEnterprises.programId))
    .where(
      and(
        eq(checkupEnterprises.programId, programId),
        eq(checkupEnterprises.enterpriseId, enterpriseId),
        or(
          eq(checkupEnterprises.enterpriseId, org.id),
          eq(checkupPrograms.runnerOrgId, org.id),
          eq(checkupEnterprises.carrierOrgId, org.id),
        ),
      ),
    );
  return row?.fileId ?? null;
}

/** The places of a program for the Excel export (the runner: all; a carrier: its own). */
export async function exportProgram(db: DbOrTx, org: ActingOrg, programId: string) {
  const found = await programFor(db, org, programId);
  const places = await placeRows(db, programId, found.isRunner ? undefined : org.id);
  return { program: found.program, places };
}
