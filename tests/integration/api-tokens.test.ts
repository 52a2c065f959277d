// API tokens: the secret is shown once and only its SHA-256 is stored; it authenticates to
// its own organisation until revoked; another organisation cannot revoke it (404, as if it
// did not exist, so token ids of other organisations are not confirmed either).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { apiTokens, auditLog } from "../../db/schema";
import {
  authenticateApiToken,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from "../../app/services/api-tokens.server";
import { sha256Hex } from "../../app/utils/crypto.server";
import { AppError } from "../../app/utils/errors";
import { registerOrg } from "../factories/accounts";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-06-01T09:00:00+08:00");

let t: TestDb;
let mine: { userId: string; orgId: string; ip: string };
let theirs: { userId: string; orgId: string; ip: string };

beforeAll(async () => {
  t = await createTestDb();
  const a = await registerOrg(t.db);
  const b = await registerOrg(t.db, { kind: "provider" });
  mine = { userId: a.user.id, orgId: a.org.id, ip: "203.0.113.30" };
  theirs = { userId: b.user.id, orgId: b.org.id, ip: "203.0.113.31" };
});
afterAll(async () => {
  await t.close();
});

describe("creating a token", () => {
  it("returns the secret once and stores only its SHA-256", async () => {
    const { id, secret } = await createApiToken(t.db, mine, "ERP sync");
    expect(secret).toMatch(/^anfu_[a-z2-7]{40}$/);

    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row.tokenHash).toBe(sha256Hex(secret));
    expect(row.orgId).toBe(mine.orgId);
    // Only a short prefix to tell tokens apart; nowhere the whole secret.
    expect(row.displayPrefix.length).toBeLessThanOrEqual(10);
    expect(JSON.stringify(await t.db.select().from(apiTokens))).not.toContain(secret);
    expect(JSON.stringify(await t.db.select().from(auditLog))).not.toContain(secret);
    expect(JSON.stringify(await listApiTokens(t.db, { orgId: mine.orgId }))).not.toContain(secret);
  });

  it("is different every time and recorded in the audit log", async () => {
    const a = await createApiToken(t.db, mine, "one");
    const b = await createApiToken(t.db, mine, "two");
    expect(a.secret).not.toBe(b.secret);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "api_token.created"), eq(auditLog.subjectId, a.id)));
    expect(audit).toMatchObject([{ orgId: mine.orgId, actorUserId: mine.userId }]);
  });

  it("is listed for its organisation only", async () => {
    const { id } = await createApiToken(t.db, mine, "listed");
    expect((await listApiTokens(t.db, { orgId: mine.orgId })).map((r) => r.id)).toContain(id);
    expect((await listApiTokens(t.db, { orgId: theirs.orgId })).map((r) => r.id)).not.toContain(id);
  });
});

describe("authenticating", () => {
  it("the secret authenticates to its organisation and marks the token used", async () => {
    const { id, secret } = await createApiToken(t.db, mine, "auth");
    const org = await authenticateApiToken(t.db, secret, NOW);
    expect(org?.id).toBe(mine.orgId);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row.lastUsedAt).toBeInstanceOf(Date);
  });

  it("nothing else authenticates: missing, malformed, altered, or the stored hash itself", async () => {
    const { secret } = await createApiToken(t.db, mine, "negative");
    const altered = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    for (const candidate of [null, "", "anfu_", "Bearer " + secret, altered, secret.toUpperCase(), sha256Hex(secret)]) {
      expect(await authenticateApiToken(t.db, candidate, NOW), String(candidate)).toBeNull();
    }
  });
});

describe("revoking", () => {
  it("another organisation cannot revoke it: 404, and the token keeps working", async () => {
    const { id, secret } = await createApiToken(t.db, mine, "cross-org");
    const error = await revokeApiToken(t.db, theirs, id, NOW).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 404 });
    expect((await authenticateApiToken(t.db, secret, NOW))?.id).toBe(mine.orgId);
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row.revokedAt).toBeNull();
  });

  it("once revoked by its organisation it authenticates to nothing; revoking again is a 404", async () => {
    const { id, secret } = await createApiToken(t.db, mine, "revoked");
    await revokeApiToken(t.db, mine, id, NOW);
    expect(await authenticateApiToken(t.db, secret, NOW)).toBeNull();
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "api_token.revoked"), eq(auditLog.subjectId, id)));
    expect(audit).toMatchObject([{ orgId: mine.orgId, actorUserId: mine.userId }]);
    await expect(revokeApiToken(t.db, mine, id, NOW)).rejects.toMatchObject({ status: 404 });
  });

  it("revoking one token leaves the organisation's others working", async () => {
    const keep = await createApiToken(t.db, mine, "keep");
    const drop = await createApiToken(t.db, mine, "drop");
    await revokeApiToken(t.db, mine, drop.id, NOW);
    expect((await authenticateApiToken(t.db, keep.secret, NOW))?.id).toBe(mine.orgId);
  });
});
