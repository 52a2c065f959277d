import { mkdirSync, writeFileSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { prepareDatabase, type DatabaseLocation } from "./databases";
import { fillDemo, fillProductionSmoke } from "./fixtures";
import { startServer, type RunningServer } from "./server";
import { artifactsDir } from "../support/artifacts";

declare module "vitest" {
  interface ProvidedContext {
    /** The development-mode server on the demo database. */
    baseURL: string;
    /** A production-mode server (NODE_ENV=production) on a database of its own. */
    productionURL: string;
    chromiumPath: string;
  }
}

const artifacts = artifactsDir();

/**
 * Databases are filled before the servers start (PGlite admits one process per folder).
 * Teardown stops each server with SIGTERM and fails the run unless it exits cleanly.
 */
export default async function setup(project: TestProject) {
  mkdirSync(artifacts, { recursive: true });
  const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  const databases: DatabaseLocation[] = [];
  const servers: { name: string; server: RunningServer }[] = [];

  const teardown = async () => {
    const problems: string[] = [];
    for (const { name, server } of servers.reverse()) {
      try {
        const code = await server.stop();
        if (code !== 0) problems.push(`${name} server exited with code ${code} after SIGTERM (see ${server.logFile})`);
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
    for (const db of databases) await db.drop().catch((e) => problems.push(`dropping ${db.describe}: ${e}`));
    // Vitest logs an error thrown here but still exits 0, so the verdict goes to a file that
    // scripts/e2e.mjs reads and counts as one more check.
    const report = process.env.ANFU_E2E_TEARDOWN_REPORT;
    if (report) writeFileSync(report, JSON.stringify({ servers: servers.length, problems }));
    if (problems.length > 0) throw new Error(`e2e teardown: ${problems.join("; ")}`);
  };

  try {
    // Both databases, then both servers, side by side: PGlite's initdb is the slow part.
    const [demoDb, prodDb] = await settled([
      prepareDatabase(fillDemo).then((db) => (databases.push(db), db)),
      prepareDatabase(fillProductionSmoke).then((db) => (databases.push(db), db)),
    ]);
    const [app, production] = await settled([
      startServer({
        name: "development",
        env: { ...demoDb.env, NODE_ENV: "development" },
        logFile: `${artifacts}/server-development.log`,
      }).then((server) => (servers.push({ name: "development", server }), server)),
      startServer({
        name: "production",
        env: { ...prodDb.env, NODE_ENV: "production" },
        logFile: `${artifacts}/server-production.log`,
      }).then((server) => (servers.push({ name: "production", server }), server)),
    ]);

    console.log(`e2e: ${app.url} on ${demoDb.describe}; production smoke ${production.url} on ${prodDb.describe}`);
    project.provide("baseURL", app.url);
    project.provide("productionURL", production.url);
    project.provide("chromiumPath", chromiumPath);
  } catch (error) {
    await teardown().catch(() => {});
    throw error;
  }
  return teardown;
}

/** Like Promise.all, but waits for every promise, so teardown sees all that started. */
async function settled<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
