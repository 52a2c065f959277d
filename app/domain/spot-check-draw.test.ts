import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shuffled, seededRandom } from "./seeded-random";
import {
  clawBackAmount,
  drawSpotChecks,
  publishSpotCheckList,
  sampleSize,
  spotCheckEvaluation,
  type CheckerCandidate,
  type SampledEngagement,
} from "./spot-check-draw";

const engagementsOf = (n: number): SampledEngagement[] =>
  Array.from({ length: n }, (_, i) => ({
    engagementId: `eng${String(i).padStart(3, "0")}`,
    enterpriseId: `ent${i % 7}`,
    providerId: `prov${i % 3}`,
  }));
const checkersOf = (n: number, tied: (i: number) => string[] = () => []): CheckerCandidate[] =>
  Array.from({ length: n }, (_, i) => ({ id: `chk${i}`, pool: i % 2 ? "expert" : "staff", tiedOrgIds: tied(i) }));

describe("sample size: a percentage, at least one, rounded up (issue 10; domain.md: at least 15 %)", () => {
  it.each([
    [0, 1500, 0],
    [1, 1500, 1],
    [6, 1500, 1], // 0.9 → 1
    [7, 1500, 2], // 1.05 → 2
    [20, 1500, 3],
    [100, 1500, 15],
    [101, 1500, 16], // 15.15 → 16
    [3, 10_000, 3],
    [3, 1, 1],
  ])("%i subsidised engagements at %i bp → %i", (population, rate, expected) => {
    expect(sampleSize(population, rate)).toBe(expected);
  });
  it("refuses a rate of 0 or above 100 %", () => {
    expect(() => sampleSize(10, 0)).toThrow(/rate/);
    expect(() => sampleSize(10, 10_001)).toThrow(/rate/);
  });
});

describe("the draw", () => {
  const engagements = engagementsOf(40);
  const checkers = checkersOf(8, (i) => (i < 3 ? [`prov${i}`] : i === 3 ? ["ent0", "ent1"] : []));

  it("is reproducible from its seed, whatever order the inputs come in", () => {
    const a = drawSpotChecks({ seed: "2026-H2-金华", engagements, checkers });
    const b = drawSpotChecks({
      seed: "2026-H2-金华",
      engagements: shuffled(engagements, seededRandom("x")),
      checkers: [...checkers].reverse(),
    });
    expect(b).toEqual(a);
    expect(a.items).toHaveLength(6); // ceil(40 × 15 %)
    expect(drawSpotChecks({ seed: "another seed", engagements, checkers }).items).not.toEqual(a.items);
  });

  it("property: the right number of distinct engagements, distinct checkers, never one tied to the provider or the enterprise", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.array(fc.constantFrom("prov0", "prov1", "prov2", "ent0", "ent3", "ent5"), { maxLength: 3 }), {
          maxLength: 12,
        }),
        (seed, n, rateBp, ties) => {
          const population = engagementsOf(n);
          const pool = checkersOf(ties.length, (i) => ties[i]!);
          const draw = drawSpotChecks({ seed, engagements: population, checkers: pool, rateBp });
          expect(draw.items).toHaveLength(sampleSize(n, rateBp));
          expect(new Set(draw.items.map((i) => i.engagementId)).size).toBe(draw.items.length);
          for (const item of draw.items) {
            expect(new Set(item.checkerIds).size).toBe(item.checkerIds.length);
            expect(item.checkerIds.length).toBeLessThanOrEqual(2);
            for (const id of item.checkerIds) {
              const tied = pool.find((c) => c.id === id)!.tiedOrgIds;
              expect(tied).not.toContain(item.providerId);
              expect(tied).not.toContain(item.enterpriseId);
            }
            const eligible = pool.filter(
              (c) => !c.tiedOrgIds.includes(item.providerId) && !c.tiedOrgIds.includes(item.enterpriseId),
            );
            expect(item.checkerIds.length).toBe(Math.min(2, eligible.length));
            expect(draw.understaffed.includes(item.engagementId)).toBe(eligible.length < 2);
          }
        },
      ),
    );
  });

  it("every engagement has the same chance (2,000 seeded draws of 2 out of 10, each drawn 400 ± 80 times)", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const item of drawSpotChecks({
        seed: `s${i}`,
        engagements: engagementsOf(10),
        checkers: checkersOf(4),
        rateBp: 2000,
      }).items) {
        counts.set(item.engagementId, (counts.get(item.engagementId) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(10);
    for (const count of counts.values()) expect(Math.abs(count - 400)).toBeLessThanOrEqual(80);
  });

  it("spreads the visits: 10 engagements × 2 checkers over 4 free checkers is 5 visits each", () => {
    const draw = drawSpotChecks({
      seed: "load",
      engagements: engagementsOf(10),
      checkers: checkersOf(4),
      rateBp: 10_000,
    });
    const load = new Map<string, number>();
    for (const id of draw.items.flatMap((i) => i.checkerIds)) load.set(id, (load.get(id) ?? 0) + 1);
    expect([...load.values()]).toEqual([5, 5, 5, 5]);
  });

  it("names the engagements nobody free can check", () => {
    const draw = drawSpotChecks({ seed: "s", engagements: engagementsOf(1), checkers: checkersOf(3, () => ["prov0"]) });
    expect(draw.understaffed).toEqual(["eng000"]);
    expect(draw.items[0]!.checkerIds).toEqual([]);
  });

  it("refuses a draw without a seed", () => {
    expect(() => drawSpotChecks({ seed: "", engagements, checkers })).toThrow(/seed/);
  });
});

