import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/pagination";
import { formatDate, formatFen } from "../../domain/format";
import { regionNamesOf } from "../../domain/regions";
import { categoryLabel, type ServiceCategoryCode } from "../../domain/service-categories";
import { RequestListQuerySchema } from "../../forms/requests";
import { toLanguage } from "../../i18n/config";
import { providerInbox } from "../../services/requests.server";
import { requireMembership } from "../../utils/auth.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "需求收件箱 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, context, { kinds: ["provider"] });
  const { page } = parseQuery(RequestListQuerySchema, request);
  const inbox = await providerInbox(context.db, { now: new Date(), providerId: org.id, page });
  return { ...inbox, regionNames: regionNamesOf(inbox.rows.map((r) => r.regionCode)) };
}

export default function ProviderInbox() {
  const result = useLoaderData<typeof loader>();
  const { regionNames } = result;
  const regionName = (code: string) => regionNames[code] ?? "";
  const { t, i18n } = useTranslation("requests");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("inbox.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("inbox.lead")}</p>
      </header>
      {!result.hasProfile ? <p className="card text-sm text-amber-800">{t("inbox.noProfile")}</p> : null}
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("inbox.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.title")}</th>
                <th scope="col">{t("inbox.enterprise")}</th>
                <th scope="col">{t("col.category")}</th>
                <th scope="col">{t("col.region")}</th>
                <th scope="col">{t("col.budget")}</th>
                <th scope="col">{t("col.deadline")}</th>
                <th scope="col">{t("col.createdAt")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("col.title")}>
                    <Link className="link" to={`/provider/inbox/${r.id}`}>
                      {r.title}
                    </Link>
                  </td>
                  <td data-label={t("inbox.enterprise")}>{r.enterpriseName}</td>
                  <td data-label={t("col.category")}>{categoryLabel(r.category as ServiceCategoryCode, lang)}</td>
                  <td data-label={t("col.region")}>{regionName(r.regionCode)}</td>
                  <td data-label={t("col.budget")}>
                    {r.budgetFen !== null ? formatFen(r.budgetFen, lang) : t("budgetNone")}
                  </td>
                  <td data-label={t("col.deadline")}>{r.deadline ?? "—"}</td>
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
