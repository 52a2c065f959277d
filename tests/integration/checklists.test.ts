// Checklist templates (issue 8): built-ins read as they are, an organisation's editable copies
// (copy, edit through the editor's form, refuse a broken one whole, archive), never another's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInTemplate, templateItems, type ChecklistTemplate } from "../../app/domain/checklist-templates";
import { templateFromForm } from "../../app/forms/inspection-checklist";
import {
  archiveTemplate,
  copyTemplate,
  getOwnTemplate,
  resolveTemplate,
  saveTemplate,
  templateChoices,
} from "../../app/services/checklists.server";
import { AppError } from "../../app/utils/errors";
import type { FormObject } from "../../app/utils/forms";
import { verifiedOrg } from "../factories/engagements";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T02:00:00Z");
let t: TestDb;
let mine: { orgId: string; userId: string };
let theirs: { orgId: string; userId: string };

beforeAll(async () => {
  t = await createTestDb();
  const a = await verifiedOrg(t.db, { kind: "provider", regionCode: "330702" });
  const b = await verifiedOrg(t.db, { kind: "provider", regionCode: "330702" });
  mine = { orgId: a.org.id, userId: a.user.id };
  theirs = { orgId: b.org.id, userId: b.user.id };
}, 60_000);
afterAll(async () => {
  await t?.close();
});

/** The editor's form for a template, as the page renders it (plus its blank rows). */
function formOf(template: ChecklistTemplate, name: string): FormObject {
  const form: FormObject = { name, sections: String(template.sections.length) };
  template.sections.forEach((s, si) => {
    Object.assign(form, { [`s${si}.key`]: s.key, [`s${si}.zh`]: s.zh, [`s${si}.en`]: s.en });
    form[`s${si}.items`] = String(s.items.length);
    s.items.forEach((item, ii) => {
      const p = `s${si}i${ii}`;
      const r = item.response;
      Object.assign(form, {
        [`${p}.key`]: item.key,
        [`${p}.zh`]: item.zh,
        [`${p}.en`]: item.en,
        [`${p}.kind`]: r.kind,
        [`${p}.unit`]: r.kind === "number" ? r.unit : "",
        [`${p}.min`]: r.kind === "number" && r.min !== undefined ? String(r.min) : "",
        [`${p}.max`]: r.kind === "number" && r.max !== undefined ? String(r.max) : "",
        [`${p}.grade`]: item.gradeIfFailed,
        [`${p}.basis`]: item.basis ?? "",
        ...(item.required ? { [`${p}.required`]: "yes" } : {}),
      });
    });
  });
  return form;
}

describe("checklist copies", () => {
  it("copies a built-in, edits it through the form, and keeps item keys", async () => {
    const copy = await copyTemplate(t.db, mine, { from: "confined_space", now: NOW });
    const form = formOf(copy.body, "有限空间（本公司版）");
    // Add an item to the first section, drop the second item, make the first major.
    const items = Number(form["s0.items"]);
    Object.assign(form, {
      "s0.items": String(items + 1),
      [`s0i${items}.key`]: "",
      [`s0i${items}.zh`]: "作业票当日有效",
      [`s0i${items}.kind`]: "pass_fail_na",
      [`s0i${items}.grade`]: "general",
      "s0i1.delete": "yes",
      "s0i0.grade": "major",
    });
    const parsed = templateFromForm(form, copy.body);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const saved = await saveTemplate(t.db, mine, { id: copy.id, name: parsed.name, body: parsed.body, now: NOW });
    const first = saved.body.sections[0]!;
    const original = builtInTemplate("confined_space")!.sections[0]!;
    expect(first.items.map((i) => i.key)).toEqual([
      original.items[0]!.key,
      ...original.items.slice(2).map((i) => i.key),
      "c-1",
    ]);
    expect(first.items[0]!.gradeIfFailed).toBe("major");
    expect(saved.name).toBe("有限空间（本公司版）");
    const resolved = await resolveTemplate(t.db, mine.orgId, copy.id);
    expect(templateItems(resolved)).toHaveLength(templateItems(builtInTemplate("confined_space")!).length);
  });

  it("refuses a template with problems whole, and bad numbers in the form", async () => {
    const copy = await copyTemplate(t.db, mine, { from: "general_industry_trade", now: NOW });
    const empty = await saveTemplate(t.db, mine, {
      id: copy.id,
      name: "空",
      body: { ...copy.body, sections: [] },
      now: NOW,
    }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(AppError);
    expect((empty as AppError).code).toBe("template_invalid");
    const form = formOf(copy.body, "x");
    Object.assign(form, { "s2i1.min": "9", "s2i1.max": "1e9" });
    const parsed = templateFromForm(form, copy.body);
    expect(parsed.ok ? {} : parsed.fieldErrors).toEqual({ "s2i1.max": "inspections.answer_not_a_number" });
    Object.assign(form, { "s2i1.max": "3" });
    const range = templateFromForm(form, copy.body);
    expect(range.ok ? {} : range.fieldErrors).toEqual({ "s2i1.max": "inspections.empty_range" });
    const unchanged = await getOwnTemplate(t.db, mine.orgId, copy.id);
    expect(unchanged.body).toEqual(copy.body);
  });

  it("keeps copies to their organisation and hides archived ones from new inspections", async () => {
    const copy = await copyTemplate(t.db, mine, { from: "fire_safety", now: NOW });
    await expect(getOwnTemplate(t.db, theirs.orgId, copy.id)).rejects.toMatchObject({ status: 404 });
    await expect(resolveTemplate(t.db, theirs.orgId, copy.id)).rejects.toMatchObject({ code: "unknown_template" });
    await expect(copyTemplate(t.db, theirs, { from: copy.id, now: NOW })).rejects.toMatchObject({ status: 404 });
    expect((await templateChoices(t.db, mine.orgId)).map((c) => c.value)).toContain(copy.id);
    await archiveTemplate(t.db, mine, { id: copy.id, now: NOW });
    expect((await templateChoices(t.db, mine.orgId)).map((c) => c.value)).not.toContain(copy.id);
    await expect(resolveTemplate(t.db, mine.orgId, copy.id)).rejects.toMatchObject({ code: "unknown_template" });
    await expect(saveTemplate(t.db, mine, { id: copy.id, name: "x", body: copy.body, now: NOW })).rejects.toMatchObject(
      { status: 409 },
    );
  });
});