describe("results, claw-back and the published list", () => {
  it.each([
    ["passed", 400_000, undefined, 0],
    ["findings_corrected", 400_000, undefined, 0],
    ["pending", 400_000, undefined, 0],
    ["failed", 400_000, undefined, 400_000],
    ["failed", 400_001, 5000, 200_000], // half of 4,000.01 yuan, floored to the fen
    ["failed", 0, undefined, 0],
  ] as const)("%s on %i fen (share %s bp) → claw back %i fen", (result, disbursedFen, shareBp, expected) => {
    expect(clawBackAmount({ result, disbursedFen, shareBp })).toBe(expected);
  });

  it("feeds the provider's credit grade: failed → fail, passed or corrected → pass", () => {
    expect(["pending", "passed", "findings_corrected", "failed"].map((r) => spotCheckEvaluation(r as never))).toEqual([
      null,
      "pass",
      "pass",
      "fail",
    ]);
  });

  it("publishes names, the seed and the population, results pending until recorded", () => {
    const draw = drawSpotChecks({
      seed: "pub",
      engagements: engagementsOf(3),
      checkers: checkersOf(2),
      rateBp: 10_000,
    });
    const names = new Map([
      ["ent0", "金华市华丰五金厂"],
      ["prov0", "浙江安泰安全技术服务有限公司"],
      ["chk0", "王建国"],
      ["chk1", "李敏"],
    ]);
    const list = publishSpotCheckList({
      draw,
      drawnOn: "2026-11-28",
      year: 2026,
      names,
      results: new Map([["eng000", "passed"]]),
    });
    expect(list.title.zh).toBe("2026年度安全生产社会化服务补助项目“双随机”抽查名单");
    expect(list).toMatchObject({ seed: "pub", populationSize: 3, rateBp: 10_000 });
    expect(list.rows[0]).toMatchObject({
      enterprise: "金华市华丰五金厂",
      provider: "浙江安泰安全技术服务有限公司",
      result: "passed",
    });
    expect(list.rows[0]!.checkers.sort()).toEqual(["李敏", "王建国"]);
    expect(list.rows[1]!.result).toBe("pending");
  });
});
