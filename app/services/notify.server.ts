import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { MemberRole } from "../../db/schema";
import { NOTIFICATION_TYPES, type NotificationType } from "../domain/notification-types";
import { executeRows } from "./sql-rows.server";

export type NotifyEvent = {
  type: NotificationType;
  /** Unique per event, e.g. `quote_received:<quoteId>`: a repeated call notifies nobody twice. */
  key: string;
  /** The recipient organisation: all its members, or those with one of `roles`. */
  orgId: string;
  roles?: readonly MemberRole[];
  /** Only these members of the organisation (e.g. a plan item's assignee); all of them when absent. */
  userIds?: readonly string[];
  subjectId: string | null;
  /** Values the texts interpolate (titles, names, dates); kept with the row, shown as given. */
  params?: Record<string, string | number>;
  now: Date;
};

/**
 * Writes the outbox: one in-app row per member of the recipient organisation, and one e-mail
 * row for each member whose preference (or the type's default) asks for mail or the digest.
 * Call it with the transaction of the change that causes it, so a rolled-back change notifies
 * nobody; delivery happens after commit (app/services/mail-delivery.server.ts). Returns how
 * many rows were new.
 */
export async function notify(tx: DbOrTx, event: NotifyEvent): Promise<number> {
  const spec = NOTIFICATION_TYPES[event.type];
  const now = event.now;
  const params = JSON.stringify(event.params ?? {});
  const roleFilter = event.roles?.length
    ? sql`and m.role in (${sql.join(
        event.roles.map((r) => sql`${r}::member_role`),
        sql`, `,
      )})`
    : sql``;
  const userFilter = event.userIds
    ? event.userIds.length
      ? sql`and m.user_id in (${sql.join(
          event.userIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`and false`
    : sql``;
  const common = sql`${event.key}, ${event.type}, m.user_id, m.org_id, ${spec.subject}, ${event.subjectId}::uuid, ${params}::jsonb, ${now.toISOString()}::timestamptz`;
  const inApp = await executeRows(
    tx,
    sql`
    insert into notifications (event_key, type, recipient_user_id, recipient_org_id, subject_type, subject_id, params, created_at, channel, status, sent_at)
    select ${common}, 'in_app', 'sent', ${now.toISOString()}::timestamptz
    from memberships m where m.org_id = ${event.orgId} ${roleFilter} ${userFilter}
    on conflict do nothing
    returning id`,
  );
  const mail = await executeRows(
    tx,
    sql`
    insert into notifications (event_key, type, recipient_user_id, recipient_org_id, subject_type, subject_id, params, created_at, channel, status, next_attempt_at)
    select ${common}, 'email',
      (case when coalesce(p.mode, ${spec.defaultMode}::notification_mode) = 'email' then 'pending' else 'digest' end)::delivery_status,
      ${now.toISOString()}::timestamptz
    from memberships m
    left join notification_preferences p on p.user_id = m.user_id and p.type = ${event.type}
    where m.org_id = ${event.orgId} ${roleFilter} ${userFilter}
      and coalesce(p.mode, ${spec.defaultMode}::notification_mode) in ('email', 'digest')
    on conflict do nothing
    returning id`,
  );
  return inApp.length + mail.length;
}
