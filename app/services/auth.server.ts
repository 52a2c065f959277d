import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { memberships, organisations, users } from "../../db/schema";
import type { RegisterInput } from "../forms/auth";
import { checkPassword } from "../domain/password-policy";
import { sha256Hex } from "../utils/crypto.server";
import { AppError } from "../utils/errors";
import { writeAudit } from "./audit.server";
import { claimUnclaimedEnterprise } from "./enterprise-register.server";
import { isUniqueViolation } from "./db-errors.server";
import { passwordCheckKey, recordSuccess, reserveAttempt } from "./login-throttle.server";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords.server";
import { createSession, invalidateSession, invalidateUserSessions } from "./sessions.server";

type RequestMeta = { ip: string; userAgent?: string | null; now: Date; previousSessionToken?: string | null };

/** Creates the user, their organisation and the owner membership, and signs them in. */
export async function register(db: Db, input: RegisterInput, meta: RequestMeta) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await insertRegistration(db, input, meta, passwordHash);
  } catch (error) {
    // Two registrations racing past the checks below: the unique index decides, and the loser
    // gets the same answer as if it had come second.
    if (isUniqueViolation(error)) throw new AppError(409, "already_registered", "email_taken");
    throw error;
  }
}

async function insertRegistration(db: Db, input: RegisterInput, meta: RequestMeta, passwordHash: string) {
  return db.transaction(async (tx) => {
    const [existingUser] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    if (existingUser) throw new AppError(409, "email_taken", "email_taken");
    const [existingOrg] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.uscc, input.uscc));
    // The USCC of an unclaimed enterprise on the register is claimed, not refused (decision 017).
    const claimed =
      existingOrg && input.orgKind === "enterprise"
        ? await claimUnclaimedEnterprise(tx, {
            uscc: input.uscc,
            name: input.orgName,
            regionCode: input.regionCode,
            industryCode: input.industryCode,
            contactPhone: input.phone,
          })
        : null;
    if (existingOrg && !claimed) throw new AppError(409, "uscc_taken", "uscc_taken");

    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, phone: input.phone, passwordHash })
      .returning();
    const org =
      claimed ??
      (
        await tx
          .insert(organisations)
          .values({
            kind: input.orgKind,
            name: input.orgName,
            uscc: input.uscc,
            regionCode: input.regionCode,
            industryCode: input.industryCode,
            contactPhone: input.phone,
          })
          .returning()
      )[0]!;
    await tx.insert(memberships).values({ userId: user.id, orgId: org.id, role: "owner" });
    await writeAudit(tx, {
      action: claimed ? "enterprise_register.claimed" : "user.registered",
      actorUserId: user.id,
      orgId: org.id,
      subjectType: "organisation",
      subjectId: org.id,
      data: { kind: org.kind, name: org.name, ...(claimed ? { claimed: true } : {}) },
      ip: meta.ip,
    });
    const { token, session } = await createSession(tx, {
      userId: user.id,
      activeOrgId: org.id,
      ip: meta.ip,
      userAgent: meta.userAgent,
      now: meta.now,
    });
    return { user, org, token, session };
  });
}

/**
 * Throttled per account and per IP; the same answer for a wrong password and an unknown
 * account, in the same time, so the form does not reveal who is registered.
 */
export async function login(db: Db, input: { email: string; password: string }, meta: RequestMeta) {
  const now = meta.now;
  const accountKey = input.email.trim().toLowerCase();
  const attemptId = await reserveAttempt(db, { accountKey, ip: meta.ip.slice(0, 64) }, now);

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${accountKey}`);
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await dummyPasswordHash(), input.password)) && false;

  if (!user || !ok) {
    if (user) {
      await writeAudit(db, { action: "user.login_failed", actorUserId: user.id, ip: meta.ip });
    }
    throw new AppError(401, "invalid_credentials", "invalid_credentials");
  }

  const [membership] = await db
    .select({ orgId: memberships.orgId })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(memberships.createdAt)
    .limit(1);
  return db.transaction(async (tx) => {
    await recordSuccess(tx, attemptId);
    // The session this browser had before (another account, or a planted one) ends here.
    if (meta.previousSessionToken) await invalidateSession(tx, sha256Hex(meta.previousSessionToken));
    const { token, session } = await createSession(tx, {
      userId: user.id,
      activeOrgId: membership?.orgId ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent,
      now,
    });
    await writeAudit(tx, { action: "user.login", actorUserId: user.id, orgId: membership?.orgId, ip: meta.ip });
    return { token, session, user };
  });
}

export async function logout(db: Db, session: { id: string; userId: string }, ip: string) {
  await db.transaction(async (tx) => {
    await invalidateSession(tx, session.id);
    await writeAudit(tx, { action: "user.logout", actorUserId: session.userId, ip });
  });
}

export async function logoutEverywhere(db: Db, userId: string, ip: string) {
  await db.transaction(async (tx) => {
    const ended = await invalidateUserSessions(tx, userId);
    await writeAudit(tx, { action: "user.logout_everywhere", actorUserId: userId, data: { ended }, ip });
  });
}

/** A new password ends every other session: whoever knew the old one is signed out. */
export async function changePassword(
  db: Db,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string; ip: string; now: Date },
) {
  // Throttled like a login: a stolen session must not become an oracle for the password.
  const attemptId = await reserveAttempt(
    db,
    { accountKey: passwordCheckKey(input.userId), ip: input.ip.slice(0, 64) },
    input.now,
  );
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError(422, "current_password_wrong", "current_password_wrong");
  }
  await recordSuccess(db, attemptId);
  const problem = checkPassword(input.newPassword, user.email);
  if (problem) throw new AppError(422, `password_${problem}`, `password_${problem}`);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: input.now }).where(eq(users.id, user.id));
    const ended = await invalidateUserSessions(tx, user.id, input.sessionId);
    await writeAudit(tx, { action: "user.password_changed", actorUserId: user.id, data: { ended }, ip: input.ip });
  });
}
