// The search queries use the GIN and btree indexes, not a scan of the big tables (issue: search
// SQL p95 ≤ 10 ms "index plans — check with EXPLAIN in a test"). Thousands of realistic rows,
// ANALYZEd, planner settings untouched: these are the plans PostgreSQL (and PGlite) choose.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type SQLWrapper } from "drizzle-orm";
import {
  searchListings,
  searchProviders,
  type ListingFilters,
  type ProviderFilters,
} from "../../app/services/search.server";
import type { Trace } from "../../app/services/search-plan.server";
import { addManyProviders, multiplyProviders } from "../factories/search";
import { createTestDb, type TestDb } from "../setup/test-db";

const BIG = new Set(["provider_profiles", "service_listings"]);
let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  // 3,000 generated providers × 8 = 24,000 providers and 48,000 listings: at this size a
  // window of the best 500 is a sliver of the table, as it is at 100,000 in production.
  await addManyProviders(t.db, 3000, 2);
  await multiplyProviders(t.db, 7);
}, 600_000);
afterAll(async () => {
  await t.close();
});

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

async function plan(query: SQLWrapper): Promise<PlanNode> {
  const result = (await t.db.execute(sql`explain (format json) ${query}`)) as unknown as
    { rows?: unknown[] } | unknown[];
  const rows = (Array.isArray(result) ? result : result.rows) as Array<Record<string, unknown>>;
  const raw = rows[0]["QUERY PLAN"];
  const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
  return doc[0].Plan;
}

/** Every node with its parent's type, depth first. */
function walk(
  node: PlanNode,
  parent: string | null = null,
  out: Array<{ node: PlanNode; parent: string | null }> = [],
) {
  out.push({ node, parent });
  for (const child of node.Plans ?? []) walk(child, node["Node Type"], out);
  return out;
}

const describePlan = (root: PlanNode) =>
  walk(root)
    .map(
      ({ node }) =>
        `${node["Node Type"]}${node["Relation Name"] ? ` on ${node["Relation Name"]}` : ""}${node["Index Name"] ? ` using ${node["Index Name"]}` : ""}`,
    )
    .join(" / ");

function expectIndexPlan(root: PlanNode) {
  const nodes = walk(root).map((w) => w.node);
  const seq = nodes.filter((n) => n["Node Type"] === "Seq Scan" && BIG.has(n["Relation Name"] ?? ""));
  expect(seq, describePlan(root)).toEqual([]);
  const indexed = nodes.filter(
    (n) =>
      (/Index/.test(n["Node Type"]) && BIG.has(n["Relation Name"] ?? "")) ||
      (n["Index Name"] ?? "").match(/^(provider_profiles|service_listings)_/),
  );
  expect(indexed.length, describePlan(root)).toBeGreaterThan(0);
}

/** Runs a search as the app does and returns every query it sent, by step. */
async function traced(run: (trace: Trace) => Promise<unknown>) {
  const steps: Array<{ step: string; query: SQLWrapper }> = [];
  await run((step, query) => steps.push({ step, query }));
  return steps;
}

const TERMS = ["安", "婺", "检", "训", "安全", "检测", "金华", "培训", "职业卫生", "技术咨询", "安全评价"];
const FILTERS: Array<Omit<ProviderFilters, "q">> = [
  {},
  { regionCode: "330700" },
  { category: "testing", minGrade: "B" },
  { industryCode: "C", verifiedOnly: true },
  { regionCode: "330000", sort: "rating" },
];
const CASES = TERMS.flatMap((q) => FILTERS.map((f) => ({ q, ...f })));
const label = (f: object) => JSON.stringify(f);
const seen = new Set<string>();

describe("provider search plans", () => {
  it.each(CASES.map((f) => [label(f), f] as const))("%s", async (_l, f) => {
    const steps = await traced((trace) => searchProviders(t.db, f, trace));
    expect(steps.length).toBeGreaterThan(0);
    for (const { step, query } of steps) {
      seen.add(`providers:${step}`);
      expectIndexPlan(await plan(query));
    }
  });

  it.each(["relevance", "grade", "rating"] as const)("sort %s", async (sort) => {
    for (const { query } of await traced((trace) => searchProviders(t.db, { q: "安全", sort, page: 9 }, trace)))
      expectIndexPlan(await plan(query));
  });
});

describe("listing search plans", () => {
  const listingCases: ListingFilters[] = CASES.map((f) => ({ ...f, sort: undefined, today: "2025-06-15" }));
  it.each(listingCases.map((f) => [label(f), f] as const))("%s", async (_l, f) => {
    const steps = await traced((trace) => searchListings(t.db, f, trace));
    for (const { step, query } of steps) {
      seen.add(`listings:${step}`);
      expectIndexPlan(await plan(query));
    }
  });

  it.each(["relevance", "price_asc", "price_desc", "grade", "rating"] as const)("sort %s", async (sort) => {
    for (const { query } of await traced((trace) =>
      searchListings(t.db, { q: "安全", sort, page: 9, today: "2025-06-15" }, trace),
    )) {
      expectIndexPlan(await plan(query));
    }
  });

  it("exercised every step: the window, the GIN match set and the deep-page walk", () => {
    for (const step of ["providers:window", "providers:matches", "listings:window", "listings:matches"])
      expect(seen).toContain(step);
  });
});
