import type { Db } from "../db/client";
import { runAutoAcceptance } from "../app/services/engagement-auto-accept.server";
import { deliverPendingMail, type DeliveryDeps } from "../app/services/mail-delivery.server";
import { sendDigests } from "../app/services/mail-digest.server";
import { pruneNotifications } from "../app/services/notification-retention.server";
import { pruneLoginAttempts, sendQualificationReminders } from "../app/services/scheduled-jobs.server";
import { regradeProviders } from "../app/services/credit.server";
import { sweepOrphanUploads } from "../app/services/files.server";
import { escalateHazardReports } from "../app/services/hazard-escalation.server";
import { sendPlanReminders } from "../app/services/insurance-reminders.server";
import type { StorageEnv } from "../app/services/storage/types";

/** `storage` is absent where a process has no file storage configured (e.g. a test's queue). */
export type JobContext = { db: Db; now: Date; delivery: DeliveryDeps; storage?: StorageEnv; payload?: unknown };

/**
 * One job: a name (the queue's task identifier), a cron schedule in UTC (graphile-worker's
 * syntax: minute hour day month weekday) and what it does given `now`. Every job must be safe
 * to run twice for the same `now` (idempotent by its own keys or row locks).
 */
export type JobDefinition = {
  name: string;
  cron: string;
  run: (ctx: JobContext) => Promise<number>;
};

/** Every kept job. Add a capability's job here (and only here); docs/decisions/012-job-queue.md. */
export const JOBS = [
  // The outbox relay also runs every few seconds between cron ticks (jobs/runner.ts).
  { name: "deliver-mail", cron: "* * * * *", run: (c) => deliverPendingMail(c.db, c.delivery, c.now) },
  // 00:00 UTC is 08:00 in Beijing: the digest arrives at the start of the working day.
  { name: "send-digests", cron: "0 0 * * *", run: (c) => sendDigests(c.db, c.delivery, c.now) },
  // docs/decisions/005-auto-acceptance.md: accept after 14 silent days; hourly is precise enough.
  { name: "auto-accept", cron: "0 * * * *", run: (c) => runAutoAcceptance(c.db, { now: c.now }) },
  // Hourly rather than daily: a missed run costs an hour, and reminders are keyed, so reruns are free.
  { name: "qualification-reminders", cron: "15 * * * *", run: (c) => sendQualificationReminders(c.db, c.now) },
  { name: "prune-login-attempts", cron: "30 * * * *", run: (c) => pruneLoginAttempts(c.db, c.now) },
  // Read in-app notices after 180 days, sent mail after 90 (app/domain/notification-retention.ts);
  // 18:30 UTC is 02:30 in Beijing, a quiet hour, and clear of the regrade at 17:00.
  {
    name: "prune-notifications",
    cron: "30 18 * * *",
    run: async (c) => {
      const pruned = await pruneNotifications(c.db, c.now);
      return pruned.readInApp + pruned.email + pruned.mailLog;
    },
  },
  // Grades age out of their 3-year window without any other event (docs/decisions/006-credit-grade.md):
  // 17:00 UTC is 01:00 in Beijing, a quiet hour.
  {
    name: "regrade-providers",
    cron: "0 17 * * *",
    run: async (c) => (await regradeProviders(c.db, { now: c.now })).length,
  },
  // Bytes whose row was never written (a crash between the two); docs/decisions/010-file-storage.md.
  {
    name: "sweep-uploads",
    cron: "45 * * * *",
    run: async (c) => (c.storage ? (await sweepOrphanUploads(c.db, c.storage, { now: c.now })).length : 0),
  },
  // Major-hazard reports unacknowledged 2 h after reporting go to the bureau's managers (decision 019);
  // every 5 minutes, so an escalation is at most 5 minutes late.
  { name: "escalate-hazard-reports", cron: "*/5 * * * *", run: (c) => escalateHazardReports(c.db, c.now) },
  // Issue 9: at-risk / overdue plan items and visits two days ahead (plan-reminders.ts). Daily at
  // 00:10 UTC = 08:10 in Beijing, the start of the working day; keyed, so a rerun sends nothing new.
  { name: "plan-reminders", cron: "10 0 * * *", run: (c) => sendPlanReminders(c.db, c.now) },
] as const satisfies readonly JobDefinition[];

export type JobName = (typeof JOBS)[number]["name"];

export function findJob(name: string): JobDefinition | undefined {
  return (JOBS as readonly JobDefinition[]).find((j) => j.name === name);
}
