import { and, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "../../db/client";
import {
  files,
  hazards,
  inspectionPhotos,
  inspections,
  organisations,
  users,
  type DraftHazard,
  type Inspection,
} from "../../db/schema";
import type { IsoDate } from "../domain/calendar-date";
import {
  isFailure,
  scoreAnswers,
  templateItems,
  validateAnswers,
  type Answers,
  type ChecklistTemplate,
  type NormalisedAnswer,
} from "../domain/checklist-templates";
import { shanghaiDateString } from "../domain/format";
import {
  allowedSources,
  confirmationStatus,
  findingsEditable,
  mayConfirm,
  mayInspect,
  type ConfirmationStatus,
  type InspectionSource,
} from "../domain/inspection-sources";
import type { OrgKind } from "../domain/org-kinds";
import { normaliseUscc } from "../domain/uscc";
import { pageWindow } from "../domain/paging";
import { AppError, notFound } from "../utils/errors";
import { resolveTemplate, templateChoices } from "./checklists.server";
import { enterpriseRecordsVisibleTo, inspectionRelations, type ActingOrg } from "./enterprise-relations.server";
import { saveUpload } from "./files.server";
import { recordInspectionHazards, type IntakeResult } from "./hazard-intake.server";
import type { StorageEnv } from "./storage/index.server";
import { executeRows } from "./sql-rows.server";

/**
 * Inspections (检查记录, issue 8; decisions 013 and 018). The inspecting organisation records a
 * draft (answers of a checklist, findings, photos, proposed hazards); it may change the draft
 * until it confirms — then findings freeze and the hazards are written (hazard-intake). The
 * enterprise then acknowledges. Nobody records an inspection without the relation its source
 * needs (inspection-sources.ts); drafts are seen only by their author, signed records also by
 * whoever may see the enterprise's records (enterpriseRecordsVisibleTo).
 */

export type InspectionActor = { orgId: string; orgKind: OrgKind; regionCode: string; userId: string | null };

const acting = (a: InspectionActor): ActingOrg => ({ id: a.orgId, kind: a.orgKind, regionCode: a.regionCode });

/** Refused input with the fields at fault (form field name or API path → message key). */
export class InspectionInputError extends AppError {
  constructor(
    readonly fields: Record<string, string>,
    status: 400 | 422 = 422,
  ) {
    super(status, "invalid_inspection", "inspections.invalid_input", { fields: Object.keys(fields).join(", ") });
  }
}

export type HazardInput = {
  itemKey?: string | null;
  grade: "general" | "major";
  description: string;
  location?: string;
  responsiblePerson?: string;
  deadline: IsoDate;
  /** Photos to store (pages); the API sends none. */
  photos?: File[];
};

export type InspectionInput = {
  enterpriseId: string;
  source: InspectionSource;
  inspectedOn: IsoDate;
  inspectorNames: string[];
  templateKey?: string;
  answers?: Answers;
  findings: string;
  hazards?: HazardInput[];
  photos?: File[];
  /** Confirm at once (the API's `confirm: true`): the same step as the page's confirmation. */
  confirm?: boolean;
  now: Date;
};

// ---------------------------------------------------------------- choosing an enterprise

/**
 * Enterprises the acting organisation may inspect or see: those whose records it sees
 * (enterpriseRecordsVisibleTo), those its open mutual-aid assignments name, itself when it is
 * an enterprise. Searched by name or USCC, at most 20.
 */
export async function searchInspectableEnterprises(db: DbOrTx, actor: InspectionActor, q: string, today: IsoDate) {
  const org = acting(actor);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const mutualAid =
    actor.orgKind === "enterprise"
      ? sql`EXISTS (SELECT 1 FROM rotation_assignments ra JOIN rotation_cycles rc ON rc.id = ra.cycle_id
          WHERE ra.inspector_enterprise_id = ${actor.orgId} AND ra.inspected_enterprise_id = ${organisations.id}
            AND ra.inspection_id IS NULL AND rc.ends_on >= ${today})`
      : sql`false`;
  return db
    .select({ id: organisations.id, name: organisations.name, uscc: organisations.uscc })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "enterprise"),
        sql`(${enterpriseRecordsVisibleTo(org, organisations.id, today)} OR ${mutualAid})`,
        q ? or(ilike(organisations.name, pattern), ilike(organisations.uscc, pattern)) : undefined,
      ),
    )
    .orderBy(organisations.name, organisations.id)
    .limit(20);
}

