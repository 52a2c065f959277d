import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import compression from "compression";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../app/utils/logger.server";
import { finalErrorHandler, loggedTarget, requestLog } from "./request-log";

/**
 * Issue 12: at most one structured access line per request, with request id, status and
 * duration; decision 024 for what the line holds and whose X-Request-Id is believed.
 */
type Line = Record<string, unknown>;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function appWith(options: {
  trustProxy?: false | number | string[];
  enabled?: boolean;
  level?: "info" | "debug";
}) {
  const lines: Line[] = [];
  const logger = createLogger(options.level ?? "info", { write: (s: string) => void lines.push(JSON.parse(s)) });
  const app = express();
  if (options.trustProxy !== undefined && options.trustProxy !== false) app.set("trust proxy", options.trustProxy);
  app.use(requestLog({ logger, enabled: options.enabled ?? true, probe: (p, s) => p === "/healthz" && s < 400 }));
  app.use(compression({ threshold: 0 }));
  app.get("/healthz", (req, res) => void res.status(req.query.down ? 503 : 200).json({ ok: !req.query.down }));
  app.get("/text", (_req, res) => void res.type("text/plain").send("安服市集".repeat(100)));
  app.get("/stream", (_req, res) => {
    res.type("text/plain");
    res.write("a".repeat(1000));
    res.write(Buffer.alloc(500, 98));
    res.end("c");
  });
  app.get("/boom", () => {
    throw new Error("kaput");
  });
  app.get("/bad", (_req, _res, next) => next(Object.assign(new Error("malformed"), { status: 400 })));
  app.use(finalErrorHandler(logger));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, lines };
}

/** Lines are written when the response has been handed to the socket: wait for them. */
async function settle(lines: Line[], count: number) {
  for (let i = 0; i < 100 && lines.length < count; i++) await new Promise((r) => setTimeout(r, 10));
}

