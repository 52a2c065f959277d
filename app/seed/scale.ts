import postgres from "postgres";
import { indexTokens } from "../domain/cjk-tokens";
import { regionSearchKeys } from "../domain/region-keys";
import { regionPath, type Region } from "../domain/regions";
import type { ServiceCategoryCode } from "../domain/service-categories";
import { openDb } from "../../db/client";
import {
  LISTING_TEMPLATES,
  OPTIONAL_QUALIFICATION,
  companyName,
  countyPool,
  describeListing,
  describeProvider,
  industriesFor,
  rng,
  scaleId,
  scaleIdRange,
  scaleUscc,
  type Rng,
} from "./scale-data";

export type ScaleOptions = {
  databaseUrl: string;
  providers: number;
  listings: number;
  /** Asia/Shanghai date the qualification dates are generated around. */
  today: string;
  /** Delete a previous scale run (recognised by its id prefix) instead of refusing. */
  wipe: boolean;
  seed?: number;
  log?: (line: string) => void;
};

const CHUNK = 2000;
const DAY = 86_400_000;
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const pgArray = (xs: readonly string[]) => `{${xs.join(",")}}`;
// Our tokens are letters and digits only (app/domain/cjk-tokens.ts), so quoting is enough.
const tsv = (texts: string[]) =>
  indexTokens(texts)
    .map((t) => `'${t}'`)
    .join(" ");

/**
 * Fills PostgreSQL with `providers` provider organisations (with profiles and qualifications)
 * and `listings` service listings. Bulk-loads with multi-row INSERTs and builds the search
 * indexes afterwards (much faster than maintaining GIN indexes row by row); the listing
 * triggers run as in production, so the denormalised search columns are real.
 */
export async function seedScale(o: ScaleOptions): Promise<{ seconds: number }> {
  const started = Date.now();
  const log = (line: string) => (o.log ?? console.log)(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);
  const migrated = await openDb({ databaseUrl: o.databaseUrl, maxConnections: 1 });
  await migrated.close();
  const sql = postgres(o.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    log("migrated");
    await prepare(sql, o, log);
    const dropped = await dropSearchIndexes(sql);
    await sql`set synchronous_commit = off`;
    await setTouchTriggers(sql, "disable");
    try {
      await load(sql, o, log);
    } finally {
      await setTouchTriggers(sql, "enable");
    }
    log(`building ${dropped.length} search indexes…`);
    await sql`set maintenance_work_mem = '1GB'`;
    for (const def of dropped) await sql.unsafe(def);
    // VACUUM sets the visibility map too, so capped counts can skip heap pages.
    log("vacuum analyze…");
    await sql`vacuum analyze organisations, provider_profiles, qualifications, service_listings`;
  } finally {
    await sql.end();
  }
  return { seconds: Math.round((Date.now() - started) / 1000) };
}

async function prepare(sql: postgres.Sql, o: ScaleOptions, log: (l: string) => void) {
  const [lo, hi] = scaleIdRange("org");
  const [{ n }] = await sql<
    { n: number }[]
  >`select count(*)::int as n from organisations where id between ${lo} and ${hi}`;
  if (n === 0) return;
  if (!o.wipe) throw new Error(`a previous scale run (${n} providers) is present; run with --wipe to replace it`);
  log(`wiping the previous scale run (${n} providers)…`);
  await sql`delete from service_listings where provider_id between ${lo} and ${hi}`;
  await sql`delete from qualifications where provider_id between ${lo} and ${hi}`;
  await sql`delete from provider_profiles where org_id between ${lo} and ${hi}`;
  await sql`delete from organisations where id between ${lo} and ${hi}`;
}

/**
 * The triggers that re-flag a provider's listings when its organisation, profile or
 * qualifications change have nothing to do during the load (listings are written last and
 * flag themselves on insert), so they are paused rather than run 200,000 times for nothing.
 */
async function setTouchTriggers(sql: postgres.Sql, mode: "enable" | "disable") {
  await sql.unsafe(`alter table organisations ${mode} trigger organisations_listing_search_flags`);
  await sql.unsafe(`alter table provider_profiles ${mode} trigger provider_profiles_listing_search_flags`);
  await sql.unsafe(`alter table qualifications ${mode} trigger qualifications_listing_search_flags`);
}

/**
 * Drops the GIN and ordering indexes of the two searched tables, returning their definitions.
 * Primary keys, unique indexes and the provider_id indexes stay: the triggers look rows up by them.
 */
