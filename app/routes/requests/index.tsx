import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RequestStatusBadge } from "../../components/engagement-status";
import { Pagination } from "../../components/pagination";
import { formatDate, formatFen } from "../../domain/format";
import { regionNamesOf } from "../../domain/regions";
import { categoryLabel, type ServiceCategoryCode } from "../../domain/service-categories";
import { RequestListQuerySchema } from "../../forms/requests";
import { toLanguage } from "../../i18n/config";
import { listOwnRequests } from "../../services/requests.server";
import { requireMembership } from "../../utils/auth.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "我的需求 · 安服市集" }];

const STATUSES = ["open", "awarded", "closed", "cancelled"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, context, { kinds: ["enterprise"] });
  const query = parseQuery(RequestListQuerySchema, request);
  const result = await listOwnRequests(context.db, { orgId: org.id, ...query });
  return { query, result, regionNames: regionNamesOf(result.rows.map((r) => r.regionCode)) };
}

export default function RequestList() {
  const { query, result, regionNames } = useLoaderData<typeof loader>();
  const regionName = (code: string) => regionNames[code] ?? "";
  const { t, i18n } = useTranslation("requests");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        </div>
        <Link to="/requests/new" className="btn-primary">
          {t("new")}
        </Link>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="status" className="label">
            {t("col.status")}
          </label>
          <select id="status" name="status" className="input" defaultValue={query.status ?? ""}>
            <option value="">{t("common:all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
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
          <p className="text-slate-500">{t("empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.title")}</th>
                <th scope="col">{t("col.category")}</th>
                <th scope="col">{t("col.region")}</th>
                <th scope="col">{t("col.budget")}</th>
                <th scope="col">{t("col.deadline")}</th>
                <th scope="col">{t("col.quotes")}</th>
                <th scope="col">{t("col.status")}</th>
                <th scope="col">{t("col.createdAt")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("col.title")}>
                    <Link className="link" to={`/requests/${r.id}`}>
                      {r.title}
                    </Link>
                  </td>
                  <td data-label={t("col.category")}>{categoryLabel(r.category as ServiceCategoryCode, lang)}</td>
                  <td data-label={t("col.region")}>{regionName(r.regionCode)}</td>
                  <td data-label={t("col.budget")}>
                    {r.budgetFen !== null ? formatFen(r.budgetFen, lang) : t("budgetNone")}
                  </td>
                  <td data-label={t("col.deadline")}>{r.deadline ?? "—"}</td>
                  <td data-label={t("col.quotes")}>{r.quoteCount}</td>
                  <td data-label={t("col.status")}>
                    <RequestStatusBadge status={r.status} />
                  </td>
                  <td data-label={t("col.createdAt")}>{formatDate(new Date(r.createdAt), lang)}</td>
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
