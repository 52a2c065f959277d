// The session cookie (OWASP Session Management Cheat Sheet; RFC 6265bis "__Host-" prefix):
// in production `__Host-` + Secure + Path=/ + no Domain, so no sibling sub-domain can plant
// or read it; HttpOnly against script theft; SameSite=Lax against cross-site POSTs.
import { describe, expect, it } from "vitest";
import {
  clearSessionCookie,
  readCookie,
  readSessionToken,
  sessionCookie,
  sessionCookieName,
} from "./session-cookie.server";

const production = { NODE_ENV: "production" as const };
const development = { NODE_ENV: "development" as const };
const expires = new Date("2026-03-09T01:00:00.000Z");
const TOKEN = "abcdefghijklmnopqrstuvwxyz234567";

/** Splits a Set-Cookie value into its name=value and a map of attributes (lower-cased names). */
function parse(setCookie: string) {
  const [pair, ...attrs] = setCookie.split(";").map((s) => s.trim());
  const eq = pair.indexOf("=");
  const attributes = new Map<string, string | true>();
  for (const a of attrs) {
    const i = a.indexOf("=");
    if (i === -1) attributes.set(a.toLowerCase(), true);
    else attributes.set(a.slice(0, i).toLowerCase(), a.slice(i + 1));
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

describe("production cookie", () => {
  const cookie = parse(sessionCookie(production, TOKEN, expires));

  it("uses the __Host- prefix", () => {
    expect(cookie.name).toBe("__Host-anfu_session");
    expect(sessionCookieName(production)).toMatch(/^__Host-/);
    expect(cookie.value).toBe(TOKEN);
  });

  it("is Secure, HttpOnly, SameSite=Lax, Path=/ and has no Domain (what __Host- requires)", () => {
    expect(cookie.attributes.get("secure")).toBe(true);
    expect(cookie.attributes.get("httponly")).toBe(true);
    expect(cookie.attributes.get("samesite")).toBe("Lax");
    expect(cookie.attributes.get("path")).toBe("/");
    expect(cookie.attributes.has("domain")).toBe(false);
  });

  it("expires with the session", () => {
    expect(cookie.attributes.get("expires")).toBe(expires.toUTCString());
  });

  it("is cleared with the same name and attributes", () => {
    const cleared = parse(clearSessionCookie(production));
    expect(cleared.name).toBe("__Host-anfu_session");
    expect(cleared.value).toBe("");
    expect(cleared.attributes.get("max-age")).toBe("0");
    expect(cleared.attributes.get("secure")).toBe(true);
    expect(cleared.attributes.get("path")).toBe("/");
    expect(cleared.attributes.has("domain")).toBe(false);
  });
});

describe("development cookie (plain http on localhost)", () => {
  const cookie = parse(sessionCookie(development, TOKEN, expires));

  it("has no __Host- prefix and no Secure, which plain http would drop", () => {
    expect(cookie.name).toBe("anfu_session");
    expect(cookie.attributes.has("secure")).toBe(false);
    expect(parse(clearSessionCookie(development)).attributes.has("secure")).toBe(false);
  });

  it("is still HttpOnly, SameSite=Lax, Path=/ and has no Domain", () => {
    expect(cookie.attributes.get("httponly")).toBe(true);
    expect(cookie.attributes.get("samesite")).toBe("Lax");
    expect(cookie.attributes.get("path")).toBe("/");
    expect(cookie.attributes.has("domain")).toBe(false);
  });
});

describe("reading the token back", () => {
  const request = (cookie: string | null) =>
    new Request("https://anfu.example.cn/", cookie ? { headers: { Cookie: cookie } } : undefined);

  it("reads the prefixed cookie in production, not the plain one", () => {
    expect(readSessionToken(request(`anfu_session=planted; __Host-anfu_session=${TOKEN}`), production)).toBe(TOKEN);
    expect(readSessionToken(request("anfu_session=planted"), production)).toBeNull();
  });

  it("reads the plain cookie in development", () => {
    expect(readSessionToken(request(`theme=dark; anfu_session=${TOKEN}`), development)).toBe(TOKEN);
  });

  it("finds nothing without a Cookie header or with a name that merely ends the same", () => {
    expect(readSessionToken(request(null), development)).toBeNull();
    expect(readCookie(`x_anfu_session=${TOKEN}`, "anfu_session")).toBeNull();
  });
});

describe("malformed cookies (issue 6 #7)", () => {
  it.each(["anfu_session=%", "anfu_session=%E0%A4%A", "anfu_session=%zz; lng=en"])(
    "%s is read as no session, never an exception",
    (header) => {
      expect(readCookie(header, "anfu_session")).toBeNull();
      expect(
        readSessionToken(new Request("http://x/", { headers: { Cookie: header } }), { NODE_ENV: "development" }),
      ).toBeNull();
    },
  );
});
