import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { enterpriseProfiles, organisations, registerImports, type Organisation } from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import {
  previewEnterpriseImport,
  type ImportedEnterprise,
  type ImportError,
  type ImportPreview,
} from "../domain/enterprise-import";
import { divisionsOf } from "../domain/industries";
import { regionLikePattern } from "../domain/region-scope";
import { isValidRegionCode, regionContains } from "../domain/regions";
import { RISK_GRADES, type RiskGrade } from "../domain/risk-grade";
import { validateUscc } from "../domain/uscc";
import { pageWindow } from "../domain/paging";
import { AppError } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { readSpreadsheet, UnreadableSheetError } from "./spreadsheet.server";
import { mayViewEnterpriseRecords, type ActingOrg } from "./enterprise-relations.server";
import { currentExternalGrade, listRiskAssessments, riskAssessorCapacity } from "./risk-grades.server";
import { executeRows } from "./sql-rows.server";

/**
 * The enterprise register (企业台账, issue 8; decision 017): a bureau's import of its region's
 * enterprises as unclaimed organisations, the helper other services use to put one enterprise
 * on the register, claiming by registration, and the bureau's filtered list and export.
 */

type Bureau = { id: string; regionCode: string };
type Actor = { userId: string; ip?: string | null };

/** Errors only the database can know, beside the pure module's (same shape, own codes). */
export type RegisterImportError = Omit<ImportError, "code"> & {
  code: ImportError["code"] | "uscc_other_kind" | "uscc_outside_region";
};

export type RegisterPreview = Omit<ImportPreview, "errors"> & {
  errors: RegisterImportError[];
  created: number;
  updated: number;
};

const CHUNK = 1000;
/** Rows written per statement; the whole import is still one transaction. */
export const IMPORT_BATCH = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type ExistingOrg = { id: string; uscc: string; kind: string; regionCode: string; unclaimed: boolean };

async function existingByUscc(db: DbOrTx, usccs: readonly string[]): Promise<Map<string, ExistingOrg>> {
  const found = new Map<string, ExistingOrg>();
  for (const part of chunks([...new Set(usccs)].filter(Boolean), CHUNK)) {
    const rows = await db
      .select({
        id: organisations.id,
        uscc: organisations.uscc,
        kind: organisations.kind,
        regionCode: organisations.regionCode,
        unclaimed: organisations.unclaimed,
      })
      .from(organisations)
      .where(inArray(organisations.uscc, part));
    for (const row of rows) if (row.uscc) found.set(row.uscc, { ...row, uscc: row.uscc });
  }
  return found;
}

/**
 * A USCC already registered must be an enterprise of the bureau's region: a bureau never
 * rewrites the register facts of another kind of organisation or of another region's enterprise.
 */
function databaseErrors(
  rows: readonly ImportedEnterprise[],
  existing: Map<string, ExistingOrg>,
  bureau: Bureau,
): RegisterImportError[] {
  const errors: RegisterImportError[] = [];
  for (const row of rows) {
    const org = existing.get(row.uscc);
    if (!org) continue;
    if (org.kind !== "enterprise") errors.push({ row: row.row, field: "uscc", code: "uscc_other_kind" });
    else if (!regionContains(bureau.regionCode, org.regionCode) && org.regionCode !== bureau.regionCode)
      errors.push({ row: row.row, field: "uscc", code: "uscc_outside_region", params: { region: org.regionCode } });
  }
  return errors;
}

async function validate(db: DbOrTx, sheet: string[][], bureau: Bureau): Promise<RegisterPreview> {
  const [header = [], ...rows] = sheet;
  const first = previewEnterpriseImport({ header, rows, bureauRegionCode: bureau.regionCode });
  const existing = await existingByUscc(
    db,
    first.rows.map((r) => r.uscc),
  );
  const valid = first.rows.map((r) => ({
    ...r,
    action: existing.has(r.uscc) ? ("update" as const) : ("create" as const),
  }));
  const errors: RegisterImportError[] = [...first.errors, ...databaseErrors(valid, existing, bureau)].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0),
  );
  const created = valid.filter((r) => r.action === "create").length;
  return { ...first, rows: valid, errors, ok: errors.length === 0, created, updated: valid.length - created };
}

