import { Logger, parseCronItems, run, type Runner, type Task, type TimestampDigest } from "graphile-worker";
import type { DbHandle } from "../db/client";
import { createMailTransport, loadMailEnv } from "../app/services/mail.server";
import type { DeliveryDeps } from "../app/services/mail-delivery.server";
import type { StorageEnv } from "../app/services/storage/types";
import { logger } from "../app/utils/logger.server";
import { JOBS, type JobDefinition } from "./registry";

export type JobsHandle = {
  kind: "graphile-worker" | "timer" | "off";
  /** Queue a job now (on PostgreSQL through the queue, on PGlite run in-process). */
  enqueue: (name: string, payload?: Record<string, unknown>) => Promise<void>;
  stop: () => Promise<void>;
};

export type StartJobsOptions = {
  jobs?: readonly JobDefinition[];
  delivery?: DeliveryDeps;
  /** How often the outbox relay looks for mail between cron ticks. */
  pollMs?: number;
  concurrency?: number;
  /** The web process runs jobs unless JOBS_IN_PROCESS=false (then run `npm run worker`). */
  force?: boolean;
};

const log = logger.child({ component: "jobs" });

/**
 * graphile-worker's messages into our logger: errors and warnings as they are; its "info"
 * (a line per completed job, several a minute with the mail relay) at debug, its debug at trace.
 * Of a job it names only the id and task, never the payload.
 */
const workerLogger = new Logger(() => (level, message, meta) => {
  const job = meta?.job as { id?: unknown; task_identifier?: unknown } | undefined;
  const fields = {
    ...(job ? { jobId: String(job.id), task: String(job.task_identifier) } : {}),
    ...(meta?.error ? { err: meta.error } : {}),
  };
  if (level === "error") log.error(fields, message);
  else if (level === "warning") log.warn(fields, message);
  else if (level === "info") log.debug(fields, message);
  else log.trace(fields, message);
});

/**
 * Starts the job queue for this process: graphile-worker on PostgreSQL (cron schedules kept in
 * the database, so several processes run each tick once and each job once), a timer on the
 * embedded PGlite (one process owns that database). docs/decisions/012-job-queue.md.
 */
export async function startJobs(
  handle: DbHandle,
  env: { DATABASE_URL?: string; PORT: number } & Partial<StorageEnv>,
  options: StartJobsOptions = {},
): Promise<JobsHandle> {
  if (!options.force && process.env.JOBS_IN_PROCESS === "false") {
    return { kind: "off", enqueue: async () => {}, stop: async () => {} };
  }
  const jobs = options.jobs ?? JOBS;
  const delivery = options.delivery ?? defaultDelivery(env.PORT);
  const pollMs = options.pollMs ?? 5_000;
  const deps: JobDeps = { delivery, storage: env.UPLOAD_DIR ? { ...env, UPLOAD_DIR: env.UPLOAD_DIR } : undefined };
  if (handle.driver === "postgres" && env.DATABASE_URL) {
    return startGraphile(handle, env.DATABASE_URL, jobs, deps, pollMs, options.concurrency ?? 2);
  }
  return startTimer(handle, jobs, deps, pollMs);
}

function defaultDelivery(port: number): DeliveryDeps {
  const mailEnv = loadMailEnv(process.env, port);
  return { mailEnv, transport: createMailTransport(mailEnv) };
}

/** What a job may use besides the database and the clock. */
type JobDeps = { delivery: DeliveryDeps; storage?: StorageEnv };

/** Runs one job; a run that did something (a count above 0) gets a line at info, others at debug. */
async function runJob(handle: DbHandle, job: JobDefinition, deps: JobDeps, now: Date, payload: unknown) {
  const started = performance.now();
  const count = await job.run({ db: handle.db, now, delivery: deps.delivery, storage: deps.storage, payload });
  const fields = { job: job.name, count, durationMs: Math.round(performance.now() - started) };
  if (count > 0) log.info(fields, "job done");
  else log.debug(fields, "job done");
  return count;
}

async function startGraphile(
  handle: DbHandle,
  connectionString: string,
  jobs: readonly JobDefinition[],
  deps: JobDeps,
  pollMs: number,
  concurrency: number,
): Promise<JobsHandle> {
  const taskList: Record<string, Task> = {};
  for (const job of jobs) {
    taskList[job.name] = async (payload) => {
      // A cron job runs for its scheduled instant, not for whenever a worker picked it up.
      const cronTs = (payload as { _cron?: { ts?: string } } | null)?._cron?.ts;
      await runJob(handle, job, deps, cronTs ? new Date(cronTs) : new Date(), payload);
    };
  }
  const runner: Runner = await run({
    connectionString,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1_000,
    logger: workerLogger,
    taskList,
    parsedCronItems: parseCronItems(jobs.map((j) => ({ task: j.name, match: j.cron, identifier: j.name }))),
  });
  const hasRelay = jobs.some((j) => j.name === "deliver-mail");
  // Between cron minutes, ask the queue for a relay run; the job key folds repeats into one job.
  const relay = hasRelay
    ? setInterval(() => {
        runner.addJob("deliver-mail", {}, { jobKey: "deliver-mail", jobKeyMode: "preserve_run_at" }).catch(() => {});
      }, pollMs)
    : undefined;
  return {
    kind: "graphile-worker",
    enqueue: async (name, payload = {}) => {
      await runner.addJob(name, payload);
    },
    stop: async () => {
      clearInterval(relay);
      await runner.stop();
      deps.delivery.transport.close?.();
    },
  };
}

function digest(d: Date): TimestampDigest {
  return {
    min: d.getUTCMinutes(),
    hour: d.getUTCHours(),
    date: d.getUTCDate(),
    month: d.getUTCMonth() + 1,
    dow: d.getUTCDay(),
  };
}

function startTimer(handle: DbHandle, jobs: readonly JobDefinition[], deps: JobDeps, pollMs: number): JobsHandle {
  const schedules = parseCronItems(jobs.map((j) => ({ task: j.name, match: j.cron, identifier: j.name })));
  const relay = jobs.find((j) => j.name === "deliver-mail");
  let lastMinute = Math.floor(Date.now() / 60_000);
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const safely = async (job: JobDefinition, now: Date, payload: unknown = {}) => {
    try {
      await runJob(handle, job, deps, now, payload);
    } catch (error) {
      log.error({ err: error, job: job.name }, "job failed");
    }
  };
  const tick = async () => {
    const now = new Date();
    const minute = Math.floor(now.getTime() / 60_000);
    if (minute !== lastMinute) {
      lastMinute = minute;
      const at = new Date(minute * 60_000);
      for (const item of schedules) {
        const job = jobs.find((j) => j.name === item.task);
        if (job && item.match(digest(at))) await safely(job, at);
      }
    } else if (relay) {
      await safely(relay, now);
    }
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = tick().finally(() => {
      busy = false;
    });
  }, pollMs);
  return {
    kind: "timer",
    enqueue: async (name, payload = {}) => {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`unknown job ${name}`);
      await safely(job, new Date(), payload);
    },
    stop: async () => {
      clearInterval(timer);
      await running;
      deps.delivery.transport.close?.();
    },
  };
}
