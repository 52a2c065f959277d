import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom, shuffled } from "./seeded-random";
import {
  drawExperts,
  EXPERT_SPECIALTIES,
  EXPERT_SPECIALTY_LABELS,
  exclusionReason,
  type DrawTask,
  type ExpertProfile,
} from "./expert-draw";

const expert = (id: string, over: Partial<ExpertProfile> = {}): ExpertProfile => ({
  id,
  specialties: ["hazardous_chemicals"],
  regions: ["330700"],
  industries: [],
  title: "senior",
  safetyEngineerLevel: "intermediate",
  active: true,
  unavailable: [],
  employerOrgId: null,
  declaredConflictOrgIds: [],
  ...over,
});

const task = (over: Partial<DrawTask> = {}): DrawTask => ({
  specialty: "hazardous_chemicals",
  regionCode: "330702",
  industryCode: "26",
  from: "2026-06-01",
  to: "2026-06-02",
  inspectedOrgId: "ent-1",
  providersServingInspected: ["prov-A"],
  count: 2,
  seed: "2026-06-draw-17",
  ...over,
});

describe('exclusions (domain.md "Experts": never one tied to the party concerned)', () => {
  const cases: Array<[string, Partial<ExpertProfile>, Partial<DrawTask>, string | null]> = [
    ["eligible", {}, {}, null],
    ["employed by the inspected enterprise", { employerOrgId: "ent-1" }, {}, "employed_by_inspected"],
    ["employed by a provider serving it", { employerOrgId: "prov-A" }, {}, "employed_by_serving_provider"],
    ["employed by another provider", { employerOrgId: "prov-B" }, {}, null],
    ["declared a conflict", { declaredConflictOrgIds: ["ent-1"] }, {}, "declared_conflict"],
    ["paused", { active: false }, {}, "inactive"],
    ["other specialty", { specialties: ["mining"] }, {}, "specialty"],
    ["serves Hangzhou only", { regions: ["330100"] }, {}, "region"],
    ["serves the whole province", { regions: ["330000"] }, {}, null],
    ["serves the same county", { regions: ["330702"] }, {}, null],
    ["county expert for a city-wide task", { regions: ["330781"] }, { regionCode: "330700" }, null],
    ["knows other industries only", { industries: ["33"] }, {}, "industry"],
    ["knows this industry", { industries: ["25", "26"] }, {}, null],
    ["away on the second day", { unavailable: [{ from: "2026-06-02", to: "2026-06-10" }] }, {}, "unavailable"],
    ["away the day before", { unavailable: [{ from: "2026-05-20", to: "2026-05-31" }] }, {}, null],
    ["already drawn (redraw)", {}, { excludeExpertIds: ["x"] }, "excluded"],
    ["a tie wins over other reasons", { employerOrgId: "ent-1", active: false }, {}, "employed_by_inspected"],
  ];
  it.each(cases)("%s", (_label, profile, taskOver, reason) => {
    expect(exclusionReason(expert("x", profile), task(taskOver))).toBe(reason);
  });
});

describe("drawExperts", () => {
  const pool = [
    expert("e01"),
    expert("e02", { employerOrgId: "prov-A" }),
    expert("e03"),
    expert("e04", { specialties: ["fire"] }),
    expert("e05"),
    expert("e06", { declaredConflictOrgIds: ["ent-1"] }),
  ];
  it("draws from the eligible only and reports the excluded with reasons", () => {
    const got = drawExperts(pool, task());
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.eligibleCount).toBe(3);
    expect(got.drawn).toHaveLength(2);
    for (const id of got.drawn) expect(["e01", "e03", "e05"]).toContain(id);
    expect(got.excluded).toEqual([
      { id: "e02", reason: "employed_by_serving_provider" },
      { id: "e04", reason: "specialty" },
      { id: "e06", reason: "declared_conflict" },
    ]);
  });
  it("says how many were eligible when the draw cannot be filled", () => {
    expect(drawExperts(pool, task({ count: 4 }))).toMatchObject({
      ok: false,
      code: "not_enough_eligible",
      eligibleCount: 3,
      needed: 4,
    });
  });
  it("refuses a count below one", () => {
    expect(drawExperts(pool, task({ count: 0 }))).toEqual({ ok: false, code: "invalid_count" });
  });

  it("property: reproducible from the seed whatever the pool's order, never a tied or ineligible expert, no one twice", () => {
    const arbPool = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^x[0-9a-f]{4}$/),
        employer: fc.constantFrom(null, "ent-1", "prov-A", "prov-B"),
        conflict: fc.boolean(),
        specialty: fc.constantFrom(...EXPERT_SPECIALTIES),
        active: fc.boolean(),
      }),
      { selector: (e) => e.id, maxLength: 40 },
    );
    fc.assert(
      fc.property(arbPool, fc.integer({ min: 1, max: 6 }), fc.string(), fc.string(), (raw, count, seed, orderSeed) => {
        const profiles = raw.map((r) =>
          expert(r.id, {
            employerOrgId: r.employer,
            declaredConflictOrgIds: r.conflict ? ["ent-1"] : [],
            specialties: [r.specialty],
            active: r.active,
          }),
        );
        const t = task({ count, seed });
        const a = drawExperts(profiles, t);
        expect(drawExperts(shuffled(profiles, seededRandom(orderSeed)), t)).toEqual(a);
        const eligible = profiles.filter((p) => exclusionReason(p, t) === null).map((p) => p.id);
        if (!a.ok) {
          expect(a).toMatchObject({ code: "not_enough_eligible", eligibleCount: eligible.length });
          return;
        }
        expect(new Set(a.drawn).size).toBe(count);
        for (const id of a.drawn) expect(eligible).toContain(id);
      }),
    );
  });
});

it("every specialty has a Chinese and an English label", () => {
  for (const s of EXPERT_SPECIALTIES) {
    expect(EXPERT_SPECIALTY_LABELS[s].zh).toMatch(/[\u4e00-\u9fff]/);
    expect(EXPERT_SPECIALTY_LABELS[s].en).not.toBe("");
  }
});

describe("industryOverlaps (decision 021): equal codes, or a section and one of its divisions", () => {
  it.each([
    ["C", "33", true],
    ["33", "C", true],
    ["33", "33", true],
    ["3311", "33", true],
    ["C", "F", false],
    ["33", "47", false],
    ["F", "33", false],
  ])("%s ~ %s → %s", async (a, b, expected) => {
    const { industryOverlaps } = await import("./expert-draw");
    expect(industryOverlaps(a, b)).toBe(expected);
  });
  it("an expert of section C is eligible for a division 33 task", () => {
    expect(exclusionReason(expert("x", { industries: ["C"] }), task({ industryCode: "33" }))).toBeNull();
    expect(exclusionReason(expert("x", { industries: ["F"] }), task({ industryCode: "33" }))).toBe("industry");
  });
});
