// The HTTP layer's own defences, with the real middlewares from server/ in front of a
// handler that records writes: the origin guard refuses a cross-site POST before any route
// runs (OWASP CSRF Cheat Sheet), and every response carries a per-request CSP nonce,
// object-src/base-uri/frame-ancestors 'none', nosniff, a Referrer-Policy, and HSTS in
// production only. The Remix server itself is covered by the e2e tests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import express from "express";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { originGuard } from "../../server/origin-guard";
import { securityHeaders } from "../../server/security-headers";

type Running = { server: Server; port: number; writes: string[] };

/** Mirrors the order in server/index.ts: headers first, then the guard, then the routes. */
async function start(options: { production: boolean; appOrigin?: string }): Promise<Running> {
  const writes: string[] = [];
  const app = express();
  app.use(securityHeaders({ production: options.production, dev: false }));
  app.use(originGuard(options.appOrigin));
  app.get("/", (_req, res) => {
    res.type("text/plain").send(`nonce=${res.locals.cspNonce as string}`);
  });
  app.post(["/orders", "/api/v1/orders", "/api/../settings/api-tokens", "/settings/api-tokens"], (req, res) => {
    writes.push(req.path);
    res.status(201).send("written");
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port, writes };
}

const stop = (r: Running) => new Promise<void>((resolve) => r.server.close(() => resolve()));

type Reply = { status: number; headers: IncomingHttpHeaders; body: string };

/** node:http rather than fetch, so Origin, Referer and Host are sent exactly as given. */
function send(port: number, method: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(method === "POST" ? "amountFen=100" : undefined);
  });
}

let dev: Running;
let prod: Running;
let proxied: Running;
beforeAll(async () => {
  [dev, prod, proxied] = await Promise.all([
    start({ production: false }),
    start({ production: true }),
    start({ production: true, appOrigin: "https://anfu.example.cn" }),
  ]);
});
afterAll(async () => {
  await Promise.all([dev, prod, proxied].map(stop));
});

const self = (r: Running) => `http://127.0.0.1:${r.port}`;
const form = { "Content-Type": "application/x-www-form-urlencoded" };

describe("origin guard", () => {
  it("refuses a POST with a foreign Origin with 403, before the handler runs", async () => {
    const reply = await send(dev.port, "POST", "/orders", { ...form, Origin: "https://evil.example" });
    expect(reply.status).toBe(403);
    expect(dev.writes).toEqual([]);
    // The refusal still carries the security headers.
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("refuses a POST with neither Origin nor Referer, and one with an opaque null Origin", async () => {
    expect((await send(dev.port, "POST", "/orders", form)).status).toBe(403);
    expect(
      (await send(dev.port, "POST", "/orders", { ...form, Origin: "null", Referer: `${self(dev)}/` })).status,
    ).toBe(403);
    expect(dev.writes).toEqual([]);
  });

  it("lets a same-origin POST through, by Origin or by Referer", async () => {
    const byOrigin = await send(dev.port, "POST", "/orders", { ...form, Origin: self(dev) });
    expect(byOrigin.status).toBe(201);
    const byReferer = await send(dev.port, "POST", "/orders", { ...form, Referer: `${self(dev)}/orders/new` });
    expect(byReferer.status).toBe(201);
    expect(dev.writes).toEqual(["/orders", "/orders"]);
    dev.writes.length = 0;
  });

  it("lets a GET through whatever its Origin", async () => {
    expect((await send(dev.port, "GET", "/", { Origin: "https://evil.example" })).status).toBe(200);
  });

  it("does not guard the token API, which does not use cookies", async () => {
    const reply = await send(dev.port, "POST", "/api/v1/orders", { ...form, Origin: "https://evil.example" });
    expect(reply.status).toBe(201);
    expect(dev.writes).toEqual(["/api/v1/orders"]);
    dev.writes.length = 0;
  });

  it("guards a path that only looks like the API before the router resolves it (issue 6 #4)", async () => {
    for (const path of ["/api/../settings/api-tokens", "/api/%2e%2e/settings/api-tokens"]) {
      const foreignReferer = await send(dev.port, "POST", path, { ...form, Referer: "https://evil.example/" });
      expect(foreignReferer.status).toBe(403);
      const foreignOrigin = await send(dev.port, "POST", path, { ...form, Origin: "https://evil.example" });
      expect(foreignOrigin.status).toBe(403);
    }
    expect(dev.writes).toEqual([]);
  });

  it("compares the scheme too: an https Origin is foreign to an http server (issue 6 #4)", async () => {
    const reply = await send(dev.port, "POST", "/orders", { ...form, Origin: `https://127.0.0.1:${dev.port}` });
    expect(reply.status).toBe(403);
    expect(dev.writes).toEqual([]);
  });

  it("behind a proxy compares with APP_ORIGIN, not the internal Host", async () => {
    const ok = await send(proxied.port, "POST", "/orders", { ...form, Origin: "https://anfu.example.cn" });
    expect(ok.status).toBe(201);
    const internal = await send(proxied.port, "POST", "/orders", { ...form, Origin: self(proxied) });
    expect(internal.status).toBe(403);
    expect(proxied.writes).toEqual(["/orders"]);
  });
});

function csp(reply: Reply): Map<string, string> {
  const header = String(reply.headers["content-security-policy"] ?? "");
  return new Map(
    header
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0], d.slice(d.split(/\s+/)[0].length).trim()] as const),
  );
}

describe("security headers", () => {
  it("a CSP with a fresh nonce per request, the one handed to the page", async () => {
    const [a, b] = [await send(dev.port, "GET", "/"), await send(dev.port, "GET", "/")];
    const nonceOf = (r: Reply) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp(r).get("script-src") ?? "")?.[1];
    const [na, nb] = [nonceOf(a), nonceOf(b)];
    expect(na).toBeDefined();
    expect(Buffer.from(na!, "base64").length).toBeGreaterThanOrEqual(16);
    expect(na).not.toBe(nb);
    expect(a.body).toBe(`nonce=${na}`);
    expect(b.body).toBe(`nonce=${nb}`);
  });

  it("forbids plugins, <base> rewriting and framing; scripts only by nonce", async () => {
    const policy = csp(await send(dev.port, "GET", "/"));
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("nosniff, a Referrer-Policy that keeps paths to ourselves, and no framing", async () => {
    const { headers } = await send(dev.port, "GET", "/");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"]).toBe("DENY");
  });

  it("Cache-Control: no-store on every response to a signed-in request, not on anonymous ones (issue 6 #9)", async () => {
    for (const cookie of ["anfu_session=abcdefghijklmnop", "lng=en; __Host-anfu_session=abcdefghijklmnop"]) {
      expect((await send(dev.port, "GET", "/", { Cookie: cookie })).headers["cache-control"]).toBe("no-store");
    }
    expect((await send(dev.port, "GET", "/")).headers["cache-control"]).toBeUndefined();
    expect((await send(dev.port, "GET", "/", { Cookie: "x_anfu_session=1" })).headers["cache-control"]).toBeUndefined();
  });

  it("HSTS in production only (development runs on plain http)", async () => {
    const production = await send(prod.port, "GET", "/");
    expect(production.headers["strict-transport-security"]).toMatch(/^max-age=(\d+)/);
    expect(
      Number(/max-age=(\d+)/.exec(String(production.headers["strict-transport-security"]))![1]),
    ).toBeGreaterThanOrEqual(31536000);
    expect((await send(dev.port, "GET", "/")).headers["strict-transport-security"]).toBeUndefined();
  });
});
