// Issue 6 #7: hostile input must never give a 500. Every route of app/routes.ts (read from the
// route config, so a new route is covered the day it is added), through Remix's real request
// handler, signed in as a member of each organisation kind the route lets in, gets malformed
// bodies (wrong or missing Content-Type, multipart without boundary), NUL bytes, impossible
// dates, huge numbers, non-UUID ids, repeated fields and broken cookies. Each answer must be
// below 500, and a refused POST (4xx) must leave every table as it was.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { OrgKind } from "../../db/schema";
import { createApiToken } from "../../app/services/api-tokens.server";
import { createRequest } from "../../app/services/requests.server";
import { acceptQuote, submitQuote } from "../../app/services/quotes.server";
import { createSession } from "../../app/services/sessions.server";
import { loadEnv } from "../../app/utils/env.server";
import { createOrgWithOwner } from "../factories/accounts";
import { makeEnterprise, makeProvider } from "../factories/marketplace";
import { addListing } from "../factories/search";
import { loadRemixApp, type RemixApp } from "../setup/remix-app";
import routeConfig from "../../app/routes";
import { fillParams, harvestFieldNames, intentsOf, multipartBody, routesOf, type FuzzRoute } from "../setup/route-fuzz";
import { createTestDb, type TestDb } from "../setup/test-db";

/** Tables a refused request may still touch: the visitor's own session and the throttles. */
const BOOKKEEPING_TABLES = new Set(["sessions", "login_attempts", "rate_limit_windows"]);

let t: TestDb;
let app: RemixApp;
let uploadDir: string;
let env: ReturnType<typeof loadEnv>;
let members: Array<{ kind: OrgKind; user: { id: string }; org: { id: string } }>;
let params: Record<string, string>;
let apiSecret: string;
let fieldNames: string[];
let fingerprintQuery: string;

beforeAll(async () => {
  [t, app, uploadDir] = await Promise.all([createTestDb(), loadRemixApp(), mkdtemp(path.join(tmpdir(), "anfu-fuzz-"))]);
  // Rate limits off: the fuzzer sends thousands of requests from one address.
  env = loadEnv({
    NODE_ENV: "test",
    UPLOAD_DIR: uploadDir,
    SEED_ON_START: "false",
    RATE_LIMIT_IP_PER_MINUTE: "0",
    RATE_LIMIT_TOKEN_PER_MINUTE: "0",
  });
  const enterprise = await makeEnterprise(t.db);
  const provider = await makeProvider(t.db, {
    categories: ["assessment"],
    qualificationTypes: [["safety_assessment", ["assessment"]]],
  });
  const bureau = await createOrgWithOwner(t.db, { kind: "bureau", regionCode: "330702" });
  const platform = await createOrgWithOwner(t.db, { kind: "platform", regionCode: "330702" });
  const now = new Date("2026-06-01T02:00:00Z");
  const request = await createRequest(
    t.db,
    enterprise.actor,
    { category: "assessment", title: "安全现状评价", description: "d", regionCode: "330702" },
    now,
  );
  const quote = await submitQuote(
    t.db,
    provider.actor,
    { requestId: request.id, priceFen: 2_000_000, plan: "方案" },
    now,
  );
  const engagement = await acceptQuote(t.db, enterprise.actor, { requestId: request.id, quoteId: quote.id, now });
  const listing = await addListing(t.db, provider.org.id, { title: "安全评价服务", category: "assessment" });
  members = [
    { kind: "enterprise", ...enterprise },
    { kind: "provider", ...provider },
    { kind: "bureau", ...bureau },
    { kind: "platform", ...platform },
  ];
  params = {
    orgId: enterprise.org.id,
    providerId: provider.org.id,
    requestId: request.id,
    engagementId: engagement.id,
    listingId: listing.id,
    fileId: "00000000-0000-4000-8000-000000000000",
  };
  apiSecret = (await createApiToken(t.db, enterprise.actor, "fuzz")).secret;
  fieldNames = harvestFieldNames();
  const tables = await t.db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const names = rowsOf<{ name: string }>(tables)
    .map((r) => r.name)
    .filter((n) => !BOOKKEEPING_TABLES.has(n));
  // Row count and newest row version per table: an insert, update or delete changes one of them.
  fingerprintQuery = names
    .map(
      (n) => `select '${n}' as t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as f from "${n}"`,
    )
    .join(" union all ");
}, 120_000);

afterAll(async () => {
  await app?.close();
  await t?.close();
  await rm(uploadDir, { recursive: true, force: true });
});

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function fingerprint(): Promise<string> {
  const rows = rowsOf<{ t: string; f: string }>(await t.db.execute(sql.raw(fingerprintQuery)));
  return rows
    .map((r) => `${r.t}=${r.f}`)
    .sort()
    .join(",");
}

