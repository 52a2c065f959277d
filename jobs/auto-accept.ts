// `npm run jobs:auto-accept` — accepts, as the system, every delivered engagement whose buyer
// stayed silent for 14 days (docs/decisions/005-auto-acceptance.md), once, by hand. The job
// queue already runs the same rule hourly (jobs/registry.ts, decision 012). Safe to run at any
// time: each acceptance re-checks under a row lock.
import { existsSync } from "node:fs";
import { openDb } from "../db/client";
import { AUTO_ACCEPT_DAYS } from "../app/domain/engagement-machine";
import { runAutoAcceptance } from "../app/services/engagement-auto-accept.server";
import { loadEnv } from "../app/utils/env.server";
import { configureLogger, logger } from "../app/utils/logger.server";

if (existsSync(".env")) process.loadEnvFile(".env");
const env = loadEnv();
configureLogger(env);
const handle = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const accepted = await runAutoAcceptance(handle.db, { now: new Date() });
  logger.info(
    { job: "auto-accept", count: accepted, days: AUTO_ACCEPT_DAYS, driver: handle.driver },
    `auto-accept: ${accepted} engagement(s) accepted after ${AUTO_ACCEPT_DAYS} days of silence`,
  );
} finally {
  await handle.close();
}
