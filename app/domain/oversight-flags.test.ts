import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hammingDistance } from "./perceptual-hash";
import {
  belowFrequencyFlags,
  DEFAULT_OVERSIGHT_CONFIG,
  haversineKm,
  impossibleTravelFlags,
  oversightFlags,
  photoReuseFlags,
  shortVisitFlags,
  type VisitForOversight,
} from "./oversight-flags";

// Real sites: 青岛市市南区 (Qingdao), 青岛西海岸新区 (Huangdao), 济南市 (Jinan), 金华市 (Jinhua).
const QINGDAO = { lat: 36.0671, lng: 120.3826 };
const HUANGDAO = { lat: 35.9606, lng: 120.1989 };
const JINAN = { lat: 36.6512, lng: 117.1201 };
const at = (iso: string) => new Date(`${iso}+08:00`);
const sha = (c: string) => c.repeat(64);

const visit = (
  visitId: string,
  enterpriseId: string,
  site: { lat: number; lng: number },
  from: string,
  to: string,
  extra: Partial<VisitForOversight> = {},
): VisitForOversight => ({
  visitId,
  enterpriseId,
  startedAt: at(from),
  endedAt: at(to),
  ...site,
  personIds: ["zhang"],
  photos: [],
  ...extra,
});

describe("haversineKm", () => {
  it("Qingdao–Jinan is about 300 km (road ~ 360 km)", () => {
    expect(haversineKm(QINGDAO, JINAN)).toBeGreaterThan(290);
    expect(haversineKm(QINGDAO, JINAN)).toBeLessThan(310);
  });
  it("one degree of latitude is about 111.2 km; a point to itself is 0", () => {
    expect(haversineKm({ lat: 30, lng: 120 }, { lat: 31, lng: 120 })).toBeCloseTo(111.2, 0);
    expect(haversineKm(QINGDAO, QINGDAO)).toBe(0);
  });
});

describe("photoReuseFlags (issue 9: same content hash, or near-identical perceptual hash)", () => {
  const photo = (photoId: string, sha256: string, dHash: string | null = null) => ({ photoId, sha256, dHash });
  const visits = [
    visit("v1", "ent-a", QINGDAO, "2026-03-02T09:00", "2026-03-02T11:00", {
      photos: [photo("p1", sha("a"), "f0f0f0f0f0f0f0f0"), photo("p1b", sha("a"))],
    }),
    visit("v2", "ent-b", HUANGDAO, "2026-03-05T09:00", "2026-03-05T11:00", {
      photos: [photo("p2", sha("A"), "f0f0f0f0f0f0f0f0")],
    }),
    visit("v3", "ent-c", JINAN, "2026-03-09T09:00", "2026-03-09T11:00", {
      photos: [photo("p3", sha("c"), "f0f0f0f0f0f0f0f3")],
    }), // 2 bits off
    visit("v4", "ent-d", JINAN, "2026-03-10T09:00", "2026-03-10T11:00", {
      photos: [photo("p4", sha("d"), "0f0f0f0f0f0f0f0f")],
    }), // far
  ];
  const flags = photoReuseFlags(visits);
  it("the same sha256 (case-insensitive) at two enterprises: identical, with both photos, visits and enterprises", () => {
    expect(flags).toContainEqual({
      kind: "photo_reused",
      match: "identical",
      photoIds: ["p1", "p1b", "p2"],
      visitIds: ["v1", "v2"],
      enterpriseIds: ["ent-a", "ent-b"],
    });
  });
  it("a dHash within the threshold: near-identical, grouped with the copies it touches", () => {
    expect(flags).toContainEqual({
      kind: "photo_reused",
      match: "near_identical",
      photoIds: ["p1", "p1b", "p2", "p3"],
      visitIds: ["v1", "v2", "v3"],
      enterpriseIds: ["ent-a", "ent-b", "ent-c"],
    });
  });
  it("an unrelated photo is not flagged", () => {
    expect(flags.some((f) => f.kind === "photo_reused" && f.photoIds.includes("p4"))).toBe(false);
    expect(flags).toHaveLength(2);
  });
  it("a distance just above the threshold is not near-identical", () => {
    const config = { ...DEFAULT_OVERSIGHT_CONFIG, photoHammingMax: 1 };
    expect(photoReuseFlags(visits.slice(1, 3), config)).toEqual([]);
  });
  it("the same photo twice within one visit is not a reuse", () => {
    expect(photoReuseFlags([visits[0]!])).toEqual([]);
  });
});

