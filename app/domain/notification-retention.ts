/**
 * How long notifications and sent mail are kept (docs/architecture.md, "Notifications: digest and retention"). The
 * daily `prune-notifications` job deletes, in batches:
 * - in-app notifications the user has read, created more than 180 days ago (unread ones stay
 *   until they are read: nobody has seen them yet);
 * - e-mail rows in a final state (sent, settled by the digest, or failed after the last try),
 *   created more than 90 days ago;
 * - mail log entries older than 90 days.
 *
 * A row's unique event key is what stops an event notifying twice, so a row may only go once
 * its event can no longer fire again: every key names a one-off event (a quote, a transition's
 * version, a timestamp) except the qualification reminders, which fire within a window of
 * about five weeks around the certificate's end — far inside both periods (tested).
 */
export const READ_IN_APP_RETENTION_DAYS = 180;
export const EMAIL_RETENTION_DAYS = 90;
/** Rows deleted per statement: short statements, no long lock on a busy table. */
export const PRUNE_BATCH_SIZE = 1000;

const DAY_MS = 86_400_000;

export type RetentionCutoffs = {
  /** Read in-app rows created before this go. */
  readInApp: Date;
  /** Final e-mail rows and mail log entries created before this go. */
  email: Date;
};

export function retentionCutoffs(now: Date): RetentionCutoffs {
  return {
    readInApp: new Date(now.getTime() - READ_IN_APP_RETENTION_DAYS * DAY_MS),
    email: new Date(now.getTime() - EMAIL_RETENTION_DAYS * DAY_MS),
  };
}
