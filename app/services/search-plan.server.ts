import { and, asc, desc, sql, type AnyColumn, type SQL, type SQLWrapper } from "drizzle-orm";
import { executeRows } from "./sql-rows.server";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client";
import { COUNT_CAP } from "../domain/search-options";

/**
 * How public search finds its hits with a bounded amount of work, whatever the planner
 * believes. PostgreSQL estimates "a & b & c" as the product of the bigrams' frequencies, but the
 * bigrams of one word come together (职业卫生 is in 10% of providers, estimated at 0.1%), and
 * filters can be anti-correlated (培训 providers rarely do 检测): left alone it either sorts ten
 * thousand matches to show twenty, or walks the whole ranking index looking for a rare one.
 *
 * A. The window: the WINDOW best-ranked public rows, in index order, filtered. Never more than
 *    WINDOW rows. A frequent term fills the page (and the 200+ count) from it.
 * B. The match set: every match through the GIN indexes (materialised, so no ORDER BY tempts
 *    the planner into a walk), top 201 sorted. Run only when the window found few matches,
 *    so the set is small.
 * C. A deep page of a frequent term: the plain index walk with OFFSET (matches are dense).
 */
export const WINDOW = 1000;
const CAP = COUNT_CAP + 1;

export type SortKey = { expr: SQL | AnyColumn; dir: "asc" | "desc" };
/** Column references of the searched table, or of the window over it (same names). */
export type Cols = Record<string, AnyPgColumn>;
export type Shape = {
  table: PgTable;
  cols: Cols;
  /** The rows that may be shown at all (listed provider / listing visible today). */
  base: SQL;
  filters: (c: Cols) => SQL[];
  text: string | null;
  order: (c: Cols) => SortKey[];
  /** The index alone narrows this search to a few thousand rows at most (a city or county). */
  selective?: boolean;
  /** The tsquery's lexemes as an AND of OR-groups (null: a prefix or unknown), for estimates. */
  lexemes?: Array<string[] | null>;
};
export type Hits = { ids: string[]; total: number; capped: boolean };
export type Trace = (step: "window" | "matches" | "walk", query: SQLWrapper) => void;

const by = (k: SortKey) => (k.dir === "asc" ? asc(k.expr) : desc(k.expr));
const keysOf = (order: SortKey[]) => Object.fromEntries(order.map((k, i) => [`k${i}`, sql`${k.expr}`.as(`k${i}`)]));
const outerOrder = (order: SortKey[], src: Record<string, unknown>) =>
  order.map((k, i) => by({ expr: src[`k${i}`] as AnyColumn, dir: k.dir }));
const conditions = (s: Shape, c: Cols) => [
  ...s.filters(c),
  ...(s.text ? [sql`${c.searchVector} @@ ${s.text}::tsquery`] : []),
];

/** Step A (and C, wider): at most `limit` hits among the `size` best-ranked public rows. */
export function windowQuery(db: DbOrTx, s: Shape, size = WINDOW, limit = CAP) {
  const order = s.order(s.cols);
  const window = db
    .select({ ...s.cols, ...keysOf(order) })
    .from(s.table)
    .where(s.base)
    .orderBy(...order.map(by))
    .limit(size)
    .as("window");
  const w = window as unknown as Cols;
  return db
    .select({ id: w.id })
    .from(window)
    .where(and(...conditions(s, w)))
    .orderBy(...outerOrder(order, w))
    .limit(limit);
}

/**
 * Step B: the first CAP of all matches, found through the GIN index and sorted. With a
 * tsquery, the other conditions (grade, price…) are only checked on its rows: `(…) IS TRUE` is
 * the same test in a form no index answers, so the planner cannot AND in a bitmap of 60,000.
 */
export function matchesQuery(db: DbOrTx, s: Shape): SQL {
  const order = s.order(s.cols);
  const others = s.filters(s.cols).map((c) => (s.text ? sql`(${c}) is true` : c));
  const conds = [...others, ...(s.text ? [sql`${s.cols.searchVector} @@ ${s.text}::tsquery`] : [])];
  const inner = db
    .select({ id: sql`${s.cols.id}`.as("id"), ...keysOf(order) })
    .from(s.table)
    .where(and(s.base, ...conds));
  // MATERIALIZED keeps ORDER BY … LIMIT outside, so the set is found by its filters alone.
  const orderBy = sql.join(
    order.map((k, i) => sql.raw(`k${i} ${k.dir}`)),
    sql`, `,
  );
  return sql`with matches as materialized (${inner}) select id from matches order by ${orderBy} limit ${sql.raw(String(CAP))}`;
}

const sizes = new Map<string, { rows: number; at: number }>();
/**
 * The planner's row count of the table (pg_class.reltuples), cached for a minute. The cache
 * keeps its own clock on purpose: the count only picks the shape of the query, never which
 * rows a user sees, so it takes no `now` from the caller.
 */
async function tableSize(db: DbOrTx, name: string): Promise<number> {
  const hit = sizes.get(name);
  if (hit && Date.now() - hit.at < 60_000) return hit.rows;
  const rows = await executeRows<{ n: number | string }>(
    db,
    sql`select reltuples::float8 as n from pg_class where relname = ${name} and relkind = 'r'`,
  );
  const n = Math.max(0, Number(rows[0]?.n ?? 0));
  sizes.set(name, { rows: n, at: Date.now() });
  return n;
}

