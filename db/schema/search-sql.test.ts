import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GRADE_POINTS, GRADE_SORT_KEY } from "../../app/domain/rank-weights";
import { listingSearchFlagsFunctionSql } from "./search-sql";

const migrations = path.join(import.meta.dirname, "..", "migrations");

/** The newest migration that (re)defines the listing search-flags function: what the database runs. */
function latestTriggerMigration(): string {
  const files = readdirSync(migrations)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  const defining = files.filter((f) =>
    readFileSync(path.join(migrations, f), "utf8").includes("FUNCTION service_listing_search_flags()"),
  );
  return readFileSync(path.join(migrations, defining[defining.length - 1]!), "utf8");
}

describe("the listing search trigger is generated from rank-weights.ts", () => {
  it("the newest migration defining it carries exactly the generated function", () => {
    // On failure: a ranking weight changed; add a migration with `npx tsx scripts/print-search-trigger.ts`.
    expect(latestTriggerMigration()).toContain(listingSearchFlagsFunctionSql());
  });

  it("the generated text uses every grade weight of rank-weights.ts", () => {
    const text = listingSearchFlagsFunctionSql();
    for (const grade of ["A", "B", "C", "D"] as const) {
      expect(text).toContain(`WHEN '${grade}' THEN ${GRADE_POINTS[grade]} `);
      expect(text).toContain(`WHEN '${grade}' THEN ${GRADE_SORT_KEY[grade]} `);
    }
    expect(text).toContain(`ELSE ${GRADE_POINTS.none} END`);
  });
});
