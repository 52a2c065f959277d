import { and, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { organisations, providerProfiles as p, serviceListings as l } from "../../db/schema";
import { bayesianRatingSql, gradeSortKeySql, staticScoreSql } from "../../db/schema/search-sql";
import { queryTokens, toTsQuery } from "../domain/cjk-tokens";
import { divisionsOf, getIndustry, sectionOf } from "../domain/industries";
import type { CreditGradeCode } from "../domain/rank-weights";
import type { ServiceCategoryCode } from "../domain/service-categories";
import { COUNT_CAP, MAX_PAGE, PAGE_SIZE, type ListingSort, type ProviderSort } from "../domain/search-options";
import { textArray } from "./pg-arrays.server";
import { countCapped, pageHits, type SortKey } from "./search-plan.server";

/**
 * Public search over providers and listings, built to answer in a few milliseconds at
 * 100,000 providers / 300,000 listings (docs/performance.md):
 * - text: the CJK unigram/bigram tsquery on the GIN-indexed search_vector;
 * - a city includes its counties: `region_keys @> ARRAY[code]` on a GIN index;
 * - every sort is an index order (expression indexes on provider_profiles, denormalised
 *   columns on service_listings), so a term that matches most rows walks the index and stops
 *   after one page, while a rare term is found through GIN and only its few rows are sorted;
 * - counting stops at COUNT_CAP ("1,000+"), so no request ever scans every match.
 */
export { COUNT_CAP, LISTING_SORTS, MAX_PAGE, PAGE_SIZE, PROVIDER_SORTS } from "../domain/search-options";
export type { ListingSort, ProviderSort } from "../domain/search-options";

export type CommonFilters = {
  q?: string;
  category?: ServiceCategoryCode;
  /** County, city or province code; a city finds the providers of its counties. */
  regionCode?: string;
  /** Section letter (all its divisions match) or division. */
  industryCode?: string;
  /** At least this grade: B means A or B. */
  minGrade?: CreditGradeCode;
  verifiedOnly?: boolean;
  page?: number;
};
export type ProviderFilters = CommonFilters & { sort?: ProviderSort };
export type ListingFilters = CommonFilters & { sort?: ListingSort; minPriceFen?: number; maxPriceFen?: number; today: string };

export type Page<T> = { rows: T[]; page: number; pageSize: number; total: number; capped: boolean };

const GRADES_AT_LEAST: Record<CreditGradeCode, CreditGradeCode[]> = { A: ["A"], B: ["A", "B"], C: ["A", "B", "C"], D: ["A", "B", "C", "D"] };

function tsQuery(q: string | undefined): string | null {
  return q ? toTsQuery(queryTokens(q)) : null;
}

/** Codes to overlap with: a section stands for all its divisions, a division also for its section. */
function industryKeys(code: string): string[] {
  const industry = getIndustry(code);
  if (!industry) return [code];
  if (industry.kind === "section") return [code, ...divisionsOf(code).map((d) => d.code)];
  const section = sectionOf(code);
  return section ? [code, section.code] : [code];
}

const pageOf = (page: number | undefined) => Math.min(MAX_PAGE, Math.max(1, Math.trunc(page ?? 1)));

// ---------------------------------------------------------------- providers

const providerScore = staticScoreSql(p.creditGrade, p.reviewCount, p.ratingSum);

/** Filters other than the text; `listed` and `orgVerified` mirror the organisation (triggers). */
function providerFilters(f: ProviderFilters): SQL[] {
  const where: SQL[] = [eq(p.listed, true)];
  if (f.regionCode) where.push(sql`${p.regionKeys} @> ${textArray([f.regionCode], "varchar")}`);
  if (f.category) where.push(sql`${p.categories} @> ARRAY[${f.category}]::service_category[]`);
  if (f.industryCode) where.push(sql`${p.industryCodes} && ${textArray(industryKeys(f.industryCode), "varchar")}`);
  if (f.minGrade) where.push(sql`${p.creditGrade} = ANY(${textArray(GRADES_AT_LEAST[f.minGrade])}::credit_grade[])`);
  if (f.verifiedOnly) where.push(eq(p.orgVerified, true));
  return where;
}

/** Each order is an index order, walked backwards (see the indexes in db/schema/marketplace.ts). */
function providerOrder(sort: ProviderSort = "relevance"): SortKey[] {
  if (sort === "grade") return [{ expr: gradeSortKeySql(p.creditGrade), dir: "desc" }, { expr: providerScore, dir: "desc" }, { expr: p.orgId, dir: "desc" }];
  if (sort === "rating") return [{ expr: bayesianRatingSql(p.reviewCount, p.ratingSum), dir: "desc" }, { expr: p.orgId, dir: "desc" }];
  return [{ expr: providerScore, dir: "desc" }, { expr: p.orgId, dir: "desc" }];
}

function providerShape(f: ProviderFilters) {
  return { table: p, id: p.orgId, vector: p.searchVector, filters: providerFilters(f), text: tsQuery(f.q), order: providerOrder(f.sort) };
}

export const providerRowFields = {
  id: p.orgId,
  name: organisations.name,
  orgRegionCode: organisations.regionCode,
  verified: p.orgVerified,
  categories: p.categories,
  regionCodes: p.regionCodes,
  industryCodes: p.industryCodes,
  creditGrade: p.creditGrade,
  reviewCount: p.reviewCount,
  ratingSum: p.ratingSum,
  summary: sql<string>`left(${p.description}, 140)`.as("summary"),
};

/**
 * A page of providers: the hits are chosen on provider_profiles alone, then joined to their
 * organisation for the name. `mode` picks the plan shape (see search-plan.server.ts).
 */
export function providerSearchQuery(db: DbOrTx, f: ProviderFilters, limit: number, offset: number, mode: "plain" | "window" = "plain") {
  const hits = pageHits(db, providerShape(f), limit, offset, mode);
  return db
    .select(providerRowFields)
    .from(hits.query)
    .innerJoin(p, eq(p.orgId, hits.query.id))
    .innerJoin(organisations, eq(organisations.id, p.orgId))
    .orderBy(...hits.outerOrder);
}

/** Matches counted up to COUNT_CAP + 1 (no order: GIN bitmap, or an early-stopping scan). */
export function providerCountQuery(db: DbOrTx, f: ProviderFilters) {
  return countCapped(db, providerShape(f), COUNT_CAP + 1);
}

export type ProviderRow = Awaited<ReturnType<typeof providerSearchQuery>>[number];

export async function searchProviders(db: DbOrTx, f: ProviderFilters): Promise<Page<ProviderRow>> {
  const page = pageOf(f.page);
  const offset = (page - 1) * PAGE_SIZE;
  const [rows, [{ n }]] = await Promise.all([firstPage(db, f, offset, providerSearchQuery), providerCountQuery(db, f)]);
  return { rows, page, pageSize: PAGE_SIZE, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/**
 * A frequent term (安 matches almost every provider) is answered from a bounded window of the
 * best-ranked rows; when that window holds fewer matches than the page needs, the term is rare
 * enough for the GIN index, and the plain query runs. Both touch a bounded number of rows,
 * whatever the planner believes about the term (it underestimates AND-ed bigrams badly).
 */
async function firstPage<F extends CommonFilters, R>(
  db: DbOrTx,
  f: F,
  offset: number,
  query: (db: DbOrTx, f: F, limit: number, offset: number, mode: "plain" | "window") => PromiseLike<R[]>,
): Promise<R[]> {
  if (preferWindow(f) && offset + PAGE_SIZE <= WINDOW_PAGES_MAX) {
    const rows = await query(db, f, PAGE_SIZE, offset, "window");
    if (rows.length === PAGE_SIZE) return rows;
  }
  return query(db, f, PAGE_SIZE, offset, "plain");
}

/** The window is tried for the first pages only; deeper pages go straight to the plain query. */
const WINDOW_PAGES_MAX = 3 * PAGE_SIZE;

/**
 * Only AND-ed bigrams (a term of 3+ characters, or several words) fool the planner; a single
 * lexeme is estimated from its own statistics. A region filter is selective and well estimated
 * (its GIN index finds a few thousand rows at most), so the plain query is the right one then.
 */
export function preferWindow(f: CommonFilters): boolean {
  return Boolean(f.q) && queryTokens(f.q!).length >= 2 && !f.regionCode;
}

// ---------------------------------------------------------------- listings

function listingFilters(f: ListingFilters): SQL[] {
  // visible_from/visible_until are kept by triggers: paused, suspended or unqualified → never.
  const where: SQL[] = [sql`${l.visibleFrom} <= ${f.today}::date`, sql`${l.visibleUntil} >= ${f.today}::date`];
  if (f.regionCode) where.push(sql`${l.regionKeys} @> ${textArray([f.regionCode], "varchar")}`);
  if (f.category) where.push(eq(l.category, f.category));
  if (f.industryCode) where.push(sql`${l.industryCodes} && ${textArray(industryKeys(f.industryCode), "varchar")}`);
  if (f.minGrade) where.push(sql`${l.providerGrade} = ANY(${textArray(GRADES_AT_LEAST[f.minGrade])}::credit_grade[])`);
  if (f.verifiedOnly) where.push(eq(l.providerVerified, true));
  if (f.minPriceFen != null) where.push(gte(l.priceFen, f.minPriceFen));
  if (f.maxPriceFen != null) where.push(lte(l.priceFen, f.maxPriceFen));
  return where;
}

function listingOrder(sort: ListingSort = "relevance"): SortKey[] {
  switch (sort) {
    case "price_asc":
      return [{ expr: l.priceFen, dir: "asc" }, { expr: l.id, dir: "asc" }];
    case "price_desc":
      return [{ expr: l.priceFen, dir: "desc" }, { expr: l.id, dir: "desc" }];
    case "grade":
      return [{ expr: l.providerGradeKey, dir: "desc" }, { expr: l.providerScore, dir: "desc" }, { expr: l.id, dir: "desc" }];
    case "rating":
      return [{ expr: l.providerRating, dir: "desc" }, { expr: l.id, dir: "desc" }];
    default:
      return [{ expr: l.providerScore, dir: "desc" }, { expr: l.id, dir: "desc" }];
  }
}

function listingShape(f: ListingFilters) {
  return { table: l, id: l.id, vector: l.searchVector, filters: listingFilters(f), text: tsQuery(f.q), order: listingOrder(f.sort) };
}

export const listingRowFields = {
  id: l.id,
  title: l.title,
  category: l.category,
  priceModel: l.priceModel,
  priceFen: l.priceFen,
  regionCodes: l.regionCodes,
  providerId: l.providerId,
  providerName: organisations.name,
  providerGrade: l.providerGrade,
  providerVerified: l.providerVerified,
  summary: sql<string>`left(${l.scope}, 140)`.as("summary"),
};

export function listingSearchQuery(db: DbOrTx, f: ListingFilters, limit: number, offset: number, mode: "plain" | "window" = "plain") {
  const hits = pageHits(db, listingShape(f), limit, offset, mode);
  return db
    .select(listingRowFields)
    .from(hits.query)
    .innerJoin(l, eq(l.id, hits.query.id))
    .innerJoin(organisations, eq(organisations.id, l.providerId))
    .orderBy(...hits.outerOrder);
}

export function listingCountQuery(db: DbOrTx, f: ListingFilters) {
  return countCapped(db, listingShape(f), COUNT_CAP + 1);
}

export type ListingRow = Awaited<ReturnType<typeof listingSearchQuery>>[number];

export async function searchListings(db: DbOrTx, f: ListingFilters): Promise<Page<ListingRow>> {
  const page = pageOf(f.page);
  const offset = (page - 1) * PAGE_SIZE;
  const [rows, [{ n }]] = await Promise.all([firstPage(db, f, offset, listingSearchQuery), listingCountQuery(db, f)]);
  return { rows, page, pageSize: PAGE_SIZE, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
