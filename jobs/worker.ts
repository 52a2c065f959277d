// `npm run worker` — runs the job queue in a process of its own (set JOBS_IN_PROCESS=false on
// the web processes then). Several workers may run against one PostgreSQL database.
import { existsSync } from "node:fs";
import { openDb } from "../db/client";
import { loadEnv } from "../app/utils/env.server";
import { configureLogger, logger } from "../app/utils/logger.server";
import { startJobs } from "./runner";

if (existsSync(".env")) process.loadEnvFile(".env");
const env = loadEnv();
configureLogger(env);
const handle = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
const jobs = await startJobs(handle, env, { force: true });
logger.info({ jobs: jobs.kind, driver: handle.driver }, "worker started");

async function shutdown(signal: string) {
  logger.info({ signal }, "worker stopping");
  await jobs.stop();
  await handle.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
