import { sql, type SQL } from "drizzle-orm";

/**
 * A text array as ONE bound parameter in PostgreSQL's array literal form. Drizzle expands a
 * JS array inside sql`` into a parenthesised list of parameters, which is not an array, and a
 * long token list would also cost hundreds of parameters; this works the same on postgres.js
 * and PGlite.
 */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

export function textArray(values: readonly string[], type: "text" | "varchar" = "text"): SQL {
  return type === "varchar" ? sql`${textArrayLiteral(values)}::varchar[]` : sql`${textArrayLiteral(values)}::text[]`;
}
