// Runs one Vitest invocation with the JSON reporter beside the usual one, and returns its
// counts. Shared by scripts/test.mjs and scripts/e2e.mjs.
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const vitestBin = join(projectRoot, "node_modules", "vitest", "vitest.mjs");

/** @typedef {{ passed: number, failed: number, skipped: number, exitCode: number }} Counts */

/**
 * @param {string[]} args arguments after `vitest run`
 * @param {{ label: string, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<Counts>}
 */
export async function runVitest(args, { label, env = process.env }) {
  const jsonFile = join(tmpdir(), `anfu-vitest-${label}-${process.pid}.json`);
  rmSync(jsonFile, { force: true });
  const exitCode = await run(
    process.execPath,
    [vitestBin, "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${jsonFile}`],
    env,
  );

  let report = null;
  try {
    report = JSON.parse(readFileSync(jsonFile, "utf8"));
  } catch {
    // No report: Vitest could not start or crashed; counted as one failure below.
  }
  rmSync(jsonFile, { force: true });
  const counts = {
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? 0,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
    exitCode,
  };
  // A file that fails to load, or an error in a global setup/teardown, fails no single test
  // but must not pass unnoticed.
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  if (counts.passed + counts.failed === 0 && exitCode === 0) {
    console.error(`${label}: Vitest ran no test`);
    counts.failed = 1;
  }
  return counts;
}

/** Spawns a command with inherited output; resolves with its exit code. */
export function run(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(`${command}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** The closing line CI reads: `N passed, M failed[, K skipped]`. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

export function seconds(startMs) {
  return `${((Date.now() - startMs) / 1000).toFixed(1)} s`;
}
