import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_PAGE, PAGE_SIZE, pageFromUrl, pageWindow, parsePage, totalPages } from "./paging";

describe("parsePage: ?page= as typed (docs/architecture.md, Paging)", () => {
  it.each([
    [null, 1],
    [undefined, 1],
    ["", 1],
    ["1", 1],
    ["7", 7],
    [" 3 ", 3],
    ["0", 1],
    ["-3", 1],
    ["2.5", 1],
    ["abc", 1],
    ["1e3", 1],
    ["0x10", 1],
    ["10000", 10_000],
    ["10001", MAX_PAGE],
    ["99999999999999999999", 1],
    [4, 4],
    [0, 1],
    [2.5, 1],
    [Number.NaN, 1],
    [["2"], 1],
  ])("%j → %i", (raw, expected) => {
    expect(parsePage(raw)).toBe(expected);
  });

  it("always answers a whole page within 1…max, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null)),
        fc.integer({ min: 1, max: 50_000 }),
        (raw, max) => {
          const page = parsePage(raw, max);
          expect(Number.isInteger(page)).toBe(true);
          expect(page).toBeGreaterThanOrEqual(1);
          expect(page).toBeLessThanOrEqual(max);
        },
      ),
    );
  });

  it("reads the page from a URL, keeping the other parameters out of it", () => {
    expect(pageFromUrl("http://x/admin/organisations?q=五金&page=3")).toBe(3);
    expect(pageFromUrl("http://x/admin/organisations?page=x")).toBe(1);
    expect(pageFromUrl(new URL("http://x/list"))).toBe(1);
  });
});

describe("pageWindow and totalPages", () => {
  it("page n starts after the n−1 full pages before it", () => {
    expect(pageWindow(1)).toEqual({ page: 1, limit: PAGE_SIZE, offset: 0 });
    expect(pageWindow(3, 10)).toEqual({ page: 3, limit: 10, offset: 20 });
    expect(pageWindow(undefined)).toEqual({ page: 1, limit: PAGE_SIZE, offset: 0 });
    expect(pageWindow(-2).offset).toBe(0);
  });

  it("the pages of a list cover each row exactly once", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 1, max: 50 }), (total, size) => {
        const seen: number[] = [];
        for (let p = 1; p <= totalPages(total, size); p++) {
          const { offset, limit } = pageWindow(p, size);
          for (let row = offset; row < Math.min(offset + limit, total); row++) seen.push(row);
        }
        expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
      }),
    );
  });

  it.each([
    [0, 1],
    [1, 1],
    [20, 1],
    [21, 2],
    [-5, 1],
  ])("%i rows fill %i page(s) of 20", (total, pages) => {
    expect(totalPages(total, 20)).toBe(pages);
  });
});