/** What the new-inspection form offers for one enterprise: its name, the sources and templates. */
export async function inspectionFormContext(db: DbOrTx, actor: InspectionActor, enterpriseId: string, today: IsoDate) {
  const enterprise = await enterpriseOrThrow(db, enterpriseId);
  const relations = await inspectionRelations(db, acting(actor), enterpriseId, today);
  return {
    enterprise,
    sources: allowedSources(relations),
    templates: await templateChoices(db, actor.orgId),
  };
}

/** An enterprise by id (uuid) or USCC, as the API names it; null when there is none. */
export async function findEnterpriseByRef(db: DbOrTx, ref: string): Promise<{ id: string } | null> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, "enterprise"),
        isUuid ? eq(organisations.id, ref) : eq(organisations.uscc, normaliseUscc(ref)),
      ),
    );
  return row ?? null;
}

async function enterpriseOrThrow(db: DbOrTx, enterpriseId: string) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, uscc: organisations.uscc })
    .from(organisations)
    .where(and(eq(organisations.id, enterpriseId), eq(organisations.kind, "enterprise")));
  if (!row) throw new InspectionInputError({ enterprise: "inspections.enterprise_unknown" });
  return row;
}

// ---------------------------------------------------------------- answers and hazards

/**
 * Validated answers and score. A draft may leave required items open; a confirmation may not
 * (`complete`). Every other problem is refused at once, item by item (`answers.<itemKey>`).
 */
function checkAnswers(template: ChecklistTemplate | null, answers: Answers | undefined, complete: boolean) {
  if (!template) {
    if (answers && Object.keys(answers).length) throw new InspectionInputError({ answers: "inspections.no_template" });
    return { answers: {} as Record<string, NormalisedAnswer>, scoreBp: null };
  }
  const result = validateAnswers(template, answers ?? {});
  if (!result.ok) {
    const errors = result.errors.filter((e) => complete || e.code !== "missing_required");
    if (errors.length) {
      throw new InspectionInputError(
        Object.fromEntries(errors.map((e) => [`answers.${e.itemKey}`, `inspections.answer_${e.code}`])),
      );
    }
  }
  // The valid part (validateAnswers returns nothing when any item failed, even a tolerated one).
  const normalised = result.ok ? result.answers : partialAnswers(template, answers ?? {});
  return { answers: normalised, scoreBp: scoreAnswers(template, normalised).scoreBp };
}

function partialAnswers(template: ChecklistTemplate, answers: Answers): Record<string, NormalisedAnswer> {
  const optional: ChecklistTemplate = {
    ...template,
    sections: template.sections.map((s) => ({ ...s, items: s.items.map((i) => ({ ...i, required: false })) })),
  };
  const result = validateAnswers(optional, answers);
  return result.ok ? result.answers : {};
}

function checkHazards(hazardsIn: HazardInput[], inspectedOn: IsoDate, prefix = "hazards") {
  const fields: Record<string, string> = {};
  hazardsIn.forEach((h, i) => {
    if (!h.description.trim()) fields[`${prefix}.${i}.description`] = "required";
    if (h.deadline < inspectedOn) fields[`${prefix}.${i}.deadline`] = "inspections.deadline_before_inspection";
  });
  if (Object.keys(fields).length) throw new InspectionInputError(fields);
}

async function storePhotos(
  tx: DbOrTx,
  env: StorageEnv,
  actor: InspectionActor,
  photos: File[] | undefined,
  now: Date,
): Promise<string[]> {
  const ids: string[] = [];
  for (const file of photos ?? []) {
    const row = await saveUpload(tx, env, {
      ownerOrgId: actor.orgId,
      userId: actor.userId,
      purpose: "photo",
      file,
      now,
    });
    ids.push(row.id);
  }
  return ids;
}

