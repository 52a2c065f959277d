import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { formatFen, shanghaiDateString } from "../../domain/format";
import { RISK_GRADES } from "../../domain/insurance-plan";
import { POLICY_LIST_STATUSES, PolicyListQuerySchema } from "../../forms/policies";
import { listPolicies } from "../../services/insurer-policies.server";
import { GradeBadge } from "../../components/policy-grade-badge";
import { requireAccess } from "../../utils/access.server";
import { allows } from "../../domain/access";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "保单管理 · 安服市集" }];

/** The insurer's policies, newest start first (the export is /insurer/policies/export with the same query). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const query = parseQuery(PolicyListQuerySchema, request);
  const today = shanghaiDateString(new Date());
  const result = await listPolicies(context.db, org.id, query, today);
  return { query, result, canWrite: allows(ACCESS.insurerPolicies.edit, org) };
}

export default function InsurerPolicies() {
  const { query, result, canWrite } = useLoaderData<typeof loader>();
  const { t } = useTranslation("policies");
  const location = useLocation();
  const exportHref = (format: string) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    params.set("format", format);
    return `/insurer/policies/export?${params}`;
  };
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        </div>
        {canWrite ? (
          <span className="flex gap-2">
            <Link to="/insurer/policies/new" className="btn-primary">
              {t("newPolicy")}
            </Link>
            <Link to="/insurer/policies/import" className="btn-secondary">
              {t("importPolicies")}
            </Link>
          </span>
        ) : null}
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="status" className="label">
            {t("filter.status")}
          </label>
          <select id="status" name="status" className="input" defaultValue={query.status ?? ""}>
            <option value="">{t("common:all")}</option>
            {POLICY_LIST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="grade" className="label">
            {t("filter.grade")}
          </label>
          <select id="grade" name="grade" className="input" defaultValue={query.grade ?? ""}>
            <option value="">{t("common:all")}</option>
            {RISK_GRADES.map((g) => (
              <option key={g} value={g}>
                {t(`grades.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="label">
            {t("filter.q")}
          </label>
          <input id="q" name="q" className="input" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <div>
          <label htmlFor="startFrom" className="label">
            {t("filter.startFrom")}
          </label>
          <input id="startFrom" name="startFrom" type="date" className="input" defaultValue={query.startFrom ?? ""} />
        </div>
        <div>
          <label htmlFor="startTo" className="label">
            {t("filter.startTo")}
          </label>
          <input id="startTo" name="startTo" type="date" className="input" defaultValue={query.startTo ?? ""} />
        </div>
        <button type="submit" className="btn-secondary">
          {t("filter.apply")}
        </button>
        <Link to="/insurer/policies" className="link pb-2 text-sm">
          {t("filter.reset")}
        </Link>
        <span className="ml-auto flex gap-2">
          <a className="btn-secondary" href={exportHref("xlsx")}>
            {t("exportXlsx")}
          </a>
          <a className="btn-secondary" href={exportHref("csv")}>
            {t("exportCsv")}
          </a>
        </span>
      </Form>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("empty")}</p>
        ) : (
          <table className="data-table" data-testid="policy-list">
            <thead>
              <tr>
                <th scope="col">{t("col.policyNumber")}</th>
                <th scope="col">{t("col.enterprise")}</th>
                <th scope="col">{t("col.dates")}</th>
                <th scope="col">{t("col.grade")}</th>
                <th scope="col">{t("col.premium")}</th>
                <th scope="col">{t("col.ratio")}</th>
                <th scope="col">{t("col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("col.policyNumber")}>
                    <Link className="link font-mono text-sm" to={`/insurer/policies/${r.id}`}>
                      {r.policyNumber}
                    </Link>
                  </td>
                  <td data-label={t("col.enterprise")}>{r.enterpriseName}</td>
                  <td data-label={t("col.dates")} className="whitespace-nowrap">
                    {r.startDate} – {r.endDate}
                  </td>
                  <td data-label={t("col.grade")}>
                    <GradeBadge grade={r.riskGrade} />
                  </td>
                  <td data-label={t("col.premium")} className="text-right tabular-nums">
                    {formatFen(r.premiumFen, "zh-CN")}
                  </td>
                  <td data-label={t("col.ratio")} className="text-right tabular-nums">
                    {(r.preventionFeeBps / 100).toFixed(2).replace(/\.?0+$/, "")}%
                  </td>
                  <td data-label={t("col.status")}>{t(`status.${r.status}`)}</td>
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
