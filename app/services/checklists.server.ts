import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { checklistTemplates } from "../../db/schema";
import {
  BUILT_IN_CHECKLIST_TEMPLATES,
  builtInTemplate,
  templateItems,
  templateProblems,
  type ChecklistTemplate,
} from "../domain/checklist-templates";
import { AppError, notFound } from "../utils/errors";

/**
 * Checklist templates (issue 8): the five built-ins (app/domain/data/checklist-templates.ts),
 * readable by everyone, and each organisation's editable copies (checklist_templates), which
 * only that organisation reads or changes. An inspection copies the template it used, so
 * editing or archiving a copy never changes a record.
 */

export type ChecklistActor = { orgId: string; userId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function builtInSummaries() {
  return BUILT_IN_CHECKLIST_TEMPLATES.map((t) => ({
    key: t.key,
    zh: t.zh,
    en: t.en,
    sections: t.sections.length,
    items: templateItems(t).length,
  }));
}

/** The organisation's copies, newest first; archived ones last. */
export async function listOwnTemplates(db: DbOrTx, orgId: string) {
  const rows = await db
    .select()
    .from(checklistTemplates)
    .where(eq(checklistTemplates.ownerOrgId, orgId))
    .orderBy(desc(checklistTemplates.updatedAt), checklistTemplates.id);
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      basedOnKey: r.basedOnKey,
      archived: r.archivedAt !== null,
      items: templateItems(r.body).length,
      updatedAt: r.updatedAt,
    }))
    .sort((a, b) => Number(a.archived) - Number(b.archived));
}

export async function getOwnTemplate(db: DbOrTx, orgId: string, id: string) {
  if (!UUID.test(id)) throw notFound();
  const [row] = await db
    .select()
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.id, id), eq(checklistTemplates.ownerOrgId, orgId)));
  if (!row) throw notFound();
  return row;
}

/** Makes an editable copy of a built-in template (or of one of the organisation's own copies). */
export async function copyTemplate(db: DbOrTx, actor: ChecklistActor, input: { from: string; now: Date }) {
  const builtIn = builtInTemplate(input.from);
  const source = builtIn
    ? { body: builtIn, basedOnKey: builtIn.key, name: builtIn.zh }
    : await getOwnTemplate(db, actor.orgId, input.from).then((r) => ({
        body: r.body,
        basedOnKey: r.basedOnKey,
        name: r.name,
      }));
  const body: ChecklistTemplate = structuredClone(source.body);
  const [row] = await db
    .insert(checklistTemplates)
    .values({
      ownerOrgId: actor.orgId,
      basedOnKey: source.basedOnKey,
      name: `${source.name}（副本）`,
      body: { ...body, key: `copy-of-${source.basedOnKey ?? "custom"}`, version: 1 },
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  return row!;
}

/** Saves an edited copy; a template with problems (templateProblems) is refused whole (422). */
export async function saveTemplate(
  db: DbOrTx,
  actor: ChecklistActor,
  input: { id: string; name: string; body: ChecklistTemplate; now: Date },
) {
  const current = await getOwnTemplate(db, actor.orgId, input.id);
  if (current.archivedAt) throw new AppError(409, "template_archived", "inspections.template_archived");
  const problems = templateProblems(input.body);
  if (problems.length) {
    throw new AppError(422, "template_invalid", "inspections.template_invalid", { problems: problems.join(", ") });
  }
  const [row] = await db
    .update(checklistTemplates)
    .set({
      name: input.name,
      body: { ...input.body, zh: input.name, version: current.body.version + 1 },
      updatedAt: input.now,
    })
    .where(and(eq(checklistTemplates.id, input.id), eq(checklistTemplates.ownerOrgId, actor.orgId)))
    .returning();
  return row!;
}

export async function archiveTemplate(db: DbOrTx, actor: ChecklistActor, input: { id: string; now: Date }) {
  await getOwnTemplate(db, actor.orgId, input.id);
  await db
    .update(checklistTemplates)
    .set({ archivedAt: input.now, updatedAt: input.now })
    .where(
      and(
        eq(checklistTemplates.id, input.id),
        eq(checklistTemplates.ownerOrgId, actor.orgId),
        isNull(checklistTemplates.archivedAt),
      ),
    );
}

/** The templates an inspection may use: the built-ins and the organisation's copies in use. */
export async function templateChoices(db: DbOrTx, orgId: string) {
  const own = await db
    .select({ id: checklistTemplates.id, name: checklistTemplates.name })
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.ownerOrgId, orgId), isNull(checklistTemplates.archivedAt)))
    .orderBy(checklistTemplates.name);
  return [
    ...BUILT_IN_CHECKLIST_TEMPLATES.map((t) => ({ value: t.key, zh: t.zh, en: t.en })),
    ...own.map((t) => ({ value: t.id, zh: t.name, en: t.name })),
  ];
}

/**
 * A template key as a form or the API sends it: a built-in key, or the id of one of the
 * organisation's own copies (not archived). Anything else is a 422 naming the field.
 */
export async function resolveTemplate(db: DbOrTx, orgId: string, key: string): Promise<ChecklistTemplate> {
  const builtIn = builtInTemplate(key);
  if (builtIn) return builtIn;
  if (UUID.test(key)) {
    const [row] = await db
      .select()
      .from(checklistTemplates)
      .where(
        and(
          eq(checklistTemplates.id, key),
          eq(checklistTemplates.ownerOrgId, orgId),
          isNull(checklistTemplates.archivedAt),
        ),
      );
    if (row) return { ...row.body, key: row.id, zh: row.name };
  }
  throw new AppError(422, "unknown_template", "inspections.unknown_template");
}
