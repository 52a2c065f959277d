/**
 * Paging and sorting of public search (app/services/search.server.ts), shared by the query
 * schemas, the pages and the API. Counting stops at COUNT_CAP and offset paging with it, so
 * no request scans every match; a need-ranked list re-orders the best RANK_WINDOW matches.
 */
import { PAGE_SIZE } from "./paging";

export { PAGE_SIZE };
export const COUNT_CAP = 200;
export const MAX_PAGE = COUNT_CAP / PAGE_SIZE;
export const RANK_WINDOW = 200;

export const PROVIDER_SORTS = ["relevance", "grade", "rating"] as const;
export const LISTING_SORTS = ["relevance", "price_asc", "price_desc", "grade", "rating"] as const;
export type ProviderSort = (typeof PROVIDER_SORTS)[number];
export type ListingSort = (typeof LISTING_SORTS)[number];

export const CREDIT_GRADES = ["A", "B", "C", "D"] as const;
