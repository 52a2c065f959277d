import { usccCheckCharacter } from "../../app/domain/uscc";
import { register } from "../../app/services/auth.server";
import type { Db } from "../../db/client";
import type { OrgKind } from "../../db/schema";
import { memberships, organisations, users } from "../../db/schema";
import { hashPassword } from "../../app/services/passwords.server";

let counter = 0;
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** A valid, unique USCC for a region: 91 + region + 9 chars + check character. */
export function makeUscc(regionCode = "330702"): string {
  counter += 1;
  let n = Date.now() * 1000 + counter;
  let body = "";
  for (let i = 0; i < 9; i++) {
    body = ALPHABET[n % ALPHABET.length] + body;
    n = Math.floor(n / ALPHABET.length);
  }
  const first17 = `91${regionCode}${body}`;
  return first17 + usccCheckCharacter(first17);
}

export const TEST_PASSWORD = "correct horse battery staple";

/** Registers through the real service, as a visitor would. */
export async function registerOrg(
  db: Db,
  options: {
    kind?: "enterprise" | "provider" | "insurer" | "group";
    regionCode?: string;
    name?: string;
    email?: string;
    /** The registration's clock; by default the wall clock, as route tests validate its session on it. */
    now?: Date;
  } = {},
) {
  counter += 1;
  const regionCode = options.regionCode ?? "330702";
  return register(
    db,
    {
      orgKind: options.kind ?? "enterprise",
      orgName: options.name ?? `测试单位${counter}号有限公司`,
      uscc: makeUscc(regionCode),
      regionCode,
      industryCode: "33",
      name: `测试用户${counter}`,
      email: options.email ?? `user${counter}.${Date.now()}@test.anfu`,
      phone: undefined,
      password: TEST_PASSWORD,
    },
    { ip: "203.0.113.7", now: options.now ?? new Date() },
  );
}

/** Organisations registration cannot create (bureau, platform), inserted directly. */
export async function createOrgWithOwner(db: Db, options: { kind: OrgKind; regionCode: string; name?: string }) {
  counter += 1;
  const [org] = await db
    .insert(organisations)
    .values({
      kind: options.kind,
      name: options.name ?? `${options.kind}-${counter}`,
      regionCode: options.regionCode,
      verificationStatus: "verified",
    })
    .returning();
  const [user] = await db
    .insert(users)
    .values({
      email: `${options.kind}${counter}.${Date.now()}@test.anfu`,
      name: `${options.kind} owner ${counter}`,
      passwordHash: await hashPassword(TEST_PASSWORD),
    })
    .returning();
  await db.insert(memberships).values({ userId: user.id, orgId: org.id, role: "owner" });
  return { org, user };
}