async function rowsOf(db: DbOrTx, query: SQL): Promise<string[]> {
  return (await executeRows<{ id: string }>(db, query)).map((r) => r.id);
}

/**
 * The ordered ids of one page (or, for ranking, of the first `limit` candidates), the total
 * up to COUNT_CAP and whether there are more. `partial`: a ranking may make do with the
 * window's candidates.
 */
export async function findHits(
  db: DbOrTx,
  s: Shape,
  opts: { offset: number; limit: number; tableName: string; partial?: boolean; trace?: Trace },
): Promise<Hits> {
  const { offset, limit, trace } = opts;
  const page = (all: string[]) => all.slice(offset, offset + limit);
  const fromMatches = async () => {
    const q = matchesQuery(db, s);
    trace?.("matches", q);
    const all = await rowsOf(db, q);
    return { ids: page(all), total: Math.min(all.length, COUNT_CAP), capped: all.length > COUNT_CAP };
  };
  const rows = await tableSize(db, opts.tableName);
  if (rows < 2 * WINDOW || s.selective) return fromMatches();
  // A lexeme rarer than everything ANALYZE tracks bounds the match set: skip the window.
  const bound = await matchBound(db, opts.tableName, s.lexemes);
  if (bound !== null && bound * rows < DIRECT_MATCHES) return fromMatches();
  const wq = windowQuery(db, s);
  trace?.("window", wq);
  const hits = (await wq).map((r) => r.id as string);
  if (hits.length === CAP) return { ids: page(hits), total: COUNT_CAP, capped: true };
  // The window is a sample of the table in rank order: its share of hits estimates the whole.
  const estimate = (hits.length / WINDOW) * rows;
  if (estimate < 2 * COUNT_CAP || hits.length < MIN_DENSE_HITS) return fromMatches();
  if (offset + limit <= hits.length || (opts.partial && hits.length >= PAGE_FILL)) {
    return { ids: page(hits), total: COUNT_CAP, capped: true };
  }
  // Frequent enough to walk on in rank order, but past the window: a wider, still bounded one.
  const wide = windowQuery(db, s, WIDE_WINDOW, offset + limit);
  trace?.("walk", wide);
  const more = (await wide).map((r) => r.id as string);
  if (more.length === offset + limit) return { ids: page(more), total: COUNT_CAP, capped: true };
  return fromMatches();
}

/** Below this many possible matches the GIN match set is cheaper than looking at the window. */
const DIRECT_MATCHES = 1500;

type LexemeStats = { freq: Map<string, number>; floor: number; at: number };
const lexemeStatsCache = new Map<string, LexemeStats | null>();

/**
 * ANALYZE's most common lexemes of the table's search_vector with their document
 * frequencies (pg_stats), cached for ten minutes; null when the table has no statistics yet.
 * Like tableSize's, this cache's clock is internal: the statistics only pick the plan, never a result.
 * (A larger statistics target would list rarer lexemes too, but every plan of the search
 * would then read ten times more statistics: measured, it cost more than it saved.)
 */
async function lexemeStats(db: DbOrTx, table: string): Promise<LexemeStats | null> {
  const hit = lexemeStatsCache.get(table);
  if (hit && Date.now() - hit.at < 600_000) return hit;
  const rows = await executeRows<{ elems: string[] | null; freqs: number[] | null }>(
    db,
    sql`
    select most_common_elems::text::text[] as elems, most_common_elem_freqs::float8[] as freqs
    from pg_stats where schemaname = 'public' and tablename = ${table} and attname = 'search_vector'`,
  );
  const row = rows[0];
  let stats: LexemeStats | null = null;
  if (row?.elems && row.freqs && row.freqs.length >= row.elems.length + 1) {
    const freq = new Map(row.elems.map((e, i) => [e, Number(row.freqs![i])]));
    // After the elements' frequencies come the minimum, the maximum and the null frequency.
    stats = { freq, floor: Number(row.freqs[row.elems.length]), at: Date.now() };
  }
  lexemeStatsCache.set(table, stats ?? null);
  return stats;
}

/**
 * An upper bound on the share of rows the tsquery can match: each AND-ed group matches at most
 * the sum of its lexemes' frequencies, and a lexeme ANALYZE did not list is rarer than the
 * rarest it did. Null when unknown (no statistics, no lexemes, a prefix).
 */
async function matchBound(db: DbOrTx, table: string, groups: Shape["lexemes"]): Promise<number | null> {
  if (!groups || groups.length === 0) return null;
  const stats = await lexemeStats(db, table);
  if (!stats) return null;
  let bound = 1;
  for (const group of groups) {
    if (!group) continue;
    const share = group.reduce((sum, lexeme) => sum + (stats.freq.get(lexeme) ?? stats.floor), 0);
    bound = Math.min(bound, share);
  }
  return bound;
}

/** A page's worth, and the fewest window hits that make walking on cheaper than the match set. */
const PAGE_FILL = 20;
const MIN_DENSE_HITS = 10;
/** 10 hits in 1,000 rows → about 2,000 rows walked per page of 20: bounded at 10,000. */
export const WIDE_WINDOW = 10 * WINDOW;
