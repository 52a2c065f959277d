// `npm test`: the type check (`tsc --noEmit`, counted as one test), unit tests, integration
// tests (PGlite, or PostgreSQL when DATABASE_URL is set), then the end-to-end tests in Chromium.
// Every stage runs even if an earlier one failed, so one run shows everything that is broken.
// Ends with one line: `N passed, M failed`. ANFU_TYPECHECKED=1 skips the type check when the
// caller has just done it (.ci/run checks once, then runs this twice).
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { projectRoot, run, runVitest, seconds, summaryLine } from "./run-vitest.mjs";

const total = { passed: 0, failed: 0, skipped: 0 };
const timings = [];
let anyStageFailed = false;

function add(stage, counts, started) {
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  if (counts.failed > 0) anyStageFailed = true;
  timings.push(`${stage} ${seconds(started)} (${summaryLine(counts)})`);
}

const database = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "PGlite";

if (process.env.ANFU_TYPECHECKED !== "1") {
  const started = Date.now();
  console.log("\n=== typecheck (tsc --noEmit) ===");
  const tsc = join(projectRoot, "node_modules", "typescript", "bin", "tsc");
  const code = await run(process.execPath, [tsc, "--noEmit"]);
  if (code !== 0) console.error(`typecheck: tsc exited with ${code}`);
  add("typecheck", code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }, started);
}

for (const project of ["unit", "integration"]) {
  const started = Date.now();
  console.log(`\n=== ${project} tests${project === "integration" ? ` on ${database}` : ""} ===`);
  add(project, await runVitest(["--project", project], { label: project }), started);
}

{
  const started = Date.now();
  console.log(`\n=== e2e tests on ${database} ===`);
  const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) {
    console.log(`e2e SKIPPED: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
    if (process.env.CI === "true") {
      console.error("e2e: CI=true requires Chromium; counted as a failure.");
      add("e2e", { passed: 0, failed: 1, skipped: 0 }, started);
    } else {
      add("e2e", { passed: 0, failed: 0, skipped: 1 }, started);
    }
  } else {
    const summaryFile = join(projectRoot, "tests", "e2e", ".artifacts", `e2e-summary-${process.pid}.json`);
    rmSync(summaryFile, { force: true });
    const code = await run(process.execPath, [join(projectRoot, "scripts", "e2e.mjs")], {
      ...process.env,
      ANFU_E2E_SUMMARY: summaryFile,
    });
    let counts = { passed: 0, failed: 1, skipped: 0 };
    try {
      counts = JSON.parse(readFileSync(summaryFile, "utf8"));
    } catch {
      console.error("e2e: no summary was written; counted as a failure");
    }
    rmSync(summaryFile, { force: true });
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    add("e2e", counts, started);
  }
}

console.log(`\nstage times: ${timings.join("; ")}`);
console.log(summaryLine(total));
process.exit(anyStageFailed || total.failed > 0 ? 1 : 0);
