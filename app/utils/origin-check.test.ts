// CSRF defence (OWASP CSRF Prevention Cheat Sheet, "Verifying origin with standard headers"):
// a state-changing request must come from our origin — Origin first, Referer as fallback,
// refused when neither is there or the browser sent the opaque "null" origin.
import { describe, expect, it } from "vitest";
import { isAllowedOrigin, normalisedPath, type OriginCheckInput } from "./origin-check";

const HOST = "anfu.local:3000";
const SELF = `http://${HOST}`;
const base: OriginCheckInput = { method: "POST", origin: null, referer: null, host: HOST };

type Row = [label: string, input: Partial<OriginCheckInput>, allowed: boolean];

describe("state-changing requests without a proxy", () => {
  it.each<Row>([
    ["same-origin POST", { origin: SELF }, true],
    ["same-origin PUT, lower-case method", { method: "put", origin: SELF }, true],
    ["same-origin DELETE", { method: "DELETE", origin: SELF }, true],
    ["foreign Origin", { origin: "https://evil.example" }, false],
    ["foreign Origin even with our Referer", { origin: "https://evil.example", referer: `${SELF}/login` }, false],
    ["sub-domain of ours is foreign", { origin: "http://x.anfu.local:3000" }, false],
    ["same host, other port", { origin: "http://anfu.local:4000" }, false],
    ["look-alike host as a prefix", { origin: "http://anfu.local:3000.evil.example" }, false],
    ["no Origin, same-origin Referer", { referer: `${SELF}/settings/password` }, true],
    ["no Origin, foreign Referer", { referer: "https://evil.example/anfu.local:3000" }, false],
    ["neither Origin nor Referer", {}, false],
    ['"null" Origin, no Referer', { origin: "null" }, false],
    // An opaque origin (sandboxed frame, cross-origin redirect) must not be rescued by a Referer.
    ['"null" Origin with our Referer', { origin: "null", referer: `${SELF}/` }, false],
    ["unparsable Origin", { origin: "not a url" }, false],
    ["unparsable Referer", { referer: "::::" }, false],
    ["no Host header", { origin: SELF, host: null }, false],
    // Issue 6 #4: the scheme counts too, not only host and port.
    ["https Origin on an http server", { origin: `https://${HOST}` }, false],
    ["https Referer on an http server", { referer: `https://${HOST}/login` }, false],
    ["https Origin on an https server", { origin: `https://${HOST}`, protocol: "https" }, true],
    ["http Origin on an https server", { origin: SELF, protocol: "https" }, false],
    ["default port spelled out", { origin: "http://anfu.local:80", host: "anfu.local" }, true],
    ["Host header carrying a path", { origin: "http://anfu.local", host: "anfu.local/x" }, false],
  ])("%s → %s", (_label, overrides, allowed) => {
    expect(isAllowedOrigin({ ...base, ...overrides })).toBe(allowed);
  });
});

describe("normalisedPath: the path the router resolves", () => {
  it.each([
    ["/api/../settings/api-tokens", "/settings/api-tokens"],
    ["/api/%2e%2e/settings/api-tokens", "/settings/api-tokens"],
    ["/api/%2E%2E/settings", "/settings"],
    ["/api\\..\\settings", "/settings"],
    ["/api/v1/me?x=1", "/api/v1/me"],
    ["/webhooks/./stripe", "/webhooks/stripe"],
  ])("%s → %s", (raw, path) => {
    expect(normalisedPath(raw)).toBe(path);
  });
});

describe("safe methods", () => {
  it.each(["GET", "HEAD", "OPTIONS", "get"])("%s is always allowed, even from a foreign origin", (method) => {
    expect(isAllowedOrigin({ ...base, method, origin: "https://evil.example" })).toBe(true);
    expect(isAllowedOrigin({ ...base, method })).toBe(true);
  });
});

describe("behind a proxy (APP_ORIGIN set)", () => {
  const appOrigin = "https://anfu.example.cn";
  // The proxy forwards to the app on an internal address, so Host is not the public name.
  const proxied: OriginCheckInput = { ...base, host: "127.0.0.1:3000", appOrigin };

  it.each<Row>([
    ["public origin", { origin: "https://anfu.example.cn" }, true],
    ["public origin with default port spelled out", { origin: "https://anfu.example.cn:443" }, true],
    ["Referer on the public origin", { referer: "https://anfu.example.cn/orders?page=2" }, true],
    ["http instead of https", { origin: "http://anfu.example.cn" }, false],
    ["foreign origin", { origin: "https://evil.example" }, false],
    ["the internal address itself", { origin: "http://127.0.0.1:3000" }, false],
    ['"null" Origin', { origin: "null", referer: "https://anfu.example.cn/" }, false],
    ["neither header", {}, false],
  ])("%s → %s", (_label, overrides, allowed) => {
    expect(isAllowedOrigin({ ...proxied, ...overrides })).toBe(allowed);
  });

  it("APP_ORIGIN with a trailing path still compares origins", () => {
    expect(
      isAllowedOrigin({ ...proxied, appOrigin: "https://anfu.example.cn/", origin: "https://anfu.example.cn" }),
    ).toBe(true);
  });
});
