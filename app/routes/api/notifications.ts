import { listOrgNotificationsForApi } from "../../services/notifications.server";
import { apiError, apiRoute } from "../../utils/api.server";

/**
 * GET /api/v1/notifications[?before=<ISO time>] — the organisation's notifications, one per
 * event, newest first, 50 at a time (docs/api.md). Texts are left to the client: `type` and
 * `params` are stable, the wording is not.
 */
export const loader = apiRoute("required", async ({ request, context, org }) => {
  const raw = new URL(request.url).searchParams.get("before");
  const before = raw ? new Date(raw) : undefined;
  // Years PostgreSQL and people both mean: "0000-01-01" parses in JavaScript but not in the database.
  if (before && (Number.isNaN(before.getTime()) || before.getUTCFullYear() < 1900 || before.getUTCFullYear() > 2199)) {
    return apiError(400, "invalid_query", "before must be an ISO 8601 time, e.g. 2026-05-20T09:00:00Z.");
  }
  const rows = await listOrgNotificationsForApi(context.db, { orgId: org.id, before });
  const last = rows.at(-1);
  return {
    notifications: rows.map((r) => ({
      id: r.eventKey,
      type: r.type,
      subject: { type: r.subjectType, id: r.subjectId },
      params: r.params,
      createdAt: r.createdAt.toISOString(),
    })),
    next:
      rows.length === 50 && last
        ? `/api/v1/notifications?before=${encodeURIComponent(last.createdAt.toISOString())}`
        : null,
  };
});
