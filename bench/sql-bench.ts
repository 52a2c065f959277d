import { findProviders } from "../app/services/provider-directory.server";
import { searchListings, searchProviders, type CommonFilters } from "../app/services/search.server";
import type { Db } from "../db/client";
import { summarise } from "./stats";

/** Realistic keywords: a character, a word, a four-character term (several of each). */
export const TERMS: Record<"1" | "2" | "4", string[]> = {
  "1": ["安", "检", "卫", "婺", "训"],
  "2": ["安全", "检测", "金华", "培训", "婺城"],
  "4": ["职业卫生", "技术咨询", "安全评价", "应急救援", "压力容器"],
};

/** Filters a visitor combines with a keyword: a city, a county + category, grade, industry, price. */
export const FILTERS: CommonFilters[] = [
  { regionCode: "330700" },
  { regionCode: "330702", category: "consulting" },
  { category: "testing", minGrade: "B" },
  { industryCode: "C", verifiedOnly: true },
  { regionCode: "440300", minGrade: "A" },
];

export type SqlFigure = {
  target: "providers" | "listings" | "directory";
  chars: string;
  filtered: boolean;
  runs: number;
  p50: number;
  p95: number;
  max: number;
};

/**
 * Each search is the whole call the page makes (page rows + capped count), timed one at a time
 * so the figure is latency, not throughput. `runs` per group, cycling through terms × filters.
 */
export async function benchSql(db: Db, today: string, runs: number, log: (l: string) => void): Promise<SqlFigure[]> {
  const out: SqlFigure[] = [];
  const targets = {
    providers: (f: CommonFilters) => searchProviders(db, f),
    listings: (f: CommonFilters) => searchListings(db, { ...f, today }),
    // The ranked directory: the same search, plus matching over the best 200 candidates.
    directory: (f: CommonFilters) => findProviders(db, f, today),
  };
  for (const [target, run] of Object.entries(targets) as Array<
    [SqlFigure["target"], (f: CommonFilters) => Promise<unknown>]
  >) {
    for (const chars of ["1", "2", "4"] as const) {
      for (const filtered of [false, true]) {
        if (target === "directory" && !filtered) continue; // ranking needs a need
        const cases = TERMS[chars].flatMap((q) => (filtered ? FILTERS.map((f) => ({ q, ...f })) : [{ q }]));
        for (const c of cases) await run(c); // warm-up: plans cached, pages in memory
        const samples: number[] = [];
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          await run(cases[i % cases.length]);
          samples.push(performance.now() - started);
        }
        const figure = { target, chars, filtered, ...summarise(samples) };
        log(
          `  ${target} ${chars}-char ${filtered ? "with filters" : "no filters"}: p50 ${figure.p50} ms, p95 ${figure.p95} ms, max ${figure.max} ms`,
        );
        out.push(figure);
      }
    }
  }
  return out;
}
