/**
 * Offset paging for every list (docs/architecture.md, "Paging"): one page size, one way to read
 * `?page=` from a URL, one offset/limit and page count. Public search has its own tighter cap
 * (app/domain/search-options.ts) but the same page size.
 */
export const PAGE_SIZE = 20;

/** Deep enough for any real list; a larger number is a typo or a crawler, not a reader. */
export const MAX_PAGE = 10_000;

/** What a list service answers: one page of rows and what the pager needs. */
export type PageOf<T> = { rows: T[]; total: number; page: number; pageSize: number };

/**
 * `?page=` as the user typed it: a whole number from 1 to MAX_PAGE; anything else (missing,
 * "abc", "2.5", "-3", "1e9") means page 1 rather than an error, because a bad page number in a
 * shared link should still show the list.
 */
export function parsePage(raw: unknown, maxPage: number = MAX_PAGE): number {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 1 ? Math.min(raw, maxPage) : 1;
  if (typeof raw !== "string" || !/^\s*\d{1,12}\s*$/.test(raw)) return 1;
  const page = Number(raw);
  return page >= 1 ? Math.min(page, maxPage) : 1;
}

/** The page from a URL's query string. */
export function pageFromUrl(url: string | URL, maxPage: number = MAX_PAGE): number {
  return parsePage(new URL(url).searchParams.get("page"), maxPage);
}

/** LIMIT and OFFSET for a page (clamped to 1…MAX_PAGE, so a caller's slip can't ask for row −20). */
export function pageWindow(page: number | undefined, pageSize: number = PAGE_SIZE) {
  const safe = parsePage(page ?? 1);
  return { page: safe, limit: pageSize, offset: (safe - 1) * pageSize };
}

/** How many pages `total` rows fill; an empty list still has one (empty) page. */
export function totalPages(total: number, pageSize: number = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / pageSize));
}
