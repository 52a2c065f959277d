/**
 * Inspection checklists (检查表), issue 8: items grouped by section, each with a response type
 * (pass/fail/NA, a number with unit and acceptable range, or text) and what a failure means
 * (a candidate hazard with a suggested grade). Built-in templates for five sectors live in
 * data/checklist-templates.ts; an organisation's editable copy is a template of the same shape
 * (the service stores it as JSON and checks it with `templateProblems`).
 *
 * Scoring: score = passed ÷ applicable, in basis points. Text items and "na" answers are not
 * applicable; a number outside its range is a failure like a "fail". Every failure becomes a
 * candidate hazard that the inspector confirms, edits or drops before confirming the inspection.
 */
import { BUILT_IN_CHECKLIST_TEMPLATES } from "./data/checklist-templates";
import type { HazardGrade } from "./hazard-machine";

export type ResponseSpec =
  { kind: "pass_fail_na" } | { kind: "number"; unit: string; min?: number; max?: number } | { kind: "text" };

export type ChecklistItem = {
  /** Stable within a template: answers are keyed by it. */
  key: string;
  zh: string;
  en: string;
  response: ResponseSpec;
  /** Must be answered (a pass/fail item may be answered "na"; a number item may be answered "na"). */
  required: boolean;
  /** The failure flag: failing this item yields a candidate hazard of this suggested grade. */
  gradeIfFailed: HazardGrade;
  /** The standard or rule the item checks, shown beside it. */
  basis?: string;
};

export type ChecklistSection = { key: string; zh: string; en: string; items: ChecklistItem[] };
export type ChecklistTemplate = { key: string; version: number; zh: string; en: string; sections: ChecklistSection[] };

/** "pass" | "fail" | "na" for pass/fail items; a number or "na" for number items; a string for text items. */
export type AnswerValue = string | number;
export type Answers = Record<string, AnswerValue | null | undefined>;

export { BUILT_IN_CHECKLIST_TEMPLATES };

export function builtInTemplate(key: string): ChecklistTemplate | undefined {
  return BUILT_IN_CHECKLIST_TEMPLATES.find((t) => t.key === key);
}

export function templateItems(template: ChecklistTemplate): Array<ChecklistItem & { sectionKey: string }> {
  return template.sections.flatMap((s) => s.items.map((item) => ({ ...item, sectionKey: s.key })));
}

/** Problems in a (copied, edited) template: the service refuses to save one with any. */
export function templateProblems(template: ChecklistTemplate): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  if (template.sections.length === 0) problems.push("no_sections");
  for (const section of template.sections) {
    if (section.items.length === 0) problems.push(`empty_section:${section.key}`);
    for (const item of section.items) {
      if (keys.has(item.key)) problems.push(`duplicate_item:${item.key}`);
      keys.add(item.key);
      if (!item.zh.trim()) problems.push(`missing_label:${item.key}`);
      const r = item.response;
      if (r.kind === "number") {
        if (!r.unit.trim()) problems.push(`missing_unit:${item.key}`);
        if (r.min !== undefined && r.max !== undefined && r.min > r.max) problems.push(`empty_range:${item.key}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------- validation

export type AnswerErrorCode = "missing_required" | "unknown_item" | "invalid_choice" | "not_a_number" | "not_text";
export type AnswerError = { itemKey: string; code: AnswerErrorCode };

const CHOICES = new Set(["pass", "fail", "na"]);

function isBlank(value: AnswerValue | null | undefined): value is null | undefined | "" {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Numbers typed into a form arrive as strings ("19.8", "２０" is refused): accept plain decimals only. */
function asNumber(value: AnswerValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : null;
}

export type NormalisedAnswer = "pass" | "fail" | "na" | number | string;

/**
 * Every required item answered, every answer of the right type, no answer to an item that is
 * not in the template. Returns the answers normalised (numbers as numbers, trimmed text,
 * unanswered optional items left out) or every error at once.
 */
export function validateAnswers(
  template: ChecklistTemplate,
  answers: Answers,
): { ok: true; answers: Record<string, NormalisedAnswer> } | { ok: false; errors: AnswerError[] } {
  const errors: AnswerError[] = [];
  const out: Record<string, NormalisedAnswer> = {};
  const items = templateItems(template);
  const known = new Set(items.map((i) => i.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) errors.push({ itemKey: key, code: "unknown_item" });
  for (const item of items) {
    const value = answers[item.key];
    if (isBlank(value)) {
      if (item.required) errors.push({ itemKey: item.key, code: "missing_required" });
      continue;
    }
    const r = item.response;
    if (r.kind === "pass_fail_na") {
      if (typeof value === "string" && CHOICES.has(value.trim())) out[item.key] = value.trim();
      else errors.push({ itemKey: item.key, code: "invalid_choice" });
    } else if (r.kind === "number") {
      const n = value === "na" ? "na" : asNumber(value);
      if (n === null) errors.push({ itemKey: item.key, code: "not_a_number" });
      else out[item.key] = n;
    } else if (typeof value === "string") {
      out[item.key] = value.trim();
    } else {
      errors.push({ itemKey: item.key, code: "not_text" });
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, answers: out };
}

// ---------------------------------------------------------------- scoring

/** Whether a (normalised) answer to this item is a failure. Text and "na" never are. */
export function isFailure(item: ChecklistItem, answer: NormalisedAnswer | undefined): boolean {
  const r = item.response;
  if (r.kind === "pass_fail_na") return answer === "fail";
  if (r.kind === "number" && typeof answer === "number") {
    return (r.min !== undefined && answer < r.min) || (r.max !== undefined && answer > r.max);
  }
  return false;
}

function isApplicable(item: ChecklistItem, answer: NormalisedAnswer | undefined): boolean {
  if (item.response.kind === "pass_fail_na") return answer === "pass" || answer === "fail";
  if (item.response.kind === "number") return typeof answer === "number";
  return false;
}

export type CandidateHazard = {
  itemKey: string;
  sectionKey: string;
  /** The item's label, to pre-fill the hazard description (zh) and its English version. */
  zh: string;
  en: string;
  suggestedGrade: HazardGrade;
  answer: NormalisedAnswer;
  basis?: string;
};

export type ChecklistScore = {
  applicable: number;
  passed: number;
  /** passed ÷ applicable in basis points (10000 = all passed), rounded down; null when nothing was applicable. */
  scoreBp: number | null;
  failures: CandidateHazard[];
};

/** Scores validated answers (the output of validateAnswers). */
export function scoreAnswers(template: ChecklistTemplate, answers: Record<string, NormalisedAnswer>): ChecklistScore {
  let applicable = 0;
  const failures: CandidateHazard[] = [];
  for (const item of templateItems(template)) {
    const answer = answers[item.key];
    if (!isApplicable(item, answer)) continue;
    applicable++;
    if (isFailure(item, answer)) {
      failures.push({
        itemKey: item.key,
        sectionKey: item.sectionKey,
        zh: item.zh,
        en: item.en,
        suggestedGrade: item.gradeIfFailed,
        answer: answer!,
        ...(item.basis ? { basis: item.basis } : {}),
      });
    }
  }
  const passed = applicable - failures.length;
  return {
    applicable,
    passed,
    scoreBp: applicable === 0 ? null : Math.floor((passed * 10_000) / applicable),
    failures,
  };
}
