import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { auditLog, memberships, organisations, users } from "../../db/schema";
import { AppError, notFound } from "../utils/errors";
import { generateSecretToken } from "../utils/crypto.server";
import { writeAudit } from "./audit.server";
import { recomputeProviderCredit } from "./credit.server";
import { notify } from "./notify.server";
import { hashPassword } from "./passwords.server";

type Actor = { userId: string; orgId: string; ip: string };

export type AdminDecision = "verify" | "reject" | "suspend" | "reinstate";

/** The platform admin's verdict on an organisation; every one is in the audit log. */
export async function decideOrganisation(
  db: Db,
  actor: Actor,
  input: { orgId: string; decision: AdminDecision; reason?: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, input.orgId)).for("update");
    if (!org) throw notFound();
    if (org.kind === "platform") throw new AppError(409, "platform_org_fixed", "platform_org_fixed");
    if ((input.decision === "suspend" || input.decision === "reject") && !input.reason) {
      throw new AppError(422, "reason_required", "reason_required");
    }
    const now = input.now;
    const changes = {
      verify: { verificationStatus: "verified" as const, verifiedAt: now },
      reject: { verificationStatus: "rejected" as const, verifiedAt: null },
      suspend: { suspendedAt: now, suspendedReason: input.reason ?? null },
      reinstate: { suspendedAt: null, suspendedReason: null },
    }[input.decision];
    if (input.decision === "suspend" && org.suspendedAt)
      throw new AppError(409, "already_suspended", "already_suspended");
    if (input.decision === "reinstate" && !org.suspendedAt) throw new AppError(409, "not_suspended", "not_suspended");
    await tx.update(organisations).set(changes).where(eq(organisations.id, org.id));
    await writeAudit(tx, {
      action: `organisation.${input.decision}`,
      actorUserId: actor.userId,
      orgId: org.id,
      subjectType: "organisation",
      subjectId: org.id,
      data: input.reason ? { reason: input.reason } : {},
      ip: actor.ip,
      // The reinstatement's time is an input of the credit rules (shouldAutoSuspend): the use case's clock.
      at: now,
    });
    // A newly verified provider gets its grade now (a new provider starts at B, decision 006),
    // so it appears on the 公示 list without waiting for some other event.
    if (input.decision === "verify" && org.kind === "provider") await recomputeProviderCredit(tx, org.id, now);
    if (input.decision === "suspend") {
      await notify(tx, {
        type: "org_suspended",
        key: `org_suspended:${org.id}:${now.getTime()}`,
        orgId: org.id,
        subjectId: org.id,
        params: { reason: input.reason ?? "" },
        now,
      });
    }
  });
}

/**
 * Bureaus cannot register themselves: the platform admin creates one for its region,
 * with an owner whose first password is shown once to the admin to hand over.
 */
export async function createBureau(
  db: Db,
  actor: Actor,
  input: { name: string; regionCode: string; contactName: string; email: string; phone?: string; now: Date },
) {
  const initialPassword = `Anfu-${generateSecretToken(10)}`;
  const passwordHash = await hashPassword(initialPassword);
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    if (taken) throw new AppError(409, "email_taken", "email_taken");
    const [org] = await tx
      .insert(organisations)
      .values({
        kind: "bureau",
        name: input.name,
        regionCode: input.regionCode,
        contactPhone: input.phone,
        verificationStatus: "verified",
        verifiedAt: input.now,
      })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.contactName, phone: input.phone, passwordHash })
      .returning();
    await tx.insert(memberships).values({ userId: user.id, orgId: org.id, role: "owner" });
    await writeAudit(tx, {
      action: "bureau.created",
      actorUserId: actor.userId,
      orgId: org.id,
      subjectType: "organisation",
      subjectId: org.id,
      data: { name: org.name, regionCode: org.regionCode, ownerEmail: user.email },
      ip: actor.ip,
    });
    return { org, user, initialPassword };
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paged by id so deep pages stay fast on a long log. */
export async function readAuditLog(db: DbOrTx, params: { before?: number; orgId?: string; action?: string }) {
  const where = [];
  if (params.before) where.push(lt(auditLog.id, params.before));
  if (params.orgId) where.push(eq(auditLog.orgId, params.orgId));
  if (params.action) where.push(sql`${auditLog.action} like ${`${params.action.replace(/[\\%_]/g, "\\$&")}%`}`);
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      at: auditLog.at,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      data: auditLog.data,
      ip: auditLog.ip,
      actorName: users.name,
      actorEmail: users.email,
      orgName: organisations.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditLog.orgId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  return {
    rows: rows.slice(0, AUDIT_PAGE_SIZE),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? rows[AUDIT_PAGE_SIZE - 1].id : null,
  };
}
