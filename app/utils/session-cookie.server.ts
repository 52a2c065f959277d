import type { Env } from "./env.server";

/**
 * In production the cookie carries the `__Host-` prefix, which browsers accept only with
 * Secure, Path=/ and no Domain: a sibling sub-domain cannot plant or read it.
 */
export function sessionCookieName(env: Pick<Env, "NODE_ENV">): string {
  return env.NODE_ENV === "production" ? "__Host-anfu_session" : "anfu_session";
}

export function readSessionToken(request: Request, env: Pick<Env, "NODE_ENV">): string | null {
  return readCookie(request.headers.get("Cookie"), sessionCookieName(env));
}

export function sessionCookie(env: Pick<Env, "NODE_ENV">, token: string, expiresAt: Date): string {
  const parts = [
    `${sessionCookieName(env)}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Expires=${expiresAt.toUTCString()}`,
  ];
  if (env.NODE_ENV === "production") parts.push("Secure");
  return parts.join("; ");
}

export function clearSessionCookie(env: Pick<Env, "NODE_ENV">): string {
  const parts = [`${sessionCookieName(env)}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"];
  if (env.NODE_ENV === "production") parts.push("Secure");
  return parts.join("; ");
}

/** A cookie that does not decode (`anfu_session=%`) is no cookie: the visitor is anonymous. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}
