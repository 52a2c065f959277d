import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Pagination } from "../../components/pagination";
import { formatDateTime } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { notificationText } from "../../i18n/notification-text";
import { listInbox, markAllRead, markRead } from "../../services/notifications.server";
import { requireMembership } from "../../utils/auth.server";
import { parseQuery, readFormData } from "../../utils/form-data.server";

const PageSchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export const meta: MetaFunction = ({ matches }) => {
  const lang = (matches.find((m) => m.id === "root")?.data as { lang?: string } | undefined)?.lang;
  return [{ title: lang === "en" ? "Notifications" : "通知" }];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, org } = await requireMembership(request, context, { allowSuspended: true });
  const { page } = parseQuery(PageSchema, request);
  const inbox = await listInbox(context.db, { userId: user.id, orgId: org.id, page });
  return {
    ...inbox,
    rows: inbox.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), read: r.readAt !== null })),
  };
}

/** Marking read changes only the user's own rows, so a suspended organisation may do it too. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireMembership(request, context, { allowSuspended: true });
  const form = await readFormData(request);
  const who = { userId: user.id, orgId: org.id, now: new Date() };
  if (form.get("intent") === "read-all") await markAllRead(context.db, who);
  else await markRead(context.db, { ...who, id: String(form.get("id") ?? "") });
  return { ok: true };
}

export default function Notifications() {
  const { rows, total, page, pageSize, unread } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("notifications");
  const lang = toLanguage(i18n.language);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <div className="flex items-center gap-3 text-sm">
          <Link to="/settings/notifications" className="text-brand-700 hover:underline">
            {t("settingsTitle")}
          </Link>
          {unread > 0 ? (
            <Form method="post">
              <button type="submit" name="intent" value="read-all" className="btn-secondary py-1">
                {t("markAllRead")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="card text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="card divide-y divide-slate-100 p-0" data-testid="notification-list">
          {rows.map((row) => {
            const text = notificationText(t, row.type, row.params);
            return (
              <li
                key={row.id}
                className={`flex flex-wrap items-start gap-3 px-4 py-3 ${row.read ? "" : "bg-brand-50"}`}
              >
                <div className="min-w-0 flex-1">
                  <Link to={`/notifications/${row.id}`} className="font-medium text-slate-900 hover:underline">
                    {row.read ? null : <span className="sr-only">{t("unread")}: </span>}
                    {text.title}
                  </Link>
                  <p className="text-sm text-slate-700">{text.body}</p>
                  <p className="text-xs text-slate-600">{formatDateTime(new Date(row.createdAt), lang)}</p>
                </div>
                {row.read ? null : (
                  <Form method="post">
                    <input type="hidden" name="id" value={row.id} />
                    <button type="submit" name="intent" value="read" className="btn-secondary py-1 text-xs">
                      {t("markRead")}
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {total > pageSize ? <Pagination page={page} pageSize={pageSize} total={total} /> : null}
    </div>
  );
}
