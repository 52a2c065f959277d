// `npm run jobs:regrade` — the daily credit regrade: grades every verified provider never
// graded and regrades those whose 3-year window changed since their grade was computed (a record
// aged out), so grades age without waiting for another event. Safe to run at any time and as
// often as wanted (each regrade locks the provider's row and is idempotent); meant for once a day.
import { existsSync } from "node:fs";
import { openDb } from "../db/client";
import { regradeProviders } from "../app/services/credit.server";
import { loadEnv } from "../app/utils/env.server";
import { configureLogger, logger } from "../app/utils/logger.server";

if (existsSync(".env")) process.loadEnvFile(".env");
const env = loadEnv();
configureLogger(env);
const handle = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const regraded = await regradeProviders(handle.db, { now: new Date() });
  logger.info(
    { job: "regrade-providers", count: regraded.length, driver: handle.driver },
    `regrade: ${regraded.length} provider(s) regraded`,
  );
} finally {
  await handle.close();
}
