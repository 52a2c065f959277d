import type { RequestHandler } from "express";
import { isAllowedOrigin, normalisedPath } from "../app/utils/origin-check";

/**
 * Refuses a state-changing request from a foreign origin before any route runs, so nothing
 * is written. The token API and signed webhooks do not use cookies and are exempt, decided
 * on the path as the router will resolve it (`/api/../settings` is `/settings`).
 */
export function originGuard(appOrigin: string | undefined): RequestHandler {
  return (req, res, next) => {
    const path = normalisedPath(req.originalUrl);
    if (path.startsWith("/api/") || path.startsWith("/webhooks/")) return next();
    const allowed = isAllowedOrigin({
      method: req.method,
      origin: req.get("origin") ?? null,
      referer: req.get("referer") ?? null,
      host: req.get("host") ?? null,
      protocol: req.protocol,
      appOrigin,
    });
    if (allowed) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send("403 Forbidden: cross-origin request refused / 跨站请求已拒绝");
  };
}
