// Sessions after Lucia (docs/architecture.md, "Auth after Lucia"): a random token of ≥ 128 bits, only its SHA-256
// stored; 12 h idle / 7 days absolute; logout, logout everywhere, password change ends the
// other sessions; login throttled per account and per IP, never for good; an unknown e-mail
// answers exactly like a wrong password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { changePassword, login, logout, logoutEverywhere } from "../../app/services/auth.server";
import { validateSessionToken } from "../../app/services/sessions.server";
import { sha256Hex } from "../../app/utils/crypto.server";
import { AppError } from "../../app/utils/errors";
import { registerOrg, TEST_PASSWORD } from "../factories/accounts";
import { createTestDb, type TestDb } from "../setup/test-db";

const HOUR = 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

let ipCounter = 0;
/** A fresh IP per test, so one test's failures never throttle another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function newAccount() {
  const { user, org } = await registerOrg(t.db);
  return { user, org, email: user.email };
}

/** The rejection of `promise`, which must be an AppError. */
async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("login issues a fresh session token", () => {
  it("stores only the token's SHA-256, never the token", async () => {
    const { email, user } = await newAccount();
    const { token, session } = await login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: NOW });

    expect(session.id).toBe(sha256Hex(token));
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    const rows = await t.db.select().from(sessions);
    expect(rows.map((r) => r.id)).toContain(sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.filter((r) => r.userId === user.id).every((r) => r.id !== token)).toBe(true);
  });

  it("the token carries at least 128 bits and differs every time", async () => {
    const { email } = await newAccount();
    const ip = freshIp();
    const a = await login(t.db, { email, password: TEST_PASSWORD }, { ip, now: NOW });
    const b = await login(t.db, { email, password: TEST_PASSWORD }, { ip, now: NOW });
    // Lower-case base32: 5 bits per character.
    expect(a.token).toMatch(/^[a-z2-7]+$/);
    expect(a.token.length * 5).toBeGreaterThanOrEqual(128);
    expect(a.token).not.toBe(b.token);
    expect(a.session.id).not.toBe(b.session.id);
  });

  it("validates to the user and their organisation", async () => {
    const { email, user, org } = await newAccount();
    const { token } = await login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: NOW });
    const found = await validateSessionToken(t.db, token, NOW);
    expect(found?.user.id).toBe(user.id);
    expect(found?.org?.id).toBe(org.id);
    expect(found?.org?.role).toBe("owner");
  });

  it("a token that is not in the table, or malformed, gives nothing", async () => {
    expect(await validateSessionToken(t.db, "a".repeat(32), NOW)).toBeNull();
    expect(await validateSessionToken(t.db, "' or 1=1 --", NOW)).toBeNull();
  });
});

describe("expiry", () => {
  const t0 = new Date("2026-03-02T01:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("past 12 h idle the session is refused and its row deleted", async () => {
    const { email } = await newAccount();
    const { token, session } = await login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: t0 });

    expect(await validateSessionToken(t.db, token, at(12 * HOUR - MINUTE))).not.toBeNull();
    // That use slid the idle deadline to t0 + 24 h − 1 min; leave it idle past that.
    expect(await validateSessionToken(t.db, token, at(24 * HOUR))).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.id, session.id))).toEqual([]);
  });

  it("an unused session dies exactly 12 h after sign-in", async () => {
    const { email } = await newAccount();
    const { token, session } = await login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: t0 });
    expect(await validateSessionToken(t.db, token, at(12 * HOUR))).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.id, session.id))).toEqual([]);
  });

  it("use slides the idle deadline, stored in the row", async () => {
    const { email } = await newAccount();
    const { token, session } = await login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: t0 });
    await validateSessionToken(t.db, token, at(2 * HOUR));
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row.idleExpiresAt.getTime()).toBe(at(14 * HOUR).getTime());
    expect(row.absoluteExpiresAt.getTime()).toBe(at(7 * 24 * HOUR).getTime());
  });

  it("past 7 days the session is refused even though it was used all along", async () => {
    const { email } = await newAccount();
    const { token, session } = await login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: t0 });
    for (let offset = 6 * HOUR; offset < 7 * 24 * HOUR; offset += 6 * HOUR) {
      expect(await validateSessionToken(t.db, token, at(offset)), `at +${offset / HOUR} h`).not.toBeNull();
    }
    expect(await validateSessionToken(t.db, token, at(7 * 24 * HOUR - MINUTE))).not.toBeNull();
    expect(await validateSessionToken(t.db, token, at(7 * 24 * HOUR))).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.id, session.id))).toEqual([]);
  });
});

