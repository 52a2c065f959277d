import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../../..", import.meta.url));

export type RunningServer = {
  url: string;
  logFile: string;
  /** SIGTERM, then resolves with the exit code; rejects if it does not exit in time. */
  stop: () => Promise<number | null>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the built server (server/index.ts without --dev) and waits for /healthz. */
export async function startServer(options: {
  name: string;
  env: Record<string, string>;
  logFile: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const log = createWriteStream(options.logFile);
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      HOST: "127.0.0.1",
      PORT: String(port),
      SEED_ON_START: "false",
      APP_ORIGIN: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    const tail = safeRead(options.logFile).split("\n").slice(-30).join("\n");
    throw new Error(`${options.name} server did not become healthy: ${(error as Error).message}\n${tail}`, {
      cause: error,
    });
  }

  return {
    url,
    logFile: options.logFile,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 15_000).unref());
      const result = await Promise.race([exited, timeout]);
      if (result === "timeout") {
        child.kill("SIGKILL");
        throw new Error(`${options.name} server ignored SIGTERM for 15 s (no graceful shutdown)`);
      }
      return result;
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${url}/healthz within ${timeoutMs / 1000} s`);
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