async function dropSearchIndexes(sql: postgres.Sql): Promise<string[]> {
  const rows = await sql<{ name: string; def: string }[]>`
    select indexname as name, indexdef as def from pg_indexes
    where schemaname = 'public' and tablename in ('provider_profiles', 'service_listings')
      and indexdef not like 'CREATE UNIQUE%' and indexname not like '%_provider_idx'`;
  for (const r of rows) await sql.unsafe(`drop index if exists "${r.name}"`);
  return rows.map((r) => r.def);
}

function listingCounts(r: Rng, providers: number, listings: number): number[] {
  const counts = Array.from({ length: providers }, () => r.int(1, 5));
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== listings) {
    const i = r.int(0, providers - 1);
    if (sum < listings && counts[i] < 8) {
      counts[i]++;
      sum++;
    } else if (sum > listings && counts[i] > 0) {
      counts[i]--;
      sum--;
    }
  }
  return counts;
}

async function load(sql: postgres.Sql, o: ScaleOptions, log: (l: string) => void) {
  const r = rng(o.seed ?? 20_250_615);
  const pool = countyPool();
  const counts = listingCounts(r, o.providers, o.listings);
  const keysCache = new Map<string, string>();
  const keysOf = (codes: string[]) => {
    const k = codes.join(",");
    if (!keysCache.has(k)) keysCache.set(k, pgArray(regionSearchKeys(codes)));
    return keysCache.get(k)!;
  };
  let listingNo = 0;
  let qualificationNo = 0;
  for (let start = 0; start < o.providers; start += CHUNK) {
    const orgs: Record<string, unknown>[] = [];
    const profiles: Record<string, unknown>[] = [];
    const quals: Record<string, unknown>[] = [];
    const listings: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(o.providers, start + CHUNK); i++) {
      const county = r.pick(pool);
      const id = scaleId("org", i);
      const { name, categories } = companyName(r, county);
      const industries = industriesFor(r);
      const served = servedRegions(r, county);
      const titles = categories.flatMap((c) => LISTING_TEMPLATES[c].titles);
      const grade = r.chance(0.22) ? null : r.pick(["A", "A", "B", "B", "B", "B", "C", "C", "D"] as const);
      const reviewCount = r.chance(0.3) ? 0 : Math.floor(r.next() ** 2 * 80) + 1;
      const average = 3.2 + r.next() * 1.8;
      const status = r.chance(0.85) ? "verified" : r.chance(0.85) ? "pending" : "rejected";
      orgs.push({
        id,
        kind: "provider",
        name,
        uscc: scaleUscc(county.code, i),
        region_code: county.code,
        industry_code: industries[0] ?? null,
        contact_phone: `0579-8${r.int(1_000_000, 9_999_999)}`,
        address: `${regionPath(county.code)
          .map((x) => x.name)
          .join("")}${r.pick(["人民路", "解放路", "工业园区", "科技大道"])}${r.int(1, 999)}号`,
        verification_status: status,
        verified_at: status === "verified" ? new Date() : null,
        suspended_at: r.chance(0.01) ? new Date() : null,
      });
      profiles.push({
        org_id: id,
        categories: pgArray(categories),
        description: describeProvider(r, name, county, industries, titles),
        staff_count: r.int(3, 200),
        contact_name: `${r.pick(["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"])}经理`,
        contact_phone: `13${r.int(100_000_000, 999_999_999)}`,
        region_codes: pgArray(served),
        region_keys: keysOf(served),
        industry_codes: pgArray(industries),
        credit_grade: grade,
        credit_computed_at: grade ? new Date() : null,
        review_count: reviewCount,
        rating_sum: Math.round(reviewCount * average),
        search_vector: "",
      });
      profiles[profiles.length - 1].search_vector = tsv([name, profiles[profiles.length - 1].description as string]);
      const held = qualificationTypes(r, categories);
      for (const type of held)
        quals.push(qualification(r, scaleId("qualification", qualificationNo++), id, type, o.today));
      for (let k = 0; k < counts[i]; k++) {
        listings.push(
          listing(
            r,
            scaleId("listing", listingNo++),
            id,
            name,
            r.pick(categories),
            county,
            served,
            industries,
            held,
            keysOf,
          ),
        );
      }
    }
    await copyRows(sql, "organisations", orgs);
    await copyRows(sql, "provider_profiles", profiles);
    await copyRows(sql, "qualifications", quals);
    await copyRows(sql, "service_listings", listings);
    const done = Math.min(o.providers, start + CHUNK);
    if (done % 10_000 === 0 || done === o.providers || done === CHUNK)
      log(`  ${done} providers, ${listingNo} listings, ${qualificationNo} qualifications`);
  }
}

