import { describe, expect, it } from "vitest";
import type { QualificationFacts } from "./listing-visibility";
import {
  assessProvider,
  bayesianRating,
  rankProviders,
  staticScore,
  type MatchCandidate,
  type MatchNeed,
} from "./matching";

// docs/domain.md, "Matching": rank by category, region, industry fit, qualification
// validity, credit grade, rating and price, and show why.
const TODAY = "2025-06-15";
const WUCHENG = "330702"; // 婺城区, 金华市
const JINDONG = "330703"; // 金东区, 金华市
const JINHUA = "330700";
const ZHEJIANG = "330000";
const HANGZHOU_SHANGCHENG = "330102";

const qual = (over: Partial<QualificationFacts> = {}): QualificationFacts => ({
  type: "safety_assessment",
  status: "verified",
  validFrom: "2022-07-01",
  validTo: "2027-06-30",
  ...over,
});

const candidate = (id: string, over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  providerId: id,
  categories: ["consulting", "assessment"],
  regionCodes: [WUCHENG],
  industryCodes: [],
  creditGrade: "B",
  reviewCount: 10,
  ratingSum: 45,
  verified: true,
  qualifications: [qual()],
  priceFen: null,
  ...over,
});

const order = (need: MatchNeed, cs: MatchCandidate[]) => rankProviders(need, cs, TODAY).map((r) => r.providerId);

describe("Bayesian rating (prior m = 4.0, C = 10)", () => {
  it("1 review of 5★ does not beat 40 reviews averaging 4.8★", () => {
    expect(bayesianRating(1, 5)).toBeCloseTo(4.09, 2);
    expect(bayesianRating(40, 192)).toBeCloseTo(4.64, 2);
    const one = candidate("one-5star", { reviewCount: 1, ratingSum: 5 });
    const forty = candidate("forty-4.8", { reviewCount: 40, ratingSum: 192 });
    expect(order({ category: "consulting", regionCode: WUCHENG }, [one, forty])).toEqual(["forty-4.8", "one-5star"]);
  });

  it("no reviews sits at the prior, between bad and good track records", () => {
    expect(bayesianRating(0, 0)).toBe(4);
    expect(bayesianRating(30, 60)).toBeLessThan(4);
    expect(bayesianRating(30, 147)).toBeGreaterThan(4);
  });
});

describe("hard rules exclude", () => {
  it("a provider that does not offer the category", () => {
    const a = assessProvider({ category: "testing" }, candidate("x"), TODAY);
    expect(a).toMatchObject({ eligible: false, exclusion: { code: "category_not_offered" } });
  });

  it("a provider serving another city", () => {
    const a = assessProvider({ regionCode: WUCHENG }, candidate("x", { regionCodes: [HANGZHOU_SHANGCHENG] }), TODAY);
    expect(a).toMatchObject({
      eligible: false,
      exclusion: { code: "region_not_served", params: { region: "婺城区" } },
    });
  });

  it("a licensed category (安全评价) without an in-force qualification, naming the expiry", () => {
    const expired = candidate("x", { qualifications: [qual({ validTo: "2025-06-14" })] });
    expect(assessProvider({ category: "assessment" }, expired, TODAY)).toMatchObject({
      eligible: false,
      exclusion: { code: "qualification_required", params: { expiredOn: "2025-06-14" } },
    });
    const pending = candidate("y", { qualifications: [qual({ status: "pending" })] });
    expect(assessProvider({ category: "assessment" }, pending, TODAY)).toMatchObject({ eligible: false });
  });

  it("rankProviders leaves the excluded out", () => {
    const ok = candidate("ok");
    const elsewhere = candidate("elsewhere", { regionCodes: [HANGZHOU_SHANGCHENG] });
    expect(order({ category: "assessment", regionCode: WUCHENG }, [elsewhere, ok])).toEqual(["ok"]);
  });
});

describe("region fit: a city includes its counties", () => {
  const need = { regionCode: WUCHENG };
  it("serving the county itself beats serving the whole city, which beats nothing", () => {
    const county = candidate("county", { regionCodes: [WUCHENG] });
    const city = candidate("city", { regionCodes: [JINHUA] });
    const province = candidate("province", { regionCodes: [ZHEJIANG] });
    expect(order(need, [province, city, county])).toEqual(["county", "city", "province"]);
  });

  it("a need for a city finds a provider serving one of its counties, as a partial fit", () => {
    const r = rankProviders({ regionCode: JINHUA }, [candidate("jd", { regionCodes: [JINDONG] })], TODAY)[0];
    expect(r.reasons[0]).toEqual({ code: "serves_part_of_region", params: { region: "金华市", parts: "金东区" } });
  });

  it("says which area covers the place", () => {
    const r = rankProviders(need, [candidate("city", { regionCodes: [JINHUA] })], TODAY)[0];
    expect(r.reasons[0]).toEqual({ code: "serves_region", params: { region: "婺城区", via: "金华市" } });
  });
});

