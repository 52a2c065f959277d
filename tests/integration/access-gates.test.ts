// A page's loader and action ask the same feature rule (docs/architecture.md, "Permissions"):
// a plain member of a provider sees its workspace without the edit controls and is refused
// with a 403 when posting anyway; a manager sees the controls and may act; an organisation of
// another kind is refused both. Called as Remix calls them, with a real session cookie.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships, users } from "../../db/schema";
import { action as listingsAction, loader as listingsLoader } from "../../app/routes/provider/listings";
import { loader as profileLoader } from "../../app/routes/provider/profile";
import { action as settingsAction, loader as settingsLoader } from "../../app/routes/settings/organisation";
import { loader as tokensLoader } from "../../app/routes/settings/api-tokens";
import { createSession } from "../../app/services/sessions.server";
import { loadEnv } from "../../app/utils/env.server";
import { createOrgWithOwner } from "../factories/accounts";
import { makeProvider } from "../factories/marketplace";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
const env = loadEnv({ NODE_ENV: "test" });
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

type Outcome = { status: number; body: Record<string, unknown> | null };

async function call(
  fn: (args: never) => unknown,
  userId: string,
  orgId: string,
  url: string,
  form?: Record<string, string>,
): Promise<Outcome> {
  const { token } = await createSession(t.db, { userId, activeOrgId: orgId, now: new Date() });
  const headers = { Cookie: `anfu_session=${token}` };
  const request = form
    ? new Request(`http://localhost${url}`, { method: "POST", headers, body: new URLSearchParams(form) })
    : new Request(`http://localhost${url}`, { headers });
  const settle = (value: unknown): Outcome => {
    if (value instanceof Response) return { status: value.status, body: null };
    const v = value as { type?: string; data?: unknown; init?: { status?: number } };
    if (v?.type === "DataWithResponseInit")
      return { status: v.init?.status ?? 200, body: v.data as Record<string, unknown> };
    return { status: 200, body: value as Record<string, unknown> };
  };
  try {
    return settle(
      await fn({ request, params: {}, context: { db: t.db, env, cspNonce: "", clientIp: "127.0.0.1" } } as never),
    );
  } catch (thrown) {
    return settle(thrown);
  }
}

/** A second user of the organisation, with the given role. */
async function addMember(orgId: string, role: "admin" | "member") {
  const [user] = await t.db
    .insert(users)
    .values({
      email: `${role}.${orgId}@test.anfu`,
      name: `${role} of ${orgId}`,
      passwordHash: "unused: sessions are made directly",
    })
    .returning();
  await t.db.insert(memberships).values({ userId: user.id, orgId, role });
  return user;
}

describe("one rule for the loader and the action of a page", () => {
  it("a provider's plain member: the workspace without edit controls, and a 403 on posting", async () => {
    const provider = await makeProvider(t.db);
    const member = await addMember(provider.org.id, "member");
    const page = await call(listingsLoader, member.id, provider.org.id, "/provider/listings");
    expect(page).toMatchObject({ status: 200, body: { canEdit: false } });
    expect(await call(profileLoader, member.id, provider.org.id, "/provider/profile")).toMatchObject({
      status: 200,
      body: { canEdit: false },
    });
    const post = await call(listingsAction, member.id, provider.org.id, "/provider/listings", {
      intent: "pause",
      listingId: "00000000-0000-4000-8000-000000000000",
    });
    expect(post).toMatchObject({ status: 403, body: { messageKey: "wrong_role" } });
  });

  it("a provider's admin: the edit controls, and the action gets past the gate", async () => {
    const provider = await makeProvider(t.db);
    const admin = await addMember(provider.org.id, "admin");
    expect(await call(listingsLoader, admin.id, provider.org.id, "/provider/listings")).toMatchObject({
      status: 200,
      body: { canEdit: true },
    });
    // Past the gate the service answers: no such listing of this provider is a 404, not a 403.
    const post = await call(listingsAction, admin.id, provider.org.id, "/provider/listings", {
      intent: "pause",
      listingId: "00000000-0000-4000-8000-000000000000",
    });
    expect(post.status).toBe(404);
  });

  it("an enterprise is refused the provider workspace on both sides", async () => {
    const { org, user } = await createOrgWithOwner(t.db, { kind: "enterprise", regionCode: "330702" });
    expect(await call(listingsLoader, user.id, org.id, "/provider/listings")).toMatchObject({
      status: 403,
      body: { messageKey: "wrong_org_kind" },
    });
    expect(
      await call(listingsAction, user.id, org.id, "/provider/listings", { intent: "pause", listingId: org.id }),
    ).toMatchObject({ status: 403 });
  });

  it("organisation settings: every member reads, only managers save; API tokens: managers only", async () => {
    const { org } = await createOrgWithOwner(t.db, { kind: "enterprise", regionCode: "330702" });
    const member = await addMember(org.id, "member");
    expect(await call(settingsLoader, member.id, org.id, "/settings/organisation")).toMatchObject({
      status: 200,
      body: { canEdit: false },
    });
    expect(
      await call(settingsAction, member.id, org.id, "/settings/organisation", { contactPhone: "0579-88886666" }),
    ).toMatchObject({ status: 403 });
    expect(await call(tokensLoader, member.id, org.id, "/settings/api-tokens")).toMatchObject({
      status: 403,
      body: { messageKey: "wrong_role" },
    });
  });
});
