import type { DbOrTx } from "../../db/client";
import { auditLog } from "../../db/schema";

export type AuditInput = {
  action: string;
  actorUserId?: string | null;
  orgId?: string | null;
  subjectType?: string;
  subjectId?: string;
  data?: Record<string, unknown>;
  ip?: string | null;
  /** When it happened, from the use case's `now`; the database clock when absent. */
  at?: Date;
};

/** Call inside the same transaction as the change it records. */
export async function writeAudit(db: DbOrTx, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    orgId: entry.orgId ?? null,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    data: entry.data ?? {},
    ip: entry.ip ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}
