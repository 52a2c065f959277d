import { divisionsOf, getIndustry, sectionOf } from "./industries";

/**
 * Filter values as lexemes of the search vector (migration search_facet_lexemes adds them to
 * every provider and listing): c:<category>, r:<region key>, i:<industry code>. A filter then
 * joins the text in one tsquery, and the GIN index intersects everything at once.
 * Text tokens are letters and digits only (cjk-tokens.ts), so they never look like facets.
 */
export type FacetFilters = { category?: string; regionCode?: string; industryCode?: string };

const quote = (lexeme: string) => `'${lexeme.replace(/['\\]/g, "")}'`;

/** A section stands for itself and all its divisions; a division also for its section. */
export function industryKeys(code: string): string[] {
  const industry = getIndustry(code);
  if (!industry) return [code];
  if (industry.kind === "section") return [code, ...divisionsOf(code).map((d) => d.code)];
  const section = sectionOf(code);
  return section ? [code, section.code] : [code];
}

/** tsquery fragments, each to be AND-ed: one per facet filter given. */
export function facetQueryParts(f: FacetFilters): string[] {
  const parts: string[] = [];
  if (f.category) parts.push(quote(`c:${f.category}`));
  if (f.regionCode) parts.push(quote(`r:${f.regionCode}`));
  if (f.industryCode) {
    // Rows carry is:<section> for every industry they declare (migration
    // search_industry_sections), so a section is one lexeme; a division also matches rows
    // that declare its whole section.
    const industry = getIndustry(f.industryCode);
    if (industry?.kind === "section") parts.push(quote(`is:${f.industryCode}`));
    else {
      const keys = industryKeys(f.industryCode).map((k) => quote(`i:${k}`));
      parts.push(keys.length === 1 ? keys[0] : `( ${keys.join(" | ")} )`);
    }
  }
  return parts;
}

/** The whole tsquery: the text's AND-ed tokens and every facet; null when there is neither. */
export function combineTsQuery(text: string | null, f: FacetFilters): string | null {
  const parts = [...(text ? [text] : []), ...facetQueryParts(f)];
  return parts.length ? parts.join(" & ") : null;
}

/**
 * The lexemes a search must match, as an AND of OR-groups (null for a Latin prefix, whose
 * frequency is unknown): the text's tokens, then one group per facet filter.
 */
export function queryLexemeGroups(
  tokens: ReadonlyArray<{ lexeme: string; prefix: boolean }>,
  f: FacetFilters,
): Array<string[] | null> {
  const groups: Array<string[] | null> = tokens.map((t) => (t.prefix ? null : [t.lexeme]));
  if (f.category) groups.push([`c:${f.category}`]);
  if (f.regionCode) groups.push([`r:${f.regionCode}`]);
  if (f.industryCode) {
    const industry = getIndustry(f.industryCode);
    groups.push(
      industry?.kind === "section" ? [`is:${f.industryCode}`] : industryKeys(f.industryCode).map((k) => `i:${k}`),
    );
  }
  return groups;
}
