// Public search and matching (issue: search and matching): Chinese terms inside longer text,
// a city includes its counties, hidden providers and listings stay hidden, paging, the API.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { organisations, providerProfiles, qualifications, serviceListings } from "../../db/schema";
import { listingVisibility, type QualificationFacts } from "../../app/domain/listing-visibility";
import { staticScore } from "../../app/domain/rank-weights";
import { listingVisibleOnSql } from "../../db/schema/search-sql";
import { getPublicListing } from "../../app/services/listings.server";
import { loader as apiLoader } from "../../app/routes/api/providers";
import { findProviders } from "../../app/services/provider-directory.server";
import { loadEnv } from "../../app/utils/env.server";
import { refreshListingVisibility } from "../../app/services/search-index.server";
import { searchListings, searchProviders } from "../../app/services/search.server";
import { addListing, addProvider, addQualification } from "../factories/search";
import { createTestDb, type TestDb } from "../setup/test-db";

const TODAY = "2025-06-15";
let t: TestDb;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestDb();
  const anTai = await addProvider(t.db, {
    name: "金华市婺城区安泰安全技术咨询有限公司",
    regionCodes: ["330702"],
    categories: ["consulting", "assessment"],
    grade: "A",
    reviewCount: 40,
    ratingSum: 192,
  });
  const hengXin = await addProvider(t.db, {
    name: "杭州恒信职业卫生技术服务有限公司",
    regionCodes: ["330102"],
    categories: ["occupational_health"],
    grade: "B",
  });
  const cityWide = await addProvider(t.db, {
    name: "金华华正检测技术有限公司",
    regionCodes: ["330700"],
    categories: ["testing"],
    grade: "B",
    reviewCount: 1,
    ratingSum: 5,
  });
  const suspended = await addProvider(t.db, {
    name: "婺城停业安全咨询有限公司",
    regionCodes: ["330702"],
    suspended: true,
  });
  const rejected = await addProvider(t.db, {
    name: "婺城未过审安全咨询有限公司",
    regionCodes: ["330702"],
    status: "rejected",
  });
  ids = { anTai: anTai.id, hengXin: hengXin.id, cityWide: cityWide.id, suspended: suspended.id, rejected: rejected.id };
});
afterAll(async () => {
  await t.close();
});

const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);

describe("Chinese keywords of 1, 2 and 4 characters match inside longer names", () => {
  it.each([
    ["泰", "金华市婺城区安泰安全技术咨询有限公司"],
    ["婺城", "金华市婺城区安泰安全技术咨询有限公司"],
    ["职业卫生", "杭州恒信职业卫生技术服务有限公司"],
    ["技术咨询", "金华市婺城区安泰安全技术咨询有限公司"],
    ["华正", "金华华正检测技术有限公司"],
  ])("%s finds %s", async (q, name) => {
    const { rows } = await searchProviders(t.db, { q });
    expect(names(rows)).toContain(name);
  });

  it("does not match characters that are only near each other", async () => {
    const { rows } = await searchProviders(t.db, { q: "城安" });
    expect(rows).toEqual([]);
  });

  it("suspended and rejected providers are never found", async () => {
    const { rows } = await searchProviders(t.db, { q: "婺城" });
    expect(names(rows)).toEqual(["金华市婺城区安泰安全技术咨询有限公司"]);
  });
});

