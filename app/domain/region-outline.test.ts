// The browser's outline must answer exactly like the server's full table (regions.ts), or a
// form would accept on one side what the other rejects (docs/decisions/016-…).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import rows from "./data/regions.json";
import {
  addressName,
  hasCounties,
  isValidRegionCode,
  outlineChildren,
  outlineName,
  regionCodePath,
  regionLevel,
} from "./region-outline";
import * as full from "./regions";

const codes = (rows as [string, string, string | null][]).map(([code]) => code);

describe("region outline (browser) agrees with regions.ts (server)", () => {
  it("covers the whole table (guards against an empty loop)", () => {
    expect(codes.length).toBeGreaterThan(3000);
  });

  it("knows every code, with its level and its province → code chain", () => {
    for (const code of codes) {
      expect(regionLevel(code), code).toBe(full.regionLevel(code));
      expect(regionCodePath(code), code).toEqual(full.regionPath(code).map((r) => r.code));
    }
  });

  it("rejects what the table rejects, for any string and any 6 digits", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^\d{6}$/),
          fc.constantFrom(...codes).map((c) => c.slice(0, 5) + "9"),
        ),
        (code) => {
          expect(isValidRegionCode(code)).toBe(full.isValidRegionCode(code));
        },
      ),
    );
  });

  it("lists provinces and cities with the same names and order, and leaves counties to be fetched", () => {
    expect(outlineChildren(null)).toEqual(full.childrenOf(null).map(({ code, name }) => ({ code, name })));
    for (const province of full.childrenOf(null)) {
      expect(outlineChildren(province.code)).toEqual(
        full.childrenOf(province.code).map(({ code, name }) => ({ code, name })),
      );
      for (const city of full.childrenOf(province.code)) {
        expect(outlineName(city.code)).toBe(city.name);
        expect(hasCounties(city.code)).toBe(full.childrenOf(city.code).length > 0);
        expect(outlineChildren(city.code)).toBeUndefined();
      }
    }
  });

  it("writes address names like the table: 北京市朝阳区, 湖北省仙桃市, 浙江省金华市婺城区", () => {
    const named = (code: string) => addressName(full.regionPath(code));
    expect(named("110105")).toBe("北京市朝阳区");
    expect(named("429004")).toBe("湖北省仙桃市");
    expect(named("330702")).toBe("浙江省金华市婺城区");
    expect(named("330700")).toBe("浙江省金华市");
  });
});
