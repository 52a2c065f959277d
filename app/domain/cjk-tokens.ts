/**
 * Tokens for Chinese full-text search. PostgreSQL's `simple` configuration does not split
 * Chinese, so the app indexes every Han character (unigram) and every adjacent pair (bigram)
 * of each Han run, plus lower-cased Latin/digit words. A query of 1 character matches by
 * unigram; of 2+ characters by the AND of its bigrams, which finds the term inside longer text.
 * Text is NFKC-normalised first, so full-width Ｌａｔｉｎ and digits fold to ASCII.
 */
const HAN = /\p{Script=Han}/u;
// A Han run, or a run of other letters/digits: a Latin word must stop where Han begins,
// otherwise "ISO安全" would index as one word and 安全 would not be found in it.
const RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

export type QueryToken = { lexeme: string; prefix: boolean };

/** Longest lexeme we index; longer Latin "words" (hashes, URLs) are cut so tsvector accepts them. */
const MAX_WORD = 40;

export function indexTokens(texts: readonly (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.normalize("NFKC").matchAll(RUN)) {
      if (match[1]) {
        const chars = [...match[1]];
        chars.forEach((c, i) => {
          tokens.add(c);
          if (i + 1 < chars.length) tokens.add(c + chars[i + 1]);
        });
      } else if (match[2]) {
        tokens.add(match[2].toLowerCase().slice(0, MAX_WORD));
      }
    }
  }
  return [...tokens];
}

/** The lexemes a query must all match; empty when the query has nothing searchable. */
export function queryTokens(query: string): QueryToken[] {
  const out: QueryToken[] = [];
  for (const match of query.normalize("NFKC").matchAll(RUN)) {
    if (match[1]) {
      const chars = [...match[1]];
      if (chars.length === 1) out.push({ lexeme: chars[0], prefix: false });
      for (let i = 0; i + 1 < chars.length; i++) out.push({ lexeme: chars[i] + chars[i + 1], prefix: false });
    } else if (match[2]) {
      out.push({ lexeme: match[2].toLowerCase().slice(0, MAX_WORD), prefix: true });
    }
  }
  const seen = new Set<string>();
  return out.filter((t) => (seen.has(t.lexeme) ? false : (seen.add(t.lexeme), true)));
}

/** tsquery text for `::tsquery`: quoted lexemes joined by AND; Latin words match as prefixes. */
export function toTsQuery(tokens: readonly QueryToken[]): string | null {
  if (tokens.length === 0) return null;
  return tokens.map((t) => `'${t.lexeme.replace(/['\\]/g, "")}'${t.prefix ? ":*" : ""}`).join(" & ");
}

export const isHan = (c: string) => HAN.test(c);
