import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HazardGradeBadge, HazardMarks, HazardStatusBadge } from "../../components/hazard-badges";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { HAZARD_GRADES, HAZARD_STATES } from "../../domain/hazard-machine";
import { INSPECTION_SOURCES } from "../../domain/inspection-sources";
import { HazardListQuerySchema } from "../../forms/hazards";
import { listHazards } from "../../services/hazards.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "隐患台账 · 安服市集" }];

/** The hazards the organisation may see, overdue first (the export is /hazards/export with the same query). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.hazards, "view");
  const query = parseQuery(HazardListQuerySchema, request);
  const today = shanghaiDateString(new Date());
  const acting = { id: org.id, kind: org.kind, regionCode: org.regionCode };
  const result = await listHazards(context.db, acting, { ...query, today });
  return { query, result, kind: org.kind };
}

export default function HazardRegister() {
  const { query, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation("hazards");
  const location = useLocation();
  const exportHref = (format: string) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    params.set("format", format);
    return `/hazards/export?${params}`;
  };
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        {query.enterprise ? <input type="hidden" name="enterprise" value={query.enterprise} /> : null}
        {query.region ? <input type="hidden" name="region" value={query.region} /> : null}
        {query.industry ? <input type="hidden" name="industry" value={query.industry} /> : null}
        <div>
          <label htmlFor="status" className="label">
            {t("filter.status")}
          </label>
          <select id="status" name="status" className="input" defaultValue={query.status ?? ""}>
            <option value="">{t("common:all")}</option>
            {HAZARD_STATES.map((s) => (
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
            {HAZARD_GRADES.map((g) => (
              <option key={g} value={g}>
                {t(`grade.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="source" className="label">
            {t("filter.source")}
          </label>
          <select id="source" name="source" className="input" defaultValue={query.source ?? ""}>
            <option value="">{t("common:all")}</option>
            {INSPECTION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`source.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="label">
            {t("filter.search")}
          </label>
          <input id="q" name="q" className="input" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} />
          {t("filter.overdue")}
        </label>
        <button type="submit" className="btn-secondary">
          {t("common:filter")}
        </button>
        <Link to="/hazards" className="link pb-2 text-sm">
          {t("filter.clear")}
        </Link>
        <span className="ml-auto flex gap-2">
          <a className="btn-secondary" href={exportHref("xlsx")}>
            {t("export")}
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
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.description")}</th>
                <th scope="col">{t("col.enterprise")}</th>
                <th scope="col">{t("col.grade")}</th>
                <th scope="col">{t("col.status")}</th>
                <th scope="col">{t("col.deadline")}</th>
                <th scope="col">{t("col.source")}</th>
                <th scope="col">{t("col.marks")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id} className={r.overdue ? "bg-red-50" : undefined}>
                  <td data-label={t("col.description")}>
                    <Link className="link" to={`/hazards/${r.id}`}>
                      {r.description}
                    </Link>
                    {r.location ? <span className="block text-xs text-slate-500">{r.location}</span> : null}
                  </td>
                  <td data-label={t("col.enterprise")}>{r.enterpriseName}</td>
                  <td data-label={t("col.grade")}>
                    <HazardGradeBadge grade={r.grade} />
                  </td>
                  <td data-label={t("col.status")}>
                    <HazardStatusBadge status={r.status} />
                  </td>
                  <td data-label={t("col.deadline")}>{r.deadline}</td>
                  <td data-label={t("col.source")}>{t(`source.${r.source}`)}</td>
                  <td data-label={t("col.marks")}>
                    <HazardMarks hazard={r} />
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
