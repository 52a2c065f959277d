import { describe, expect, it } from "vitest";
import { indexTokens, queryTokens, toTsQuery } from "./cjk-tokens";

/**
 * What PostgreSQL does with these tokens: a document matches a query when every query lexeme
 * is in the document's set (exact, or as a prefix for Latin words). Modelled here so the
 * "term found inside longer text" rule is tested without a database.
 */
function matches(text: string, query: string): boolean {
  const doc = new Set(indexTokens([text]));
  const q = queryTokens(query);
  if (q.length === 0) return false;
  return q.every((t) => (t.prefix ? [...doc].some((d) => d.startsWith(t.lexeme)) : doc.has(t.lexeme)));
}

const NAME = "金华市婺城区安泰安全技术咨询有限公司";

describe("Chinese terms of 1, 2 and 4 characters are found inside longer text (issue: search)", () => {
  const cases: Array<[string, string, boolean]> = [
    ["1 char at the start", "金", true],
    ["1 char in the middle", "泰", true],
    ["1 char absent", "评", false],
    ["2 chars in the middle", "婺城", true],
    ["2 chars spanning 字号 and 行业", "泰安", true],
    ["2 chars not adjacent in the text", "金婺", false],
    ["4 chars in the middle", "技术咨询", true],
    ["4 chars at the end", "有限公司", true],
    ["4 chars with one wrong", "技术评价", false],
    ["whole name", NAME, true],
    ["two words, both present", "婺城 咨询", true],
    ["two words, one absent", "婺城 检测", false],
  ];
  it.each(cases)("%s: %s", (_name, query, expected) => {
    expect(matches(NAME, query)).toBe(expected);
  });
});

describe("indexTokens", () => {
  it("indexes unigrams and bigrams of each Han run, not across runs", () => {
    expect(indexTokens(["安全，培训"]).sort()).toEqual(["全", "培", "培训", "安", "安全", "训"].sort());
  });

  it("lower-cases Latin words and keeps digits", () => {
    expect(indexTokens(["ISO 45001 Audit"]).sort()).toEqual(["45001", "audit", "iso"]);
  });

  it("splits mixed Latin/Han text where the script changes", () => {
    const tokens = indexTokens(["HSE安全GB30871"]);
    expect(tokens).toContain("hse");
    expect(tokens).toContain("安全");
    expect(tokens).toContain("gb30871");
    expect(matches("HSE安全GB30871", "安全")).toBe(true);
  });

  it("folds full-width letters and digits with NFKC", () => {
    expect(indexTokens(["ＩＳＯ４５００１认证"])).toEqual(expect.arrayContaining(["iso45001", "认证"]));
    expect(matches("ＩＳＯ认证", "iso")).toBe(true);
  });

  it("drops punctuation and empty inputs", () => {
    expect(indexTokens(["——（）、。！", null, undefined, ""])).toEqual([]);
  });

  it("de-duplicates across texts", () => {
    expect(indexTokens(["安全", "安全"]).sort()).toEqual(["全", "安", "安全"]);
  });
});

describe("queryTokens and toTsQuery", () => {
  it("a 1-character query is its unigram", () => {
    expect(queryTokens("安")).toEqual([{ lexeme: "安", prefix: false }]);
  });

  it("a 4-character query is the AND of its 3 bigrams", () => {
    expect(toTsQuery(queryTokens("职业卫生"))).toBe("'职业' & '业卫' & '卫生'");
  });

  it("Latin words match as prefixes, full-width folded", () => {
    expect(toTsQuery(queryTokens("ＩＳＯ 安全"))).toBe("'iso':* & '安全'");
  });

  it("a query of punctuation only has nothing to search", () => {
    expect(queryTokens("（）——!!")).toEqual([]);
    expect(toTsQuery([])).toBeNull();
  });

  it("never lets a quote or backslash escape the lexeme", () => {
    expect(toTsQuery([{ lexeme: "a'b\\c", prefix: false }])).toBe("'abc'");
  });

  it("de-duplicates repeated bigrams", () => {
    expect(queryTokens("安全安全").map((t) => t.lexeme)).toEqual(["安全", "全安"]);
  });
});