async function draftHazardsOf(
  tx: DbOrTx,
  env: StorageEnv,
  actor: InspectionActor,
  list: HazardInput[],
  now: Date,
): Promise<DraftHazard[]> {
  const out: DraftHazard[] = [];
  for (const h of list) {
    out.push({
      itemKey: h.itemKey ?? null,
      grade: h.grade,
      description: h.description.trim(),
      location: h.location?.trim() ?? "",
      responsiblePerson: h.responsiblePerson?.trim() ?? "",
      deadline: h.deadline,
      photoFileIds: await storePhotos(tx, env, actor, h.photos, now),
    });
  }
  return out;
}

// ---------------------------------------------------------------- create, edit, confirm, acknowledge

/** Links the open plan row this inspection fulfils (mutual aid, expert, free check-up), in the same transaction. */
async function linkAssignment(tx: DbOrTx, actor: InspectionActor, inspection: Inspection, today: IsoDate) {
  const E = inspection.enterpriseId;
  let linked: unknown[];
  if (inspection.source === "mutual_aid") {
    linked = await executeRows(
      tx,
      sql`UPDATE rotation_assignments SET inspection_id = ${inspection.id}
        WHERE inspection_id IS NULL AND id = (SELECT ra.id FROM rotation_assignments ra JOIN rotation_cycles rc ON rc.id = ra.cycle_id
          WHERE ra.inspector_enterprise_id = ${actor.orgId} AND ra.inspected_enterprise_id = ${E}
            AND ra.inspection_id IS NULL AND rc.ends_on >= ${today}
          ORDER BY rc.starts_on, ra.id LIMIT 1 FOR UPDATE OF ra)
        RETURNING id`,
    );
  } else if (inspection.source === "expert") {
    linked = await executeRows(
      tx,
      sql`UPDATE expert_assignments SET inspection_id = ${inspection.id}
        WHERE inspection_id IS NULL AND id = (SELECT ea.id FROM expert_assignments ea JOIN experts x ON x.id = ea.expert_id
          WHERE x.employer_org_id = ${actor.orgId} AND ea.enterprise_id = ${E} AND ea.inspection_id IS NULL
          ORDER BY ea.created_at, ea.id LIMIT 1 FOR UPDATE OF ea)
        RETURNING id`,
    );
  } else if (inspection.source === "free_checkup") {
    linked = await executeRows(
      tx,
      sql`UPDATE checkup_enterprises SET inspection_id = ${inspection.id}
        WHERE inspection_id IS NULL AND enterprise_id = ${E} AND program_id = (
          SELECT ce.program_id FROM checkup_enterprises ce JOIN checkup_programs cp ON cp.id = ce.program_id
          WHERE ce.enterprise_id = ${E} AND (cp.runner_org_id = ${actor.orgId} OR ce.carrier_org_id = ${actor.orgId})
            AND ce.inspection_id IS NULL AND cp.ends_on >= ${today}
          ORDER BY cp.starts_on, cp.id LIMIT 1 FOR UPDATE OF ce)
        RETURNING program_id`,
    );
  } else {
    return;
  }
  // The relation was there a moment ago: someone else used the same plan row meanwhile.
  if (linked.length === 0) throw new AppError(409, "assignment_taken", "inspections.assignment_taken");
}

