import { and, eq, inArray, min } from "drizzle-orm";
import { listingVisibleOnSql } from "../../db/schema/search-sql";
import type { DbOrTx } from "../../db/client";
import type { ProviderSearchQuery } from "../forms/search";
import { qualifications, serviceListings } from "../../db/schema";
import type { QualificationFacts } from "../domain/listing-visibility";
import { rankProviders, type MatchNeed, type MatchReason } from "../domain/matching";
import { MAX_PAGE, PAGE_SIZE, RANK_WINDOW } from "../domain/search-options";
import { findHits } from "./search-plan.server";
import {
  providerRows,
  providerShape,
  searchProviders,
  type Page,
  type ProviderFilters,
  type ProviderRow,
} from "./search.server";

export type DirectoryQuery = ProviderFilters & { budgetFen?: number };

/** The directory page and the API ask the same question in the same words. */
export function directoryQueryOf(q: ProviderSearchQuery): DirectoryQuery {
  return {
    q: q.q,
    category: q.category,
    regionCode: q.region,
    industryCode: q.industry,
    minGrade: q.grade,
    verifiedOnly: q.verified,
    sort: q.sort,
    page: q.page,
    budgetFen: q.budget,
  };
}
export type DirectoryRow = ProviderRow & { score: number | null; reasons: MatchReason[] };
export type DirectoryResult = Page<DirectoryRow> & { ranked: boolean };

/**
 * The public provider directory and GET /api/v1/providers: one function, so the page and the
 * API return the same ranked results.
 *
 * When the visitor states a need (category, region or industry) and keeps the default order,
 * the best RANK_WINDOW matches by grade and rating are re-ranked by app/domain/matching.ts,
 * which adds region, industry, qualification and price fit and says why; a bounded window
 * keeps the page fast at any scale. Any other request is the plain index-ordered search.
 */
export async function findProviders(db: DbOrTx, query: DirectoryQuery, today: string): Promise<DirectoryResult> {
  const wantsRanking =
    (query.sort ?? "relevance") === "relevance" && Boolean(query.category || query.regionCode || query.industryCode);
  if (!wantsRanking) {
    const page = await searchProviders(db, query);
    return { ...page, rows: page.rows.map((r) => ({ ...r, score: null, reasons: [] })), ranked: false };
  }

  // The best RANK_WINDOW matches in grade-and-rating order (bounded; see search-plan.server.ts).
  const hits = await findHits(db, providerShape(query), {
    offset: 0,
    limit: RANK_WINDOW,
    tableName: "provider_profiles",
    partial: true,
  });
  const window = await providerRows(db, hits.ids);
  const ids = window.map((r) => r.id);
  const [quals, prices] = await Promise.all([
    qualificationsOf(db, ids),
    query.category ? lowestPrices(db, ids, query.category, today) : Promise.resolve(new Map<string, number>()),
  ]);
  const need: MatchNeed = {
    category: query.category,
    regionCode: query.regionCode,
    industryCode: query.industryCode,
    budgetFen: query.budgetFen,
  };
  const ranked = rankProviders(
    need,
    window.map((r) => ({
      providerId: r.id,
      categories: r.categories,
      regionCodes: r.regionCodes,
      industryCodes: r.industryCodes,
      creditGrade: r.creditGrade,
      reviewCount: r.reviewCount,
      ratingSum: r.ratingSum,
      verified: r.verified,
      qualifications: quals.get(r.id) ?? [],
      priceFen: prices.get(r.id) ?? null,
    })),
    today,
  );
  const page = Math.min(MAX_PAGE, Math.max(1, Math.trunc(query.page ?? 1)));
  const byId = new Map(window.map((r) => [r.id, r]));
  const rows = ranked
    .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
    .map((m) => ({ ...byId.get(m.providerId)!, score: m.score, reasons: m.reasons }));
  return { rows, page, pageSize: PAGE_SIZE, total: ranked.length, capped: hits.capped, ranked: true };
}

async function qualificationsOf(db: DbOrTx, providerIds: string[]): Promise<Map<string, QualificationFacts[]>> {
  const out = new Map<string, QualificationFacts[]>();
  if (providerIds.length === 0) return out;
  const rows = await db
    .select({
      providerId: qualifications.providerId,
      type: qualifications.type,
      status: qualifications.status,
      validFrom: qualifications.validFrom,
      validTo: qualifications.validTo,
      scopeCategories: qualifications.scopeCategories,
    })
    .from(qualifications)
    .where(inArray(qualifications.providerId, providerIds));
  for (const { providerId, ...q } of rows) out.set(providerId, [...(out.get(providerId) ?? []), q]);
  return out;
}

/** Each provider's lowest price among its publicly visible listings of the category. */
async function lowestPrices(
  db: DbOrTx,
  providerIds: string[],
  category: NonNullable<ProviderFilters["category"]>,
  today: string,
) {
  const out = new Map<string, number>();
  if (providerIds.length === 0) return out;
  const rows = await db
    .select({ providerId: serviceListings.providerId, price: min(serviceListings.priceFen) })
    .from(serviceListings)
    .where(
      and(
        inArray(serviceListings.providerId, providerIds),
        eq(serviceListings.category, category),
        listingVisibleOnSql(serviceListings, today),
      ),
    )
    .groupBy(serviceListings.providerId);
  for (const r of rows) if (r.price != null) out.set(r.providerId, Number(r.price));
  return out;
}
