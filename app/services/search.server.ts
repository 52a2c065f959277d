import { eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { organisations, providerProfiles as p, serviceListings as l } from "../../db/schema";
import { bayesianRatingSql, gradeSortKeySql, listingVisibleOnSql, staticScoreSql } from "../../db/schema/search-sql";
import { regionLevel } from "../domain/regions";
import { combineTsQuery, queryLexemeGroups } from "../domain/search-facets";
import type { CreditGradeCode } from "../domain/rank-weights";
import { expandedLexemeGroups, expandedTsQuery } from "../domain/search-synonyms";
import type { ServiceCategoryCode } from "../domain/service-categories";
import { MAX_PAGE, PAGE_SIZE, type ListingSort, type ProviderSort } from "../domain/search-options";
import { textArray } from "./pg-arrays.server";
import { findHits, type Cols, type Shape, type SortKey, type Trace } from "./search-plan.server";

/**
 * Public search over providers and listings, built to answer in a few milliseconds at
 * 100,000 providers / 300,000 listings (docs/performance.md):
 * - text: the CJK unigram/bigram tsquery on the GIN-indexed search_vector, AND-ed with the
 *   category, region and industry as facet lexemes of the same vector (search-facets.ts);
 * - a city includes its counties: region keys hold every level (region-keys.ts);
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
export type ListingFilters = CommonFilters & {
  sort?: ListingSort;
  minPriceFen?: number;
  maxPriceFen?: number;
  today: string;
};

export type Page<T> = { rows: T[]; page: number; pageSize: number; total: number; capped: boolean };

const GRADES_AT_LEAST: Record<CreditGradeCode, CreditGradeCode[]> = {
  A: ["A"],
  B: ["A", "B"],
  C: ["A", "B", "C"],
  D: ["A", "B", "C", "D"],
};

/**
 * The text part of the tsquery: the query with the reviewed synonyms and category names
 * (app/domain/search-synonyms.ts), so 危化 also finds 危险化学品 and 职业卫生 finds a provider
 * that only ticked that category. The index stays as it is; a query without synonyms gives
 * exactly the plain CJK tsquery.
 */
function tsQuery(q: string | undefined): string | null {
  return q ? expandedTsQuery(q) : null;
}

/** The plan's lexeme groups: the expanded text's, then the facet filters' (search-facets.ts). */
function lexemeGroups(f: CommonFilters): Array<string[] | null> {
  return [...(f.q ? expandedLexemeGroups(f.q) : []), ...queryLexemeGroups([], f)];
}

/**
 * A county (or, for the smaller provider table, a city) holds a few thousand rows at most, so
 * GIN finds them directly; a wider region goes through the rank window first.
 */
const narrowRegion = (code: string | undefined, levels: string[]) => {
  const level = code ? regionLevel(code) : undefined;
  return level !== undefined && levels.includes(level);
};

const pageOf = (page: number | undefined) => Math.min(MAX_PAGE, Math.max(1, Math.trunc(page ?? 1)));

// ---------------------------------------------------------------- providers

/** The profile columns the filters and orders read, by name (the window re-exposes them). */
const providerCols: Cols = {
  id: p.orgId,
  searchVector: p.searchVector,
  regionKeys: p.regionKeys,
  categories: p.categories,
  industryCodes: p.industryCodes,
  creditGrade: p.creditGrade,
  reviewCount: p.reviewCount,
  ratingSum: p.ratingSum,
  orgVerified: p.orgVerified,
};

/**
 * Filters the search vector cannot hold: grade and verification (columns). Category, region
 * and industry are facet lexemes of the vector (app/domain/search-facets.ts), in the tsquery.
 */
function providerFilters(f: ProviderFilters, c: Cols): SQL[] {
  const where: SQL[] = [];
  if (f.minGrade) where.push(sql`${c.creditGrade} = ANY(${textArray(GRADES_AT_LEAST[f.minGrade])}::credit_grade[])`);
  if (f.verifiedOnly) where.push(sql`${c.orgVerified}`);
  return where;
}

/** Each order is an index order (see the indexes in db/schema/marketplace.ts). */
function providerOrder(sort: ProviderSort = "relevance", c: Cols): SortKey[] {
  const score = staticScoreSql(c.creditGrade, c.reviewCount, c.ratingSum);
  if (sort === "grade")
    return [
      { expr: gradeSortKeySql(c.creditGrade), dir: "desc" },
      { expr: score, dir: "desc" },
      { expr: c.id, dir: "desc" },
    ];
  if (sort === "rating")
    return [
      { expr: bayesianRatingSql(c.reviewCount, c.ratingSum), dir: "desc" },
      { expr: c.id, dir: "desc" },
    ];
  return [
    { expr: score, dir: "desc" },
    { expr: c.id, dir: "desc" },
  ];
}

export function providerShape(f: ProviderFilters): Shape {
  return {
    table: p,
    cols: providerCols,
    base: sql`${p.listed}`,
    filters: (c) => providerFilters(f, c),
    text: combineTsQuery(tsQuery(f.q), f),
    order: (c) => providerOrder(f.sort, c),
    selective: narrowRegion(f.regionCode, ["city", "county"]),
    lexemes: lexemeGroups(f),
  };
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
  // More than a card shows, so the page can tell a long text and cut it with "…" (text-excerpt.ts).
  summary: sql<string>`left(${p.description}, 120)`,
};

/** Display rows for hit ids, in the hits' order. */
export async function providerRows(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select(providerRowFields)
    .from(p)
    .innerJoin(organisations, eq(organisations.id, p.orgId))
    .where(inArray(p.orgId, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => r !== undefined);
}

export type ProviderRow = Awaited<ReturnType<typeof providerRows>>[number];

export async function searchProviders(db: DbOrTx, f: ProviderFilters, trace?: Trace): Promise<Page<ProviderRow>> {
  const page = pageOf(f.page);
  const hits = await findHits(db, providerShape(f), {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    tableName: "provider_profiles",
    trace,
  });
  return { rows: await providerRows(db, hits.ids), page, pageSize: PAGE_SIZE, total: hits.total, capped: hits.capped };
}

// ---------------------------------------------------------------- listings

const listingCols: Cols = {
  id: l.id,
  searchVector: l.searchVector,
  regionKeys: l.regionKeys,
  category: l.category,
  industryCodes: l.industryCodes,
  providerGrade: l.providerGrade,
  providerGradeKey: l.providerGradeKey,
  providerScore: l.providerScore,
  providerRating: l.providerRating,
  providerVerified: l.providerVerified,
  priceFen: l.priceFen,
};

function listingFilters(f: ListingFilters, c: Cols): SQL[] {
  const where: SQL[] = [];
  if (f.minGrade) where.push(sql`${c.providerGrade} = ANY(${textArray(GRADES_AT_LEAST[f.minGrade])}::credit_grade[])`);
  if (f.verifiedOnly) where.push(sql`${c.providerVerified}`);
  if (f.minPriceFen != null) where.push(sql`${c.priceFen} >= ${f.minPriceFen}`);
  if (f.maxPriceFen != null) where.push(sql`${c.priceFen} <= ${f.maxPriceFen}`);
  return where;
}

function listingOrder(sort: ListingSort = "relevance", c: Cols): SortKey[] {
  switch (sort) {
    case "price_asc":
      return [
        { expr: c.priceFen, dir: "asc" },
        { expr: c.id, dir: "asc" },
      ];
    case "price_desc":
      return [
        { expr: c.priceFen, dir: "desc" },
        { expr: c.id, dir: "desc" },
      ];
    case "grade":
      return [
        { expr: c.providerGradeKey, dir: "desc" },
        { expr: c.providerScore, dir: "desc" },
        { expr: c.id, dir: "desc" },
      ];
    case "rating":
      return [
        { expr: c.providerRating, dir: "desc" },
        { expr: c.id, dir: "desc" },
      ];
    default:
      return [
        { expr: c.providerScore, dir: "desc" },
        { expr: c.id, dir: "desc" },
      ];
  }
}

export function listingShape(f: ListingFilters): Shape {
  // visible_from/until/days are kept by triggers: paused, suspended or unqualified → never.
  return {
    table: l,
    cols: listingCols,
    base: listingVisibleOnSql(l, f.today),
    filters: (c) => listingFilters(f, c),
    text: combineTsQuery(tsQuery(f.q), f),
    order: (c) => listingOrder(f.sort, c),
    selective: narrowRegion(f.regionCode, ["county"]),
    lexemes: lexemeGroups(f),
  };
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
  summary: sql<string>`left(${l.scope}, 120)`,
};

export async function listingRows(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select(listingRowFields)
    .from(l)
    .innerJoin(organisations, eq(organisations.id, l.providerId))
    .where(inArray(l.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is (typeof rows)[number] => r !== undefined);
}

export type ListingRow = Awaited<ReturnType<typeof listingRows>>[number];

export async function searchListings(db: DbOrTx, f: ListingFilters, trace?: Trace): Promise<Page<ListingRow>> {
  const page = pageOf(f.page);
  const hits = await findHits(db, listingShape(f), {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    tableName: "service_listings",
    trace,
  });
  return { rows: await listingRows(db, hits.ids), page, pageSize: PAGE_SIZE, total: hits.total, capped: hits.capped };
}
