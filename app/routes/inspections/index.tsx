import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmationBadge, formatScore, NoPenaltyLabel, sourceLabel } from "../../components/inspections/bits";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { INSPECTION_SOURCES } from "../../domain/inspection-sources";
import { InspectionListQuerySchema } from "../../forms/inspections";
import { toLanguage } from "../../i18n/config";
import { inspectionActorOf } from "../../services/inspection-actor.server";
import { listInspections } from "../../services/inspections.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "检查记录 · 安服市集" }];

/** The organisation's inspections: those it recorded and, once signed, those of enterprises whose records it sees. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const membership = await requireAccess(request, context, ACCESS.inspections, "view");
  const query = parseQuery(InspectionListQuerySchema, request);
  const actor = inspectionActorOf(membership);
  const result = await listInspections(context.db, actor, query, shanghaiDateString(new Date()));
  return { query, result, ownOrgId: membership.org.id, isEnterprise: membership.org.kind === "enterprise" };
}

export default function InspectionList() {
  const { query, result, ownOrgId, isEnterprise } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("inspections");
  const lang = toLanguage(i18n.language);
  const exportQuery = new URLSearchParams(
    Object.entries({ ...query, page: undefined }).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to="/checklists" className="btn-secondary">
            {t("checklists.title")}
          </Link>
          <Link to="/inspections/new" className="btn-primary">
            {t("new")}
          </Link>
        </div>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="source" className="label">
            {t("col.source")}
          </label>
          <select id="source" name="source" className="input" defaultValue={query.source ?? ""}>
            <option value="">{t("common:all")}</option>
            {INSPECTION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {sourceLabel(s, lang)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="label">
            {t("col.status")}
          </label>
          <select id="status" name="status" className="input" defaultValue={query.status ?? ""}>
            <option value="">{t("common:all")}</option>
            {(["draft", "confirmed", "complete"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="side" className="label">
            {t("filter.side")}
          </label>
          <select id="side" name="side" className="input" defaultValue={query.side ?? ""}>
            <option value="">{t("common:all")}</option>
            <option value="mine">{t("filter.mine")}</option>
            {isEnterprise ? <option value="of_us">{t("filter.ofUs")}</option> : null}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="label">
            {t("filter.from")}
          </label>
          <input id="from" type="date" name="from" className="input" defaultValue={query.from ?? ""} />
        </div>
        <div>
          <label htmlFor="to" className="label">
            {t("filter.to")}
          </label>
          <input id="to" type="date" name="to" className="input" defaultValue={query.to ?? ""} />
        </div>
        <button type="submit" className="btn-secondary">
          {t("common:filter")}
        </button>
        <a className="btn-secondary" href={`/inspections/export?${exportQuery}`} download>
          {t("export")}
        </a>
      </Form>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.inspectedOn")}</th>
                <th scope="col">{t("col.enterprise")}</th>
                <th scope="col">{t("col.inspector")}</th>
                <th scope="col">{t("col.source")}</th>
                <th scope="col">{t("col.score")}</th>
                <th scope="col">{t("col.hazards")}</th>
                <th scope="col">{t("col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("col.inspectedOn")}>
                    <Link className="link" to={`/inspections/${r.id}`}>
                      {r.inspectedOn}
                    </Link>
                  </td>
                  <td data-label={t("col.enterprise")}>{r.enterpriseName}</td>
                  <td data-label={t("col.inspector")}>
                    {r.inspectorOrgId === ownOrgId ? t("us") : r.inspectorOrgName}
                  </td>
                  <td data-label={t("col.source")}>
                    {sourceLabel(r.source, lang)}
                    <NoPenaltyLabel source={r.source} lang={lang} />
                  </td>
                  <td data-label={t("col.score")}>{formatScore(r.scoreBp)}</td>
                  <td data-label={t("col.hazards")}>{r.hazards}</td>
                  <td data-label={t("col.status")}>
                    <ConfirmationBadge status={r.status} />
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
