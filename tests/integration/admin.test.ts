// The platform admin's decisions on organisations (verify, reject, suspend, reinstate) are
// each recorded in the audit log; suspending or rejecting needs a reason; a bureau is created
// with a one-time initial password that works for the first login and is never logged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, memberships, organisations, users } from "../../db/schema";
import { createBureau, decideOrganisation } from "../../app/services/admin.server";
import { login } from "../../app/services/auth.server";
import { validateSessionToken } from "../../app/services/sessions.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner, registerOrg } from "../factories/accounts";
import { createTestDb, type TestDb } from "../setup/test-db";

/** The use cases' clock in this file: fixed, never the wall clock. */
const NOW = new Date("2026-06-01T09:00:00+08:00");
let t: TestDb;
let admin: { userId: string; orgId: string; ip: string };

beforeAll(async () => {
  t = await createTestDb();
  const platform = await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330700" });
  admin = { userId: platform.user.id, orgId: platform.org.id, ip: "203.0.113.50" };
});
afterAll(async () => {
  await t.close();
});

const getOrg = async (id: string) => (await t.db.select().from(organisations).where(eq(organisations.id, id)))[0];
const auditFor = (orgId: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectId, orgId), eq(auditLog.action, action)));
const rejection = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

describe("decisions on an organisation", () => {
  it("verify: the organisation becomes verified, with an audit entry by the admin", async () => {
    const { org } = await registerOrg(t.db);
    expect(org.verificationStatus).toBe("pending");
    await decideOrganisation(t.db, admin, { now: NOW, orgId: org.id, decision: "verify" });
    const after = await getOrg(org.id);
    expect(after.verificationStatus).toBe("verified");
    expect(after.verifiedAt).toBeInstanceOf(Date);
    expect(await auditFor(org.id, "organisation.verify")).toMatchObject([{ actorUserId: admin.userId, ip: admin.ip }]);
  });

  it("suspend without a reason is refused and changes nothing", async () => {
    const { org } = await registerOrg(t.db);
    for (const reason of [undefined, ""]) {
      const error = await rejection(
        decideOrganisation(t.db, admin, { now: NOW, orgId: org.id, decision: "suspend", reason }),
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 422, code: "reason_required" });
    }
    expect((await getOrg(org.id)).suspendedAt).toBeNull();
    expect(await auditFor(org.id, "organisation.suspend")).toEqual([]);
  });

  it("suspend with a reason, then reinstate, each audited; repeating either is a 409", async () => {
    const { org } = await registerOrg(t.db);
    const reason = "资质证书过期未更新";
    await decideOrganisation(t.db, admin, { now: NOW, orgId: org.id, decision: "suspend", reason });
    const suspended = await getOrg(org.id);
    expect(suspended.suspendedAt).toBeInstanceOf(Date);
    expect(suspended.suspendedReason).toBe(reason);
    expect(await auditFor(org.id, "organisation.suspend")).toMatchObject([
      { actorUserId: admin.userId, data: { reason } },
    ]);
    expect(
      await rejection(decideOrganisation(t.db, admin, { now: NOW, orgId: org.id, decision: "suspend", reason })),
    ).toMatchObject({ status: 409 });

    await decideOrganisation(t.db, admin, { now: NOW, orgId: org.id, decision: "reinstate" });
    const reinstated = await getOrg(org.id);
    expect(reinstated.suspendedAt).toBeNull();
    expect(reinstated.suspendedReason).toBeNull();
    expect(await auditFor(org.id, "organisation.reinstate")).toMatchObject([{ actorUserId: admin.userId }]);
    expect(
      await rejection(decideOrganisation(t.db, admin, { now: NOW, orgId: org.id, decision: "reinstate" })),
    ).toMatchObject({ status: 409 });
  });

  it("reject needs a reason and is audited with it", async () => {
    const { org } = await registerOrg(t.db, { kind: "provider" });
    expect(
      await rejection(decideOrganisation(t.db, admin, { now: NOW, orgId: org.id, decision: "reject" })),
    ).toMatchObject({ status: 422 });
    expect((await getOrg(org.id)).verificationStatus).toBe("pending");
    await decideOrganisation(t.db, admin, {
      now: NOW,
      orgId: org.id,
      decision: "reject",
      reason: "营业执照与统一社会信用代码不符",
    });
    expect((await getOrg(org.id)).verificationStatus).toBe("rejected");
    expect(await auditFor(org.id, "organisation.reject")).toMatchObject([
      { actorUserId: admin.userId, data: { reason: "营业执照与统一社会信用代码不符" } },
    ]);
  });

  it("the platform organisation itself cannot be decided on; an unknown id is a 404", async () => {
    expect(
      await rejection(
        decideOrganisation(t.db, admin, { now: NOW, orgId: admin.orgId, decision: "suspend", reason: "x" }),
      ),
    ).toMatchObject({ status: 409 });
    expect((await getOrg(admin.orgId)).suspendedAt).toBeNull();
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      await rejection(decideOrganisation(t.db, admin, { now: NOW, orgId: unknown, decision: "verify" })),
    ).toMatchObject({ status: 404 });
  });
});

describe("createBureau", () => {
  const input = {
    name: "义乌市应急管理局",
    regionCode: "330782",
    contactName: "赵科长",
    email: "yiwu@bureau.test",
    now: NOW,
  };

  it("creates a verified bureau and its owner, with a one-time password that logs in", async () => {
    const { org, user, initialPassword } = await createBureau(t.db, admin, input);
    expect(org).toMatchObject({ kind: "bureau", regionCode: "330782", verificationStatus: "verified" });
    expect(await t.db.select().from(memberships).where(eq(memberships.userId, user.id))).toMatchObject([
      { orgId: org.id, role: "owner" },
    ]);
    expect(initialPassword.length).toBeGreaterThanOrEqual(16);

    const { token } = await login(
      t.db,
      { email: input.email, password: initialPassword },
      { ip: "203.0.113.51", now: NOW },
    );
    const session = await validateSessionToken(t.db, token, NOW);
    expect(session?.org).toMatchObject({ id: org.id, kind: "bureau", role: "owner" });
  });

  it("stores the password hashed and never writes it to the audit log", async () => {
    const { org, user, initialPassword } = await createBureau(t.db, admin, {
      ...input,
      email: "jindong@bureau.test",
      regionCode: "330703",
      now: NOW,
    });
    const [stored] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await auditFor(org.id, "bureau.created");
    expect(audit).toMatchObject([{ actorUserId: admin.userId, data: { regionCode: "330703" } }]);
    expect(JSON.stringify(await t.db.select().from(auditLog))).not.toContain(initialPassword);
  });

  it("each bureau gets a different password", async () => {
    const a = await createBureau(t.db, admin, { ...input, email: "a@bureau.test" });
    const b = await createBureau(t.db, admin, { ...input, email: "b@bureau.test" });
    expect(a.initialPassword).not.toBe(b.initialPassword);
  });

  it("a taken e-mail is a 409 and no bureau is created", async () => {
    const before = (await t.db.select().from(organisations).where(eq(organisations.kind, "bureau"))).length;
    const error = await rejection(createBureau(t.db, admin, { ...input, email: "yiwu@bureau.test" }));
    expect(error).toMatchObject({ status: 409, code: "email_taken" });
    expect((await t.db.select().from(organisations).where(eq(organisations.kind, "bureau"))).length).toBe(before);
  });
});