type Sent = { method: "GET" | "POST"; url: string; headers?: Record<string, string>; body?: string };

/**
 * The URL a browser with JavaScript fetches (Remix single fetch): the same loaders and
 * actions, their statuses kept, without rendering HTML, so a thousand requests stay quick.
 */
function dataUrl(url: string): string {
  const [pathname, query = ""] = url.split("?");
  const base = pathname === "/" ? "/_root.data" : `${pathname}.data`;
  return query ? `${base}?${query}` : base;
}

async function send(sent: Sent, member: (typeof members)[number] | null): Promise<Response> {
  const headers = new Headers(sent.headers);
  if (member && !headers.has("cookie")) {
    const { token } = await createSession(t.db, {
      userId: member.user.id,
      activeOrgId: member.org.id,
      now: new Date(),
    });
    headers.set("cookie", `anfu_session=${token}`);
  }
  const request = new Request(`http://localhost${sent.url}`, { method: sent.method, headers, body: sent.body });
  const reply = await app.handle(request, { db: t.db, env, cspNonce: "fuzz", clientIp: "198.51.100.7" });
  // Read the page to its end, as a browser would: the render is finished, not left hanging.
  await reply.arrayBuffer();
  return reply;
}

/** The hostile values, each sent in every field at once. */
const VALUES: Record<string, string> = {
  nul: "abc\u0000def",
  monthThirteen: "2026-13-01",
  yearZero: "0000-01-01",
  yearHuge: "275760-09-14",
  hugeNumber: "99999999999999999999999",
  exponent: "1e309",
  negative: "-1",
  notUuid: "abc",
  quoteInjection: "' OR '1'='1",
  long: "x".repeat(2_100),
  empty: "",
};

/** The values most likely to break a write: text, dates, amounts, ids and size. */
const POST_VALUES = ["nul", "monthThirteen", "yearZero", "hugeNumber", "notUuid", "long"] as const;

const uuidFallback = "abc";

function formOf(route: FuzzRoute, value: string, intent?: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const name of fieldNames) form.append(name, value);
  if (intent !== undefined) form.set("intent", intent);
  return form;
}

type PostPayload = { label: string; headers: Record<string, string>; body: string; envelope?: boolean };

/**
 * The POST payloads for one route: the broken envelopes as a plain HTML form post (document
 * request), then, as single fetch, each intent of the route with hostile values rotating so
 * that every value meets every route without multiplying the requests, and repeated fields.
 */
function postPayloads(route: FuzzRoute): PostPayload[] {
  const urlencoded = { "content-type": "application/x-www-form-urlencoded" };
  const envelopes: PostPayload[] = [
    { label: "no content-type", headers: {}, body: "intent=revoke&tokenId=abc" },
    { label: "text/plain", headers: { "content-type": "text/plain" }, body: "intent=x" },
    { label: "json", headers: { "content-type": "application/json" }, body: '{"intent":"x"}' },
    {
      label: "multipart without boundary",
      headers: { "content-type": "multipart/form-data" },
      body: multipartBody("b0", [["intent", "x"]]),
    },
    {
      label: "multipart, wrong boundary",
      headers: { "content-type": "multipart/form-data; boundary=zz" },
      body: multipartBody("b0", [["intent", "x"]]),
    },
    {
      label: "multipart with a NUL",
      headers: { "content-type": "multipart/form-data; boundary=b0" },
      body: multipartBody(
        "b0",
        fieldNames.map((n) => [n, VALUES.nul] as [string, string]),
      ),
    },
    { label: "malformed cookie", headers: { ...urlencoded, cookie: "anfu_session=%; lng=%E0%A4%A" }, body: "intent=x" },
  ];
  const out: PostPayload[] = envelopes.map((p) => ({ ...p, envelope: true }));
  const intents = [undefined, ...intentsOf(route).slice(0, 3)];
  intents.forEach((intent, i) => {
    for (let k = 0; k < 3; k++) {
      const name = POST_VALUES[(i * 3 + k) % POST_VALUES.length];
      out.push({
        label: `${name} (intent ${intent ?? "-"})`,
        headers: urlencoded,
        body: formOf(route, VALUES[name], intent).toString(),
      });
    }
    const repeated = formOf(route, "1", intent);
    for (const name of fieldNames) repeated.append(name, "2");
    out.push({ label: `repeated fields (intent ${intent ?? "-"})`, headers: urlencoded, body: repeated.toString() });
  });
  return out;
}