/** COPY … FROM STDIN in text format: an order of magnitude faster than multi-row INSERTs. */
async function copyRows(sql: postgres.Sql, table: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const text = (v: unknown) =>
    v === null || v === undefined
      ? "\\N"
      : (v instanceof Date ? v.toISOString() : String(v)).replace(
          /[\\\t\n\r]/g,
          (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!,
        );
  const body = rows.map((row) => columns.map((c) => text(row[c])).join("\t")).join("\n") + "\n";
  const stream = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", resolve);
    stream.end(body);
  });
}

/** Most serve their own county, many their whole city, a few the province, some a second county. */
function servedRegions(r: Rng, county: Region): string[] {
  const path = regionPath(county.code);
  const x = r.next();
  const base = x < 0.55 ? county.code : x < 0.9 ? (path[1]?.code ?? county.code) : path[0]!.code;
  return r.chance(0.15) && county.parentCode
    ? [base, county.parentCode].filter((c, i, a) => a.indexOf(c) === i)
    : [base];
}

function qualificationTypes(r: Rng, categories: readonly ServiceCategoryCode[]): string[] {
  const types = new Set<string>();
  for (const c of categories) {
    const licensed = LISTING_TEMPLATES[c].qualification;
    if (licensed) types.add(licensed);
    else if (OPTIONAL_QUALIFICATION[c] && r.chance(0.5)) types.add(OPTIONAL_QUALIFICATION[c]!);
  }
  return [...types];
}

function qualification(r: Rng, id: string, providerId: string, type: string, today: string) {
  // About 12% expired, a few pending or rejected: their listings must not be found.
  const validTo = r.chance(0.12) ? addDays(today, -r.int(1, 700)) : addDays(today, r.int(30, 1800));
  const status = r.chance(0.92) ? "verified" : r.chance(0.6) ? "pending" : "rejected";
  const covers: Record<string, string> = {
    safety_assessment: "{assessment}",
    testing_inspection: "{testing}",
    occupational_health_tech: "{occupational_health}",
    registered_safety_engineer: "{engineer_firm,consulting,custody}",
    training_institution: "{training}",
    rescue_team: "{rescue}",
  };
  return {
    id,
    provider_id: providerId,
    type,
    certificate_no: `APJ-(浙)-${r.int(100, 999)}-${r.int(1000, 9999)}`,
    issuer: r.pick(["浙江省应急管理厅", "国家矿山安全监察局", "省卫生健康委员会", "市应急管理局"]),
    scope: "依证书所列业务范围",
    scope_categories: covers[type] ?? "{}",
    valid_from: addDays(validTo, -5 * 365),
    valid_to: validTo,
    status,
    reviewed_at: status === "pending" ? null : new Date(),
  };
}

function listing(
  r: Rng,
  id: string,
  providerId: string,
  providerName: string,
  category: ServiceCategoryCode,
  county: Region,
  served: string[],
  industries: string[],
  held: string[],
  keysOf: (codes: string[]) => string,
) {
  const t = LISTING_TEMPLATES[category];
  const base = r.pick(t.titles);
  const title = r.chance(0.5) ? `${base}（${county.name}）` : base;
  const { scope, deliverables } = describeListing(r, base, county, industries);
  const optional = OPTIONAL_QUALIFICATION[category];
  const required = t.qualification ?? (optional && held.includes(optional) && r.chance(0.6) ? optional : null);
  const regions = r.chance(0.7) ? served : [county.code];
  const yuan = r.int(t.yuan[0] / 100, t.yuan[1] / 100) * 100;
  return {
    id,
    provider_id: providerId,
    category,
    title,
    scope,
    deliverables,
    price_model:
      category === "custody"
        ? "yearly_custody"
        : (category === "testing" || category === "training") && r.chance(0.5)
          ? "per_visit"
          : "fixed",
    price_fen: yuan * 100,
    region_codes: pgArray(regions),
    region_keys: keysOf(regions),
    industry_codes: pgArray(industries),
    required_qualification_type: required,
    status: r.chance(0.04) ? "paused" : "active",
    search_vector: tsv([title, scope, deliverables, providerName]),
  };
}