describe("filters", () => {
  it("a city finds the providers of its counties, and whole-city providers; another city does not", async () => {
    const jinhua = await searchProviders(t.db, { regionCode: "330700" });
    expect(new Set(jinhua.rows.map((r) => r.id))).toEqual(new Set([ids.anTai, ids.cityWide]));
    const wucheng = await searchProviders(t.db, { regionCode: "330702" });
    expect(new Set(wucheng.rows.map((r) => r.id))).toEqual(new Set([ids.anTai, ids.cityWide]));
    const hangzhou = await searchProviders(t.db, { regionCode: "330100" });
    expect(hangzhou.rows.map((r) => r.id)).toEqual([ids.hengXin]);
  });

  it("category, grade and verified-only", async () => {
    expect((await searchProviders(t.db, { category: "testing" })).rows.map((r) => r.id)).toEqual([ids.cityWide]);
    expect((await searchProviders(t.db, { minGrade: "A" })).rows.map((r) => r.id)).toEqual([ids.anTai]);
    await t.db.update(organisations).set({ verificationStatus: "pending" }).where(eq(organisations.id, ids.hengXin));
    const verified = await searchProviders(t.db, { verifiedOnly: true });
    expect(verified.rows.map((r) => r.id)).not.toContain(ids.hengXin);
    expect((await searchProviders(t.db, {})).rows.map((r) => r.id)).toContain(ids.hengXin);
    await t.db.update(organisations).set({ verificationStatus: "verified" }).where(eq(organisations.id, ids.hengXin));
  });

  it("industry: a division finds itself and whole-section providers; a section finds its divisions", async () => {
    const chem = await addProvider(t.db, {
      name: "衢州化工安全咨询有限公司",
      regionCodes: ["330802"],
      industryCodes: ["26"],
    });
    const manuf = await addProvider(t.db, {
      name: "衢州制造业安全咨询有限公司",
      regionCodes: ["330802"],
      industryCodes: ["C"],
    });
    const mining = await addProvider(t.db, {
      name: "衢州矿山安全咨询有限公司",
      regionCodes: ["330802"],
      industryCodes: ["B"],
    });
    const ids26 = (await searchProviders(t.db, { industryCode: "26", regionCode: "330800" })).rows.map((r) => r.id);
    expect(new Set(ids26)).toEqual(new Set([chem.id, manuf.id]));
    const idsC = (await searchProviders(t.db, { industryCode: "C", q: "衢州" })).rows.map((r) => r.id);
    expect(new Set(idsC)).toEqual(new Set([chem.id, manuf.id]));
    const idsB = (await searchProviders(t.db, { industryCode: "B", q: "衢州" })).rows.map((r) => r.id);
    expect(idsB).toEqual([mining.id]);
    await t.db.delete(organisations).where(sql`${organisations.id} in (${chem.id}, ${manuf.id}, ${mining.id})`);
  });

  it("sorts by the ranking formula of app/domain/rank-weights.ts", async () => {
    const { rows } = await searchProviders(t.db, { sort: "relevance" });
    const scores = rows.map((r) =>
      staticScore({ creditGrade: r.creditGrade, reviewCount: r.reviewCount, ratingSum: r.ratingSum }),
    );
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const [listing] = await Promise.all([addListing(t.db, ids.anTai, { title: "排序校验" })]);
    const [row] = await t.db.select().from(serviceListings).where(eq(serviceListings.id, listing.id));
    expect(row.providerScore).toBeCloseTo(staticScore({ creditGrade: "A", reviewCount: 40, ratingSum: 192 }), 6);
    await t.db.delete(serviceListings).where(eq(serviceListings.id, listing.id));
  });
});

describe("listing visibility is enforced in SQL", () => {
  it("paused, suspended-provider and unqualified listings are not found; a valid qualification shows them", async () => {
    const open = await addListing(t.db, ids.anTai, { title: "婺城安全生产标准化咨询" });
    const paused = await addListing(t.db, ids.anTai, { title: "婺城暂停项目咨询", status: "paused" });
    const ofSuspended = await addListing(t.db, ids.suspended, { title: "婺城停业机构的咨询" });
    const needsQual = await addListing(t.db, ids.anTai, {
      title: "婺城安全现状评价",
      category: "assessment",
      requiredQualificationType: "safety_assessment",
    });
    const found = async () => (await searchListings(t.db, { q: "婺城", today: TODAY })).rows.map((r) => r.id);

    expect(await found()).toEqual([open.id]);

    const expired = await addQualification(t.db, ids.anTai, { type: "safety_assessment", validTo: "2025-06-14" });
    expect(await found()).toEqual([open.id]);

    const pending = await addQualification(t.db, ids.anTai, {
      type: "safety_assessment",
      validTo: "2027-06-30",
      status: "pending",
    });
    expect(await found()).toEqual([open.id]);

    // The platform verifies it: the database trigger re-flags the listing at once.
    await t.db.update(qualifications).set({ status: "verified" }).where(eq(qualifications.id, pending.id));
    expect(new Set(await found())).toEqual(new Set([open.id, needsQual.id]));
    expect(await searchListings(t.db, { q: "婺城", today: "2027-07-01" }).then((r) => r.rows.map((x) => x.id))).toEqual(
      [open.id],
    );

    // Suspending the provider hides all its listings; reinstating shows them again.
    await t.db.update(organisations).set({ suspendedAt: new Date() }).where(eq(organisations.id, ids.anTai));
    expect(await found()).toEqual([]);
    await t.db.update(organisations).set({ suspendedAt: null }).where(eq(organisations.id, ids.anTai));
    expect(new Set(await found())).toEqual(new Set([open.id, needsQual.id]));

    // Withdrawing the qualification hides the listing that needs it; the explicit refresh is harmless.
    await t.db.delete(qualifications).where(eq(qualifications.id, pending.id));
    await refreshListingVisibility(t.db, { providerId: ids.anTai });
    expect(await found()).toEqual([open.id]);
    expect([paused.id, ofSuspended.id, expired.id]).toHaveLength(3);
    await t.db
      .delete(serviceListings)
      .where(sql`${serviceListings.id} in (${open.id}, ${paused.id}, ${ofSuspended.id}, ${needsQual.id})`);
  });

  it("filters by price range and sorts by price", async () => {
    const cheap = await addListing(t.db, ids.cityWide, {
      title: "防雷装置检测",
      category: "testing",
      priceFen: 300_000,
      regionCodes: ["330700"],
    });
    const dear = await addListing(t.db, ids.cityWide, {
      title: "压力容器检验",
      category: "testing",
      priceFen: 2_000_000,
      regionCodes: ["330700"],
    });
    const inRange = await searchListings(t.db, { today: TODAY, minPriceFen: 100_000, maxPriceFen: 500_000 });
    expect(inRange.rows.map((r) => r.id)).toEqual([cheap.id]);
    const desc = await searchListings(t.db, {
      today: TODAY,
      category: "testing",
      sort: "price_desc",
      regionCode: "330782",
    });
    expect(desc.rows.map((r) => r.id)).toEqual([dear.id, cheap.id]);
  });
});

