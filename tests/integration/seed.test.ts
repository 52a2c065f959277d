// The demo seed: idempotent (a second run changes nothing), every demo login and API token
// listed in the README works, and it refuses to run in production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { apiTokens, auditLog, memberships, organisations, users } from "../../db/schema";
import { DEMO_ORGS, DEMO_PASSWORD } from "../../app/seed/demo-data";
import { seedDemo, seedDemoIfEmpty } from "../../app/seed/demo";
import { authenticateApiToken } from "../../app/services/api-tokens.server";
import { login } from "../../app/services/auth.server";
import { validateSessionToken } from "../../app/services/sessions.server";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

async function rowCounts() {
  const tables = { users, organisations, memberships, apiTokens, auditLog } as const;
  const entries = await Promise.all(
    Object.entries(tables).map(
      async ([name, table]) => [name, (await t.db.select({ n: count() }).from(table))[0].n] as const,
    ),
  );
  return Object.fromEntries(entries);
}

// The tests run in order: production refusal on the empty database first, then the seed.
describe("seedDemo", () => {
  it("refuses to run in production and writes nothing", async () => {
    await expect(seedDemo(t.db, { NODE_ENV: "production" }, NOW)).rejects.toThrow(/production/);
    await expect(seedDemoIfEmpty(t.db, { NODE_ENV: "production" }, NOW)).rejects.toThrow(/production/);
    expect(await rowCounts()).toEqual({ users: 0, organisations: 0, memberships: 0, apiTokens: 0, auditLog: 0 });
  });

  it("seeds every demo organisation with its owner and token", async () => {
    await seedDemo(t.db, { NODE_ENV: "development" }, NOW);
    // At least one of each per demo organisation (other parts may seed more around them).
    const counts = await rowCounts();
    for (const table of ["users", "organisations", "memberships", "apiTokens"]) {
      expect(counts[table], table).toBeGreaterThanOrEqual(DEMO_ORGS.length);
    }
  });

  it("is idempotent: a second run (and seedDemoIfEmpty) leave the same rows", async () => {
    const before = await rowCounts();
    await seedDemo(t.db, { NODE_ENV: "development" }, NOW);
    expect(await seedDemoIfEmpty(t.db, { NODE_ENV: "development" }, NOW)).toBe(false);
    expect(await rowCounts()).toEqual(before);
  });

  it("every demo login works with DEMO_PASSWORD and acts for its organisation", async () => {
    for (const [i, demo] of DEMO_ORGS.entries()) {
      const { token } = await login(
        t.db,
        { email: demo.login.email, password: DEMO_PASSWORD },
        { ip: `192.0.2.${i + 1}`, now: NOW },
      );
      const session = await validateSessionToken(t.db, token, NOW);
      expect(session?.org, demo.key).toMatchObject({ name: demo.name, kind: demo.kind, role: "owner" });
    }
  });

  it("every demo API token authenticates to its organisation", async () => {
    for (const demo of DEMO_ORGS) {
      const org = await authenticateApiToken(t.db, demo.apiToken, NOW);
      expect(org, demo.key).toMatchObject({ name: demo.name, kind: demo.kind, regionCode: demo.regionCode });
    }
  });

  it("stores the demo tokens and password only hashed", async () => {
    const dump = JSON.stringify([await t.db.select().from(apiTokens), await t.db.select().from(users)]);
    expect(dump).not.toContain(DEMO_PASSWORD);
    for (const demo of DEMO_ORGS) expect(dump).not.toContain(demo.apiToken);
  });
});
