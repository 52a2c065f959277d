import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../../components/pagination";
import { ACCESS } from "../../../domain/access";
import { shanghaiDateString } from "../../../domain/format";
import { OversightPageQuerySchema } from "../../../forms/oversight";
import { insurerPoliciesInRegion } from "../../../services/insurance-oversight.server";
import { requireAccess } from "../../../utils/access.server";
import { parseQuery } from "../../../utils/form-data.server";
import { orErrorPage } from "../../../utils/http.server";
import { uuidOrNotFound } from "../../../utils/ids";

export const meta: MetaFunction = () => [{ title: "保险机构辖区保单 · 安服市集" }];

/** One insurer's policies in the bureau's region, read-only and paged. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insuranceOversight, "view");
  const query = parseQuery(OversightPageQuerySchema, request);
  const today = shanghaiDateString(new Date());
  const result = await orErrorPage(async () =>
    insurerPoliciesInRegion(context.db, org, { insurerId: uuidOrNotFound(params.insurerId), today, page: query.page }),
  );
  return { result };
}

export default function InsurerInRegion() {
  const { result } = useLoaderData<typeof loader>();
  const { t } = useTranslation("oversight");
  return (
    <div className="space-y-4">
      <header>
        <Link className="link text-sm" to="/bureau/insurance">
          {t("insurer.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("insurer.title", { name: result.insurerName })}</h1>
      </header>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("insurer.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.policy")}</th>
                <th scope="col">{t("col.enterprise")}</th>
                <th scope="col">{t("col.period")}</th>
                <th scope="col">{t("col.status")}</th>
                <th scope="col">{t("col.completion")}</th>
                <th scope="col">{t("col.overdue")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("col.policy")}>
                    <Link className="link" to={`/bureau/insurance/policies/${r.id}`}>
                      {r.policyNumber}
                    </Link>
                  </td>
                  <td data-label={t("col.enterprise")}>{r.enterpriseName}</td>
                  <td data-label={t("col.period")}>
                    {r.startDate} – {r.endDate}
                  </td>
                  <td data-label={t("col.status")}>{t(`insurance:policyStatus.${r.status}`)}</td>
                  <td data-label={t("col.completion")}>
                    {r.doneOfDue}/{r.dueToDate}
                  </td>
                  <td
                    data-label={t("col.overdue")}
                    className={r.overdue > 0 ? "font-semibold text-red-700" : undefined}
                  >
                    {r.overdue}
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
