/**
 * Query expansion with the reviewed synonym dictionary (data/search-synonyms.ts), issue 11:
 * "Abbreviations and synonyms … applied to the query so the index stays as it is", and "a service
 * category's name typed as a term finds that category's providers and listings".
 *
 * The query is cut into terms at spaces and punctuation. Each term becomes a group of
 * alternatives (the term itself first, then the term with each dictionary form it contains
 * replaced by the form's synonyms) plus the categories the term names. The search then ANDs the
 * groups and ORs inside a group: `expandedTsQuery` builds that tsquery with the same CJK tokens
 * as the index (cjk-tokens.ts), and a category becomes its facet lexeme c:<key>
 * (search-facets.ts), so 职业卫生 also finds a provider that only ticked the category.
 */
import { queryTokens, toTsQuery } from "./cjk-tokens";
import { CATEGORY_ALIASES, SEARCH_SYNONYMS } from "./data/search-synonyms";
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS, type ServiceCategoryCode } from "./service-categories";

/** A term with many matches multiplies: keep the tsquery small. */
export const MAX_ALTERNATIVES = 12;

const norm = (s: string) => s.normalize("NFKC").toLowerCase().trim();

/** form → the forms to search in its place (itself included, first). */
const replacements = new Map<string, string[]>();
function addReplacement(form: string, alternatives: readonly string[]) {
  const key = norm(form);
  const list = replacements.get(key) ?? [key];
  for (const alt of alternatives.map(norm)) if (!list.includes(alt)) list.push(alt);
  replacements.set(key, list);
}
for (const entry of SEARCH_SYNONYMS) {
  if (entry.kind === "same") for (const form of entry.forms) addReplacement(form, entry.forms);
  else addReplacement(entry.head, entry.members);
}
/** Longest first, so 危化品 wins over 危化 and 涉氨制冷 over 氨制冷. */
const FORMS = [...replacements.keys()].sort((a, b) => b.length - a.length);

const categoryByName = new Map<string, ServiceCategoryCode>();
for (const code of SERVICE_CATEGORIES) {
  const label = SERVICE_CATEGORY_LABELS[code];
  for (const name of [label.zh, label.en, ...(CATEGORY_ALIASES[code] ?? [])]) categoryByName.set(norm(name), code);
}

/** The category a single term names ("职业卫生", "职卫", "Occupational health"), or null. */
export function categoryForTerm(term: string): ServiceCategoryCode | null {
  return categoryByName.get(norm(term)) ?? null;
}

export type ExpandedTerm = { term: string; alternatives: string[]; categories: ServiceCategoryCode[] };

const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Category names of several words ("Occupational health", "Safety training"), as word lists,
 * longest first: typed in a query they stay one term, so the term still names the category.
 */
const MULTI_WORD_NAMES = [...categoryByName.keys()]
  .map(words)
  .filter((w) => w.length > 1)
  .sort((a, b) => b.length - a.length);

/**
 * Terms: runs between whitespace and punctuation (Han, Latin and digits stay together), except
 * that the words of a multi-word category name stay together as one term, "occupational health".
 */
export function splitTerms(query: string): string[] {
  const parts = words(norm(query));
  const terms: string[] = [];
  for (let i = 0; i < parts.length;) {
    const name = MULTI_WORD_NAMES.find((w) => w.every((word, k) => parts[i + k] === word));
    terms.push(name ? name.join(" ") : parts[i]!);
    i += name ? name.length : 1;
  }
  return terms;
}

const LATIN = /^[\p{Script=Latin}\p{N}]$/u;

