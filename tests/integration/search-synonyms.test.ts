// Search that people can use (issue 11): the reviewed synonyms and category names applied to
// the query (app/domain/search-synonyms.ts), through the service and the public pages, with
// demo-like providers (db/seed/marketplace-demo-data.ts: 青岛安达 offers 职业卫生 but never
// writes the words).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryTokens, toTsQuery } from "../../app/domain/cjk-tokens";
import { combineTsQuery, queryLexemeGroups } from "../../app/domain/search-facets";
import { expandSearchTerms } from "../../app/domain/search-synonyms";
import { loader as listingsPage } from "../../app/routes/search/listings";
import { loader as providersPage } from "../../app/routes/search/providers";
import { findHits } from "../../app/services/search-plan.server";
import { loadEnv } from "../../app/utils/env.server";
import {
  listingShape,
  providerShape,
  searchListings,
  searchProviders,
  type ListingFilters,
  type ProviderFilters,
} from "../../app/services/search.server";
import { addListing, addProvider } from "../factories/search";
import { createTestDb, type TestDb } from "../setup/test-db";

const TODAY = "2025-06-15";
let t: TestDb;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestDb();
  const huaan = await addProvider(t.db, {
    name: "青岛华安化工安全技术服务有限公司",
    regionCodes: ["370211"],
    categories: ["assessment", "consulting"],
    grade: "A",
    reviewCount: 12,
    ratingSum: 56,
    description: "承接危险化学品生产、储存企业的安全评价和重大危险源辨识。",
  });
  const anda = await addProvider(t.db, {
    name: "青岛安达安全服务有限公司",
    regionCodes: ["370202", "370212"],
    categories: ["testing", "occupational_health", "rescue", "training"],
    grade: "B",
    description: "青岛安达安全服务有限公司提供检测检验、职业病危害因素检测和应急救援服务，设有专职应急救援队伍。",
  });
  const wucheng = await addProvider(t.db, {
    name: "金华市婺城区安泰安全技术咨询有限公司",
    regionCodes: ["330702"],
    categories: ["consulting"],
    grade: "A",
    reviewCount: 40,
    ratingSum: 192,
    description: "受限空间作业安全培训与现场监护方案。",
  });
  const chemicals = await addListing(t.db, huaan.id, {
    title: "危险化学品经营单位安全评价",
    category: "assessment",
    regionCodes: ["370211"],
  });
  const report = await addListing(t.db, huaan.id, {
    title: "安全评价报告编制（现状评价）",
    category: "assessment",
    regionCodes: ["370211"],
  });
  const confined = await addListing(t.db, wucheng.id, { title: "受限空间作业专项培训", category: "training" });
  const limited = await addListing(t.db, anda.id, {
    title: "有限空间作业检测与救援演练",
    category: "rescue",
    regionCodes: ["370212"],
  });
  const hazards = await addListing(t.db, anda.id, {
    title: "职业病危害因素定期检测",
    category: "occupational_health",
    regionCodes: ["370212"],
  });
  ids = {
    huaan: huaan.id,
    anda: anda.id,
    wucheng: wucheng.id,
    chemicals: chemicals.id,
    report: report.id,
    confined: confined.id,
    limited: limited.id,
    hazards: hazards.id,
  };
});
afterAll(async () => {
  await t.close();
});

const providerIds = async (f: ProviderFilters) => (await searchProviders(t.db, f)).rows.map((r) => r.id);
const listingIds = async (f: Omit<ListingFilters, "today">) =>
  (await searchListings(t.db, { ...f, today: TODAY })).rows.map((r) => r.id);

describe("abbreviations and synonyms widen the query, the index stays as it is", () => {
  it("危化 finds the listing titled 危险化学品… and its provider", async () => {
    expect(await listingIds({ q: "危化" })).toEqual([ids.chemicals]);
    expect(await providerIds({ q: "危化" })).toEqual([ids.huaan]);
  });

  it("安评 finds 安全评价 listings", async () => {
    expect(new Set(await listingIds({ q: "安评" }))).toEqual(new Set([ids.chemicals, ids.report]));
  });

  it("有限空间 finds 受限空间 and back", async () => {
    expect(new Set(await listingIds({ q: "有限空间" }))).toEqual(new Set([ids.confined, ids.limited]));
    expect(new Set(await listingIds({ q: "受限空间" }))).toEqual(new Set([ids.confined, ids.limited]));
    expect(new Set(await providerIds({ q: "有限空间" }))).toEqual(new Set([ids.wucheng]));
  });

  it("a synonym is still AND-ed with the other terms and the filters", async () => {
    expect(await listingIds({ q: "有限空间 培训" })).toEqual([ids.confined]);
    expect(await listingIds({ q: "有限空间", category: "rescue" })).toEqual([ids.limited]);
    expect(await listingIds({ q: "危化 婺城" })).toEqual([]);
  });
});

