import { count, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { apiTokens, memberships, organisations, users } from "../../db/schema";
import { hashPassword } from "../services/passwords.server";
import { sha256Hex } from "../utils/crypto.server";
import { DEMO_ORGS, DEMO_PASSWORD } from "./demo-data";
import { seedMarketplaceDemo } from "./marketplace-demo";
import { seedInspectionsDemo } from "./inspections-demo-data";
import { seedExpertsDemo } from "./experts-demo";
import { seedRegisterDemo } from "./register-demo-data";
import { seedGroupsDemo } from "./groups-demo-data";
import { seedHazardsDemo } from "./hazards-demo-data";
import { seedTrainingDemo } from "./training-demo-data";
import { seedInsuranceDemo } from "./insurance-demo-data";
import { gradeUngradedProviders } from "../services/credit.server";
import { seedCalendarDemo } from "./calendar-demo-data";
import { seedInsuranceVisitsDemo } from "./insurance-visits-demo-data";

/**
 * Idempotent: organisations are matched by name, users by e-mail, tokens by hash, so running
 * it again changes nothing. Demo organisations start verified so every page has something to show.
 */
export async function seedDemo(db: Db, env: { NODE_ENV: string }, now: Date): Promise<void> {
  if (env.NODE_ENV === "production") throw new Error("demo data is never seeded in production");
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const demo of DEMO_ORGS) {
      let [org] = await tx.select().from(organisations).where(eq(organisations.name, demo.name));
      org ??= (
        await tx
          .insert(organisations)
          .values({
            kind: demo.kind,
            name: demo.name,
            uscc: demo.uscc,
            regionCode: demo.regionCode,
            industryCode: demo.industryCode,
            verificationStatus: "verified",
            verifiedAt: now,
          })
          .returning()
      )[0];
      let [user] = await tx
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = ${demo.login.email}`);
      user ??= (
        await tx.insert(users).values({ email: demo.login.email, name: demo.login.name, passwordHash }).returning()
      )[0];
      await tx.insert(memberships).values({ userId: user.id, orgId: org.id, role: "owner" }).onConflictDoNothing();
      await tx
        .insert(apiTokens)
        .values({
          orgId: org.id,
          name: "demo",
          tokenHash: sha256Hex(demo.apiToken),
          displayPrefix: demo.apiToken.slice(0, 10),
        })
        .onConflictDoNothing();
    }
  });
  await seedMarketplaceDemo(db, now);
  await seedInspectionsDemo(db, now); // issue 8: a serving engagement 安正 → 鑫达, to inspect under
  await seedExpertsDemo(db, now);
  await seedRegisterDemo(db, now);
  await seedGroupsDemo(db, now);
  await seedHazardsDemo(db, now); // issue 8: demo hazards of 鑫达五金
  await seedTrainingDemo(db, now);
  await seedInsuranceDemo(db, now); // issue 9: 安泰's policies and their plans
  await seedCalendarDemo(db, now); // issue 9: assigned items and agreed visits on antai's stored plan
  await seedInsuranceVisitsDemo(db, now); // issue 9: two thirds of what fell due, done and confirmed
  // Graded at once so the 公示 page and the directory show the demo providers' grades.
  await gradeUngradedProviders(db, now);
}

/** First start of an empty embedded database: fill it so the demo logins work. */
export async function seedDemoIfEmpty(db: Db, env: { NODE_ENV: string }, now: Date): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return false;
  await seedDemo(db, env, now);
  console.log("seeded demo data (see README for the logins)");
  return true;
}