describe("the access line", () => {
  it("is one JSON object per request with id, method, path, status, duration and bytes", async () => {
    const { base, lines } = await appWith({});
    const response = await fetch(`${base}/text`, { headers: { "Accept-Encoding": "identity" } });
    const body = await response.arrayBuffer();
    await settle(lines, 1);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({
      level: "info",
      msg: "request",
      method: "GET",
      path: "/text",
      status: 200,
      bytes: body.byteLength,
      requestId: response.headers.get("x-request-id"),
    });
    expect(line!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof line!.durationMs).toBe("number");
    expect(line!.durationMs).toBeGreaterThanOrEqual(0);
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
    expect(line).not.toHaveProperty("aborted");
  });

  it("counts the bytes sent, after compression, across several writes", async () => {
    const { base, lines } = await appWith({});
    const plain = await fetch(`${base}/stream`, { headers: { "Accept-Encoding": "identity" } });
    expect((await plain.arrayBuffer()).byteLength).toBe(1501);
    const zipped = await fetch(`${base}/stream`, { headers: { "Accept-Encoding": "gzip" } });
    await zipped.arrayBuffer();
    await settle(lines, 2);
    expect(lines.map((l) => l.bytes)).toEqual([1501, expect.any(Number)]);
    expect(lines[1]!.bytes).toBeLessThan(200);
    expect(lines[1]!.bytes).toBeGreaterThan(0);
  });

  it.each<[string, string, string[] | undefined]>([
    ["/providers?q=张三&region=330700", "/providers", ["q", "region"]],
    ["/providers?q=13800138000&q=x", "/providers", ["q"]],
    ["/bureau/enterprises?uscc=91330700MA2D0X1234&page=2", "/bureau/enterprises", ["uscc", "page"]],
    ["/listings?", "/listings", undefined],
    ["/providers/0b9f5c0e-8a1d-4c55-9d43-0a6f3f3b1a11", "/providers/0b9f5c0e-8a1d-4c55-9d43-0a6f3f3b1a11", undefined],
  ])("logs %s as path %s with the query's names only", (url, path, query) => {
    const target = loggedTarget(url);
    expect(target).toEqual(query ? { path, query } : { path });
    expect(JSON.stringify(target)).not.toMatch(/张三|13800138000|91330700MA2D0X1234|330700&/);
  });

  it("cuts a very long path and keeps at most 20 query names", () => {
    const target = loggedTarget(`/${"a".repeat(2000)}?${Array.from({ length: 50 }, (_, i) => `k${i}=v`).join("&")}`);
    expect(target.path.length).toBeLessThanOrEqual(514);
    expect(target.query).toHaveLength(20);
  });

  it("logs a successful health check at debug only, a failing one at info", async () => {
    const quiet = await appWith({});
    await (await fetch(`${quiet.base}/healthz`)).arrayBuffer();
    await (await fetch(`${quiet.base}/text`)).arrayBuffer();
    await (await fetch(`${quiet.base}/healthz?down=1`)).arrayBuffer();
    await settle(quiet.lines, 2);
    expect(quiet.lines.map((l) => [l.level, l.path, l.status])).toEqual([
      ["info", "/text", 200],
      ["info", "/healthz", 503],
    ]);
    const verbose = await appWith({ level: "debug" });
    await (await fetch(`${verbose.base}/healthz`)).arrayBuffer();
    await settle(verbose.lines, 1);
    expect(verbose.lines).toMatchObject([{ level: "debug", path: "/healthz", status: 200 }]);
  });

  it("ACCESS_LOG=off writes nothing but still gives every response an id", async () => {
    const { base, lines } = await appWith({ enabled: false });
    const response = await fetch(`${base}/text`);
    await response.arrayBuffer();
    await new Promise((r) => setTimeout(r, 50));
    expect(lines).toEqual([]);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("an unhandled error: one error line with the stack and the request id, then the access line with 500", async () => {
    const { base, lines } = await appWith({});
    const response = await fetch(`${base}/boom`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("Internal Server Error");
    await settle(lines, 2);
    const id = response.headers.get("x-request-id");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "error", msg: "request failed", requestId: id });
    expect((lines[0]!.err as { stack: string }).stack).toMatch(/Error: kaput\n\s+at /);
    expect(lines[1]).toMatchObject({ level: "info", msg: "request", status: 500, requestId: id });
  });

  it("a client error passed on by a middleware keeps its status and logs only the access line", async () => {
    const { base, lines } = await appWith({});
    const response = await fetch(`${base}/bad`);
    expect(response.status).toBe(400);
    await response.arrayBuffer();
    await settle(lines, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(lines).toMatchObject([{ level: "info", status: 400 }]);
  });
});

// Decision 009 decides who may speak for the client; the same rule decides whose id we keep.
describe("X-Request-Id", () => {
  const incoming = "f3c1a7e2b9d04c5e8a6b1d2c3e4f5a6b";
  it.each<[string, false | number | string[], string, boolean]>([
    ["no proxy trusted: a client's own id is ignored", false, incoming, false],
    ["one trusted proxy (TRUST_PROXY=1): kept", 1, incoming, true],
    ["the peer is in the trusted list: kept", ["127.0.0.1"], incoming, true],
    ["the peer is not in the trusted list: ignored", ["10.0.0.0/8"], incoming, false],
    ["trusted, a UUID: kept", 1, "0b9f5c0e-8a1d-4c55-9d43-0a6f3f3b1a11", true],
    ["trusted, but with a space: replaced", 1, "abc def", false],
    ["trusted, but a quote: replaced", 1, 'abc"def', false],
    ["trusted, but 129 characters: replaced", 1, "a".repeat(129), false],
  ])("%s", async (_case, trustProxy, sent, kept) => {
    const { base, lines } = await appWith({ trustProxy });
    const response = await fetch(`${base}/text`, { headers: { "X-Request-Id": sent } });
    await response.arrayBuffer();
    await settle(lines, 1);
    const id = response.headers.get("x-request-id");
    if (kept) expect(id).toBe(sent);
    else expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(lines[0]!.requestId).toBe(id);
  });

  it("gives every request its own id", async () => {
    const { base, lines } = await appWith({});
    for (let i = 0; i < 5; i++) await (await fetch(`${base}/text`)).arrayBuffer();
    await settle(lines, 5);
    expect(new Set(lines.map((l) => l.requestId)).size).toBe(5);
  });
});
