import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { openDb, type DbHandle } from "../../db/client";
import { withDatabase } from "./global-db";

export type TestDb = DbHandle & { name: string };

/**
 * A database of this test file's own: a clone of the migrated template on PostgreSQL
 * (DATABASE_URL set), or an in-memory PGlite otherwise. Call in beforeAll, close in afterAll.
 */
export async function createTestDb(options: { maxConnections?: number } = {}): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  const template = inject("templateDatabase");
  if (!url || !template) {
    const handle = await openDb({ dataDir: "memory://" });
    return { ...handle, name: "pglite" };
  }
  const name = `anfu_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const handle = await openDb({ databaseUrl: withDatabase(url, name), maxConnections: options.maxConnections ?? 10 });
  return {
    ...handle,
    name,
    close: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export const onPostgres = () => Boolean(process.env.DATABASE_URL);
