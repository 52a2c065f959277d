import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";

/** Either spelling of the session cookie (`__Host-` in production); see session-cookie.server.ts. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?anfu_session=/;

/**
 * A fresh CSP nonce per response; only scripts carrying it run. `'strict-dynamic'` lets the
 * entry script load the route modules it imports.
 */
export function securityHeaders(options: { production: boolean; dev: boolean }): RequestHandler {
  return (req, res, next) => {
    // A page for a signed-in user must not be kept by the browser or a shared proxy, where
    // the next person at the machine (or behind the proxy) could read it. Static files
    // overwrite this with their own long caching.
    if (SESSION_COOKIE.test(req.headers.cookie ?? "")) res.setHeader("Cache-Control", "no-store");
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const connect = options.dev ? "'self' ws: wss:" : "'self'";
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'nonce-${nonce}' 'strict-dynamic' 'self'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        `connect-src ${connect}`,
        "form-action 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (options.production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}
