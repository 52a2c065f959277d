import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openDb } from "../db/client";
import { seedDemoIfEmpty } from "../db/seed/demo";
import { loadEnv } from "../app/utils/env.server";
import { originGuard } from "./origin-guard";
import { securityHeaders } from "./security-headers";
import { startJobs } from "../jobs/runner";

const dev = process.argv.includes("--dev");
if (existsSync(".env")) process.loadEnvFile(".env");
const env = loadEnv();
const production = env.NODE_ENV === "production";

const handle = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
console.log(`database: ${handle.driver}${handle.driver === "pglite" ? ` in ${env.DATA_DIR}` : ""}`);
if (env.SEED_ON_START && !production) await seedDemoIfEmpty(handle.db, env);
const jobs = await startJobs(handle, env);

const viteDevServer = dev
  ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
  : undefined;

const app = express();
app.disable("x-powered-by");
if (env.TRUST_PROXY) app.set("trust proxy", true);
// Level 4 compresses HTML nearly as well as the default 6 at about half the CPU per page.
app.use(compression({ level: 4 }));
app.use(securityHeaders({ production, dev }));

app.get("/healthz", async (_req, res) => {
  try {
    await handle.db.execute(sql`select 1`);
    res.json({ ok: true, database: handle.driver });
  } catch {
    res.status(503).json({ ok: false });
  }
});

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}

app.use(originGuard(env.APP_ORIGIN));

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(new URL("../build/server/index.js", import.meta.url).href)) as ServerBuild);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      db: handle.db,
      env,
      cspNonce: res.locals.cspNonce as string,
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  }),
);

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(`Anfu listening on http://localhost:${env.PORT}`);
});

/** Stop taking requests, let the running ones finish, then close the database. */
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(async () => {
    await viteDevServer?.close();
    await jobs.stop();
    await handle.close();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
