import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { memberships, organisations, sessions, users } from "../../db/schema";
import type { Organisation, Session, User } from "../../db/schema";
import { judgeSession, newSessionTimes } from "../domain/session-policy";
import { generateSecretToken, sha256Hex } from "../utils/crypto.server";

export type SessionContext = {
  session: Session;
  user: Pick<User, "id" | "email" | "name" | "phone">;
  /** The organisation the user acts for, with their role in it; null if they have none. */
  org:
    | (Pick<Organisation, "id" | "kind" | "name" | "regionCode" | "verificationStatus" | "suspendedAt"> & {
        role: "owner" | "admin" | "member";
      })
    | null;
};

export async function createSession(
  db: DbOrTx,
  input: { userId: string; activeOrgId: string | null; ip?: string; userAgent?: string | null; now: Date },
): Promise<{ token: string; session: Session }> {
  const token = generateSecretToken();
  const times = newSessionTimes(input.now);
  const [session] = await db
    .insert(sessions)
    .values({
      id: sha256Hex(token),
      userId: input.userId,
      activeOrgId: input.activeOrgId,
      ...times,
      ip: input.ip?.slice(0, 64),
      userAgent: input.userAgent?.slice(0, 512),
    })
    .returning();
  return { token, session };
}

/** Looks the token up by its hash, ends it if expired, and slides its idle deadline. */
export async function validateSessionToken(db: DbOrTx, token: string, now: Date): Promise<SessionContext | null> {
  if (!/^[a-z2-7]{16,64}$/.test(token)) return null;
  const id = sha256Hex(token);
  const [row] = await db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, name: users.name, phone: users.phone },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;

  const verdict = judgeSession(row.session, now);
  if (verdict.status === "expired") {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let session = row.session;
  if (verdict.status === "extend") {
    await db.update(sessions).set({ idleExpiresAt: verdict.idleExpiresAt }).where(eq(sessions.id, id));
    session = { ...session, idleExpiresAt: verdict.idleExpiresAt };
  }
  const org = session.activeOrgId ? await activeOrganisation(db, row.user.id, session.activeOrgId) : null;
  return { session, user: row.user, org };
}

async function activeOrganisation(db: DbOrTx, userId: string, orgId: string) {
  const [row] = await db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      regionCode: organisations.regionCode,
      verificationStatus: organisations.verificationStatus,
      suspendedAt: organisations.suspendedAt,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(memberships.orgId, orgId)));
  return row ?? null;
}

export async function invalidateSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but `exceptSessionId`. */
export async function invalidateUserSessions(db: DbOrTx, userId: string, exceptSessionId?: string): Promise<number> {
  const where = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId);
  const removed = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return removed.length;
}
