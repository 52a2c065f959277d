import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownServer } from "./support/own-server";

/**
 * Issue 12 on the real production server: no log line per request at the default level but
 * ONE structured access line per request — JSON with the request id (the X-Request-Id the
 * response carries), status and duration — and nothing else (decision 024). With
 * TRUST_PROXY=1 the peer (this test, on loopback) is the trusted proxy, so a sane incoming id
 * is kept and an insane one replaced.
 */
type Line = Record<string, unknown> & { msg?: string };

type Sent = { method: string; path: string; status: number; id: string; bytes: number };

describe("the access log of a production server", () => {
  let running: Awaited<ReturnType<typeof ownServer>>;
  let before = 0;
  const sent: Sent[] = [];

  const readLines = (): Line[] =>
    readFileSync(running.server.logFile, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => {
        try {
          return JSON.parse(l) as Line;
        } catch {
          return { unparsed: l };
        }
      });

  async function send(path: string, init: RequestInit = {}) {
    const response = await fetch(`${running.server.url}${path}`, { redirect: "manual", ...init });
    const body = await response.arrayBuffer();
    sent.push({
      method: init.method ?? "GET",
      path: path.split("?")[0]!,
      status: response.status,
      id: response.headers.get("x-request-id") ?? "",
      bytes: body.byteLength,
    });
    return response;
  }

  beforeAll(async () => {
    running = await ownServer("access-log", { TRUST_PROXY: "1", LOG_LEVEL: "", ACCESS_LOG: "" });
    before = readLines().length;
    await send("/", { headers: { "X-Request-Id": "f3c1a7e2b9d04c5e8a6b1d2c3e4f5a6b", "Accept-Encoding": "identity" } });
    await send(`/providers?q=${encodeURIComponent("张三")}&region=330700`, {
      headers: { "X-Request-Id": "bad id with spaces", "Accept-Encoding": "identity" },
    });
    await send(`/api/v1/providers?q=${encodeURIComponent("安全评价")}`, { headers: { "Accept-Encoding": "identity" } });
    await send("/no-such-page", { headers: { "Accept-Encoding": "identity" } });
    await send("/favicon.svg", { headers: { "Accept-Encoding": "identity" } });
    await send("/login", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: running.server.url,
        "Accept-Encoding": "identity",
      },
      body: new URLSearchParams({ email: "nobody@access-log.anfu.test", password: "wrong-password-123" }),
    });
    // The load balancer's probe: not an info line when it succeeds.
    await fetch(`${running.server.url}/healthz`).then((r) => r.arrayBuffer());
    // The lines are written as each response is handed to the socket; give the pipe a moment.
    for (let i = 0; i < 50 && readLines().length < before + sent.length; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 300));
  });
  afterAll(async () => {
    await running?.close();
  });

  it("every line the server wrote is one JSON object", () => {
    expect(readLines().filter((l) => "unparsed" in l)).toEqual([]);
  });

  it("writes exactly one access line per request and nothing else", () => {
    const after = readLines().slice(before);
    expect(after.map((l) => l.msg)).toEqual(sent.map(() => "request"));
  });

  it("each line carries the id the response echoed, the status, the duration and the bytes", () => {
    const after = readLines().slice(before);
    expect(
      after.map((l) => ({ method: l.method, path: l.path, status: l.status, id: l.requestId, bytes: l.bytes })),
    ).toEqual(sent.map((s) => ({ method: s.method, path: s.path, status: s.status, id: s.id, bytes: s.bytes })));
    for (const line of after) {
      expect(line.level).toBe("info");
      expect(typeof line.durationMs).toBe("number");
      expect(line.durationMs as number).toBeGreaterThanOrEqual(0);
    }
    expect(sent.map((s) => s.status)).toEqual([200, 200, 200, 404, 200, 401]);
  });

  it("keeps a sane id from the trusted proxy, replaces an insane one, makes one where none came", () => {
    expect(sent[0]!.id).toBe("f3c1a7e2b9d04c5e8a6b1d2c3e4f5a6b");
    for (const s of sent.slice(1))
      expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(sent.map((s) => s.id)).size).toBe(sent.length);
  });

  it("logs the query's names, never what was searched for", () => {
    const text = readFileSync(running.server.logFile, "utf8");
    expect(text).not.toContain("张三");
    expect(text).not.toContain(encodeURIComponent("张三"));
    expect(text).not.toContain("330700");
    expect(text).not.toContain("nobody@access-log.anfu.test");
    const search = readLines().find((l) => l.path === "/providers");
    expect(search?.query).toEqual(["q", "region"]);
  });
});