describe("paging", () => {
  it("pages of 20 without overlap, the total, and a last short page", async () => {
    for (let i = 0; i < 45; i++) {
      await addProvider(t.db, {
        name: `宁波分页测试第${i}号应急救援服务有限公司`,
        regionCodes: ["330203"],
        categories: ["rescue"],
        reviewCount: i,
        ratingSum: i * 4,
      });
    }
    const pages = await Promise.all(
      [1, 2, 3].map((page) => searchProviders(t.db, { q: "应急救援", regionCode: "330200", page })),
    );
    expect(pages.map((p) => p.rows.length)).toEqual([20, 20, 5]);
    expect(pages[0].total).toBe(45);
    expect(pages[0].capped).toBe(false);
    const all = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(all).size).toBe(45);
    const withoutRegion = await Promise.all([1, 2, 3].map((page) => searchProviders(t.db, { q: "应急救援", page })));
    expect(new Set(withoutRegion.flatMap((p) => p.rows.map((r) => r.id))).size).toBe(45);
  });
});

describe("ranked directory and GET /api/v1/providers", () => {
  // The API's JSON is checked field by field below; its exact type is the route's business.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Outcome = { status: number; body: any };
  async function api(query: string): Promise<Outcome> {
    const request = new Request(`http://localhost/api/v1/providers?${query}`);
    const context = { db: t.db, env: loadEnv({ NODE_ENV: "test" }), clientIp: "203.0.113.1" };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const value = (await apiLoader({ request, params: {}, context } as never)) as any;
    // Errors must be real Responses: Remix drops the status of data() in a resource route.
    return value instanceof Response
      ? { status: value.status, body: await value.json() }
      : { status: 200, body: value };
  }

  it("ranks for a need and says why, the same as the page's service", async () => {
    const direct = await findProviders(t.db, { regionCode: "330702", category: "consulting" }, TODAY);
    expect(direct.ranked).toBe(true);
    expect(direct.rows[0].id).toBe(ids.anTai);
    expect(direct.rows[0].reasons).toContainEqual({ code: "serves_region", params: { region: "婺城区" } });
    expect(direct.rows[0].reasons).toContainEqual({ code: "grade", params: { grade: "A" } });
    const res = await api("region=330702&category=consulting");
    expect(res.status).toBe(200);
    expect(res.body.ranked).toBe(true);
    expect(res.body.providers.map((p: { id: string }) => p.id)).toEqual(direct.rows.map((r) => r.id));
    expect(res.body.providers[0].reasons).toEqual(direct.rows[0].reasons);
  });

  it("answers with a real JSON Response, so Remix neither wraps it nor logs a REMIX FUTURE CHANGE warning per request", async () => {
    const request = new Request("http://localhost/api/v1/providers?region=330702&category=consulting");
    const context = { db: t.db, env: loadEnv({ NODE_ENV: "test" }), clientIp: "203.0.113.2" };
    const value = await apiLoader({ request, params: {}, context } as never);
    expect(value).toBeInstanceOf(Response);
    const response = value as unknown as Response;
    expect(response.status).toBe(200);
    // The same header Remix's json() wrapper used to set, so clients see no change.
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect((await response.json()).ranked).toBe(true);
  });

  it.each([
    ["page=0", "page"],
    ["page=abc", "page"],
    ["page=999", "page"],
    ["category=plumbing", "category"],
    ["region=999999", "region"],
    ["industry=ZZ", "industry"],
    ["grade=E", "grade"],
    ["sort=cheapest", "sort"],
    ["verified=maybe", "verified"],
    ["budget=-5", "budget"],
  ])("400 JSON on %s", async (query, field) => {
    const res = await api(query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_query");
    expect(Object.keys(res.body.error.fields)).toContain(field);
  });

  it("plain directory listing when no need is given, empty fields ignored", async () => {
    const res = await api("q=&category=&region=&page=1");
    expect(res.status).toBe(200);
    expect(res.body.ranked).toBe(false);
    expect(res.body.providers.length).toBeGreaterThan(0);
    const [profile] = await t.db.select().from(providerProfiles).where(eq(providerProfiles.orgId, ids.suspended));
    expect(profile.listed).toBe(false);
    expect(res.body.providers.map((p: { id: string }) => p.id)).not.toContain(ids.suspended);
  });
});

describe("search and the listing page apply one visibility rule (listingVisibility)", () => {
  it("certificates 2020–21 and 2023–27: on 2022-06-01, in the gap, neither search nor the page shows the listing", async () => {
    const p = await addProvider(t.db, { name: "婺城间断证书评价有限公司", categories: ["assessment"] });
    await addQualification(t.db, p.id, { type: "safety_assessment", validFrom: "2020-01-01", validTo: "2021-12-31" });
    await addQualification(t.db, p.id, { type: "safety_assessment", validFrom: "2023-01-01", validTo: "2027-12-31" });
    const listing = await addListing(t.db, p.id, {
      title: "间断证书安全评价",
      category: "assessment",
      requiredQualificationType: "safety_assessment",
    });
    const shown = async (today: string) => ({
      search: (await searchListings(t.db, { q: "间断证书", today })).rows.some((r) => r.id === listing.id),
      page: await getPublicListing(t.db, { listingId: listing.id, today }).then(
        () => true,
        () => false,
      ),
    });
    expect(await shown("2022-06-01")).toEqual({ search: false, page: false });
    expect(await shown("2021-06-01")).toEqual({ search: true, page: true });
    expect(await shown("2024-06-01")).toEqual({ search: true, page: true });
  });

  it("property: for random certificate sets and days, the database's flag equals the domain rule", async () => {
    const p = await addProvider(t.db, { name: "婺城随机证书评价有限公司", categories: ["assessment"] });
    const listing = await addListing(t.db, p.id, {
      title: "随机证书安全评价",
      category: "assessment",
      requiredQualificationType: "safety_assessment",
    });
    const base = Date.UTC(2020, 0, 1);
    const iso = (d: number) => new Date(base + d * 86_400_000).toISOString().slice(0, 10);
    const offset = fc.integer({ min: 0, max: 365 * 4 });
    const certificate = fc.record({
      type: fc.constantFrom("safety_assessment", "safety_assessment", "testing_inspection"),
      status: fc.constantFrom("verified", "verified", "pending", "rejected") as fc.Arbitrary<
        QualificationFacts["status"]
      >,
      from: offset,
      to: offset,
    });
    // Days near certificate edges (the day before, the first, the last, the day after) find the
    // gaps and boundaries that random days would mostly miss.
    const scenario = fc.array(certificate, { maxLength: 4 }).chain((certs) => {
      const edges = certs.flatMap((c) => [c.from - 1, c.from, c.to, c.to + 1]).filter((d) => d >= 0);
      const dayOffset = edges.length ? fc.oneof(offset, fc.constantFrom(...edges)) : offset;
      return fc.tuple(fc.constant(certs), fc.array(dayOffset, { minLength: 1, maxLength: 8 }));
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ([drawn, dayOffsets]) => {
        const certs = drawn.map((c) => ({
          type: c.type,
          status: c.status,
          validFrom: iso(c.from),
          validTo: iso(c.to),
        }));
        await t.db.delete(qualifications).where(eq(qualifications.providerId, p.id));
        for (const c of certs) await addQualification(t.db, p.id, c);
        for (const today of dayOffsets.map(iso)) {
          const expected = listingVisibility({
            listing: { status: "active", requiredQualificationType: "safety_assessment" },
            providerSuspended: false,
            providerVerification: "verified",
            qualifications: certs,
            today,
          }).visible;
          const [row] = await t.db
            .select({ visible: listingVisibleOnSql(serviceListings, today).mapWith(Boolean) })
            .from(serviceListings)
            .where(eq(serviceListings.id, listing.id));
          expect({ certs, today, visible: row!.visible }).toEqual({ certs, today, visible: expected });
        }
      }),
      { numRuns: 80, seed: 20260601 },
    );
  });
});
