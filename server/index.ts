import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { existsSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openDb } from "../db/client";
import { seedDemoIfEmpty } from "../app/seed/demo";
import { sweepOrphanUploads } from "../app/services/files.server";
import { loadEnv } from "../app/utils/env.server";
import { configureLogger, logger } from "../app/utils/logger.server";
import { drainer } from "./drain";
import { originGuard } from "./origin-guard";
import { finalErrorHandler, requestLog } from "./request-log";
import { securityHeaders } from "./security-headers";
import { startJobs } from "../jobs/runner";

const dev = process.argv.includes("--dev");
if (existsSync(".env")) process.loadEnvFile(".env");
const env = loadEnv();
configureLogger(env);
// Logged once, with the stack, as JSON; Node then prints it and exits as it always did.
process.on("uncaughtExceptionMonitor", (error, origin) => logger.fatal({ err: error, origin }, "uncaught exception"));
const production = env.NODE_ENV === "production";

const handle = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
logger.info(
  { driver: handle.driver, ...(handle.driver === "pglite" ? { dataDir: env.DATA_DIR } : {}) },
  "database open",
);
if (env.SEED_ON_START && !production) await seedDemoIfEmpty(handle.db, env, new Date());
const jobs = await startJobs(handle, env);

const viteDevServer = dev
  ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
  : undefined;

const app = express();
app.disable("x-powered-by");
// One access line per request and its X-Request-Id (docs/decisions/024-access-log.md); first, so
// the duration covers everything and even a refused request has its line.
app.use(
  requestLog({
    logger,
    enabled: env.ACCESS_LOG,
    // A load balancer asks every few seconds; only a failing check is worth a line at info.
    probe: (path, status) => path === "/healthz" && status < 400,
  }),
);
// A hop count or the proxies' addresses, never `true` (docs/decisions/009-proxy-trust.md).
if (env.TRUST_PROXY !== false) app.set("trust proxy", env.TRUST_PROXY);
// Set once the server exists; the first middleware, so every response can be told to close.
// eslint-disable-next-line prefer-const -- read by the middleware above before the server exists
let shutdownDrain: ReturnType<typeof drainer> | undefined;
app.use((req, res, next) => (shutdownDrain ? shutdownDrain.middleware(req, res, next) : next()));
// Level 4 compresses HTML nearly as well as the default 6 at about half the CPU per page.
app.use(compression({ level: 4 }));
app.use(securityHeaders({ production, dev }));

app.get("/healthz", async (_req, res) => {
  // A load balancer stops sending traffic here as soon as shutdown begins.
  if (shutdownDrain?.isDraining()) return void res.status(503).json({ ok: false, stopping: true });
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
app.use(finalErrorHandler(logger));

const server = app.listen(env.PORT, env.HOST, () => {
  logger.info({ url: `http://localhost:${env.PORT}`, mode: env.NODE_ENV, jobs: jobs.kind }, "Anfu listening");
});
shutdownDrain = drainer(server);

// Bytes whose row was never committed (a process killed mid-upload): removed after an hour.
const sweeping = sweepOrphanUploads(handle.db, env, { now: new Date() })
  .then((removed) => {
    if (removed.length > 0) logger.info({ removed: removed.length }, "uploads: orphaned files removed");
  })
  .catch((error: unknown) => logger.error({ err: error }, "uploads: orphan sweep failed"));

/**
 * Stop taking connections, finish what is in flight (closing each keep-alive socket after its
 * response), then close the database and exit 0. The timer is a last resort only.
 */
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => {
    logger.error({ signal }, "shutdown: requests still running after 10 s; exiting anyway");
    process.exit(1);
  }, 10_000);
  force.unref();
  await shutdownDrain!.drain();
  await sweeping;
  await jobs.stop();
  await viteDevServer?.close();
  await handle.close();
  logger.info({ signal }, "drained, database closed");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
