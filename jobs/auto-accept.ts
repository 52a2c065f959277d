// `npm run jobs:auto-accept` — accepts, as the system, every delivered engagement whose buyer
// stayed silent for 14 days (docs/decisions/005-auto-acceptance.md), once, by hand. The job
// queue already runs the same rule hourly (jobs/registry.ts, decision 012). Safe to run at any
// time: each acceptance re-checks under a row lock.
import { existsSync } from "node:fs";
import { openDb } from "../db/client";
import { AUTO_ACCEPT_DAYS } from "../app/domain/engagement-machine";
import { runAutoAcceptance } from "../app/services/engagement-auto-accept.server";
import { loadEnv } from "../app/utils/env.server";

if (existsSync(".env")) process.loadEnvFile(".env");
const env = loadEnv();
const handle = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const accepted = await runAutoAcceptance(handle.db, { now: new Date() });
  console.log(
    `auto-accept: ${accepted} engagement(s) accepted after ${AUTO_ACCEPT_DAYS} days of silence (${handle.driver})`,
  );
} finally {
  await handle.close();
}
