import { asc, count, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client";

/**
 * Plan shapes for public search (search.server.ts). PostgreSQL estimates "a & b & c" as the
 * product of the three bigrams' frequencies, but the bigrams of one word always come together
 * (职业卫生 is in 10% of providers, estimated at 0.1%), so left alone it sorts ten thousand
 * GIN matches to show twenty. The shapes below bound the rows any query touches:
 * - plain: every filter in one WHERE, ORDER BY an indexed key, LIMIT — the planner walks the
 *   order index (frequent filters) or sorts the few GIN/bitmap matches (rare ones);
 * - window: the WINDOW best-ranked rows that pass the non-text filters, walked in index order,
 *   then the text test — a frequent term fills a page after a few dozen rows.
 */
export type SortKey = { expr: SQL | AnyColumn; dir: "asc" | "desc" };
export type Shape = { table: PgTable; id: AnyPgColumn; vector: AnyPgColumn; filters: SQL[]; text: string | null; order: SortKey[] };

export const WINDOW = 500;

const by = (k: SortKey) => (k.dir === "asc" ? asc(k.expr) : desc(k.expr));
const keyFields = (order: SortKey[]) =>
  Object.fromEntries(order.map((k, i) => [`k${i}`, sql`${k.expr}`.mapWith(String).as(`k${i}`)])) as Record<string, SQL.Aliased<string>>;

const textMatch = (vector: AnyColumn | SQL.Aliased, text: string) => sql`${vector} @@ ${text}::tsquery`;

/** The ids (and sort keys) of one page, as a subquery to join the display columns to. */
export function pageHits(db: DbOrTx, s: Shape, limit: number, offset: number, mode: "plain" | "window") {
  const keys = keyFields(s.order);
  let query;
  if (mode === "window" && s.text) {
    const window = db
      .select({ id: s.id, ...keys, sv: sql`${s.vector}`.as("sv") })
      .from(s.table)
      .where(s.filters.length ? sql.join(s.filters, sql` and `) : undefined)
      .orderBy(...s.order.map(by))
      .limit(WINDOW)
      .as("window");
    const w = window as unknown as Record<string, AnyPgColumn>;
    query = db
      .select({ id: w.id, ...Object.fromEntries(s.order.map((_, i) => [`k${i}`, w[`k${i}`]])) })
      .from(window)
      .where(textMatch(w.sv, s.text))
      .orderBy(...s.order.map((k, i) => by({ expr: w[`k${i}`], dir: k.dir })))
      .limit(limit)
      .offset(offset)
      .as("hits");
  } else {
    const where = s.text ? [...s.filters, textMatch(s.vector, s.text)] : s.filters;
    query = db
      .select({ id: s.id, ...keys })
      .from(s.table)
      .where(where.length ? sql.join(where, sql` and `) : undefined)
      .orderBy(...s.order.map(by))
      .limit(limit)
      .offset(offset)
      .as("hits");
  }
  const h = query as unknown as Record<string, AnyPgColumn>;
  return {
    query: query as typeof query & { id: AnyPgColumn },
    outerOrder: s.order.map((k, i) => by({ expr: h[`k${i}`], dir: k.dir })),
  };
}

/** count(*) of at most `cap` matches: no ORDER BY, so it stops as soon as it has them. */
export function countCapped(db: DbOrTx, s: Shape, cap: number) {
  const where = s.text ? [...s.filters, textMatch(s.vector, s.text)] : s.filters;
  const matches = db
    .select({ one: sql`1`.as("one") })
    .from(s.table)
    .where(where.length ? sql.join(where, sql` and `) : undefined)
    .limit(cap)
    .as("matches");
  return db.select({ n: count() }).from(matches);
}
