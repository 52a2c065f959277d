import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUILT_IN_CHECKLIST_TEMPLATES,
  builtInTemplate,
  scoreAnswers,
  templateItems,
  templateProblems,
  validateAnswers,
  type ChecklistTemplate,
} from "./checklist-templates";

describe("built-in templates (issue 8: general industry and trade, confined space, combustible dust, hazardous chemicals storage, fire safety)", () => {
  it("has the five sectors", () => {
    expect(BUILT_IN_CHECKLIST_TEMPLATES.map((t) => t.key)).toEqual([
      "general_industry_trade",
      "confined_space",
      "combustible_dust",
      "hazardous_chemicals_storage",
      "fire_safety",
    ]);
  });
  it.each(BUILT_IN_CHECKLIST_TEMPLATES.map((t) => [t.key, t] as const))(
    "%s: 8–20 labelled items, no problems",
    (_key, t) => {
      const items = templateItems(t);
      expect(items.length).toBeGreaterThanOrEqual(8);
      expect(items.length).toBeLessThanOrEqual(20);
      expect(templateProblems(t)).toEqual([]);
      for (const item of items) {
        expect(item.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(item.en.trim()).not.toBe("");
      }
      expect(t.zh).toMatch(/[\u4e00-\u9fff]/);
    },
  );
  it("item keys are unique across all templates (a hazard can point back to its item)", () => {
    const keys = BUILT_IN_CHECKLIST_TEMPLATES.flatMap((t) => templateItems(t).map((i) => i.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
  it("the confined-space checks follow the 2023 rules (O₂ 19.5–23.5 %, flammables ≤ 10 % LEL)", () => {
    const items = templateItems(builtInTemplate("confined_space")!);
    expect(items.find((i) => i.key === "cs-08")!.response).toEqual({
      kind: "number",
      unit: "%VOL",
      min: 19.5,
      max: 23.5,
    });
    expect(items.find((i) => i.key === "cs-09")!.response).toMatchObject({ max: 10 });
    // 先通风、再检测、后作业 and the attendant are major-hazard criteria.
    expect(
      items.filter((i) => ["cs-05", "cs-06", "cs-07"].includes(i.key)).every((i) => i.gradeIfFailed === "major"),
    ).toBe(true);
  });
});

/** A small template to check validation and scoring by hand. */
const TINY: ChecklistTemplate = {
  key: "tiny",
  version: 1,
  zh: "测试",
  en: "Test",
  sections: [
    {
      key: "s",
      zh: "段",
      en: "Section",
      items: [
        { key: "a", zh: "甲", en: "A", response: { kind: "pass_fail_na" }, required: true, gradeIfFailed: "major" },
        { key: "b", zh: "乙", en: "B", response: { kind: "pass_fail_na" }, required: false, gradeIfFailed: "general" },
        {
          key: "o2",
          zh: "氧",
          en: "O2",
          response: { kind: "number", unit: "%VOL", min: 19.5, max: 23.5 },
          required: true,
          gradeIfFailed: "general",
        },
        { key: "note", zh: "备注", en: "Note", response: { kind: "text" }, required: false, gradeIfFailed: "general" },
      ],
    },
  ],
};

describe("validateAnswers: every required item answered, types right", () => {
  const cases: Array<[string, Record<string, string | number | null>, string[]]> = [
    ["complete", { a: "pass", o2: 20.9 }, []],
    ["number typed as text", { a: "pass", o2: " 20.9 " }, []],
    ["na on a number item", { a: "na", o2: "na" }, []],
    ["required missing", { o2: 20 }, ["a:missing_required"]],
    ["blank counts as missing", { a: "  ", o2: 20 }, ["a:missing_required"]],
    ["bad choice", { a: "ok", o2: 20 }, ["a:invalid_choice"]],
    ["not a number", { a: "pass", o2: "二十" }, ["o2:not_a_number"]],
    ["infinite", { a: "pass", o2: Number.POSITIVE_INFINITY }, ["o2:not_a_number"]],
    ["number for text", { a: "pass", o2: 20, note: 5 }, ["note:not_text"]],
    ["unknown item", { a: "pass", o2: 20, zzz: "pass" }, ["zzz:unknown_item"]],
    [
      "all at once",
      { b: "maybe", zzz: 1 },
      ["zzz:unknown_item", "a:missing_required", "b:invalid_choice", "o2:missing_required"],
    ],
  ];
  it.each(cases)("%s", (_label, answers, errors) => {
    const got = validateAnswers(TINY, answers);
    if (errors.length === 0) expect(got.ok).toBe(true);
    else expect(got.ok ? [] : got.errors.map((e) => `${e.itemKey}:${e.code}`)).toEqual(errors);
  });
  it("normalises numbers and trims text", () => {
    expect(validateAnswers(TINY, { a: "fail", o2: "18", note: " 通风不良 " })).toEqual({
      ok: true,
      answers: { a: "fail", o2: 18, note: "通风不良" },
    });
  });
});

describe("scoreAnswers: score = passed ÷ applicable, failures as candidate hazards", () => {
  const cases: Array<[string, Record<string, string | number>, number | null, string[]]> = [
    ["all pass", { a: "pass", b: "pass", o2: 20.9 }, 10_000, []],
    ["one fail of three", { a: "fail", b: "pass", o2: 21 }, 6_666, ["a:major"]],
    ["out of range low", { a: "pass", o2: 18 }, 5_000, ["o2:general"]],
    ["range ends are in range", { a: "pass", o2: 23.5 }, 10_000, []],
    ["just above", { a: "pass", o2: 23.6 }, 5_000, ["o2:general"]],
    ["na is not applicable", { a: "na", b: "fail", o2: "na" }, 0, ["b:general"]],
    ["nothing applicable", { a: "na", o2: "na", note: "停产" }, null, []],
  ];
  it.each(cases)("%s", (_label, answers, scoreBp, failures) => {
    const got = scoreAnswers(TINY, answers);
    expect(got.scoreBp).toBe(scoreBp);
    expect(got.failures.map((f) => `${f.itemKey}:${f.suggestedGrade}`)).toEqual(failures);
  });

  it("property: passed + failures = applicable, and the score is their ratio, on every built-in template", () => {
    const template = fc.constantFrom(...BUILT_IN_CHECKLIST_TEMPLATES);
    fc.assert(
      fc.property(
        template,
        fc.infiniteStream(
          fc.oneof(fc.constantFrom("pass", "fail", "na"), fc.double({ min: -5, max: 50, noNaN: true })),
        ),
        (t, stream) => {
          const answers: Record<string, string | number> = {};
          const iterator = stream[Symbol.iterator]();
          for (const item of templateItems(t)) {
            const v = iterator.next().value as string | number;
            if (item.response.kind === "pass_fail_na") answers[item.key] = typeof v === "number" ? "na" : v;
            else if (item.response.kind === "number") answers[item.key] = typeof v === "number" ? v : "na";
            else answers[item.key] = "备注";
          }
          const valid = validateAnswers(t, answers);
          expect(valid.ok).toBe(true);
          if (!valid.ok) return;
          const score = scoreAnswers(t, valid.answers);
          const fails = Object.values(valid.answers).filter((v) => v === "fail").length;
          expect(score.failures.filter((f) => f.answer === "fail")).toHaveLength(fails);
          expect(score.passed + score.failures.length).toBe(score.applicable);
          if (score.applicable > 0) expect(score.scoreBp).toBe(Math.floor((score.passed * 10_000) / score.applicable));
        },
      ),
    );
  });
});

describe("templateProblems (an organisation's edited copy)", () => {
  it("finds duplicates, empty ranges, missing units and empty sections", () => {
    const bad: ChecklistTemplate = {
      ...TINY,
      sections: [
        {
          ...TINY.sections[0]!,
          items: [
            TINY.sections[0]!.items[0]!,
            TINY.sections[0]!.items[0]!,
            {
              key: "n",
              zh: "数",
              en: "N",
              response: { kind: "number", unit: " ", min: 5, max: 1 },
              required: false,
              gradeIfFailed: "general",
            },
          ],
        },
        { key: "empty", zh: "空", en: "Empty", items: [] },
      ],
    };
    expect(templateProblems(bad)).toEqual([
      "duplicate_item:a",
      "missing_unit:n",
      "empty_range:n",
      "empty_section:empty",
    ]);
  });
});
