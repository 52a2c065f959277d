import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { formatDateTime } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { readAuditLog } from "../../services/admin.server";
import { requirePlatformAdmin } from "../../utils/auth.server";
import { parseQuery } from "../../utils/form-data.server";

const AuditQuerySchema = z.object({
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  action: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  org: z.string().uuid().optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request, context);
  const query = parseQuery(AuditQuerySchema, request);
  const page = await readAuditLog(context.db, { before: query.before, action: query.action, orgId: query.org });
  return { query, ...page };
}

export default function AuditLog() {
  const { rows, nextBefore, query } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const lang = toLanguage(i18n.language);
  const location = useLocation();
  const older = new URLSearchParams(location.search);
  if (nextBefore) older.set("before", String(nextBefore));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("auditTitle")}</h1>
      <p className="text-sm text-slate-600">{t("auditIntro")}</p>
      <Form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div className="flex-1">
          <label htmlFor="action" className="label">
            {t("filterAction")}
          </label>
          <input
            id="action"
            name="action"
            className="input"
            defaultValue={query.action ?? ""}
            placeholder="organisation."
          />
        </div>
        {query.org ? <input type="hidden" name="org" value={query.org} /> : null}
        <button type="submit" className="btn-primary">
          {t("common:filter")}
        </button>
      </Form>
      <section className="card overflow-x-auto">
        {rows.length === 0 ? (
          <p className="text-slate-500">{t("common:empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("time")}</th>
                <th scope="col">{t("actor")}</th>
                <th scope="col">{t("organisation")}</th>
                <th scope="col">{t("action")}</th>
                <th scope="col">{t("details")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("time")} className="whitespace-nowrap">
                    {formatDateTime(new Date(r.at), lang)}
                  </td>
                  <td data-label={t("actor")}>
                    {r.actorName ?? "—"}
                    <div className="text-xs text-slate-500">{r.actorEmail}</div>
                  </td>
                  <td data-label={t("organisation")}>{r.orgName ?? "—"}</td>
                  <td data-label={t("action")} className="font-mono text-xs">
                    {r.action}
                  </td>
                  <td data-label={t("details")} className="max-w-xs break-all font-mono text-xs text-slate-600">
                    {Object.keys(r.data ?? {}).length ? JSON.stringify(r.data) : ""}
                    {r.ip ? <div>IP {r.ip}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {nextBefore ? (
          <Link className="btn-secondary mt-4" to={`?${older}`}>
            {t("older")}
          </Link>
        ) : null}
      </section>
    </div>
  );
}
