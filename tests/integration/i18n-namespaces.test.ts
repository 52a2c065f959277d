// Decision 023, through Remix's real request handler: every page writes the namespaces its render
// used into the HTML (the browser loads exactly those before hydrating), and each of them is
// among the namespaces the build-time scan gives the page's routes — the ones a client-side
// navigation loads before rendering the page. A namespace the scan misses fails here, before it
// would show raw keys after a navigation.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgKind } from "../../app/domain/org-kinds";
import { routeNamespaces } from "../../app/i18n/namespace-scan";
import { createSession } from "../../app/services/sessions.server";
import { loadEnv } from "../../app/utils/env.server";
import { createOrgWithOwner } from "../factories/accounts";
import { loadRemixApp, type RemixApp } from "../setup/remix-app";
import { createTestDb, type TestDb } from "../setup/test-db";

let t: TestDb;
let app: RemixApp;
const env = loadEnv({ NODE_ENV: "test", SEED_ON_START: "false" });
const scanned = routeNamespaces(path.resolve(__dirname, "../../app"));
const cookies = new Map<OrgKind, string>();

beforeAll(async () => {
  [t, app] = await Promise.all([createTestDb(), loadRemixApp()]);
  for (const kind of ["enterprise", "provider", "bureau", "platform"] as const) {
    const { org, user } = await createOrgWithOwner(t.db, { kind, regionCode: "330702" });
    const { token } = await createSession(t.db, { userId: user.id, activeOrgId: org.id, now: new Date() });
    cookies.set(kind, `anfu_session=${token}`);
  }
}, 300_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

type Page = { status: number; namespaces: string[]; routeIds: string[]; html: string };

async function get(url: string, options: { as?: OrgKind; lng?: string } = {}): Promise<Page> {
  const headers = new Headers({ "accept-language": options.lng ?? "zh-CN" });
  if (options.as) headers.set("cookie", cookies.get(options.as)!);
  const reply = await app.handle(new Request(`http://localhost${url}`, { headers }), {
    db: t.db,
    env,
    cspNonce: "n",
    clientIp: "192.0.2.1",
  });
  const html = await reply.text();
  const list = /<script id="i18n-namespaces" type="application\/json">([^<]*)<\/script>/.exec(html)?.[1];
  // The route modules Remix hydrates: window.__remixRouteModules = {"root":route0,"routes/home":route1};
  const modules = /window\.__remixRouteModules = \{([^}]*)\}/.exec(html)?.[1] ?? "";
  return {
    status: reply.status,
    html,
    namespaces: list ? (JSON.parse(list) as string[]) : [],
    routeIds: [...modules.matchAll(/"([^"]+)":route\d+/g)].map((m) => m[1]),
  };
}

const PAGES: Array<[string, OrgKind | undefined]> = [
  ["/", undefined],
  ["/providers", undefined],
  ["/listings", undefined],
  ["/credit", undefined],
  ["/login", undefined],
  ["/register", undefined],
  ["/dashboard", "enterprise"],
  ["/requests", "enterprise"],
  ["/requests/new", "enterprise"],
  ["/engagements", "enterprise"],
  ["/notifications", "enterprise"],
  ["/settings/account", "enterprise"],
  ["/settings/organisation", "enterprise"],
  ["/provider/inbox", "provider"],
  ["/provider/listings", "provider"],
  ["/provider/profile", "provider"],
  ["/provider/qualifications", "provider"],
  ["/dashboard", "bureau"],
  ["/bureau/enterprises", "bureau"],
  ["/admin/organisations", "platform"],
  ["/admin/audit", "platform"],
];

describe("the namespaces a page embeds", () => {
  it.each(PAGES)("%s (as %s) embeds only namespaces the scan gives its routes", async (url, as) => {
    const page = await get(url, { as });
    expect(page.status).toBe(200);
    expect(page.routeIds[0]).toBe("root");
    expect(page.namespaces.length).toBeGreaterThan(0);
    const expected = new Set(page.routeIds.flatMap((id) => scanned[id] ?? []));
    expect(page.namespaces.filter((ns) => !expected.has(ns))).toEqual([]);
  });

  it("/ uses its own namespaces and the header's, not the admin's", async () => {
    const page = await get("/");
    expect(page.namespaces).toEqual(expect.arrayContaining(["common", "home", "nav"]));
    expect(page.namespaces).not.toContain("admin");
  });

  it("is the same list in English (the list does not depend on the language)", async () => {
    const [zh, en] = await Promise.all([get("/providers"), get("/providers", { lng: "en" })]);
    expect(en.html).toContain('<html lang="en"');
    expect(en.namespaces).toEqual(zh.namespaces);
  });

  it("keeps concurrent requests apart (one shared i18next instance per language)", async () => {
    const alone = await Promise.all([get("/"), get("/admin/organisations", { as: "platform" })]);
    const together = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? get("/admin/organisations", { as: "platform" }) : get("/"))),
    );
    for (const [i, page] of together.entries()) expect(page.namespaces).toEqual(alone[i % 2].namespaces);
    expect(alone[0].namespaces).not.toEqual(alone[1].namespaces);
  });
});
