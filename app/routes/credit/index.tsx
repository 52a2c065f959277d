import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CreditBadge } from "../../components/credit-badge";
import { Pagination } from "../../components/pagination";
import { RegionPicker } from "../../components/region-picker";
import { regionFullName, regionNamesOf } from "../../domain/regions";
import { CreditListQuerySchema } from "../../forms/credit";
import { listGoodStandingProviders } from "../../services/credit.server";
import { orErrorPage } from "../../utils/http.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "信用公示 · 安服市集" }];

/** Public: anyone may read the 公示 list (decision 006). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = parseQuery(CreditListQuerySchema, request);
  const result = await orErrorPage(() =>
    listGoodStandingProviders(context.db, { now: new Date(), regionCode: query.region, page: query.page }),
  );
  return {
    query,
    result,
    regionName: query.region ? regionFullName(query.region) : null,
    regionNames: regionNamesOf(result.rows.map((p) => p.regionCode)),
  };
}

export default function CreditList() {
  const { query, result, regionName, regionNames } = useLoaderData<typeof loader>();
  const nameOf = (code: string) => regionNames[code] ?? "";
  const { t } = useTranslation("credit");
  const period = t("period", { year: result.period.year, half: t(`half${result.period.half}`) });
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("listTitle")}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {t("periodLabel")}：{period}
          {regionName ? ` · ${regionName}` : ""}
        </p>
        <p className="mt-1 text-sm text-slate-600">{t("listIntro")}</p>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-3" role="search">
        <div className="min-w-72 flex-1">
          <RegionPicker name="region" defaultValue={query.region} label={t("regionFilter")} required={false} />
        </div>
        <button type="submit" className="btn-primary mb-4">
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
                <th scope="col">{t("colProvider")}</th>
                <th scope="col">{t("colRegion")}</th>
                <th scope="col">{t("colGrade")}</th>
                <th scope="col">{t("colRating")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((p) => (
                <tr key={p.id}>
                  <td data-label={t("colProvider")}>
                    <Link className="link" to={`/credit/${p.id}`}>
                      {p.name}
                    </Link>
                  </td>
                  <td data-label={t("colRegion")}>{nameOf(p.regionCode)}</td>
                  <td data-label={t("colGrade")}>
                    <CreditBadge grade={p.grade} />
                  </td>
                  <td data-label={t("colRating")}>
                    {p.averageRating !== null
                      ? t("ratingValue", { rating: p.averageRating.toFixed(1), count: p.reviewCount })
                      : t("noRating")}
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
