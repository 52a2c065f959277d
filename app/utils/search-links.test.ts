import { describe, expect, it } from "vitest";
import { activeFilters, requestPrefillHref } from "./search-links";

const KEYS = ["q", "category", "region", "industry", "grade", "verified", "minPrice", "maxPrice"];

describe("links of an empty search", () => {
  it("one link per set filter, each dropping that filter and the page but keeping the rest and the sort", () => {
    const links = activeFilters(
      "/listings",
      { q: "危化", category: "assessment", region: "", grade: "A", sort: "price_asc", page: "3" },
      KEYS,
    );
    expect(links.map((l) => l.key)).toEqual(["q", "category", "grade"]);
    const params = links.map((l) => Object.fromEntries(new URL(l.href, "http://x").searchParams));
    expect(params[0]).toEqual({ category: "assessment", grade: "A", sort: "price_asc" });
    expect(params[1]).toEqual({ q: "危化", grade: "A", sort: "price_asc" });
    expect(params[2]).toEqual({ q: "危化", category: "assessment", sort: "price_asc" });
    expect(links.every((l) => l.href.startsWith("/listings?"))).toBe(true);
  });

  it("dropping the only filter gives the bare page; blanks are not filters", () => {
    expect(activeFilters("/providers", { q: "安评", region: "  " }, KEYS)).toEqual([
      { key: "q", value: "安评", href: "/providers" },
    ]);
    expect(activeFilters("/providers", {}, KEYS)).toEqual([]);
  });

  it("发布需求 carries the terms as the title and the category", () => {
    const href = requestPrefillHref({ q: " 有限空间 救援 ", category: "rescue", region: "370212" });
    expect(href.startsWith("/requests/new?")).toBe(true);
    expect(Object.fromEntries(new URL(href, "http://x").searchParams)).toEqual({
      title: "有限空间 救援",
      category: "rescue",
    });
    expect(requestPrefillHref({})).toBe("/requests/new");
  });
});
