// The browser's view of the region table (docs/decisions/016-client-i18n-and-region-data.md):
// every code with its level and parent, and the names of provinces and cities — but not of the
// ~3,000 counties, which are most of the table's weight; pickers fetch those per city on demand
// (/regions/:code/children). The server keeps the full table in regions.ts; both agree on
// every code (region-outline.test.ts).
import outline from "./data/region-outline";
import type { RegionLevel } from "./regions-types";

export type { RegionLevel } from "./regions-types";
export type RegionOption = { code: string; name: string };

type Outline = {
  provinces: RegionOption[];
  cities: Map<string, RegionOption[]>; // province code → its cities
  countyCodes: Map<string, string[]>; // city code → its county codes
  names: Map<string, string>; // province and city names
};

let parsed: Outline | undefined;

function parse(): Outline {
  if (parsed) return parsed;
  const result: Outline = { provinces: [], cities: new Map(), countyCodes: new Map(), names: new Map() };
  for (const block of outline.split(";")) {
    const [head, ...cityParts] = block.split(",");
    const province = `${head.slice(0, 2)}0000`;
    result.provinces.push({ code: province, name: head.slice(2) });
    result.names.set(province, head.slice(2));
    const cities: RegionOption[] = [];
    for (const part of cityParts) {
      const [cityHead, suffixes] = part.split(":");
      const city = `${head.slice(0, 2)}${cityHead.slice(0, 2)}00`;
      cities.push({ code: city, name: cityHead.slice(2) });
      result.names.set(city, cityHead.slice(2));
      result.countyCodes.set(city, suffixes.match(/\d\d/g)?.map((k) => city.slice(0, 4) + k) ?? []);
    }
    result.cities.set(province, cities);
  }
  parsed = result;
  return result;
}

/** Level of a known code; undefined for unknown ones (same answers as regions.ts). */
export function regionLevel(code: string): RegionLevel | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const { names, countyCodes } = parse();
  if (names.has(code)) return code.endsWith("0000") ? "province" : "city";
  return countyCodes.get(`${code.slice(0, 4)}00`)?.includes(code) ? "county" : undefined;
}

export function isValidRegionCode(code: string): boolean {
  return regionLevel(code) !== undefined;
}

/** Codes from the province down to `code` (e.g. 330000, 330700, 330702); [] when unknown. */
export function regionCodePath(code: string): string[] {
  const level = regionLevel(code);
  if (level === "province") return [code];
  if (level === "city") return [`${code.slice(0, 2)}0000`, code];
  if (level === "county") return [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  return [];
}

/** Provinces (parent null) or a province's cities, named; undefined for a city (counties load on demand). */
export function outlineChildren(parent: string | null): RegionOption[] | undefined {
  const { provinces, cities } = parse();
  if (parent === null) return provinces;
  return regionLevel(parent) === "province" ? (cities.get(parent) ?? []) : undefined;
}

/** Whether a city has counties below it (东莞, 中山, 儋州 have none) — known without fetching. */
export function hasCounties(cityCode: string): boolean {
  return (parse().countyCodes.get(cityCode)?.length ?? 0) > 0;
}

/** Province or city name; undefined for counties and unknown codes. */
export function outlineName(code: string): string | undefined {
  return parse().names.get(code);
}

// 北京/天津/上海/重庆: the city level is only a container (市辖区/县).
const MUNICIPALITIES = new Set(["110000", "120000", "310000", "500000"]);

/**
 * Name as written in an address from the province → … → `code` chain, e.g. "浙江省金华市婺城区"
 * or "北京市朝阳区": city-level containers are left out — a municipality's city level always
 * (it only repeats the province), 省直辖县级行政区划 (city digits "90") whenever a county
 * follows. Shared by regions.ts (full table) and the pickers (outline + fetched counties).
 */
export function addressName(path: readonly { code: string; name: string }[]): string {
  const last = path.length - 1;
  return path
    .filter((r, i) => {
      const isCity = r.code.slice(4) === "00" && r.code.slice(2) !== "0000";
      if (!isCity) return true;
      if (MUNICIPALITIES.has(`${r.code.slice(0, 2)}0000`)) return false;
      return !(r.code.slice(2, 4) === "90" && i < last);
    })
    .map((r) => r.name)
    .join("");
}
