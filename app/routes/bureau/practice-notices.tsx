import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CategoryList } from "../../components/category-checkboxes";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { formatDateTime } from "../../domain/format";
import { regionFullName, regionNamesOf } from "../../domain/regions";
import { toLanguage } from "../../i18n/config";
import { listPracticeNoticesInRegion } from "../../services/practice-notices.server";
import { requireAccess } from "../../utils/access.server";
import { PageField } from "../../forms/paging";
import { parseQuery } from "../../utils/form-data.server";

const QuerySchema = z.object({
  withdrawn: z.literal("1").optional().catch(undefined),
  page: PageField,
});

/** The bureau's own region only: it comes from the organisation, never from the URL. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.bureauDesk, "view");
  const query = parseQuery(QuerySchema, request);
  const result = await listPracticeNoticesInRegion(context.db, {
    bureauRegionCode: org.regionCode,
    includeWithdrawn: query.withdrawn === "1",
    page: query.page,
  });
  return {
    query,
    result,
    region: regionFullName(org.regionCode),
    regionNames: regionNamesOf(result.rows.flatMap((n) => [n.providerRegion, n.countyCode])),
  };
}

export default function BureauPracticeNotices() {
  const { query, result, region, regionNames } = useLoaderData<typeof loader>();
  const regionName = (code: string) => regionNames[code] ?? "";
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("bureauNoticesTitle")}</h1>
      <p className="text-sm text-slate-600">{t("bureauNoticesIntro", { region })}</p>
      <Form method="get" className="card flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="withdrawn" value="1" defaultChecked={query.withdrawn === "1"} />
          {t("includeWithdrawn")}
        </label>
        <button type="submit" className="btn-secondary">
          {t("common:filter")}
        </button>
      </Form>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("common:empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("provider")}</th>
                <th scope="col">{t("providerUscc")}</th>
                <th scope="col">{t("county")}</th>
                <th scope="col">{t("categories")}</th>
                <th scope="col">{t("declaredAt")}</th>
                <th scope="col">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((n) => (
                <tr key={n.id}>
                  <td data-label={t("provider")}>
                    <Link to={`/providers/${n.providerId}`} className="link">
                      {n.providerName}
                    </Link>
                    {n.providerSuspendedAt ? (
                      <span className="badge ml-2 bg-slate-200 text-slate-700">{t("suspended")}</span>
                    ) : null}
                    <p className="text-xs text-slate-500">{regionName(n.providerRegion)}</p>
                  </td>
                  <td data-label={t("providerUscc")} className="font-mono text-xs">
                    {n.providerUscc}
                  </td>
                  <td data-label={t("county")}>{regionName(n.countyCode)}</td>
                  <td data-label={t("categories")}>
                    <CategoryList codes={n.categories} />
                  </td>
                  <td data-label={t("declaredAt")} className="whitespace-nowrap">
                    {formatDateTime(new Date(n.declaredAt), lang)}
                  </td>
                  <td data-label={t("status")}>
                    {n.withdrawnAt
                      ? `${t("noticeStatus.withdrawn")} · ${formatDateTime(new Date(n.withdrawnAt), lang)}`
                      : t("noticeStatus.active")}
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
