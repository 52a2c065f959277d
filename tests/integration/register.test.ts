// Registration creates the user, their organisation and the owner membership in one
// transaction, with an audit entry; a taken e-mail or USCC is a 409 and leaves nothing
// half-written; an invalid USCC (GB 32100-2015 check character) never reaches the service.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { auditLog, memberships, organisations, sessions, users } from "../../db/schema";
import { RegisterSchema, type RegisterInput } from "../../app/forms/auth";
import { register } from "../../app/services/auth.server";
import { validateSessionToken } from "../../app/services/sessions.server";
import { AppError } from "../../app/utils/errors";
import { makeUscc } from "../factories/accounts";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

let n = 0;
/** Form data as a visitor submits it, parsed by the real schema. */
function form(overrides: Record<string, string> = {}): RegisterInput {
  n += 1;
  return RegisterSchema.parse({
    orgKind: "enterprise",
    orgName: `金华市第${n}五金有限公司`,
    uscc: makeUscc("330702"),
    regionCode: "330702",
    industryCode: "33",
    name: `注册人${n}`,
    email: `register${n}@test.anfu`,
    phone: "0579-82000000",
    password: "a long enough passphrase",
    ...overrides,
  });
}

async function rowCounts() {
  const tables = { users, organisations, memberships, auditLog, sessions } as const;
  const entries = await Promise.all(
    Object.entries(tables).map(
      async ([name, table]) => [name, (await t.db.select({ n: count() }).from(table))[0].n] as const,
    ),
  );
  return Object.fromEntries(entries);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("register", () => {
  it("creates the user, the organisation, the owner membership, an audit entry and a session", async () => {
    const input = form();
    const { user, org, token } = await register(t.db, input, { ip: "203.0.113.20", now: NOW });

    const [storedUser] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(storedUser.email).toBe(input.email);
    expect(storedUser.passwordHash).toMatch(/^\$argon2id\$/);
    expect(storedUser.passwordHash).not.toContain(input.password);

    const [storedOrg] = await t.db.select().from(organisations).where(eq(organisations.id, org.id));
    expect(storedOrg).toMatchObject({
      kind: "enterprise",
      uscc: input.uscc,
      regionCode: "330702",
      verificationStatus: "pending",
    });

    expect(await t.db.select().from(memberships).where(eq(memberships.userId, user.id))).toMatchObject([
      { orgId: org.id, role: "owner" },
    ]);

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.orgId, org.id));
    expect(audit).toMatchObject([
      { action: "user.registered", actorUserId: user.id, subjectId: org.id, ip: "203.0.113.20" },
    ]);
    expect(JSON.stringify(audit)).not.toContain(input.password);

    const signedIn = await validateSessionToken(t.db, token, NOW);
    expect(signedIn?.user.id).toBe(user.id);
    expect(signedIn?.org?.id).toBe(org.id);
  });

  it("a taken e-mail (in any case) is a 409 and nothing is written", async () => {
    const first = form();
    await register(t.db, first, { ip: "203.0.113.21", now: NOW });
    const before = await rowCounts();

    const error = await rejection(
      register(t.db, form({ email: first.email.toUpperCase() }), { ip: "203.0.113.21", now: NOW }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, code: "email_taken" });
    expect(await rowCounts()).toEqual(before);
  });

  it("a taken USCC is a 409 and nothing is written, not even the user", async () => {
    const first = form();
    await register(t.db, first, { ip: "203.0.113.22", now: NOW });
    const before = await rowCounts();
    const second = form({ uscc: first.uscc.toLowerCase() });

    const error = await rejection(register(t.db, second, { ip: "203.0.113.22", now: NOW }));
    expect(error).toMatchObject({ status: 409, code: "uscc_taken" });
    expect(await rowCounts()).toEqual(before);
    expect(await t.db.select().from(users).where(eq(users.email, second.email))).toEqual([]);
  });
});

describe("register under concurrency", () => {
  it("two simultaneous registrations of one e-mail: one wins, the other gets 409, nothing half-written", async () => {
    const first = form();
    const second = form({ email: first.email });
    const before = await rowCounts();
    const results = await Promise.allSettled([
      register(t.db, first, { ip: "203.0.113.30", now: NOW }),
      register(t.db, second, { ip: "203.0.113.31", now: NOW }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(AppError);
    expect((lost[0].reason as AppError).status).toBe(409);
    const after = await rowCounts();
    expect(after.users - before.users).toBe(1);
    expect(after.organisations - before.organisations).toBe(1);
    expect(after.memberships - before.memberships).toBe(1);
  });
});

describe("RegisterSchema", () => {
  const valid = { ...form(), password: "a long enough passphrase", regionCode: "330702" };
  const issues = (overrides: Record<string, unknown>) => {
    const result = RegisterSchema.safeParse({ ...valid, ...overrides });
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
  };

  it("accepts the valid form", () => {
    expect(issues({})).toEqual([]);
  });

  it.each([
    ["a wrong check character", (u: string) => u.slice(0, 17) + (u[17] === "0" ? "1" : "0"), "uscc:uscc_check"],
    ["17 characters", (u: string) => u.slice(0, 17), "uscc:uscc_length"],
    ["a letter outside the GB 32100 alphabet", (u: string) => `${u.slice(0, 10)}I${u.slice(11)}`, "uscc:uscc_alphabet"],
  ])("refuses a USCC with %s", (_label, mutate, expected) => {
    expect(issues({ uscc: mutate(valid.uscc) })).toEqual([expected]);
  });

  it("refuses an empty USCC, a common password and kinds a visitor may not register", () => {
    expect(issues({ uscc: "" })).toEqual(["uscc:required"]);
    expect(issues({ password: "password123" })).toEqual(["password:password_too_common"]);
    expect(issues({ orgKind: "bureau" })).toEqual(["orgKind:org_kind_required"]);
    expect(issues({ orgKind: "platform" })).toEqual(["orgKind:org_kind_required"]);
  });

  it("refuses a password that is the e-mail address, in any case", () => {
    expect(issues({ email: "wang.li@jinhua-wujin.cn", password: "wang.li@jinhua-wujin.cn" })).toEqual([
      "password:password_same_as_email",
    ]);
    expect(issues({ email: "wang.li@jinhua-wujin.cn", password: "Wang.Li@Jinhua-Wujin.CN" })).toEqual([
      "password:password_same_as_email",
    ]);
  });
});
