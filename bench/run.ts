import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { sql } from "drizzle-orm";
import { shanghaiDateString } from "../app/domain/format";
import { openDb } from "../db/client";
import { load, startApp, type HttpFigure } from "./http-bench";
import { TERMS, benchSql } from "./sql-bench";

/**
 * npm run bench [-- --runs=240 --seconds=20 --skip-http --skip-sql]
 * On the PostgreSQL of DATABASE_URL filled by `npm run seed:scale`: search SQL latency for
 * 1-, 2- and 4-character terms with and without filters, then the throughput of the built app's
 * /providers?q=… against its home page (a trivial Remix route: same root loader and layout, no
 * query). Needs `npm run build` first. Writes bench/results/latest.json.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "bench needs the PostgreSQL filled by `npm run seed:scale`: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/anfu_bench).",
  );
  process.exit(2);
}
const num = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const runs = num("runs", 240);
const seconds = num("seconds", 20);
const log = (line: string) => console.log(line);

const handle = await openDb({ databaseUrl: url, maxConnections: 4 });
const counts = (await handle.db.execute(sql`
  select (select count(*) from provider_profiles)::int as providers, (select count(*) from service_listings)::int as listings,
         (select count(*) from qualifications)::int as qualifications`)) as unknown as Array<Record<string, number>>;
const sizes = counts[0];
log(`data: ${sizes.providers} providers, ${sizes.listings} listings, ${sizes.qualifications} qualifications`);
if (sizes.providers < 90_000)
  log("warning: fewer than 100,000 providers — run `npm run seed:scale` for the figures the issue asks for");
const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
};
log(`machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, load average ${machine.loadavg.join(" ")}`);

log(`search SQL (${runs} runs per group, one at a time):`);
const today = shanghaiDateString(new Date());
const sqlFigures = process.argv.includes("--skip-sql") ? [] : await benchSql(handle.db, today, runs, log);
await handle.close();

let httpFigures: { search: HttpFigure; trivial: HttpFigure; ratio: number } | null = null;
if (!process.argv.includes("--skip-http")) {
  const serverBuild = "build/server/index.js";
  if (!existsSync(serverBuild) || !readFileSync(serverBuild, "utf8").includes("routes/search/providers")) {
    console.error(
      "bench: build/ is missing or predates the search routes — run `npm run build` (remix vite:build) first, or pass --skip-http.",
    );
    process.exit(2);
  }
  const port = 3900 + Math.floor(Math.random() * 90);
  const app = await startApp(url, port);
  try {
    const searchPaths = Object.values(TERMS)
      .flat()
      .map((q) => `/providers?q=${encodeURIComponent(q)}`);
    const opts = { concurrency: 16, seconds, maxRequests: 200_000 };
    await load(port, ["/"], { ...opts, seconds: 3 });
    await load(port, searchPaths, { ...opts, seconds: 3 });
    // The two routes take turns in 2-second slices, so load from anything else on the machine
    // falls on both alike instead of skewing whichever ran during it.
    log(`HTTP throughput (concurrency ${opts.concurrency}, ${seconds} s each, alternating 2 s slices):`);
    const slices = { trivial: [] as HttpFigure[], search: [] as HttpFigure[] };
    for (let i = 0; i < Math.ceil(seconds / 2); i++) {
      slices.trivial.push(await load(port, ["/"], { ...opts, seconds: 2 }));
      slices.search.push(await load(port, searchPaths, { ...opts, seconds: 2 }));
    }
    const trivial = combine(slices.trivial);
    const search = combine(slices.search);
    log(
      `  / (trivial Remix route): ${trivial.rps} req/s, p50 ${trivial.p50} ms, p95 ${trivial.p95} ms, errors ${trivial.errors}`,
    );
    log(`  /providers?q=…: ${search.rps} req/s, p50 ${search.p50} ms, p95 ${search.p95} ms, errors ${search.errors}`);
    const ratio = Math.round((search.rps / trivial.rps) * 100) / 100;
    log(`  ratio search / trivial: ${ratio} (target ≥ 0.35)`);
    httpFigures = { search, trivial, ratio };
  } finally {
    app.kill("SIGTERM");
  }
}

/** Slices summed: requests over time; latency percentiles are the slices' medians. */
function combine(parts: HttpFigure[]): HttpFigure {
  const requests = parts.reduce((a, p) => a + p.requests, 0);
  const secs = parts.reduce((a, p) => a + p.seconds, 0);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    path: parts[0].path,
    requests,
    errors: parts.reduce((a, p) => a + p.errors, 0),
    seconds: Math.round(secs * 100) / 100,
    rps: Math.round((requests / secs) * 10) / 10,
    p50: median(parts.map((p) => p.p50)),
    p95: median(parts.map((p) => p.p95)),
  };
}

mkdirSync("bench/results", { recursive: true });
writeFileSync(
  "bench/results/latest.json",
  JSON.stringify({ at: new Date().toISOString(), machine, sizes, sql: sqlFigures, http: httpFigures }, null, 2) + "\n",
);
log("wrote bench/results/latest.json");