describe("a service category's name typed as a term", () => {
  it("职业卫生 finds the provider that offers the category without writing the words", async () => {
    expect(await providerIds({ q: "职业卫生" })).toEqual([ids.anda]);
    expect(await providerIds({ q: "职卫" })).toEqual([ids.anda]);
  });

  it("and that category's listings", async () => {
    expect(await listingIds({ q: "职业卫生" })).toEqual([ids.hazards]);
  });
});

/** The search as it was before the dictionary: the plain CJK tsquery (cjk-tokens.ts). */
async function plainProviders(f: ProviderFilters) {
  const shape = {
    ...providerShape(f),
    text: combineTsQuery(f.q ? toTsQuery(queryTokens(f.q)) : null, f),
    lexemes: queryLexemeGroups(f.q ? queryTokens(f.q) : [], f),
  };
  return findHits(t.db, shape, { offset: 0, limit: 20, tableName: "provider_profiles" });
}
async function plainListings(f: ListingFilters) {
  const shape = {
    ...listingShape(f),
    text: combineTsQuery(f.q ? toTsQuery(queryTokens(f.q)) : null, f),
    lexemes: queryLexemeGroups(f.q ? queryTokens(f.q) : [], f),
  };
  return findHits(t.db, shape, { offset: 0, limit: 20, tableName: "service_listings" });
}

describe("a query without synonyms or category names returns exactly what it did before", () => {
  it.each(["青岛", "安全", "婺城 安泰", "服务有限", "技术服务", "华安", "作业", "安全 qingdao", "报告编制"])(
    "%s",
    async (q) => {
      // Really a query the dictionary leaves alone (检测 would not be: it names a category).
      expect(expandSearchTerms(q).every((e) => e.alternatives.length === 1 && e.categories.length === 0)).toBe(true);
      const before = await plainProviders({ q });
      const now = await searchProviders(t.db, { q });
      expect(now.rows.map((r) => r.id)).toEqual(before.ids);
      expect([now.total, now.capped]).toEqual([before.total, before.capped]);
      const beforeListings = await plainListings({ q, today: TODAY });
      const nowListings = await searchListings(t.db, { q, today: TODAY });
      expect(nowListings.rows.map((r) => r.id)).toEqual(beforeListings.ids);
      expect([nowListings.total, nowListings.capped]).toEqual([beforeListings.total, beforeListings.capped]);
    },
  );

  it("the comparison is not vacuous: most of these queries find something", async () => {
    const found = await Promise.all(["青岛", "安全", "服务有限", "作业"].map((q) => providerIds({ q })));
    expect(found.every((rows) => rows.length > 0)).toBe(true);
  });
});

describe("through the public pages", () => {
  const env = loadEnv({ NODE_ENV: "test" });
  // The loaders' return types differ per page; each test reads the fields it checks.
  const load = async (page: (args: never) => Promise<unknown>, url: string) => {
    const args = {
      request: new Request(`http://localhost${url}`),
      params: {},
      context: { db: t.db, env, clientIp: "203.0.113.3" },
    };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (await page(args as never)) as any;
  };

  it("/providers?q=职业卫生 lists 青岛安达", async () => {
    const res = await load(providersPage, `/providers?q=${encodeURIComponent("职业卫生")}`);
    expect(res.result.rows.map((r: { id: string }) => r.id)).toEqual([ids.anda]);
  });

  it("/listings?q=危化 lists the 危险化学品 listing", async () => {
    const res = await load(listingsPage, `/listings?q=${encodeURIComponent("危化")}`);
    expect(res.result.rows.map((r: { title: string }) => r.title)).toEqual(["危险化学品经营单位安全评价"]);
  });
});