/**
 * Step 1: the uploaded sheet → a preview. Nothing of the register is written; when every row is
 * valid the rows wait in register_imports for the confirmation (`importId`).
 */
export async function previewRegisterImport(
  db: Db,
  input: { bureau: Bureau; actor: Actor; filename: string; bytes: Uint8Array; now: Date },
): Promise<{ preview: RegisterPreview; importId: string | null }> {
  let sheet: string[][];
  try {
    sheet = await readSpreadsheet(input.bytes);
  } catch (error) {
    if (error instanceof UnreadableSheetError) throw new AppError(422, "sheet_unreadable", "register.sheet_unreadable");
    throw error;
  }
  const preview = await validate(db, sheet, input.bureau);
  if (!preview.ok) return { preview, importId: null };
  const [staged] = await db
    .insert(registerImports)
    .values({
      bureauOrgId: input.bureau.id,
      uploadedByUserId: input.actor.userId,
      filename: input.filename.slice(0, 200),
      rows: preview.rows,
      total: preview.rows.length,
      createdAt: input.now,
    })
    .returning({ id: registerImports.id });
  return { preview, importId: staged!.id };
}

/** A staged import of this bureau, for the confirm page (404 for anybody else's). */
export async function getStagedImport(db: DbOrTx, params: { bureauId: string; importId: string }) {
  const [row] = await db
    .select({
      id: registerImports.id,
      filename: registerImports.filename,
      status: registerImports.status,
      total: registerImports.total,
      created: registerImports.created,
      updated: registerImports.updated,
      createdAt: registerImports.createdAt,
      finishedAt: registerImports.finishedAt,
    })
    .from(registerImports)
    .where(and(eq(registerImports.id, params.importId), eq(registerImports.bureauOrgId, params.bureauId)));
  if (!row) throw new AppError(404, "not_found", "not_found");
  return row;
}

export type ImportProgress = { done: number; total: number };

/**
 * Step 2: writes a staged import in one transaction, in batches of IMPORT_BATCH rows, calling
 * `onProgress` after each. Upserts by USCC: new enterprises become unclaimed organisations; an
 * unclaimed one is updated; a claimed one keeps its registration data (its own, checked by the
 * platform) and only its register facts (enterprise_profiles) change. The rows are re-checked
 * against the database inside the transaction, so what changed since the preview is refused.
 */
export async function runRegisterImport(
  db: Db,
  input: {
    bureau: Bureau;
    actor: Actor;
    importId: string;
    now: Date;
    onProgress?: (progress: ImportProgress) => void | Promise<void>;
  },
): Promise<{ created: number; updated: number; total: number }> {
  return db.transaction(async (tx) => {
    const [staged] = await tx
      .select()
      .from(registerImports)
      .where(and(eq(registerImports.id, input.importId), eq(registerImports.bureauOrgId, input.bureau.id)))
      .for("update");
    if (!staged) throw new AppError(404, "not_found", "not_found");
    if (staged.status !== "previewed") throw new AppError(409, "import_done", "register.import_done");
    const rows = staged.rows;
    const existing = await existingByUscc(
      tx,
      rows.map((r) => r.uscc),
    );
    const refused = databaseErrors(rows, existing, input.bureau);
    if (refused.length)
      throw new AppError(409, "import_changed", "register.import_changed", { row: refused[0]!.row ?? 0 });

    let created = 0;
    let done = 0;
    await input.onProgress?.({ done, total: rows.length });
    for (const batch of chunks(rows, IMPORT_BATCH)) {
      created += await writeBatch(tx, batch, input.bureau.id, input.now);
      done += batch.length;
      await input.onProgress?.({ done, total: rows.length });
    }
    const updated = rows.length - created;
    await tx
      .update(registerImports)
      .set({ status: "done", created, updated, finishedAt: input.now })
      .where(eq(registerImports.id, staged.id));
    await writeAudit(tx, {
      action: "enterprise_register.imported",
      actorUserId: input.actor.userId,
      orgId: input.bureau.id,
      subjectType: "register_import",
      subjectId: staged.id,
      data: { filename: staged.filename, total: rows.length, created, updated },
      ip: input.actor.ip ?? null,
      at: input.now,
    });
    return { created, updated, total: rows.length };
  });
}