describe("qualification, grade, industry and price", () => {
  it("an in-force qualification covering an unlicensed category scores; an expired one costs", () => {
    const valid = candidate("valid", { qualifications: [qual({ type: "registered_safety_engineer" })] });
    const none = candidate("none", { qualifications: [] });
    const expired = candidate("expired", {
      qualifications: [qual({ type: "registered_safety_engineer", validTo: "2024-12-31" })],
    });
    expect(order({ category: "consulting" }, [expired, none, valid])).toEqual(["valid", "none", "expired"]);
  });

  it("grades order A > B > ungraded newcomer > C > D", () => {
    const cs = (["D", "C", null, "B", "A"] as const).map((g) => candidate(`g-${g ?? "none"}`, { creditGrade: g }));
    expect(order({}, cs)).toEqual(["g-A", "g-B", "g-none", "g-C", "g-D"]);
  });

  it("industry: the division beats its section, which beats a generalist, which beats another industry", () => {
    const cs = [
      candidate("other", { industryCodes: ["B"] }),
      candidate("general", { industryCodes: [] }),
      candidate("section", { industryCodes: ["C"] }),
      candidate("division", { industryCodes: ["26"] }),
    ];
    expect(order({ industryCode: "26" }, cs)).toEqual(["division", "section", "general", "other"]);
  });

  it("price within budget beats near it, which beats over it", () => {
    const cs = [
      candidate("over", { priceFen: 1_500_000 }),
      candidate("near", { priceFen: 1_100_000 }),
      candidate("within", { priceFen: 900_000 }),
    ];
    expect(order({ budgetFen: 1_000_000 }, cs)).toEqual(["within", "near", "over"]);
  });
});

describe("golden case: a 安全评价 need in 婺城区, chemical industry (26), budget ¥30,000", () => {
  const need: MatchNeed = { category: "assessment", regionCode: WUCHENG, industryCode: "26", budgetFen: 3_000_000 };
  const cs = [
    candidate("p-star-newcomer", {
      creditGrade: null,
      reviewCount: 1,
      ratingSum: 5,
      industryCodes: ["26"],
      priceFen: 2_000_000,
    }),
    candidate("p-solid-A", {
      creditGrade: "A",
      reviewCount: 40,
      ratingSum: 192,
      regionCodes: [JINHUA],
      industryCodes: ["C"],
      priceFen: 2_800_000,
    }),
    candidate("p-expired", {
      creditGrade: "A",
      reviewCount: 80,
      ratingSum: 392,
      qualifications: [qual({ validTo: "2025-01-31" })],
    }),
    candidate("p-hangzhou", { creditGrade: "A", regionCodes: [HANGZHOU_SHANGCHENG] }),
    candidate("p-pricey-B", {
      creditGrade: "B",
      reviewCount: 12,
      ratingSum: 54,
      industryCodes: ["26"],
      priceFen: 4_500_000,
    }),
    candidate("p-unverified-C", {
      creditGrade: "C",
      verified: false,
      reviewCount: 3,
      ratingSum: 12,
      priceFen: 2_500_000,
    }),
  ];

  it("ranks and excludes as expected", () => {
    expect(order(need, cs)).toEqual(["p-solid-A", "p-star-newcomer", "p-pricey-B", "p-unverified-C"]);
  });

  it("explains the leader: serves 婺城区 (via 金华市), qualification valid to 2027-06, grade A", () => {
    const [leader] = rankProviders(need, cs, TODAY);
    expect(leader.reasons).toEqual([
      { code: "serves_region", params: { region: "婺城区", via: "金华市" } },
      { code: "qualification_valid", params: { type: "safety_assessment", until: "2027-06" } },
      { code: "industry_section_match", params: { industry: "C" } },
      { code: "grade", params: { grade: "A" } },
      { code: "rating", params: { average: 4.8, count: 40 } },
      { code: "within_budget", params: { price: 2_800_000, budget: 3_000_000 } },
      { code: "verified", params: {} },
    ]);
    // 22 region + 20 qualification + 6 industry + 15 grade + 18.2 rating + 10 budget + 5 verified
    expect(leader.score).toBeCloseTo(96.2, 1);
  });

  it("does not depend on the input order", () => {
    expect(order(need, [...cs].reverse())).toEqual(order(need, cs));
  });
});

describe("staticScore mirrors the grade and rating parts of the full score", () => {
  it("is grade points plus rating points", () => {
    expect(staticScore({ creditGrade: "A", reviewCount: 0, ratingSum: 0 })).toBeCloseTo(15 + 15, 5);
    expect(staticScore({ creditGrade: null, reviewCount: 40, ratingSum: 192 })).toBeCloseTo(
      6 + ((232 / 50 - 1) / 4) * 20,
      5,
    );
  });
});
