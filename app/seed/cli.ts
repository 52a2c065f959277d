import { existsSync } from "node:fs";
import { openDb } from "../../db/client";
import { loadEnv } from "../utils/env.server";
import { seedDemo } from "./demo";

if (existsSync(".env")) process.loadEnvFile(".env");
const env = loadEnv();
if (env.NODE_ENV === "production") {
  console.error("Refusing to seed demo passwords and API tokens in production (NODE_ENV=production).");
  process.exit(1);
}
const handle = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
try {
  await seedDemo(handle.db, env, new Date());
  console.log(`demo data seeded into ${handle.driver}`);
} finally {
  await handle.close();
}
