import type { TestProject } from "vitest/node";
import postgres from "postgres";
import { openDb } from "../../db/client";

declare module "vitest" {
  interface ProvidedContext {
    /** A migrated template database each test file clones (PostgreSQL only). */
    templateDatabase: string | null;
  }
}

/**
 * On PostgreSQL, migrate once into a template database; every test file then gets its own
 * fresh copy in milliseconds (CREATE DATABASE … TEMPLATE). On PGlite each file migrates an
 * in-memory database of its own.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    project.provide("templateDatabase", null);
    return;
  }
  const template = `anfu_test_tpl_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${template}`);
  await admin.unsafe(`CREATE DATABASE ${template}`);
  const handle = await openDb({ databaseUrl: withDatabase(url, template), maxConnections: 1 });
  await handle.close();
  project.provide("templateDatabase", template);
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