/** Records a draft (and confirms it at once when asked). Refused whole on any problem. */
export async function createInspection(db: Db, env: StorageEnv, actor: InspectionActor, input: InspectionInput) {
  const now = input.now;
  const today = shanghaiDateString(now);
  if (input.inspectedOn > today) throw new InspectionInputError({ inspectedOn: "inspections.inspected_in_future" });
  return db.transaction(async (tx) => {
    await enterpriseOrThrow(tx, input.enterpriseId);
    const relations = await inspectionRelations(tx, acting(actor), input.enterpriseId, today);
    const may = mayInspect(relations, input.source);
    if (!may.ok) {
      throw new AppError(403, may.code, `inspections.refused_${may.code}`, { needs: may.needs, source: input.source });
    }
    const template = input.templateKey ? await resolveTemplate(tx, actor.orgId, input.templateKey) : null;
    const checked = checkAnswers(template, input.answers, Boolean(input.confirm));
    checkHazards(input.hazards ?? [], input.inspectedOn);
    const draftHazards = await draftHazardsOf(tx, env, actor, input.hazards ?? [], now);
    const [row] = await tx
      .insert(inspections)
      .values({
        enterpriseId: input.enterpriseId,
        inspectorOrgId: actor.orgId,
        source: input.source,
        inspectedOn: input.inspectedOn,
        inspectorNames: input.inspectorNames,
        template,
        answers: checked.answers,
        scoreBp: checked.scoreBp,
        findings: input.findings,
        draftHazards,
        createdByUserId: actor.userId,
        createdAt: now,
      })
      .returning();
    const photoIds = await storePhotos(tx, env, actor, input.photos, now);
    if (photoIds.length) {
      await tx.insert(inspectionPhotos).values(photoIds.map((fileId) => ({ inspectionId: row!.id, fileId })));
    }
    await linkAssignment(tx, actor, row!, today);
    if (!input.confirm) return { inspection: row!, intake: null };
    return confirmLocked(tx, actor, row!, now);
  });
}

async function lockOwnDraft(tx: DbOrTx, actor: InspectionActor, inspectionId: string, expectedVersion?: number) {
  const [row] = await tx
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, inspectionId), eq(inspections.inspectorOrgId, actor.orgId)))
    .for("update");
  if (!row) throw notFound();
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new AppError(409, "stale", "inspections.stale");
  }
  return row;
}

function assertEditable(row: Inspection) {
  if (!findingsEditable(row)) throw new AppError(409, "findings_frozen", "inspections.findings_frozen");
}

/** Changes a draft's date, inspectors, answers and findings (the template stays). */
export async function updateDraft(
  db: Db,
  actor: InspectionActor,
  input: {
    inspectionId: string;
    version: number;
    inspectedOn: IsoDate;
    inspectorNames: string[];
    answers?: Answers;
    findings: string;
    now: Date;
  },
) {
  if (input.inspectedOn > shanghaiDateString(input.now)) {
    throw new InspectionInputError({ inspectedOn: "inspections.inspected_in_future" });
  }
  return db.transaction(async (tx) => {
    const row = await lockOwnDraft(tx, actor, input.inspectionId, input.version);
    assertEditable(row);
    const checked = checkAnswers(row.template, input.answers, false);
    const late = row.draftHazards.findIndex((h) => h.deadline < input.inspectedOn);
    if (late >= 0) throw new InspectionInputError({ inspectedOn: "inspections.deadline_before_inspection" });
    const [updated] = await tx
      .update(inspections)
      .set({
        inspectedOn: input.inspectedOn,
        inspectorNames: input.inspectorNames,
        answers: checked.answers,
        scoreBp: checked.scoreBp,
        findings: input.findings,
        version: row.version + 1,
      })
      .where(eq(inspections.id, row.id))
      .returning();
    return updated!;
  });
}

/** Adds a proposed hazard (a candidate from a failed item, or a manual one) to a draft. */
export async function addDraftHazard(
  db: Db,
  env: StorageEnv,
  actor: InspectionActor,
  input: { inspectionId: string; hazard: HazardInput; now: Date },
) {
  return db.transaction(async (tx) => {
    const row = await lockOwnDraft(tx, actor, input.inspectionId);
    assertEditable(row);
    checkHazards([input.hazard], row.inspectedOn, "hazard");
    const itemKey = input.hazard.itemKey;
    if (itemKey && !(row.template && templateItems(row.template).some((i) => i.key === itemKey))) {
      throw new InspectionInputError({ itemKey: "inspections.answer_unknown_item" });
    }
    const [added] = await draftHazardsOf(tx, env, actor, [input.hazard], input.now);
    await tx
      .update(inspections)
      .set({ draftHazards: [...row.draftHazards, added!], version: row.version + 1 })
      .where(eq(inspections.id, row.id));
  });
}

export async function removeDraftHazard(
  db: Db,
  actor: InspectionActor,
  input: { inspectionId: string; index: number },
) {
  return db.transaction(async (tx) => {
    const row = await lockOwnDraft(tx, actor, input.inspectionId);
    assertEditable(row);
    if (input.index < 0 || input.index >= row.draftHazards.length) throw notFound();
    await tx
      .update(inspections)
      .set({ draftHazards: row.draftHazards.filter((_, i) => i !== input.index), version: row.version + 1 })
      .where(eq(inspections.id, row.id));
  });
}