function getPayloads(): Array<{ label: string; query: string; headers?: Record<string, string> }> {
  const out: Array<{ label: string; query: string; headers?: Record<string, string> }> = GET_VALUES.map((name) => ({
    label: name,
    query: `?${formOf({} as FuzzRoute, VALUES[name]).toString()}`,
  }));
  out.push({ label: "raw %00 in the query", query: "?q=%00&page=%00" });
  out.push({
    label: "over-long search text",
    query: `?${new URLSearchParams({ q: "长".repeat(300), name: "x".repeat(300) }).toString()}`,
  });
  out.push({ label: "malformed cookie", query: "", headers: { cookie: "anfu_session=%; lng=%" } });
  return out;
}
const GET_VALUES = ["nul", "monthThirteen", "yearZero", "hugeNumber", "notUuid"] as const;

/** The kinds of organisation whose members the route lets in (all, if it refuses everyone). */
async function admittedMembers(url: string, hasLoader: boolean) {
  if (!hasLoader) return members;
  const admitted = [];
  for (const member of members) {
    const reply = await send({ method: "GET", url: dataUrl(url) }, member);
    const redirect = reply.headers.get("location") ?? reply.headers.get("x-remix-redirect") ?? "";
    if (reply.status !== 403 && !redirect.startsWith("/login")) admitted.push(member);
  }
  return admitted.length > 0 ? admitted : members;
}

const ROUTES = routesOf(routeConfig);

describe("request fuzzing", () => {
  it("enumerates every route of app/routes.ts, pages, forms and API", () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(46);
    expect(ROUTES.map((r) => r.path)).toEqual(
      expect.arrayContaining(["/login", "/settings/api-tokens", "/api/v1/me", "/api/v1/providers"]),
    );
    const withAction = ROUTES.filter((r) => typeof app.build.routes[r.id]?.module.action === "function");
    expect(withAction.length).toBeGreaterThanOrEqual(26);
  });

  it.each(ROUTES.filter((r) => !r.api).map((r) => [r.path, r] as const))(
    "%s: no 5xx, and a refused POST writes nothing",
    async (_path, route) => {
      const module = app.build.routes[route.id]?.module;
      expect(module, `route ${route.id} is in the build`).toBeDefined();
      const failures: string[] = [];
      const idSets = route.path.includes(":") ? [params, {}] : [params];
      for (const ids of idSets) {
        const url = fillParams(route.path, ids, uuidFallback);
        const admitted = await admittedMembers(url, typeof module!.loader === "function");
        // With ids that are not UUIDs a couple of requests are enough.
        const gets = ids === params ? getPayloads() : getPayloads().slice(0, 1);
        if (typeof module!.loader === "function") {
          for (const member of admitted) {
            for (const payload of gets) {
              const target = payload.headers ? url : dataUrl(url + payload.query);
              const reply = await send({ method: "GET", url: target, headers: payload.headers }, member);
              if (reply.status >= 500) failures.push(`GET ${url} ${payload.label} as ${member.kind} → ${reply.status}`);
            }
          }
        }
        if (typeof module!.action !== "function") continue;
        const posts = ids === params ? postPayloads(route) : postPayloads(route).slice(7, 9);
        for (const member of admitted) {
          for (const payload of posts) {
            const before = await fingerprint();
            const target = payload.envelope ? url : dataUrl(url);
            const reply = await send(
              { method: "POST", url: target, headers: payload.headers, body: payload.body },
              member,
            );
            const label = `POST ${url} ${payload.label} as ${member.kind}`;
            if (reply.status >= 500) failures.push(`${label} → ${reply.status}`);
            else if (reply.status >= 400 && (await fingerprint()) !== before)
              failures.push(`${label} → ${reply.status} but wrote`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    300_000,
  );

  it.each(ROUTES.filter((r) => r.api).map((r) => [r.path, r] as const))(
    "%s (API): no 5xx whatever the token and input",
    async (_path, route) => {
      const failures: string[] = [];
      const url = fillParams(route.path, params, uuidFallback);
      for (const authorization of [`Bearer ${apiSecret}`, "Bearer %", "Bearer \u00ff", "Basic abc", ""]) {
        const headers = authorization ? { authorization } : undefined;
        for (const payload of getPayloads()) {
          const reply = await send(
            { method: "GET", url: url + payload.query, headers: { ...headers, ...payload.headers } },
            null,
          );
          if (reply.status >= 500) failures.push(`GET ${url} ${payload.label} [${authorization}] → ${reply.status}`);
        }
        for (const payload of postPayloads(route).slice(0, 9)) {
          const reply = await send(
            { method: "POST", url, headers: { ...headers, ...payload.headers }, body: payload.body },
            null,
          );
          if (reply.status >= 500) failures.push(`POST ${url} ${payload.label} [${authorization}] → ${reply.status}`);
        }
      }
      expect(failures).toEqual([]);
    },
    300_000,
  );
});