describe("photoReuseFlags — the block index finds every near pair a brute-force comparison finds", () => {
  it("each photo in a near pair across visits appears in a near_identical flag", () => {
    const base = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    fc.assert(
      fc.property(
        base,
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 63 }), { maxLength: 8 }), { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 0, max: 7 }),
        (root, flipSets, threshold) => {
          const hashes = flipSets.map((flips) =>
            flips
              .reduce((n, bit) => n ^ (1n << BigInt(bit)), root)
              .toString(16)
              .padStart(16, "0"),
          );
          const visits = hashes.map((h, i) =>
            visit(`v${i}`, `e${i}`, QINGDAO, "2026-03-02T09:00", "2026-03-02T11:00", {
              photos: [{ photoId: `p${i}`, sha256: sha(String(i % 10)) + String(i), dHash: h }],
            }),
          );
          const flagged = new Set(
            photoReuseFlags(visits, { ...DEFAULT_OVERSIGHT_CONFIG, photoHammingMax: threshold }).flatMap((f) =>
              f.kind === "photo_reused" ? f.photoIds : [],
            ),
          );
          hashes.forEach((a, i) =>
            hashes.forEach((b, j) => {
              if (i < j && hammingDistance(a, b) <= threshold)
                expect(flagged.has(`p${i}`) && flagged.has(`p${j}`)).toBe(true);
            }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("shortVisitFlags (issue 9: visits shorter than a configurable minimum)", () => {
  it.each([
    ["2026-03-02T09:00", "2026-03-02T09:29", true, 29],
    ["2026-03-02T09:00", "2026-03-02T09:30", false, 30],
    ["2026-03-02T09:00", "2026-03-02T11:00", false, 120],
  ])("%s → %s: flagged %s", (from, to, flagged, minutes) => {
    const flags = shortVisitFlags([visit("v", "e", QINGDAO, from, to)]);
    expect(flags).toEqual(flagged ? [{ kind: "short_visit", visitIds: ["v"], minutes, minimumMinutes: 30 }] : []);
  });
  it("the minimum is configurable", () => {
    expect(
      shortVisitFlags([visit("v", "e", QINGDAO, "2026-03-02T09:00", "2026-03-02T09:50")], {
        ...DEFAULT_OVERSIGHT_CONFIG,
        minVisitMinutes: 60,
      }),
    ).toHaveLength(1);
  });
});

describe("impossibleTravelFlags (issue 9: one person at two distant enterprises within an impossible travel time)", () => {
  it("Qingdao until 11:00, Jinan (≈ 300 km) at 12:00: ≈ 300 km/h → flagged with both visits", () => {
    const flags = impossibleTravelFlags([
      visit("a", "e1", QINGDAO, "2026-03-02T09:00", "2026-03-02T11:00"),
      visit("b", "e2", JINAN, "2026-03-02T12:00", "2026-03-02T14:00"),
    ]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: "impossible_travel", personId: "zhang", visitIds: ["a", "b"], hours: 1 });
    expect(flags[0]!.kind === "impossible_travel" && flags[0]!.speedKmh! > 250).toBe(true);
  });
  it("the same trip with 4 hours between is possible", () => {
    expect(
      impossibleTravelFlags([
        visit("a", "e1", QINGDAO, "2026-03-02T09:00", "2026-03-02T11:00"),
        visit("b", "e2", JINAN, "2026-03-02T15:00", "2026-03-02T17:00"),
      ]),
    ).toEqual([]);
  });
  it("overlapping visits at two distinct sites are impossible at any speed", () => {
    const flags = impossibleTravelFlags([
      visit("a", "e1", QINGDAO, "2026-03-02T09:00", "2026-03-02T11:00"),
      visit("b", "e2", HUANGDAO, "2026-03-02T10:30", "2026-03-02T12:00"),
    ]);
    expect(flags).toMatchObject([{ visitIds: ["a", "b"], speedKmh: null }]);
  });
  it("two enterprises on the same site (closer than 1 km) are not flagged; other people are not mixed up", () => {
    const next = { lat: QINGDAO.lat + 0.003, lng: QINGDAO.lng };
    expect(
      impossibleTravelFlags([
        visit("a", "e1", QINGDAO, "2026-03-02T09:00", "2026-03-02T11:00"),
        visit("b", "e2", next, "2026-03-02T11:05", "2026-03-02T12:00"),
      ]),
    ).toEqual([]);
    expect(
      impossibleTravelFlags([
        visit("a", "e1", QINGDAO, "2026-03-02T09:00", "2026-03-02T11:00"),
        visit("b", "e2", JINAN, "2026-03-02T11:30", "2026-03-02T12:00", { personIds: ["li"] }),
      ]),
    ).toEqual([]);
  });
});

describe("belowFrequencyFlags (issue 9: services below the contracted frequency)", () => {
  const item = (
    planItemId: string,
    service: "key_inspection" | "all_staff_training",
    dueDate: string,
    done: boolean,
  ) => ({ planItemId, policyId: "pol-1", service, dueDate, done });
  it("names the items due before today and not done, per policy and service", () => {
    const flags = belowFrequencyFlags(
      [
        item("k1", "key_inspection", "2026-03-31", true),
        item("k2", "key_inspection", "2026-06-30", false),
        item("k3", "key_inspection", "2026-09-30", false),
        item("t1", "all_staff_training", "2026-06-30", true),
      ],
      "2026-07-15",
    );
    expect(flags).toEqual([
      {
        kind: "below_frequency",
        policyId: "pol-1",
        service: "key_inspection",
        dueCount: 2,
        doneCount: 1,
        planItemIds: ["k2"],
      },
    ]);
  });
  it("an item due today is not yet below frequency", () => {
    expect(belowFrequencyFlags([item("k1", "key_inspection", "2026-03-31", false)], "2026-03-31")).toEqual([]);
  });
});

describe("oversightFlags", () => {
  it("collects all four kinds", () => {
    const visits = [
      visit("a", "e1", QINGDAO, "2026-03-02T09:00", "2026-03-02T09:10", {
        photos: [{ photoId: "p", sha256: sha("e") }],
      }),
      visit("b", "e2", JINAN, "2026-03-02T09:30", "2026-03-02T11:00", { photos: [{ photoId: "q", sha256: sha("e") }] }),
    ];
    const kinds = oversightFlags({
      visits,
      planItems: [{ planItemId: "k", policyId: "p", service: "key_inspection", dueDate: "2026-01-31", done: false }],
      today: "2026-03-03",
    }).map((f) => f.kind);
    expect(kinds.sort()).toEqual(["below_frequency", "impossible_travel", "photo_reused", "short_visit"]);
  });
});
