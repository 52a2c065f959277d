// End-to-end tests in Debian's Chromium: builds the app when the build is stale, then runs
// the Vitest "e2e" project (tests/e2e/vitest.e2e.config.ts), whose global setup prepares
// the databases and starts the built server. Extra arguments go to Vitest (a file filter).
//
// Exit code 0/1; ends with `N passed, M failed`. When ANFU_E2E_SUMMARY names a file, the
// counts are also written there as JSON for scripts/test.mjs.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot, run, runVitest, seconds, summaryLine } from "./run-vitest.mjs";

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const inCi = process.env.CI === "true";

function finish(counts, code) {
  if (process.env.ANFU_E2E_SUMMARY) writeFileSync(process.env.ANFU_E2E_SUMMARY, JSON.stringify(counts));
  console.log(summaryLine(counts));
  process.exit(code);
}

if (!existsSync(chromiumPath)) {
  console.log(`e2e SKIPPED: no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  if (inCi) {
    console.error("e2e: CI=true requires Chromium; failing.");
    finish({ passed: 0, failed: 1, skipped: 0 }, 1);
  }
  finish({ passed: 0, failed: 0, skipped: 1 }, 0);
}

/** Newest modification time under a path (files only), 0 if it does not exist. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const buildMarker = join(projectRoot, "build", "server", "index.js");
const sources = ["app", "db", "public", "vite.config.ts", "package.json", "package-lock.json", "tsconfig.json"];
const sourceTime = Math.max(...sources.map((s) => newestMtime(join(projectRoot, s))));
const buildTime = existsSync(buildMarker) ? statSync(buildMarker).mtimeMs : 0;

if (buildTime > sourceTime) {
  console.log("e2e: build/ is newer than the sources; not rebuilding");
} else {
  const started = Date.now();
  console.log("e2e: npm run build");
  const code = await run("npm", ["run", "build", "--silent"]);
  if (code !== 0) {
    console.error(`e2e: the build failed (exit ${code}); no e2e test ran`);
    finish({ passed: 0, failed: 1, skipped: 0 }, 1);
  }
  console.log(`e2e: built in ${seconds(started)}`);
}

const artifacts = join(projectRoot, "tests", "e2e", ".artifacts");
mkdirSync(artifacts, { recursive: true });
const teardownReport = join(artifacts, `teardown-${process.pid}.json`);
rmSync(teardownReport, { force: true });
const started = Date.now();
const counts = await runVitest(["--config", "tests/e2e/vitest.e2e.config.ts", ...process.argv.slice(2)], {
  label: "e2e",
  env: { ...process.env, CHROMIUM_PATH: chromiumPath, ANFU_E2E_TEARDOWN_REPORT: teardownReport },
});
console.log(`e2e: tests ran in ${seconds(started)}`);

// One more check: both servers stopped on SIGTERM with exit code 0 (graceful shutdown).
let teardown = null;
try {
  teardown = JSON.parse(readFileSync(teardownReport, "utf8"));
} catch {
  // no report: the global setup never got as far as starting the servers
}
rmSync(teardownReport, { force: true });
if (teardown && teardown.servers > 0 && teardown.problems.length === 0) {
  console.log(`e2e: ${teardown.servers} servers shut down cleanly on SIGTERM`);
  counts.passed += 1;
} else {
  console.error(
    `e2e: graceful shutdown check failed: ${teardown ? teardown.problems.join("; ") || "no server ran" : "no teardown report"}`,
  );
  counts.failed += 1;
}
finish(
  { passed: counts.passed, failed: counts.failed, skipped: counts.skipped },
  counts.exitCode === 0 && counts.failed === 0 ? 0 : 1,
);
