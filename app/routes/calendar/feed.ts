import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedTokenFromPath } from "../../domain/calendar-feed";
import { renderFeed } from "../../services/insurance-calendar.server";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * `/calendar/<token>.ics` (issue 9, "Calendar"): a secret feed for calendar apps, no session.
 * The token is looked up by its SHA-256; a token of the wrong shape, unknown or reset is 404.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = feedTokenFromPath(params.token);
  if (!token) return notFound();
  const body = await renderFeed(context.db, token, new Date());
  if (body === null) return notFound();
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="anfu.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
