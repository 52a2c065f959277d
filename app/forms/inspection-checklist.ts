import type { ChecklistItem, ChecklistSection, ChecklistTemplate, ResponseSpec } from "../domain/checklist-templates";
import type { FormObject } from "../utils/forms";

/**
 * The checklist editor's form (issue 8: an organisation edits its copy of a template). Fields
 * are flat: `sections` (count), `s<i>.key|zh|en|delete|items` and `s<i>i<j>.key|zh|en|kind|unit|
 * min|max|required|grade|basis|delete`. A row with an empty label and no key is the blank
 * "add" row and is skipped; an existing item keeps its key so answers stay comparable.
 * Structural problems (no sections, empty ones, a number item without unit, min > max) are
 * the domain's `templateProblems`, checked by the service.
 */

const MAX_SECTIONS = 50;
const MAX_ITEMS = 200;
const NUMBER = /^-?\d{1,12}(\.\d{1,6})?$/;

export type ChecklistFormResult =
  { ok: true; name: string; body: ChecklistTemplate } | { ok: false; fieldErrors: Record<string, string> };

function one(raw: FormObject, name: string, errors: Record<string, string>): string {
  const v = raw[name];
  if (Array.isArray(v)) {
    errors[name] = "field_repeated";
    return "";
  }
  return (v ?? "").replaceAll("\u0000", "").trim();
}

function count(raw: FormObject, name: string, max: number, errors: Record<string, string>): number {
  const v = one(raw, name, errors);
  const n = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > max) {
    errors[name] = "invalid_input";
    return 0;
  }
  return n;
}

function text(raw: FormObject, name: string, max: number, errors: Record<string, string>): string {
  const v = one(raw, name, errors);
  if (v.length > max) errors[name] = "too_long";
  return v;
}

function optionalNumber(raw: FormObject, name: string, errors: Record<string, string>): number | undefined {
  const v = one(raw, name, errors);
  if (!v) return undefined;
  if (!NUMBER.test(v)) {
    errors[name] = "inspections.answer_not_a_number";
    return undefined;
  }
  return Number(v);
}

export function templateFromForm(raw: FormObject, base: ChecklistTemplate): ChecklistFormResult {
  const errors: Record<string, string> = {};
  const name = text(raw, "name", 100, errors);
  if (!name) errors.name = "required";
  const sectionCount = count(raw, "sections", MAX_SECTIONS, errors);
  const sections: ChecklistSection[] = [];
  let fresh = 0;
  const taken = new Set<string>();
  for (let si = 0; si < sectionCount; si++) {
    const p = `s${si}`;
    const zh = text(raw, `${p}.zh`, 100, errors);
    const existingKey = text(raw, `${p}.key`, 40, errors);
    if (one(raw, `${p}.delete`, errors) === "yes" || (!zh && !existingKey)) continue;
    if (!zh) errors[`${p}.zh`] = "required";
    const items: ChecklistItem[] = [];
    const itemCount = count(raw, `${p}.items`, MAX_ITEMS, errors);
    for (let ii = 0; ii < itemCount; ii++) {
      const q = `${p}i${ii}`;
      const label = text(raw, `${q}.zh`, 300, errors);
      const key = text(raw, `${q}.key`, 60, errors);
      if (one(raw, `${q}.delete`, errors) === "yes" || (!label && !key)) continue;
      if (!label) errors[`${q}.zh`] = "required";
      const kind = one(raw, `${q}.kind`, errors);
      let response: ResponseSpec;
      if (kind === "number") {
        const min = optionalNumber(raw, `${q}.min`, errors);
        const max = optionalNumber(raw, `${q}.max`, errors);
        response = {
          kind: "number",
          unit: text(raw, `${q}.unit`, 20, errors),
          ...(min !== undefined ? { min } : {}),
          ...(max !== undefined ? { max } : {}),
        };
        if (!response.unit) errors[`${q}.unit`] = "required";
        if (min !== undefined && max !== undefined && min > max) errors[`${q}.max`] = "inspections.empty_range";
      } else if (kind === "text") {
        response = { kind: "text" };
      } else if (kind === "pass_fail_na") {
        response = { kind: "pass_fail_na" };
      } else {
        errors[`${q}.kind`] = "invalid_input";
        response = { kind: "pass_fail_na" };
      }
      const grade = one(raw, `${q}.grade`, errors);
      if (grade !== "general" && grade !== "major") errors[`${q}.grade`] = "inspections.grade_invalid";
      let itemKey = key;
      if (!itemKey || taken.has(itemKey)) {
        do itemKey = `c-${++fresh}`;
        while (taken.has(itemKey) || base.sections.some((s) => s.items.some((i) => i.key === itemKey)));
      }
      taken.add(itemKey);
      const basis = text(raw, `${q}.basis`, 200, errors);
      items.push({
        key: itemKey,
        zh: label,
        en: text(raw, `${q}.en`, 300, errors) || label,
        response,
        required: one(raw, `${q}.required`, errors) === "yes",
        gradeIfFailed: grade === "major" ? "major" : "general",
        ...(basis ? { basis } : {}),
      });
    }
    sections.push({
      key: existingKey || `sec-${si + 1}-${sections.length + 1}`,
      zh,
      en: text(raw, `${p}.en`, 100, errors) || zh,
      items,
    });
  }
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  return { ok: true, name, body: { ...base, zh: name, sections } };
}