export async function addInspectionPhotos(
  db: Db,
  env: StorageEnv,
  actor: InspectionActor,
  input: { inspectionId: string; photos: File[]; now: Date },
) {
  return db.transaction(async (tx) => {
    const row = await lockOwnDraft(tx, actor, input.inspectionId);
    assertEditable(row);
    const ids = await storePhotos(tx, env, actor, input.photos, input.now);
    if (ids.length) await tx.insert(inspectionPhotos).values(ids.map((fileId) => ({ inspectionId: row.id, fileId })));
    await tx
      .update(inspections)
      .set({ version: row.version + 1 })
      .where(eq(inspections.id, row.id));
  });
}

/**
 * The inspecting side signs (binding): the answers must be complete, findings freeze, and the
 * draft's hazards become hazards rows with their 双报告 (hazard-intake), all in one transaction.
 */
export async function confirmInspection(
  db: Db,
  actor: InspectionActor,
  input: { inspectionId: string; version?: number; now: Date },
) {
  return db.transaction(async (tx) => {
    const row = await lockOwnDraft(tx, actor, input.inspectionId, input.version);
    return confirmLocked(tx, actor, row, input.now);
  });
}

async function confirmLocked(
  tx: DbOrTx,
  actor: InspectionActor,
  row: Inspection,
  now: Date,
): Promise<{ inspection: Inspection; intake: IntakeResult | null }> {
  const may = mayConfirm(row, "inspector_confirm");
  if (!may.ok) throw new AppError(409, may.code, `inspections.${may.code}`);
  checkAnswers(row.template, row.answers, true);
  if (row.inspectorNames.length === 0) throw new InspectionInputError({ inspectorNames: "required" });
  const intake = await recordInspectionHazards(tx, {
    inspection: row,
    hazards: row.draftHazards,
    actorUserId: actor.userId,
    now,
  });
  const [updated] = await tx
    .update(inspections)
    .set({
      inspectorConfirmedAt: now,
      inspectorConfirmedByUserId: actor.userId,
      draftHazards: [],
      version: row.version + 1,
    })
    .where(eq(inspections.id, row.id))
    .returning();
  return { inspection: updated!, intake };
}

/** The enterprise acknowledges what the inspectors signed (企业签收), with an optional note. */
export async function acknowledgeInspection(
  db: Db,
  actor: InspectionActor,
  input: { inspectionId: string; note?: string; now: Date },
) {
  return db.transaction((tx) => acknowledgeInspectionIn(tx, actor, input));
}

/** The acknowledgement inside a caller's transaction (the enterprise's visit confirmation, issue 9). */
export async function acknowledgeInspectionIn(
  tx: DbOrTx,
  actor: InspectionActor,
  input: { inspectionId: string; note?: string; now: Date },
) {
  const [row] = await tx
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, input.inspectionId), eq(inspections.enterpriseId, actor.orgId)))
    .for("update");
  // A draft of another organisation stays invisible to the enterprise: 404, not 409.
  if (!row || (!row.inspectorConfirmedAt && row.inspectorOrgId !== actor.orgId)) throw notFound();
  const may = mayConfirm(row, "enterprise_acknowledge");
  if (!may.ok) throw new AppError(409, may.code, `inspections.${may.code}`);
  const [updated] = await tx
    .update(inspections)
    .set({
      enterpriseAcknowledgedAt: input.now,
      enterpriseAcknowledgedByUserId: actor.userId,
      enterpriseAcknowledgeNote: input.note ?? null,
      version: row.version + 1,
    })
    .where(eq(inspections.id, row.id))
    .returning();
  return updated!;
}

// ---------------------------------------------------------------- reading

/** Who sees an inspection: its author always; others once it is signed and its enterprise's records are theirs to see. */
function visibleTo(actor: InspectionActor, today: IsoDate): SQL {
  return sql`(${inspections.inspectorOrgId} = ${actor.orgId} OR (${inspections.inspectorConfirmedAt} IS NOT NULL AND ${enterpriseRecordsVisibleTo(acting(actor), inspections.enterpriseId, today)}))`;
}

