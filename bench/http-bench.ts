import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { round } from "./stats";

export type HttpFigure = {
  path: string;
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
};

/** Starts the built app (production mode) on a loopback port and waits for /healthz. */
export async function startApp(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      SEED_ON_START: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (d) => process.stderr.write(`[app] ${d}`));
  // The access log (one JSON line per request on stdout, as in production) is read and dropped:
  // a pipe nobody reads would fill and make the logger buffer in memory.
  child.stdout?.resume();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  child.kill("SIGTERM");
  throw new Error("the app did not answer /healthz within 60 s");
}

/**
 * A closed-loop load generator: `concurrency` keep-alive connections, each sending its next
 * request as soon as the last answer is read, for `seconds`; bounded by time and count.
 * Loopback only.
 */
export async function load(
  port: number,
  paths: string[],
  opts: { concurrency: number; seconds: number; maxRequests: number },
): Promise<HttpFigure> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const stopAt = Date.now() + opts.seconds * 1000;
  const started = performance.now();
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get(
        { host: "127.0.0.1", port, path, agent, headers: { "accept-encoding": "gzip", "accept-language": "zh-CN" } },
        (res) => {
          res.on("data", () => {});
          res.on("end", () => {
            if (res.statusCode === 200) latencies.push(performance.now() - t0);
            else errors++;
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
    });
  const worker = async (w: number) => {
    while (Date.now() < stopAt && sent < opts.maxRequests) {
      const path = paths[(sent++ + w) % paths.length];
      await one(path);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0);
  return {
    path: paths[0],
    requests: latencies.length,
    errors,
    seconds: round(seconds),
    rps: round(latencies.length / seconds, 1),
    p50: pct(50),
    p95: pct(95),
  };
}
