import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";

/**
 * Rows of a raw statement. postgres.js answers an array, PGlite an object with `rows`; this is
 * the one place that knows, so raw SQL reads the same on both databases.
 */
export async function executeRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}
