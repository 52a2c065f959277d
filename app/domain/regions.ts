// Administrative regions (GB/T 2260 province / city / county codes), backed by
// data/regions.json, which scripts/build-regions.mjs generates.
//
// Codes are always 6 digits: province 330000, city 330700, county 330702.
// Every county code starts with its city's 4 digits and every city code with
// its province's 2 digits (the build relies on the source data guaranteeing
// this), which is what lets a bureau's jurisdiction be a simple LIKE prefix.
import rows from "./data/regions.json";
import { addressName } from "./region-outline";
import type { RegionLevel } from "./regions-types";

export type { RegionLevel } from "./regions-types";

export type Region = {
  code: string;
  name: string;
  parentCode: string | null;
  level: RegionLevel;
};

type Row = [code: string, name: string, parentCode: string | null];

const byCode = new Map<string, Region>();
const children = new Map<string | null, Region[]>();

// Rows are sorted by code, so parents are always seen before their children
// and every children list comes out in code order.
for (const [code, name, parentCode] of rows as Row[]) {
  const parent = parentCode === null ? undefined : byCode.get(parentCode);
  if (parentCode !== null && !parent) throw new Error(`regions.json: ${code} before its parent ${parentCode}`);
  const level: RegionLevel = !parent ? "province" : parent.level === "province" ? "city" : "county";
  const region: Region = Object.freeze({ code, name, parentCode, level });
  byCode.set(code, region);
  const siblings = children.get(parentCode);
  if (siblings) siblings.push(region);
  else children.set(parentCode, [region]);
}

/** The region with this 6-digit code, or undefined if the code is unknown. */
export function getRegion(code: string): Region | undefined {
  return byCode.get(code);
}

export function isValidRegionCode(code: string): boolean {
  return byCode.has(code);
}

/** Level of a known code; undefined for unknown codes rather than a guess from the digits. */
export function regionLevel(code: string): RegionLevel | undefined {
  return byCode.get(code)?.level;
}

/** Direct children in code order; `null` lists the provinces. Unknown codes and counties → []. */
export function childrenOf(code: string | null): Region[] {
  // A copy, so callers may sort or filter without corrupting the index.
  return (children.get(code) ?? []).slice();
}

/** Province → city → county chain ending at `code`; [] for an unknown code. */
export function regionPath(code: string): Region[] {
  const path: Region[] = [];
  for (let r = byCode.get(code); r; r = r.parentCode === null ? undefined : byCode.get(r.parentCode)) {
    path.unshift(r);
  }
  return path;
}

/**
 * Name as written in an address, e.g. "浙江省金华市婺城区" or "北京市朝阳区".
 * City-level containers are left out so we never print "北京市北京市朝阳区" or
 * "湖北省省直辖县级行政区划仙桃市": a municipality's city level always (it only
 * repeats the province), 省直辖县级行政区划 (city digits "90" in GB/T 2260)
 * whenever a county follows. Unknown code → "".
 */
export function regionFullName(code: string): string {
  return addressName(regionPath(code));
}

/** Address names of several codes, for a loader to hand to the page (the browser lacks county names). */
export function regionNamesOf(codes: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...codes].map((code) => [code, regionFullName(code)]));
}

/**
 * Prefix of the codes a bureau at this region oversees, for `code LIKE prefix || '%'`:
 * 330000 → "33", 330700 → "3307", 330702 → "330702". Unknown code → null, never
 * "" — an empty prefix would match the whole country.
 */
export function regionScopePrefix(code: string): string | null {
  const level = regionLevel(code);
  if (level === "province") return code.slice(0, 2);
  if (level === "city") return code.slice(0, 4);
  if (level === "county") return code;
  return null;
}

/** Whether `code` lies within (or is) the region `scopeCode`. False if either is unknown. */
export function regionContains(scopeCode: string, code: string): boolean {
  const prefix = regionScopePrefix(scopeCode);
  return prefix !== null && byCode.has(code) && code.startsWith(prefix);
}

/**
 * The county-level units a company in this region can be registered under:
 * a county → itself; a city → its counties; a province → all its counties.
 * Cities without counties (东莞 441900, 中山 442000, 儋州 460400) stand in for
 * themselves, since the source data has no county level below them.
 */
export function countiesWithin(code: string): Region[] {
  const region = byCode.get(code);
  if (!region) return [];
  const kids = children.get(code) ?? [];
  if (region.level === "county" || (region.level === "city" && kids.length === 0)) return [region];
  return kids.flatMap((k) => countiesWithin(k.code));
}