/** Non-overlapping dictionary forms inside `term`, longest first, as [start, form]. */
function matches(term: string): Array<[number, string]> {
  const taken = new Array<boolean>(term.length).fill(false);
  const found: Array<[number, string]> = [];
  for (const form of FORMS) {
    let from = 0;
    for (let at = term.indexOf(form, from); at !== -1; at = term.indexOf(form, from)) {
      // A Latin form is a whole word: "ppe" must not fire inside "upper".
      const glued = (i: number, edge: string | undefined) =>
        edge !== undefined && LATIN.test(edge) && LATIN.test(term[i] ?? "");
      const wholeWord = !glued(at - 1, form[0]) && !glued(at + form.length, form.at(-1));
      if (wholeWord && !taken.slice(at, at + form.length).some(Boolean)) {
        found.push([at, form]);
        taken.fill(true, at, at + form.length);
      }
      from = at + 1;
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * Drops an alternative that contains another, all-Han one (危化品 when 危化 is there): the index
 * matches Han text by its characters and pairs, so whatever matches the longer also matches the
 * shorter, and the OR gains nothing. Latin words match as prefixes, so they are left alone.
 */
function withoutRedundant(alternatives: string[]): string[] {
  return alternatives.filter((b) => !alternatives.some((a) => a !== b && HAN_ONLY.test(a) && b.includes(a)));
}

export function expandTerm(term: string): ExpandedTerm {
  const t = norm(term);
  let alternatives = [""];
  let cursor = 0;
  for (const [at, form] of matches(t)) {
    const before = t.slice(cursor, at);
    const options = replacements.get(form)!;
    // Breadth-first: every prefix keeps its own form first, so the original term comes first.
    alternatives = alternatives.flatMap((prefix) => options.map((o) => prefix + before + o)).slice(0, MAX_ALTERNATIVES);
    cursor = at + form.length;
  }
  const all = [...new Set(alternatives.map((a) => a + t.slice(cursor)))];
  const categories = [...new Set(all.map(categoryForTerm).filter((c): c is ServiceCategoryCode => c !== null))];
  return { term: t, alternatives: withoutRedundant(all), categories };
}

/** One group per term of the query: AND the groups, OR inside a group. */
export function expandSearchTerms(query: string): ExpandedTerm[] {
  return [...new Set(splitTerms(query))].map(expandTerm);
}

/**
 * The text part of the search's tsquery with synonyms and category names, or null when nothing
 * is searchable: ( alt₁ tokens AND-ed | alt₂ … | 'c:<category>' ) & ( next term … ).
 * A term without synonyms or category gives exactly the tsquery of cjk-tokens.ts.
 */
export function expandedTsQuery(query: string): string | null {
  const expandedTerms = expandSearchTerms(query);
  // Nothing to expand: exactly today's query (its lexemes deduplicated across terms).
  if (
    expandedTerms.every((t) => t.alternatives.length === 1 && t.alternatives[0] === t.term && t.categories.length === 0)
  ) {
    return toTsQuery(queryTokens(query));
  }
  const groups: string[] = [];
  for (const expanded of expandedTerms) {
    const options = expanded.alternatives
      .map((alt) => toTsQuery(queryTokens(alt)))
      .filter((q): q is string => q !== null);
    options.push(...expanded.categories.map((c) => `'c:${c}'`));
    if (options.length === 0) continue;
    groups.push(
      options.length === 1
        ? options[0]!
        : `( ${options.map((o) => (o.includes(" & ") ? `( ${o} )` : o)).join(" | ")} )`,
    );
  }
  return groups.length ? groups.join(" & ") : null;
}

/**
 * The text part of the search plan's lexeme groups (search-facets.ts `queryLexemeGroups`, an
 * AND of OR-groups used for an upper bound on the matches) for the expanded query. A group of
 * alternatives matches at most what the union of one lexeme per alternative matches (each
 * alternative is an AND, contained in each of its lexemes), plus its category facet. A Latin
 * alternative is a prefix of unknown frequency, so its group is unknown (null). A query with
 * nothing to expand gives today's groups.
 */
export function expandedLexemeGroups(query: string): Array<string[] | null> {
  const expandedTerms = expandSearchTerms(query);
  if (
    expandedTerms.every((t) => t.alternatives.length === 1 && t.alternatives[0] === t.term && t.categories.length === 0)
  ) {
    return queryTokens(query).map((t) => (t.prefix ? null : [t.lexeme]));
  }
  return expandedTerms.map((expanded) => {
    const group: string[] = [];
    for (const alternative of expanded.alternatives) {
      const tokens = queryTokens(alternative);
      if (tokens.length === 0) continue;
      if (tokens.some((t) => t.prefix)) return null;
      // Any one of its lexemes bounds the alternative; take the last (deterministic).
      group.push(tokens.at(-1)!.lexeme);
    }
    group.push(...expanded.categories.map((c) => `c:${c}`));
    return group.length ? [...new Set(group)] : null;
  });
}