/** One batch: insert the new, refresh the unclaimed, then every row's register facts. Answers how many were new. */
async function writeBatch(tx: DbOrTx, batch: ImportedEnterprise[], addedByOrgId: string, now: Date): Promise<number> {
  const inserted = await tx
    .insert(organisations)
    .values(
      batch.map((r) => ({
        kind: "enterprise" as const,
        name: r.name,
        uscc: r.uscc,
        regionCode: r.regionCode,
        industryCode: r.industryCode,
        address: r.address,
        unclaimed: true,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: organisations.uscc })
    .returning({ id: organisations.id });
  // Unclaimed records follow the bureau's latest file; claimed ones keep their own registration data.
  await tx.execute(sql`UPDATE organisations o SET
      name = v.name, region_code = v.region_code, industry_code = v.industry_code,
      address = COALESCE(v.address, o.address)
    FROM (VALUES ${sql.join(
      batch.map((r) => sql`(${r.uscc}, ${r.name}, ${r.regionCode}, ${r.industryCode}, ${r.address})`),
      sql`, `,
    )}) AS v(uscc, name, region_code, industry_code, address)
    WHERE o.uscc = v.uscc AND o.kind = 'enterprise' AND o.unclaimed`);
  const ids = await tx
    .select({ id: organisations.id, uscc: organisations.uscc })
    .from(organisations)
    .where(
      inArray(
        organisations.uscc,
        batch.map((r) => r.uscc),
      ),
    );
  const idOf = new Map(ids.map((r) => [r.uscc, r.id]));
  await tx
    .insert(enterpriseProfiles)
    .values(
      batch.map((r) => ({
        orgId: idOf.get(r.uscc)!,
        industryDetail: r.industryDetail,
        employees: r.employees,
        highRisk: r.highRisk,
        occupationalHazard: r.occupationalHazard,
        supervisedMajorHazard: r.supervisedMajorHazard,
        recentAccidents: r.recentAccidents,
        priorityReasons: r.priorityReasons,
        addedByOrgId,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: enterpriseProfiles.orgId,
      set: {
        industryDetail: sql`excluded.industry_detail`,
        employees: sql`excluded.employees`,
        highRisk: sql`excluded.high_risk`,
        occupationalHazard: sql`excluded.occupational_hazard`,
        supervisedMajorHazard: sql`excluded.supervised_major_hazard`,
        recentAccidents: sql`excluded.recent_accidents`,
        priorityReasons: sql`excluded.priority_reasons`,
        // The first organisation that put it on the register stays recorded.
        addedByOrgId: sql`COALESCE(${enterpriseProfiles.addedByOrgId}, excluded.added_by_org_id)`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
  return inserted.length;
}

// ---------------------------------------------------------------- one enterprise, from other services

export type RegisteredEnterpriseInput = {
  uscc: string;
  name: string;
  regionCode: string;
  industryCode?: string | null;
  address?: string | null;
  employees?: number | null;
  highRisk?: boolean;
};

/**
 * Puts an enterprise on the register by USCC (an insurer's policy, a group's member) and answers
 * its organisation id: the existing one when the USCC is an enterprise (claimed or not, its data
 * untouched), a new unclaimed organisation with a profile otherwise. A USCC that belongs to
 * another kind of organisation is a 409. Call inside the caller's transaction.
 */
export async function ensureRegisteredEnterprise(
  tx: DbOrTx,
  input: RegisteredEnterpriseInput,
  addedByOrgId: string,
  now: Date,
): Promise<string> {
  const checked = validateUscc(input.uscc);
  if (!checked.ok) throw new AppError(422, "uscc_invalid", "uscc_invalid");
  if (!isValidRegionCode(input.regionCode)) throw new AppError(422, "region_invalid", "register.region_invalid");
  const name = input.name.trim().slice(0, 200);
  if (!name) throw new AppError(422, "name_required", "register.name_required");
  const uscc = checked.code;
  const [inserted] = await tx
    .insert(organisations)
    .values({
      kind: "enterprise",
      name,
      uscc,
      regionCode: input.regionCode,
      industryCode: input.industryCode ?? null,
      address: input.address ?? null,
      unclaimed: true,
      createdAt: now,
    })
    .onConflictDoNothing({ target: organisations.uscc })
    .returning({ id: organisations.id });
  if (inserted) {
    await tx.insert(enterpriseProfiles).values({
      orgId: inserted.id,
      employees: input.employees ?? null,
      highRisk: input.highRisk ?? false,
      addedByOrgId,
      updatedAt: now,
    });
    await writeAudit(tx, {
      action: "enterprise_register.added",
      orgId: addedByOrgId,
      subjectType: "organisation",
      subjectId: inserted.id,
      data: { uscc, name },
      at: now,
    });
    return inserted.id;
  }
  const [existing] = await tx
    .select({ id: organisations.id, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.uscc, uscc));
  if (!existing || existing.kind !== "enterprise")
    throw new AppError(409, "uscc_other_kind", "register.uscc_other_kind");
  await tx
    .insert(enterpriseProfiles)
    .values({ orgId: existing.id, addedByOrgId, updatedAt: now })
    .onConflictDoNothing({ target: enterpriseProfiles.orgId });
  return existing.id;
}

// ---------------------------------------------------------------- claiming

/**
 * Registration with the USCC of an unclaimed enterprise claims it (called by `register`): the
 * same organisation, so its history stays; the registrant's own data replaces the register's
 * name, region, industry and phone; verification starts again as "pending". Answers null when
 * there is nothing to claim (no such USCC, another kind, or already claimed: a race is lost here).
 */
export async function claimUnclaimedEnterprise(
  tx: DbOrTx,
  input: { uscc: string; name: string; regionCode: string; industryCode?: string | null; contactPhone?: string | null },
): Promise<Organisation | null> {
  const [claimed] = await tx
    .update(organisations)
    .set({
      unclaimed: false,
      name: input.name,
      regionCode: input.regionCode,
      industryCode: input.industryCode ?? null,
      contactPhone: input.contactPhone ?? null,
      verificationStatus: "pending",
      verifiedAt: null,
    })
    .where(
      and(eq(organisations.uscc, input.uscc), eq(organisations.kind, "enterprise"), eq(organisations.unclaimed, true)),
    )
    .returning();
  return claimed ?? null;
}

// ---------------------------------------------------------------- the bureau's list and export

export const REGISTER_KINDS = ["enterprise", "provider", "insurer", "group"] as const;
export type RegisterFilter = {
  q?: string;
  kind?: (typeof REGISTER_KINDS)[number];
  claimed?: "claimed" | "unclaimed";
  county?: string;
  section?: string;
  highRisk?: boolean;
  priority?: 1 | 2 | 3 | 4 | 5;
  grade?: RiskGrade | "none";
};

export type RegisterRow = {
  id: string;
  kind: string;
  name: string;
  uscc: string | null;
  regionCode: string;
  industryCode: string | null;
  verificationStatus: string;
  suspended: boolean;
  unclaimed: boolean;
  employees: number | null;
  highRisk: boolean | null;
  priorityReasons: Array<{ reason: number; by: string }> | null;
  grade: RiskGrade | null;
  gradeOn: string | null;
};

/** The grade in force on `today` (latest on or before it, same-day ties by recording time), others' assessments only. */
export function currentGradeSql(enterprise: SQL, today: IsoDate, column: "grade" | "assessed_on") {
  return sql`(SELECT ra.${sql.raw(column)} FROM risk_assessments ra
    WHERE ra.enterprise_id = ${enterprise} AND ra.assessed_on <= ${today}
      AND ra.assessor_org_id IS DISTINCT FROM ra.enterprise_id
    ORDER BY ra.assessed_on DESC, ra.recorded_at DESC LIMIT 1)`;
}

function registerWhere(bureauRegionCode: string, filter: RegisterFilter, today: IsoDate): SQL {
  const where: SQL[] = [
    sql`o.region_code LIKE ${regionLikePattern(bureauRegionCode)}`,
    sql`o.kind IN ('enterprise', 'provider', 'insurer', 'group')`,
  ];
  if (filter.q) {
    const term = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(o.name ILIKE ${term} OR o.uscc ILIKE ${term})`);
  }
  if (filter.kind) where.push(sql`o.kind = ${filter.kind}`);
  // The register filters are about enterprises: any of them narrows the list to enterprises.
  const registerOnly =
    filter.claimed ||
    filter.section ||
    filter.highRisk ||
    filter.priority ||
    filter.grade ||
    filter.kind === "enterprise";
  if (registerOnly) where.push(sql`o.kind = 'enterprise'`);
  if (filter.claimed) where.push(filter.claimed === "unclaimed" ? sql`o.unclaimed` : sql`NOT o.unclaimed`);
  if (filter.county) where.push(sql`o.region_code LIKE ${regionLikePattern(filter.county)}`);
  if (filter.section) {
    const divisions = divisionsOf(filter.section).map((d) => d.code);
    where.push(divisions.length ? sql`o.industry_code IN ${divisions}` : sql`false`);
  }
  if (filter.highRisk) where.push(sql`p.high_risk`);
  if (filter.priority) where.push(sql`p.priority_reasons @> ${JSON.stringify([{ reason: filter.priority }])}::jsonb`);
  if (filter.grade === "none") where.push(sql`${currentGradeSql(sql`o.id`, today, "grade")} IS NULL`);
  else if (filter.grade) where.push(sql`${currentGradeSql(sql`o.id`, today, "grade")} = ${filter.grade}`);
  return sql.join(where, sql` AND `);
}

function registerSelect(where: SQL, today: IsoDate): SQL {
  return sql`SELECT o.id, o.kind, o.name, o.uscc, o.region_code AS "regionCode", o.industry_code AS "industryCode",
      o.verification_status AS "verificationStatus",
      o.suspended_at IS NOT NULL AS suspended, o.unclaimed, p.employees, p.high_risk AS "highRisk",
      p.priority_reasons AS "priorityReasons",
      ${currentGradeSql(sql`o.id`, today, "grade")} AS grade,
      ${currentGradeSql(sql`o.id`, today, "assessed_on")}::text AS "gradeOn"
    FROM organisations o LEFT JOIN enterprise_profiles p ON p.org_id = o.id
    WHERE ${where}`;
}

/** A bureau's register: the organisations of its region (the region comes from the bureau, never the URL). */
export async function listRegister(
  db: DbOrTx,
  params: { bureauRegionCode: string; filter: RegisterFilter; today: IsoDate; page?: number },
) {
  const { page, limit, offset } = pageWindow(params.page);
  const where = registerWhere(params.bureauRegionCode, params.filter, params.today);
  const [rows, [totalRow]] = await Promise.all([
    executeRows<RegisterRow>(
      db,
      sql`${registerSelect(where, params.today)} ORDER BY o.created_at DESC, o.id LIMIT ${limit} OFFSET ${offset}`,
    ),
    executeRows<{ total: number }>(
      db,
      sql`SELECT count(*)::int AS total FROM organisations o LEFT JOIN enterprise_profiles p ON p.org_id = o.id WHERE ${where}`,
    ),
  ]);
  return { rows, total: Number(totalRow?.total ?? 0), page, pageSize: limit };
}

export const MAX_EXPORT_ROWS = 50_000;

/** The same list unpaged, for the Excel export (capped; the page says so when the cap is hit). */
export async function exportRegister(
  db: DbOrTx,
  params: { bureauRegionCode: string; filter: RegisterFilter; today: IsoDate },
): Promise<RegisterRow[]> {
  const where = registerWhere(params.bureauRegionCode, params.filter, params.today);
  return executeRows<RegisterRow>(
    db,
    sql`${registerSelect(where, params.today)} ORDER BY o.region_code, o.name, o.id LIMIT ${MAX_EXPORT_ROWS}`,
  );
}

export { RISK_GRADES };

// ---------------------------------------------------------------- the enterprise page

/**
 * One enterprise's register record for `org`: a 404 unless `org` may see its records
 * (enterpriseRecordsVisibleTo), so its existence is not revealed to anybody else.
 */
export async function getEnterpriseRecord(
  db: DbOrTx,
  params: { org: ActingOrg; enterpriseId: string; today: IsoDate },
) {
  const [enterprise] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      uscc: organisations.uscc,
      regionCode: organisations.regionCode,
      industryCode: organisations.industryCode,
      address: organisations.address,
      unclaimed: organisations.unclaimed,
      verificationStatus: organisations.verificationStatus,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .where(and(eq(organisations.id, params.enterpriseId), eq(organisations.kind, "enterprise")));
  if (!enterprise || !(await mayViewEnterpriseRecords(db, params.org, params.enterpriseId, params.today)))
    throw new AppError(404, "not_found", "not_found");
  const [profile] = await db
    .select({
      industryDetail: enterpriseProfiles.industryDetail,
      employees: enterpriseProfiles.employees,
      highRisk: enterpriseProfiles.highRisk,
      occupationalHazard: enterpriseProfiles.occupationalHazard,
      supervisedMajorHazard: enterpriseProfiles.supervisedMajorHazard,
      recentAccidents: enterpriseProfiles.recentAccidents,
      priorityReasons: enterpriseProfiles.priorityReasons,
      addedByName: organisations.name,
      updatedAt: enterpriseProfiles.updatedAt,
    })
    .from(enterpriseProfiles)
    .leftJoin(organisations, eq(organisations.id, enterpriseProfiles.addedByOrgId))
    .where(eq(enterpriseProfiles.orgId, params.enterpriseId));
  const [counts] = await executeRows<{ inspections: number; hazards: number; openHazards: number }>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM inspections i WHERE i.enterprise_id = ${params.enterpriseId}) AS inspections,
      (SELECT count(*)::int FROM hazards h WHERE h.enterprise_id = ${params.enterpriseId}) AS hazards,
      (SELECT count(*)::int FROM hazards h WHERE h.enterprise_id = ${params.enterpriseId} AND h.status <> 'closed') AS "openHazards"`,
  );
  const history = await listRiskAssessments(db, params.enterpriseId);
  const current = currentExternalGrade(history, params.today);
  const capacity = await riskAssessorCapacity(db, params.org, params.enterpriseId, params.today);
  return {
    enterprise,
    profile: profile ?? null,
    counts: {
      inspections: Number(counts?.inspections ?? 0),
      hazards: Number(counts?.hazards ?? 0),
      openHazards: Number(counts?.openHazards ?? 0),
    },
    history,
    current,
    capacity,
  };
}
