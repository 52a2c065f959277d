// Issue 6 at the sign-in edge, through Remix's real request handler: no open redirect after
// login or a language switch (#1), the 429 carries the Retry-After the service computed (#3),
// a new login ends the browser's previous session and the current-password check of
// /settings/account is throttled like a login (#9).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sessions } from "../../db/schema";
import { MAX_FAILURES_PER_ACCOUNT } from "../../app/domain/login-throttle";
import { createSession } from "../../app/services/sessions.server";
import { sha256Hex } from "../../app/utils/crypto.server";
import { loadEnv } from "../../app/utils/env.server";
import { registerOrg, TEST_PASSWORD } from "../factories/accounts";
import { loadRemixApp, type RemixApp } from "../setup/remix-app";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let app: RemixApp;
const env = loadEnv({ NODE_ENV: "test", SEED_ON_START: "false" });

beforeAll(async () => {
  [t, app] = await Promise.all([createTestDb(), loadRemixApp()]);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

let ipCounter = 0;
async function post(path: string, form: Record<string, string>, options: { cookie?: string; ip?: string } = {}) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (options.cookie) headers.set("cookie", options.cookie);
  const request = new Request(`http://localhost${path}`, { method: "POST", headers, body: new URLSearchParams(form) });
  const reply = await app.handle(request, {
    db: t.db,
    env,
    cspNonce: "n",
    clientIp: options.ip ?? `192.0.2.${++ipCounter % 250}`,
  });
  await reply.arrayBuffer();
  return reply;
}

describe("no open redirect after login or a language switch (#1)", () => {
  it.each(["/\t/evil.example/x", "/\\evil.example", "//evil.example", "/.//evil.example", "https://evil.example/"])(
    "login with redirectTo %j stays on the site",
    async (redirectTo) => {
      const { user } = await registerOrg(t.db);
      const reply = await post("/login", { email: user.email, password: TEST_PASSWORD, redirectTo });
      expect(reply.status).toBe(302);
      expect(new URL(reply.headers.get("location")!, "https://anfu.example.cn").origin).toBe("https://anfu.example.cn");
    },
  );

  it("a CR/LF in redirectTo is a redirect to the dashboard, not a 500", async () => {
    const { user } = await registerOrg(t.db);
    const reply = await post("/login", {
      email: user.email,
      password: TEST_PASSWORD,
      redirectTo: "/x\r\nSet-Cookie: a=b",
    });
    expect(reply.status).toBe(302);
    expect(reply.headers.get("location")).toBe("/dashboard");
  });

  it.each(["/\t/evil.example/x", "/\n/evil.example", "/\\evil.example"])(
    "set-language with redirectTo %j stays on the site",
    async (redirectTo) => {
      const reply = await post("/set-language", { lng: "en", redirectTo });
      expect(reply.status).toBe(302);
      expect(reply.headers.get("location")).toBe("/");
    },
  );
});

describe("login throttling at the edge (#3)", () => {
  it("the 429 page carries Retry-After", async () => {
    const { user } = await registerOrg(t.db);
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await post("/login", { email: user.email, password: `wrong ${i}` })).status).toBe(401);
    }
    const refused = await post("/login", { email: user.email, password: TEST_PASSWORD });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("sessions and the current-password check (#9)", () => {
  it("a new login ends the session the browser had before", async () => {
    const first = await registerOrg(t.db);
    const second = await registerOrg(t.db);
    const { token: old } = await createSession(t.db, {
      userId: first.user.id,
      activeOrgId: first.org.id,
      now: new Date(),
    });
    const reply = await post(
      "/login",
      { email: second.user.email, password: TEST_PASSWORD },
      { cookie: `anfu_session=${old}` },
    );
    expect(reply.status).toBe(302);
    expect(
      await t.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, sha256Hex(old))),
    ).toHaveLength(0);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, second.user.id))).toHaveLength(2); // registration's + this login's
  });

  it("wrong current passwords on /settings/account are throttled like a login, with Retry-After", async () => {
    const { user, org } = await registerOrg(t.db);
    const { token } = await createSession(t.db, { userId: user.id, activeOrgId: org.id, now: new Date() });
    const cookie = `anfu_session=${token}`;
    const attempt = (currentPassword: string) =>
      post("/settings/account", { currentPassword, newPassword: "a brand new passphrase 7" }, { cookie });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect((await attempt(`wrong ${i}`)).status).toBe(422);
    const refused = await attempt(TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("a non-UUID id in an intent (#7)", () => {
  it("revoking tokenId=abc is a 404, not a 500", async () => {
    const { user, org } = await registerOrg(t.db);
    const { token } = await createSession(t.db, { userId: user.id, activeOrgId: org.id, now: new Date() });
    const reply = await post(
      "/settings/api-tokens",
      { intent: "revoke", tokenId: "abc" },
      { cookie: `anfu_session=${token}` },
    );
    expect(reply.status).toBe(404);
  });
});
