import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { memberships, sessions, users } from "../../../db/schema";
import { seedDemo } from "../../../app/seed/demo";
import { sha256Hex } from "../../../app/utils/crypto.server";
import { registerOrg } from "../../factories/accounts";
import { EXPIRED_SESSION_TOKEN, EXPIRED_SESSION_USER, PROD_SMOKE_USER } from "../support/constants";

/** The demo organisations, plus a session that ran out an hour ago for a known token. */
export async function fillDemo(db: Db): Promise<void> {
  await seedDemo(db, { NODE_ENV: "development" }, new Date());
  const [user] = await db.select().from(users).where(eq(users.email, EXPIRED_SESSION_USER));
  if (!user) throw new Error(`demo user ${EXPIRED_SESSION_USER} missing after seeding`);
  const [membership] = await db.select().from(memberships).where(eq(memberships.userId, user.id));
  const now = Date.now();
  await db.insert(sessions).values({
    id: sha256Hex(EXPIRED_SESSION_TOKEN),
    userId: user.id,
    activeOrgId: membership?.orgId ?? null,
    createdAt: new Date(now - 2 * 24 * 3600_000),
    idleExpiresAt: new Date(now - 3600_000),
    absoluteExpiresAt: new Date(now + 5 * 24 * 3600_000),
  });
}

/** The production-mode server gets no demo data (it refuses it): one registered user. */
export async function fillProductionSmoke(db: Db): Promise<void> {
  await registerOrg(db, { email: PROD_SMOKE_USER.email, name: "生产模式冒烟测试有限公司" });
}
