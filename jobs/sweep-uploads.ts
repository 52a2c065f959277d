// `npm run jobs:sweep-uploads` — removes uploaded bytes that no `files` row names and that are
// older than an hour (docs/decisions/010-file-storage.md). The server also does this at
// start-up; with several servers or long uptimes, run it hourly from cron. Safe at any time.
import { existsSync } from "node:fs";
import { openDb } from "../db/client";
import { sweepOrphanUploads } from "../app/services/files.server";
import { loadEnv } from "../app/utils/env.server";
import { configureLogger, logger } from "../app/utils/logger.server";

if (existsSync(".env")) process.loadEnvFile(".env");
const env = loadEnv();
configureLogger(env);
const handle = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  const removed = await sweepOrphanUploads(handle.db, env, { now: new Date() });
  logger.info(
    { job: "sweep-uploads", count: removed.length, storage: env.STORAGE_BACKEND, removed },
    `sweep-uploads: ${removed.length} orphaned file(s) removed`,
  );
} finally {
  await handle.close();
}
