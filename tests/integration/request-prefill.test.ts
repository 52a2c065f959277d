// "发布需求" from an empty search (issue 11): /requests/new takes ?title= and ?category= as the
// form's defaults, cut between characters and ignoring an unknown category.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as newRequestLoader } from "../../app/routes/requests/new";
import { createSession } from "../../app/services/sessions.server";
import { loadEnv } from "../../app/utils/env.server";
import { makeEnterprise } from "../factories/marketplace";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let who: Awaited<ReturnType<typeof makeEnterprise>>;
beforeAll(async () => {
  t = await createTestDb();
  who = await makeEnterprise(t.db);
});
afterAll(async () => {
  await t.close();
});

async function defaults(query: string) {
  const { token } = await createSession(t.db, { userId: who.user.id, activeOrgId: who.org.id, now: new Date() });
  const request = new Request(`http://localhost/requests/new${query}`, {
    headers: { Cookie: `anfu_session=${token}` },
  });
  const env = loadEnv({ NODE_ENV: "test" });
  return (await newRequestLoader({
    request,
    params: {},
    context: { db: t.db, env, cspNonce: "", clientIp: "127.0.0.1" },
  } as never)) as { title: string; category: string };
}

describe("/requests/new prefill", () => {
  it("takes the search terms as the title and the category", async () => {
    const d = await defaults(`?title=${encodeURIComponent(" 危化 安全评价 ")}&category=assessment`);
    expect([d.title, d.category]).toEqual(["危化 安全评价", "assessment"]);
  });

  it("no prefill: empty defaults; an unknown category is dropped", async () => {
    const d = await defaults("?category=plumbing");
    expect([d.title, d.category]).toEqual(["", ""]);
  });

  it("a long title is cut to the form's 100 characters without splitting a surrogate pair", async () => {
    const long = "安".repeat(99) + "𠀀" + "全";
    const d = await defaults(`?title=${encodeURIComponent(long)}`);
    expect(d.title).toBe("安".repeat(99));
  });
});
