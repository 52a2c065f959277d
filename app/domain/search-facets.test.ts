import { describe, expect, it } from "vitest";
import { combineTsQuery, facetQueryParts, industryKeys, queryLexemeGroups } from "./search-facets";

describe("facet lexemes for search filters", () => {
  it("ANDs the text with each facet", () => {
    expect(combineTsQuery("'检测'", { category: "testing", regionCode: "330700" })).toBe(
      "'检测' & 'c:testing' & 'r:330700'",
    );
  });

  it("a division matches itself or its section; a section all its divisions", () => {
    expect(industryKeys("26")).toEqual(["26", "C"]);
    expect(industryKeys("C")).toContain("43");
    expect(industryKeys("C")[0]).toBe("C");
    expect(facetQueryParts({ industryCode: "26" })).toEqual(["( 'i:26' | 'i:C' )"]);
    expect(facetQueryParts({ industryCode: "C" })).toEqual(["'is:C'"]);
  });

  it("nothing to search is null, not an empty query", () => {
    expect(combineTsQuery(null, {})).toBeNull();
    expect(combineTsQuery(null, { category: "training" })).toBe("'c:training'");
  });

  it("never lets a quote escape a lexeme", () => {
    expect(facetQueryParts({ category: "x'y" })).toEqual(["'c:xy'"]);
  });
});

describe("queryLexemeGroups", () => {
  it("lists the text tokens and one group per facet; a Latin prefix is unknown", () => {
    expect(
      queryLexemeGroups(
        [
          { lexeme: "检测", prefix: false },
          { lexeme: "iso", prefix: true },
        ],
        { category: "testing", industryCode: "26" },
      ),
    ).toEqual([["检测"], null, ["c:testing"], ["i:26", "i:C"]]);
  });
});
