import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ACCESS } from "../../../domain/access";
import { shanghaiDateString } from "../../../domain/format";
import { SERVICE_CODES } from "../../../domain/insurance-plan";
import { insurerOverview } from "../../../services/insurance-oversight.server";
import { requireAccess } from "../../../utils/access.server";

export const meta: MetaFunction = () => [{ title: "保险服务监管 · 安服市集" }];

/** Each insurer active in the bureau's region: policies, completion, overdue by service code. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insuranceOversight, "view");
  const today = shanghaiDateString(new Date());
  return { today, insurers: await insurerOverview(context.db, org, today) };
}

export default function InsuranceOversight() {
  const { insurers } = useLoaderData<typeof loader>();
  const { t } = useTranslation("oversight");
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        <div className="mt-3 flex flex-wrap gap-2">
          <Link className="btn-primary" to="/bureau/insurance/flags">
            {t("flagsLink")}
          </Link>
          <a className="btn-secondary" href="/bureau/insurance/export?format=xlsx">
            {t("export")}
          </a>
        </div>
      </header>
      <section className="card overflow-x-auto">
        {insurers.length === 0 ? (
          <p className="text-sm text-slate-500">{t("empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.insurer")}</th>
                <th scope="col">{t("col.policies")}</th>
                <th scope="col">{t("col.inForce")}</th>
                <th scope="col">{t("col.completion")}</th>
                <th scope="col">{t("col.overdue")}</th>
                <th scope="col">{t("col.overdueByService")}</th>
              </tr>
            </thead>
            <tbody>
              {insurers.map((r) => (
                <tr key={r.insurerId}>
                  <td data-label={t("col.insurer")}>
                    <Link className="link" to={`/bureau/insurance/insurers/${r.insurerId}`}>
                      {r.name}
                    </Link>
                  </td>
                  <td data-label={t("col.policies")}>{r.policies}</td>
                  <td data-label={t("col.inForce")}>{r.policiesInForce}</td>
                  <td data-label={t("col.completion")}>
                    {r.dueToDate === 0 ? "—" : `${Math.round((r.doneOfDue / r.dueToDate) * 1000) / 10}%`}
                    <span className="block text-xs text-slate-500">
                      {r.doneOfDue}/{r.dueToDate}
                    </span>
                  </td>
                  <td
                    data-label={t("col.overdue")}
                    className={r.overdue > 0 ? "font-semibold text-red-700" : undefined}
                  >
                    {r.overdue}
                  </td>
                  <td data-label={t("col.overdueByService")}>
                    {r.overdue === 0 ? (
                      "—"
                    ) : (
                      <ul className="text-sm">
                        {SERVICE_CODES.filter((s) => r.overdueByService[s]).map((s) => (
                          <li key={s}>
                            {t(`insurance:service.${s}`)} {r.overdueByService[s]}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
