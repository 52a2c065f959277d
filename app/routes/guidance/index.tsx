import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GuidanceStatusBadge } from "../../components/guidance-status";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { formatDateTime } from "../../domain/format";
import { GUIDANCE_CHANNELS, isBreach } from "../../domain/response-time";
import { GuidanceListQuerySchema } from "../../forms/training";
import { toLanguage } from "../../i18n/config";
import { guidanceSummary, listGuidance } from "../../services/guidance.server";
import { GUIDANCE_FILTERS } from "../../domain/training";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "远程指导 · 安服市集" }];

/** /guidance — the threads the organisation is a party to; breaches red; the answering side's summary. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.guidance, "view");
  const query = parseQuery(GuidanceListQuerySchema, request);
  const now = new Date();
  const isEnterprise = org.kind === "enterprise";
  const [result, summary] = await Promise.all([
    listGuidance(context.db, org, query, now),
    isEnterprise ? null : guidanceSummary(context.db, org, now),
  ]);
  return { query, result, summary, isEnterprise };
}

export default function GuidanceList() {
  const { query, result, summary, isEnterprise } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("training");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("guidance.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {isEnterprise ? t("guidance.leadEnterprise") : t("guidance.leadCounterpart")}
          </p>
        </div>
        {isEnterprise ? (
          <Link to="/guidance/new" className="btn-primary">
            {t("guidance.ask")}
          </Link>
        ) : null}
      </header>
      {summary ? (
        <section className="card" aria-labelledby="summary-title">
          <h2 id="summary-title" className="mb-3 text-lg font-semibold">
            {t("guidance.summaryTitle", { days: summary.days })}
          </h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <div>
              <dt className="text-sm text-slate-500">{t("guidance.summaryTotal")}</dt>
              <dd className="text-xl font-semibold">{summary.total}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{t("guidance.summaryBreached")}</dt>
              <dd className={`text-xl font-semibold ${summary.breachedWaiting > 0 ? "text-red-700" : ""}`}>
                {summary.breachedWaiting}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{t("guidance.summaryLate")}</dt>
              <dd className={`text-xl font-semibold ${summary.answeredLate > 0 ? "text-red-700" : ""}`}>
                {summary.answeredLate}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">{t("guidance.summaryRate")}</dt>
              <dd className="text-xl font-semibold" data-testid="on-time-rate">
                {summary.onTimeRateBp === null
                  ? t("guidance.summaryNone")
                  : `${(summary.onTimeRateBp / 100).toFixed(1)}%`}
              </dd>
            </div>
          </dl>
        </section>
      ) : null}
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="filter" className="label">
            {t("guidance.filter")}
          </label>
          <select id="filter" name="filter" className="input" defaultValue={query.filter ?? ""}>
            <option value="">{t("common:all")}</option>
            {GUIDANCE_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`guidance.filters.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="channel" className="label">
            {t("guidance.channel")}
          </label>
          <select id="channel" name="channel" className="input" defaultValue={query.channel ?? ""}>
            <option value="">{t("common:all")}</option>
            {GUIDANCE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`guidance.channels.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("common:filter")}
        </button>
      </Form>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("guidance.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("guidance.subject")}</th>
                <th scope="col">{isEnterprise ? t("guidance.counterpart") : t("guidance.enterprise")}</th>
                <th scope="col">{t("guidance.channel")}</th>
                <th scope="col">{t("guidance.openedAt")}</th>
                <th scope="col">{t("guidance.status")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className={isBreach(r.status) ? "bg-red-50" : undefined}>
                  <td data-label={t("guidance.subject")}>
                    <Link className="link" to={`/guidance/${r.id}`}>
                      {r.subject}
                    </Link>
                  </td>
                  <td data-label={isEnterprise ? t("guidance.counterpart") : t("guidance.enterprise")}>
                    {isEnterprise
                      ? `${r.counterpartName ?? ""}${r.expertName ? ` · ${r.expertName}` : ""}`
                      : r.enterpriseName}
                  </td>
                  <td data-label={t("guidance.channel")}>{t(`guidance.channels.${r.channel}`)}</td>
                  <td data-label={t("guidance.openedAt")}>{formatDateTime(new Date(r.openedAt), lang)}</td>
                  <td data-label={t("guidance.status")}>
                    <GuidanceStatusBadge
                      state={r.status.state}
                      lateMinutes={r.status.lateMinutes}
                      closed={Boolean(r.closedAt)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
      </section>
    </div>
  );
}
