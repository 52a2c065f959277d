import type { AppLoadContext } from "@remix-run/node";
import { enforceRateLimit } from "../services/rate-limit.server";
import { orErrorPage } from "./http.server";

/**
 * For public pages that query hard (the search pages): a per-IP limit, past which the page is
 * a 429 with Retry-After (the route must export `headers = passThroughHeaders` to send it).
 */
export function limitPublicPagePerIp(
  context: Pick<AppLoadContext, "db" | "env" | "clientIp">,
  now: Date,
): Promise<void> {
  return orErrorPage(() =>
    enforceRateLimit(context.db, {
      key: `page:ip:${context.clientIp}`,
      limit: context.env.RATE_LIMIT_IP_PER_MINUTE,
      now,
    }),
  );
}