export type InspectionListFilter = {
  source?: InspectionSource;
  status?: ConfirmationStatus;
  /** "mine": recorded by the organisation; "of_us": of the organisation (an enterprise). */
  side?: "mine" | "of_us";
  from?: IsoDate;
  to?: IsoDate;
  page?: number;
  /** The whole filtered list (for an export), up to EXPORT_LIMIT rows. */
  all?: boolean;
};

export const EXPORT_LIMIT = 5000;

function statusCondition(status: ConfirmationStatus | undefined): SQL | undefined {
  if (status === "draft") return isNull(inspections.inspectorConfirmedAt);
  if (status === "confirmed")
    return and(isNotNull(inspections.inspectorConfirmedAt), isNull(inspections.enterpriseAcknowledgedAt));
  if (status === "complete") return isNotNull(inspections.enterpriseAcknowledgedAt);
  return undefined;
}

const enterpriseOrg = alias(organisations, "enterprise_org");
const inspectorOrg = alias(organisations, "inspector_org");

export async function listInspections(
  db: DbOrTx,
  actor: InspectionActor,
  filter: InspectionListFilter,
  today: IsoDate,
) {
  const { page, limit, offset } = pageWindow(filter.page);
  const where = and(
    visibleTo(actor, today),
    filter.source ? eq(inspections.source, filter.source) : undefined,
    statusCondition(filter.status),
    filter.side === "mine" ? eq(inspections.inspectorOrgId, actor.orgId) : undefined,
    filter.side === "of_us" ? eq(inspections.enterpriseId, actor.orgId) : undefined,
    filter.from ? gte(inspections.inspectedOn, filter.from) : undefined,
    filter.to ? lte(inspections.inspectedOn, filter.to) : undefined,
  );
  const hazardCount = sql<number>`(SELECT count(*)::int FROM ${hazards} WHERE ${hazards.inspectionId} = ${inspections.id})`;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: inspections.id,
        enterpriseId: inspections.enterpriseId,
        enterpriseName: enterpriseOrg.name,
        inspectorOrgId: inspections.inspectorOrgId,
        inspectorOrgName: inspectorOrg.name,
        source: inspections.source,
        inspectedOn: inspections.inspectedOn,
        scoreBp: inspections.scoreBp,
        inspectorConfirmedAt: inspections.inspectorConfirmedAt,
        enterpriseAcknowledgedAt: inspections.enterpriseAcknowledgedAt,
        draftHazards: inspections.draftHazards,
        hazardCount,
      })
      .from(inspections)
      .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, inspections.enterpriseId))
      .innerJoin(inspectorOrg, eq(inspectorOrg.id, inspections.inspectorOrgId))
      .where(where)
      .orderBy(desc(inspections.inspectedOn), desc(inspections.createdAt), inspections.id)
      .limit(filter.all ? EXPORT_LIMIT : limit)
      .offset(filter.all ? 0 : offset),
    db.select({ total: count() }).from(inspections).where(where),
  ]);
  return {
    rows: rows.map(({ draftHazards, hazardCount: n, ...r }) => ({
      ...r,
      status: confirmationStatus(r),
      hazards: r.inspectorConfirmedAt ? Number(n) : draftHazards.length,
    })),
    total,
    page,
    pageSize: limit,
  };
}

const confirmer = alias(users, "confirmer");
const acknowledger = alias(users, "acknowledger");

