import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { formatDateTime } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { readMailLog } from "../../services/mail-admin.server";
import { requirePlatformAdmin } from "../../utils/auth.server";
import { parseQuery } from "../../utils/form-data.server";

const QuerySchema = z.object({
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request, context);
  const query = parseQuery(QuerySchema, request);
  const page = await readMailLog(context.db, query);
  return {
    failed: page.failed.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    rows: page.rows.map((r) => ({
      id: r.id,
      to: r.toAddress,
      subject: r.subject,
      text: r.textBody,
      transport: r.transport,
      createdAt: r.createdAt.toISOString(),
    })),
    nextBefore: page.nextBefore,
  };
}

export default function AdminMail() {
  const { failed, rows, nextBefore } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("notifications");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("adminMailTitle")}</h1>
      <p className="text-sm text-slate-600">{t("adminMailIntro")}</p>
      <section className="card overflow-x-auto" aria-labelledby="failed-title">
        <h2 id="failed-title" className="mb-2 font-semibold">
          {t("failedTitle")}
        </h2>
        {failed.length === 0 ? (
          <p className="text-slate-500">{t("noFailures")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("sentAt")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("type")}</th>
                <th scope="col">{t("attempts")}</th>
                <th scope="col">{t("lastError")}</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((f) => (
                <tr key={f.id}>
                  <td data-label={t("sentAt")}>{formatDateTime(new Date(f.createdAt), lang)}</td>
                  <td data-label={t("to")}>{f.to}</td>
                  <td data-label={t("type")}>{t(`types.${f.type}.label`, { defaultValue: f.type })}</td>
                  <td data-label={t("attempts")}>{f.attempts}</td>
                  <td data-label={t("lastError")} className="text-red-700">
                    {f.lastError}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card overflow-x-auto">
        {rows.length === 0 ? (
          <p className="text-slate-500">{t("common:empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("sentAt")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("transport")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("sentAt")}>{formatDateTime(new Date(r.createdAt), lang)}</td>
                  <td data-label={t("to")}>{r.to}</td>
                  <td data-label={t("subject")}>
                    <details>
                      <summary>{r.subject}</summary>
                      <pre className="whitespace-pre-wrap text-xs text-slate-600">{r.text}</pre>
                    </details>
                  </td>
                  <td data-label={t("transport")}>{r.transport}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {nextBefore ? (
          <Link className="btn-secondary mt-3 inline-block" to={`?before=${nextBefore}`}>
            {t("common:next")}
          </Link>
        ) : null}
      </section>
    </div>
  );
}
