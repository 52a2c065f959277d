import { and, count, desc, asc, eq, gte, lte, ne, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { organisations, providerProfiles as p, serviceListings as l } from "../../db/schema";
import { bayesianRatingSql, gradeSortKeySql, staticScoreSql } from "../../db/schema/search-sql";
import { queryTokens, toTsQuery } from "../domain/cjk-tokens";
import { divisionsOf, getIndustry, sectionOf } from "../domain/industries";
import type { CreditGradeCode } from "../domain/rank-weights";
import type { ServiceCategoryCode } from "../domain/service-categories";
import { COUNT_CAP, MAX_PAGE, PAGE_SIZE, type ListingSort, type ProviderSort } from "../domain/search-options";
import { textArray } from "./pg-arrays.server";

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

function providerWhere(f: ProviderFilters): SQL {
  const where: SQL[] = [isNull(organisations.suspendedAt), ne(organisations.verificationStatus, "rejected")];
  const query = tsQuery(f.q);
  if (query) where.push(sql`${p.searchVector} @@ ${query}::tsquery`);
  if (f.regionCode) where.push(sql`${p.regionKeys} @> ${textArray([f.regionCode], "varchar")}`);
  if (f.category) where.push(sql`${p.categories} @> ARRAY[${f.category}]::service_category[]`);
  if (f.industryCode) where.push(sql`${p.industryCodes} && ${textArray(industryKeys(f.industryCode), "varchar")}`);
  if (f.minGrade) where.push(sql`${p.creditGrade} = ANY(${textArray(GRADES_AT_LEAST[f.minGrade])}::credit_grade[])`);
  if (f.verifiedOnly) where.push(eq(organisations.verificationStatus, "verified"));
  return and(...where)!;
}

/** Each order is an index order, walked backwards (see the indexes in db/schema/marketplace.ts). */
function providerOrder(sort: ProviderSort = "relevance"): SQL[] {
  if (sort === "grade") return [desc(gradeSortKeySql(p.creditGrade)), desc(providerScore), desc(p.orgId)];
  if (sort === "rating") return [desc(bayesianRatingSql(p.reviewCount, p.ratingSum)), desc(p.orgId)];
  return [desc(providerScore), desc(p.orgId)];
}

export const providerRowFields = {
  id: p.orgId,
  name: organisations.name,
  orgRegionCode: organisations.regionCode,
  verified: sql<boolean>`(${organisations.verificationStatus} = 'verified')`,
  categories: p.categories,
  regionCodes: p.regionCodes,
  industryCodes: p.industryCodes,
  creditGrade: p.creditGrade,
  reviewCount: p.reviewCount,
  ratingSum: p.ratingSum,
  summary: sql<string>`left(${p.description}, 140)`,
};

/** The SELECT behind a page of providers; exported so tests can EXPLAIN exactly this query. */
export function providerSearchQuery(db: DbOrTx, f: ProviderFilters, limit: number, offset: number) {
  return db
    .select(providerRowFields)
    .from(p)
    .innerJoin(organisations, eq(organisations.id, p.orgId))
    .where(providerWhere(f))
    .orderBy(...providerOrder(f.sort))
    .limit(limit)
    .offset(offset);
}

/** Counts matches up to COUNT_CAP + 1, in the same index order, so it stops early too. */
export function providerCountQuery(db: DbOrTx, f: ProviderFilters) {
  const matches = db
    .select({ one: sql`1`.as("one") })
    .from(p)
    .innerJoin(organisations, eq(organisations.id, p.orgId))
    .where(providerWhere(f))
    .orderBy(...providerOrder(f.sort))
    .limit(COUNT_CAP + 1)
    .as("matches");
  return db.select({ n: count() }).from(matches);
}

export type ProviderRow = Awaited<ReturnType<typeof providerSearchQuery>>[number];

export async function searchProviders(db: DbOrTx, f: ProviderFilters): Promise<Page<ProviderRow>> {
  const page = pageOf(f.page);
  const [rows, [{ n }]] = await Promise.all([
    providerSearchQuery(db, f, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    providerCountQuery(db, f),
  ]);
  return { rows, page, pageSize: PAGE_SIZE, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

// ---------------------------------------------------------------- listings

function listingWhere(f: ListingFilters): SQL {
  // visible_from/visible_until are kept by triggers: paused, suspended or unqualified → never.
  const where: SQL[] = [sql`${l.visibleFrom} <= ${f.today}::date`, sql`${l.visibleUntil} >= ${f.today}::date`];
  const query = tsQuery(f.q);
  if (query) where.push(sql`${l.searchVector} @@ ${query}::tsquery`);
  if (f.regionCode) where.push(sql`${l.regionKeys} @> ${textArray([f.regionCode], "varchar")}`);
  if (f.category) where.push(eq(l.category, f.category));
  if (f.industryCode) where.push(sql`${l.industryCodes} && ${textArray(industryKeys(f.industryCode), "varchar")}`);
  if (f.minGrade) where.push(sql`${l.providerGrade} = ANY(${textArray(GRADES_AT_LEAST[f.minGrade])}::credit_grade[])`);
  if (f.verifiedOnly) where.push(eq(l.providerVerified, true));
  if (f.minPriceFen != null) where.push(gte(l.priceFen, f.minPriceFen));
  if (f.maxPriceFen != null) where.push(lte(l.priceFen, f.maxPriceFen));
  return and(...where)!;
}

function listingOrder(sort: ListingSort = "relevance"): SQL[] {
  switch (sort) {
    case "price_asc":
      return [asc(l.priceFen), asc(l.id)];
    case "price_desc":
      return [desc(l.priceFen), desc(l.id)];
    case "grade":
      return [desc(l.providerGradeKey), desc(l.providerScore), desc(l.id)];
    case "rating":
      return [desc(l.providerRating), desc(l.id)];
    default:
      return [desc(l.providerScore), desc(l.id)];
  }
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
  summary: sql<string>`left(${l.scope}, 140)`,
};

export function listingSearchQuery(db: DbOrTx, f: ListingFilters, limit: number, offset: number) {
  return db
    .select(listingRowFields)
    .from(l)
    .innerJoin(organisations, eq(organisations.id, l.providerId))
    .where(listingWhere(f))
    .orderBy(...listingOrder(f.sort))
    .limit(limit)
    .offset(offset);
}

export function listingCountQuery(db: DbOrTx, f: ListingFilters) {
  const matches = db
    .select({ one: sql`1`.as("one") })
    .from(l)
    .where(listingWhere(f))
    .orderBy(...listingOrder(f.sort))
    .limit(COUNT_CAP + 1)
    .as("matches");
  return db.select({ n: count() }).from(matches);
}

export type ListingRow = Awaited<ReturnType<typeof listingSearchQuery>>[number];

export async function searchListings(db: DbOrTx, f: ListingFilters): Promise<Page<ListingRow>> {
  const page = pageOf(f.page);
  const [rows, [{ n }]] = await Promise.all([
    listingSearchQuery(db, f, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    listingCountQuery(db, f),
  ]);
  return { rows, page, pageSize: PAGE_SIZE, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
