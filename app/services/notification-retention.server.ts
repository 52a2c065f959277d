import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { PRUNE_BATCH_SIZE, retentionCutoffs } from "../domain/notification-retention";
import { executeRows } from "./sql-rows.server";

export type PruneResult = { readInApp: number; email: number; mailLog: number };

/**
 * The daily `prune-notifications` job (jobs/registry.ts): deletes read in-app notifications
 * older than 180 days, final e-mail rows and mail log entries older than 90 days
 * (app/domain/notification-retention.ts). Each statement deletes at most `batchSize` rows, so
 * no statement holds many locks or runs long; the loop goes on until a batch comes back short.
 * Rows locked by someone else are skipped and go on the next day's run. Idempotent.
 */
export async function pruneNotifications(db: Db, now: Date, batchSize = PRUNE_BATCH_SIZE): Promise<PruneResult> {
  const cut = retentionCutoffs(now);
  const readInApp = await inBatches(
    db,
    batchSize,
    (limit) => sql`
      delete from notifications where id in (
        select id from notifications
        where channel = 'in_app' and read_at is not null
          and created_at < ${cut.readInApp.toISOString()}::timestamptz
        limit ${limit} for update skip locked)
      returning 1 as n`,
  );
  const email = await inBatches(
    db,
    batchSize,
    (limit) => sql`
      delete from notifications where id in (
        select id from notifications
        where channel = 'email' and status in ('sent', 'failed')
          and created_at < ${cut.email.toISOString()}::timestamptz
        limit ${limit} for update skip locked)
      returning 1 as n`,
  );
  const mailLog = await inBatches(
    db,
    batchSize,
    (limit) => sql`
      delete from mail_log where id in (
        select id from mail_log
        where created_at < ${cut.email.toISOString()}::timestamptz
        order by created_at
        limit ${limit} for update skip locked)
      returning 1 as n`,
  );
  return { readInApp, email, mailLog };
}

async function inBatches(db: Db, batchSize: number, statement: (limit: number) => SQL): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = (await executeRows<{ n: number }>(db, statement(batchSize))).length;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