/** One inspection with what its page and report show, or 404 when the actor may not see it. */
export async function getInspection(db: DbOrTx, actor: InspectionActor, inspectionId: string, today: IsoDate) {
  const [found] = await db
    .select({
      inspection: inspections,
      enterpriseName: enterpriseOrg.name,
      enterpriseUscc: enterpriseOrg.uscc,
      inspectorOrgName: inspectorOrg.name,
      confirmedByName: confirmer.name,
      acknowledgedByName: acknowledger.name,
    })
    .from(inspections)
    .innerJoin(enterpriseOrg, eq(enterpriseOrg.id, inspections.enterpriseId))
    .innerJoin(inspectorOrg, eq(inspectorOrg.id, inspections.inspectorOrgId))
    .leftJoin(confirmer, eq(confirmer.id, inspections.inspectorConfirmedByUserId))
    .leftJoin(acknowledger, eq(acknowledger.id, inspections.enterpriseAcknowledgedByUserId))
    .where(and(eq(inspections.id, inspectionId), visibleTo(actor, today)));
  if (!found) throw notFound();
  const i = found.inspection;
  const photos = await db
    .select({ id: files.id, name: files.originalName, caption: inspectionPhotos.caption })
    .from(inspectionPhotos)
    .innerJoin(files, eq(files.id, inspectionPhotos.fileId))
    .where(eq(inspectionPhotos.inspectionId, i.id))
    .orderBy(files.createdAt, files.id);
  const recorded = i.inspectorConfirmedAt
    ? await db
        .select({
          id: hazards.id,
          itemKey: hazards.itemKey,
          grade: hazards.grade,
          description: hazards.description,
          location: hazards.location,
          responsiblePerson: hazards.responsiblePerson,
          deadline: hazards.deadline,
          status: hazards.status,
          reportedToBureauId: hazards.reportedToBureauId,
          reportedAt: hazards.reportedAt,
        })
        .from(hazards)
        .where(eq(hazards.inspectionId, i.id))
        .orderBy(hazards.createdAt, hazards.id)
    : [];
  const hazardPhotoIds = recorded.length
    ? await db
        .select({ hazardId: sql<string>`hazard_id`, fileId: sql<string>`file_id` })
        .from(sql`hazard_files`)
        .where(
          and(
            inArray(
              sql`hazard_id`,
              recorded.map((h) => h.id),
            ),
            sql`role = 'photo'`,
          ),
        )
    : [];
  const isInspector = i.inspectorOrgId === actor.orgId;
  const isEnterprise = i.enterpriseId === actor.orgId;
  const status = confirmationStatus(i);
  const candidates =
    i.template && !i.inspectorConfirmedAt
      ? scoreAnswers(i.template, i.answers).failures.filter((f) => !i.draftHazards.some((h) => h.itemKey === f.itemKey))
      : [];
  return {
    inspection: i,
    status,
    enterpriseName: found.enterpriseName,
    enterpriseUscc: found.enterpriseUscc,
    inspectorOrgName: found.inspectorOrgName,
    confirmedByName: found.confirmedByName,
    acknowledgedByName: found.acknowledgedByName,
    photos,
    hazards: recorded.map((h) => ({
      ...h,
      photoIds: hazardPhotoIds.filter((p) => p.hazardId === h.id).map((p) => p.fileId),
    })),
    draftHazards: i.inspectorConfirmedAt ? [] : i.draftHazards,
    candidates,
    failedItemKeys: i.template
      ? templateItems(i.template)
          .filter((item) => isFailure(item, i.answers[item.key]))
          .map((item) => item.key)
      : [],
    may: {
      edit: isInspector && findingsEditable(i),
      confirm: isInspector && mayConfirm(i, "inspector_confirm").ok,
      acknowledge: isEnterprise && mayConfirm(i, "enterprise_acknowledge").ok,
    },
  };
}

export type InspectionView = Awaited<ReturnType<typeof getInspection>>;

/**
 * A photo of an inspection, for whoever may see the inspection (its own rule: the enterprise's
 * records rule or its author), not only the uploader and the inspected enterprise.
 */
export async function inspectionPhotoFor(
  db: DbOrTx,
  actor: InspectionActor,
  params: { inspectionId: string; fileId: string; today: IsoDate },
) {
  const [row] = await db
    .select({ file: files })
    .from(inspectionPhotos)
    .innerJoin(files, eq(files.id, inspectionPhotos.fileId))
    .innerJoin(inspections, eq(inspections.id, inspectionPhotos.inspectionId))
    .where(
      and(
        eq(inspectionPhotos.inspectionId, params.inspectionId),
        eq(inspectionPhotos.fileId, params.fileId),
        visibleTo(actor, params.today),
      ),
    );
  if (!row) throw notFound();
  return row.file;
}