describe("ending sessions", () => {
  it("logout ends that session only", async () => {
    const { email, user } = await newAccount();
    const ip = freshIp();
    const a = await login(t.db, { email, password: TEST_PASSWORD }, { ip, now: NOW });
    const b = await login(t.db, { email, password: TEST_PASSWORD }, { ip, now: NOW });
    await logout(t.db, { id: a.session.id, userId: user.id }, ip);
    expect(await validateSessionToken(t.db, a.token, NOW)).toBeNull();
    expect(await validateSessionToken(t.db, b.token, NOW)).not.toBeNull();
  });

  it("logoutEverywhere ends every session of the user and no one else's", async () => {
    const mine = await newAccount();
    const other = await newAccount();
    const ip = freshIp();
    const tokens = await Promise.all(
      [1, 2, 3].map(
        async () => (await login(t.db, { email: mine.email, password: TEST_PASSWORD }, { ip, now: NOW })).token,
      ),
    );
    const theirs = await login(t.db, { email: other.email, password: TEST_PASSWORD }, { ip, now: NOW });
    await logoutEverywhere(t.db, mine.user.id, ip);
    for (const token of tokens) expect(await validateSessionToken(t.db, token, NOW)).toBeNull();
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, mine.user.id))).toEqual([]);
    expect(await validateSessionToken(t.db, theirs.token, NOW)).not.toBeNull();
  });

  it("changePassword ends the other sessions but keeps the current one", async () => {
    const { email, user } = await newAccount();
    const ip = freshIp();
    const current = await login(t.db, { email, password: TEST_PASSWORD }, { ip, now: NOW });
    const stolen = await login(t.db, { email, password: TEST_PASSWORD }, { ip, now: NOW });
    const newPassword = "a brand new passphrase 2026";

    await changePassword(t.db, {
      userId: user.id,
      sessionId: current.session.id,
      currentPassword: TEST_PASSWORD,
      newPassword,
      ip,
      now: NOW,
    });

    expect(await validateSessionToken(t.db, current.token, NOW)).not.toBeNull();
    expect(await validateSessionToken(t.db, stolen.token, NOW)).toBeNull();
    expect((await appError(login(t.db, { email, password: TEST_PASSWORD }, { ip, now: NOW }))).status).toBe(401);
    expect((await login(t.db, { email, password: newPassword }, { ip, now: NOW })).user.id).toBe(user.id);
  });

  it("changePassword with a wrong current password changes nothing", async () => {
    const { email, user } = await newAccount();
    const ip = freshIp();
    const a = await login(t.db, { email, password: TEST_PASSWORD }, { ip, now: NOW });
    const b = await login(t.db, { email, password: TEST_PASSWORD }, { ip, now: NOW });
    const error = await appError(
      changePassword(t.db, {
        userId: user.id,
        sessionId: a.session.id,
        currentPassword: "not my password",
        newPassword: "whatever else 123",
        ip,
        now: NOW,
      }),
    );
    expect(error.status).toBe(422);
    expect(await validateSessionToken(t.db, b.token, NOW)).not.toBeNull();
  });
});

