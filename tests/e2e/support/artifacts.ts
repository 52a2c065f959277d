import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Where an e2e run keeps its server logs: one folder per run (scripts/e2e.mjs sets
 * ANFU_E2E_RUN_ID), so CI's PGlite and PostgreSQL runs, side by side in one checkout, never
 * write into each other's logs (access-log.e2e reads its server's log back).
 */
export function artifactsDir(): string {
  const dir = fileURLToPath(new URL(`../.artifacts/run-${process.env.ANFU_E2E_RUN_ID ?? "local"}`, import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir;
}
