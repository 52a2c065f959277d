/**
 * Tokens for Chinese full-text search. PostgreSQL's `simple` configuration does not split
 * Chinese, so the app indexes every Han character (unigram) and every adjacent pair (bigram)
 * of each Han run, plus lower-cased Latin/digit words. A query of 1 character matches by
 * unigram; of 2+ characters by the AND of its bigrams, which finds the term inside longer text.
 */
const HAN = /\p{Script=Han}/u;
const RUN = /(\p{Script=Han}+)|([\p{L}\p{N}]+)/gu;

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
        tokens.add(match[2].toLowerCase());
      }
    }
  }
  return [...tokens];
}

/** The lexemes a query must all match; empty when the query has nothing searchable. */
export function queryTokens(query: string): Array<{ lexeme: string; prefix: boolean }> {
  const out: Array<{ lexeme: string; prefix: boolean }> = [];
  for (const match of query.normalize("NFKC").matchAll(RUN)) {
    if (match[1]) {
      const chars = [...match[1]];
      if (chars.length === 1) out.push({ lexeme: chars[0], prefix: false });
      for (let i = 0; i + 1 < chars.length; i++) out.push({ lexeme: chars[i] + chars[i + 1], prefix: false });
    } else if (match[2]) {
      out.push({ lexeme: match[2].toLowerCase(), prefix: true });
    }
  }
  const seen = new Set<string>();
  return out.filter((t) => (seen.has(t.lexeme) ? false : (seen.add(t.lexeme), true)));
}

/** tsquery text for `::tsquery`: quoted lexemes joined by AND; Latin words match as prefixes. */
export function toTsQuery(tokens: Array<{ lexeme: string; prefix: boolean }>): string | null {
  if (tokens.length === 0) return null;
  return tokens.map((t) => `'${t.lexeme.replace(/['\\]/g, "")}'${t.prefix ? ":*" : ""}`).join(" & ");
}

export const isHan = (c: string) => HAN.test(c);
