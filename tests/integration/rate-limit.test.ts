// Issue 6 #9 and #15: the public search pages and the API are rate limited per IP and per API
// token, with 429 and Retry-After, the counters in the database so that several server
// processes share them; every API route answers with a Response through one helper.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitWindows } from "../../db/schema";
import { loader as providersApiLoader } from "../../app/routes/api/providers";
import { createApiToken } from "../../app/services/api-tokens.server";
import { enforceRateLimit } from "../../app/services/rate-limit.server";
import { loadEnv } from "../../app/utils/env.server";
import { AppError } from "../../app/utils/errors";
import { makeEnterprise } from "../factories/marketplace";
import { loadRemixApp, type RemixApp } from "../setup/remix-app";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let app: RemixApp;
const LIMIT_PER_IP = 3;
const LIMIT_PER_TOKEN = 2;
const env = loadEnv({
  NODE_ENV: "test",
  SEED_ON_START: "false",
  RATE_LIMIT_IP_PER_MINUTE: String(LIMIT_PER_IP),
  RATE_LIMIT_TOKEN_PER_MINUTE: String(LIMIT_PER_TOKEN),
});

beforeAll(async () => {
  [t, app] = await Promise.all([createTestDb({ maxConnections: 20 }), loadRemixApp()]);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

async function get(path: string, ip: string, headers: Record<string, string> = {}) {
  const reply = await app.handle(new Request(`http://localhost${path}`, { headers }), {
    db: t.db,
    env,
    cspNonce: "n",
    clientIp: ip,
  });
  const body = await reply.text();
  return {
    status: reply.status,
    retryAfter: reply.headers.get("retry-after"),
    type: reply.headers.get("content-type"),
    body,
  };
}

describe("the counter", () => {
  it("lets exactly the limit through when requests arrive at once, and refuses the rest with Retry-After", async () => {
    const now = new Date("2026-05-01T08:00:20.000Z");
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        enforceRateLimit(t.db, { key: "test:burst", limit: 12, now }).then(
          () => "ok",
          (e: unknown) => (e instanceof AppError ? `${e.status}:${e.headers["Retry-After"]}` : String(e)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(12);
    expect(outcomes.filter((o) => o === "429:40")).toHaveLength(18);
  });

  it("starts afresh in the next window and forgets the old one", async () => {
    const key = "test:windows";
    for (let i = 0; i < 2; i++) await enforceRateLimit(t.db, { key, limit: 2, now: new Date("2026-05-01T09:00:10Z") });
    await expect(
      enforceRateLimit(t.db, { key, limit: 2, now: new Date("2026-05-01T09:00:50Z") }),
    ).rejects.toMatchObject({ status: 429 });
    await enforceRateLimit(t.db, { key, limit: 2, now: new Date("2026-05-01T09:01:00Z") });
    const rows = (await t.db.select().from(rateLimitWindows)).filter((r) => r.key === key);
    expect(rows.map((r) => r.windowStart.toISOString())).toEqual(["2026-05-01T09:01:00.000Z"]);
  });
});

describe("public search pages, per IP", () => {
  it.each(["/providers", "/listings"])(
    "%s answers 429 with Retry-After past the limit, for that IP only",
    async (path) => {
      const ip = freshIp();
      // The page counts in real minutes: 2 × limit + 1 requests meet a refusal even if a new
      // minute starts half-way, and never before the limit is reached.
      const replies = [];
      for (let i = 0; i < 2 * LIMIT_PER_IP + 1; i++) replies.push(await get(path, ip));
      expect(replies.slice(0, LIMIT_PER_IP).map((r) => r.status)).toEqual(Array(LIMIT_PER_IP).fill(200));
      const refused = replies.find((r) => r.status === 429);
      expect(refused).toBeDefined();
      expect(Number(refused!.retryAfter)).toBeGreaterThan(0);
      expect((await get(path, freshIp())).status).toBe(200);
    },
  );
});

describe("the API, per token and per IP", () => {
  it("counts per token: past the limit a JSON 429 with Retry-After, whatever the IP", async () => {
    const enterprise = await makeEnterprise(t.db);
    const { secret } = await createApiToken(t.db, enterprise.actor, "limit");
    const auth = { authorization: `Bearer ${secret}` };
    for (let i = 0; i < LIMIT_PER_TOKEN; i++) expect((await get("/api/v1/me", freshIp(), auth)).status).toBe(200);
    // As above: one more burst in case a new minute started in between.
    let refused = await get("/api/v1/providers", freshIp(), auth);
    for (let i = 0; i < LIMIT_PER_TOKEN && refused.status !== 429; i++)
      refused = await get("/api/v1/providers", freshIp(), auth);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.type).toMatch(/^application\/json/);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("counts per IP without a token, and for wrong tokens too", async () => {
    const ip = freshIp();
    for (let i = 0; i < LIMIT_PER_IP; i++)
      expect((await get("/api/v1/me", ip, { authorization: "Bearer anfu_wrongwrongwrongwrongwrong" })).status).toBe(
        401,
      );
    let refused = await get("/api/v1/providers", ip);
    for (let i = 0; i < LIMIT_PER_IP && refused.status !== 429; i++) refused = await get("/api/v1/providers", ip);
    expect(refused.status).toBe(429);
  });

  it("GET /api/v1/providers answers with a Response like every other API route (#15)", async () => {
    const request = new Request("http://localhost/api/v1/providers");
    const value = await providersApiLoader({
      request,
      params: {},
      context: { db: t.db, env, clientIp: freshIp() },
    } as never);
    expect(value).toBeInstanceOf(Response);
    expect((value as Response).headers.get("content-type")).toMatch(/^application\/json/);
  });
});
