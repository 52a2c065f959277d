import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { openDb, type Db } from "../../../db/client";
import { withDatabase } from "../../setup/global-db";

/** Where a server finds its database: a PGlite folder, or a PostgreSQL URL. */
export type DatabaseLocation = { env: Record<string, string>; describe: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database filled by `fill`, and closed again before any server opens it:
 * PGlite allows one process per folder. On PostgreSQL (DATABASE_URL set) a new database
 * `anfu_e2e_<random>` is created beside the one the URL names, and dropped by `drop`.
 */
export async function prepareDatabase(fill: (db: Db) => Promise<void>): Promise<DatabaseLocation> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), "anfu-e2e-"));
    const handle = await openDb({ dataDir: dir });
    try {
      await fill(handle.db);
    } finally {
      await handle.close();
    }
    return {
      env: { DATA_DIR: dir, DATABASE_URL: "" },
      describe: `PGlite in ${dir}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }

  const name = `anfu_e2e_${randomBytes(5).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const databaseUrl = withDatabase(url, name);
  const handle = await openDb({ databaseUrl, maxConnections: 2 });
  try {
    await fill(handle.db);
  } finally {
    await handle.close();
  }
  return {
    env: { DATABASE_URL: databaseUrl },
    describe: `PostgreSQL database ${name}`,
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
