/**
 * Links of a search page that found nothing (issue 11): the same search without one of its
 * filters, and "发布需求" with the terms pre-filled. Pure: the page's query values in, hrefs out.
 */
export type SearchValues = Record<string, string | undefined>;

/** A filter that is set: its key(s) in the query and the href of the search without it. */
export type ActiveFilter = { key: string; value: string; href: string };

/** Query keys that are paging or order, never a filter to suggest dropping. */
const NOT_FILTERS = new Set(["page", "sort"]);

const isSet = (v: string | undefined): v is string => v !== undefined && v.trim() !== "";

/** Every filter in `keys` that is set, in that order, with the href that drops it (and the page). */
export function activeFilters(path: string, values: SearchValues, keys: readonly string[]): ActiveFilter[] {
  const filters: ActiveFilter[] = [];
  for (const key of keys) {
    const value = values[key];
    if (NOT_FILTERS.has(key) || !isSet(value)) continue;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (k !== key && k !== "page" && isSet(v)) params.set(k, v);
    const query = params.toString();
    filters.push({ key, value, href: query ? `${path}?${query}` : path });
  }
  return filters;
}

/** /requests/new with the search's terms as the title and its category, when there are any. */
export function requestPrefillHref(values: SearchValues): string {
  const params = new URLSearchParams();
  if (isSet(values.q)) params.set("title", values.q.trim());
  if (isSet(values.category)) params.set("category", values.category);
  const query = params.toString();
  return query ? `/requests/new?${query}` : "/requests/new";
}