describe("login throttling", () => {
  const t0 = new Date("2026-04-01T02:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("10 wrong passwords, even from 10 IPs, then the right one is refused with 429 until the window passes", async () => {
    const { email, user } = await newAccount();
    for (let i = 0; i < 10; i++) {
      const error = await appError(
        login(t.db, { email, password: `wrong guess ${i}` }, { ip: freshIp(), now: at(i * 1000) }),
      );
      expect(error.status).toBe(401);
    }

    const refused = await appError(login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: at(MINUTE) }));
    expect(refused.status).toBe(429);
    expect(refused.code).toBe("too_many_attempts");
    // The first failure (t0) leaves the window at t0 + 15 min: 14 minutes from now.
    expect(refused.headers["Retry-After"]).toBe(String(14 * 60));
    expect(refused.params.minutes).toBe(14);

    // Still refused just before the oldest failure leaves the window …
    const stillRefused = await appError(
      login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: at(15 * MINUTE - 1) }),
    );
    expect(stillRefused.status).toBe(429);
    // … and allowed again once it has: no permanent lockout.
    const ok = await login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: at(15 * MINUTE + 1000) });
    expect(ok.user.id).toBe(user.id);
  });

  it("refused attempts are not recorded, so retrying while throttled does not prolong the wait", async () => {
    const { email } = await newAccount();
    for (let i = 0; i < 10; i++) {
      await appError(login(t.db, { email, password: "wrong" }, { ip: freshIp(), now: at(HOUR) }));
    }
    for (let i = 1; i <= 5; i++) {
      expect(
        (await appError(login(t.db, { email, password: "wrong" }, { ip: freshIp(), now: at(HOUR + i * MINUTE) })))
          .status,
      ).toBe(429);
    }
    const ok = await login(
      t.db,
      { email, password: TEST_PASSWORD },
      { ip: freshIp(), now: at(HOUR + 15 * MINUTE + 1) },
    );
    expect(ok.token).toBeTruthy();
  });

  it("9 failures leave the right password working", async () => {
    const { email, user } = await newAccount();
    for (let i = 0; i < 9; i++)
      await appError(login(t.db, { email, password: "wrong" }, { ip: freshIp(), now: at(2 * HOUR) }));
    expect(
      (await login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: at(2 * HOUR + 1) })).user.id,
    ).toBe(user.id);
  });

  it("30 failures from one IP, on any accounts, block that IP only", async () => {
    const { email, user } = await newAccount();
    const office = freshIp();
    const start = at(3 * HOUR);
    for (let i = 0; i < 30; i++) {
      // Distinct unknown accounts, so the per-account limit is never the one that bites.
      const error = await appError(
        login(t.db, { email: `nobody${i}@spray.test`, password: "x" }, { ip: office, now: start }),
      );
      expect(error.status).toBe(401);
    }
    const later = new Date(start.getTime() + MINUTE);
    const refused = await appError(login(t.db, { email, password: TEST_PASSWORD }, { ip: office, now: later }));
    expect(refused.status).toBe(429);
    expect((await login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: later })).user.id).toBe(
      user.id,
    );

    const afterWindow = new Date(start.getTime() + 15 * MINUTE + 1);
    expect((await login(t.db, { email, password: TEST_PASSWORD }, { ip: office, now: afterWindow })).user.id).toBe(
      user.id,
    );
  });

  it("an unknown e-mail gets exactly the same error as a wrong password", async () => {
    const { email } = await newAccount();
    const wrongPassword = await appError(
      login(t.db, { email, password: "not the password" }, { ip: freshIp(), now: NOW }),
    );
    const unknownEmail = await appError(
      login(t.db, { email: "nobody@nowhere.test", password: "not the password" }, { ip: freshIp(), now: NOW }),
    );
    const shape = (e: AppError) => ({
      status: e.status,
      code: e.code,
      messageKey: e.messageKey,
      params: e.params,
      headers: e.headers,
      message: e.message,
    });
    expect(shape(unknownEmail)).toEqual(shape(wrongPassword));
    expect(wrongPassword.status).toBe(401);
  });

  it("the e-mail is matched case-insensitively, for the login and for the throttle", async () => {
    const { email } = await newAccount();
    for (let i = 0; i < 10; i++) {
      const variant = i % 2 ? email.toUpperCase() : ` ${email} `;
      await appError(login(t.db, { email: variant, password: "wrong" }, { ip: freshIp(), now: at(4 * HOUR) }));
    }
    expect(
      (await appError(login(t.db, { email, password: TEST_PASSWORD }, { ip: freshIp(), now: at(4 * HOUR + 1) })))
        .status,
    ).toBe(429);
  });
});
