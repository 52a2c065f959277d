import { mkdirSync } from "node:fs";
import type { Db } from "../../../db/client";
import { prepareDatabase, type DatabaseLocation } from "../setup/databases";
import { startServer, type RunningServer } from "../setup/server";
import { artifactsDir } from "./artifacts";

const artifacts = artifactsDir();

/**
 * A built production server of the test's own, on a database of its own (PGlite, or a fresh
 * PostgreSQL database when DATABASE_URL is set), for tests about the process itself:
 * signals, proxy headers, several processes. `close` stops it (if still running) and drops
 * the database.
 */
export async function ownServer(
  name: string,
  env: Record<string, string>,
  fill: (db: Db) => Promise<void> = async () => {},
) {
  mkdirSync(artifacts, { recursive: true });
  const database: DatabaseLocation = await prepareDatabase(fill);
  let server: RunningServer;
  try {
    server = await startServer({
      name,
      env: { NODE_ENV: "production", ...database.env, ...env },
      logFile: `${artifacts}/server-${name}.log`,
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    server,
    database,
    close: async () => {
      await server.stop().catch(() => null);
      await database.drop();
    },
  };
}
