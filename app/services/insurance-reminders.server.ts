/**
 * The daily job `plan-reminders` (issue 9, "Reminders"; rules in app/domain/plan-reminders.ts):
 * at-risk and overdue plan items are told to their assignee (a staff member, addressed as that
 * user) and to the insurer's coordinators (owners and admins); an agreed visit is told to the
 * insured enterprise two days ahead. Every notice goes through `notify` (in-app row plus mail by
 * each user's preference, delivered by the outbox relay) with the reminder's event key, so a
 * rerun — or a second run the same day — writes nothing new. Returns how many rows were new.
 */
import { aliasedTable, and, between, eq, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { insurancePlanItems, organisations } from "../../db/schema";
import { ORG_MANAGERS } from "../domain/access";
import type { IsoDate } from "../domain/calendar-date";
import { shanghaiDateString } from "../domain/format";
import { REMINDER_TYPES, dueReminders, reminderWindow } from "../domain/plan-reminders";
import { notify } from "./notify.server";

export async function sendPlanReminders(db: Db, now: Date): Promise<number> {
  const today = shanghaiDateString(now) as IsoDate;
  const w = reminderWindow(today);
  const t = insurancePlanItems;
  const enterprise = aliasedTable(organisations, "enterprise");
  const insurer = aliasedTable(organisations, "insurer");
  const rows = await db
    .select({
      id: t.id,
      state: t.state,
      dueDate: t.dueDate,
      scheduledOn: t.scheduledOn,
      service: t.service,
      insurerId: t.insurerId,
      enterpriseId: t.enterpriseId,
      assigneeKind: t.assigneeKind,
      assigneeUserId: t.assigneeUserId,
      enterpriseName: enterprise.name,
      insurerName: insurer.name,
    })
    .from(t)
    .innerJoin(enterprise, eq(enterprise.id, t.enterpriseId))
    .innerJoin(insurer, eq(insurer.id, t.insurerId))
    .where(
      and(
        eq(t.state, "open"),
        or(between(t.dueDate, w.dueFrom, w.dueTo), between(t.scheduledOn, w.visitFrom, w.visitTo)),
      ),
    )
    .orderBy(t.dueDate, t.id);
  let written = 0;
  for (const item of rows) {
    const reminders = dueReminders(
      { id: item.id, state: item.state, dueDate: item.dueDate as IsoDate, scheduledOn: item.scheduledOn as IsoDate },
      today,
    );
    if (reminders.length === 0) continue;
    const params = {
      // A code, not a label: notification-text.ts names it in the reader's language.
      serviceCode: item.service,
      enterprise: item.enterpriseName,
      insurer: item.insurerName,
      dueDate: item.dueDate,
      scheduledOn: item.scheduledOn ?? "",
    };
    written += await db.transaction(async (tx) => {
      let n = 0;
      for (const r of reminders) {
        const base = { type: REMINDER_TYPES[r.kind], key: r.key, subjectId: item.id, params, now } as const;
        if (r.kind === "visit_upcoming") {
          n += await notify(tx, { ...base, orgId: item.enterpriseId });
          continue;
        }
        n += await notify(tx, { ...base, orgId: item.insurerId, roles: ORG_MANAGERS });
        if (item.assigneeKind === "staff" && item.assigneeUserId)
          n += await notify(tx, { ...base, orgId: item.insurerId, userIds: [item.assigneeUserId] });
      }
      return n;
    });
  }
  return written;
}
