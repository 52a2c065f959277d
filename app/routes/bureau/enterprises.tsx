import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../components/org-table";
import { Pagination } from "../../components/pagination";
import { RiskGradeBadge } from "../../components/risk-grade-badge";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { INDUSTRY_SECTIONS } from "../../domain/industries";
import { countiesWithin, regionFullName, regionNamesOf } from "../../domain/regions";
import { RISK_GRADES } from "../../domain/risk-grade";
import { RegisterListQuerySchema } from "../../forms/register";
import { toLanguage } from "../../i18n/config";
import { listRegister } from "../../services/enterprise-register.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

/**
 * A bureau's register of its region (企业台账): every organisation registered or put on the
 * register in it, claimed or not, with the register's filters. The region comes from the
 * bureau's organisation, never from the URL.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.bureauDesk, "view");
  const { page, ...filter } = parseQuery(RegisterListQuerySchema, request);
  const today = shanghaiDateString(new Date());
  const result = await listRegister(context.db, { bureauRegionCode: org.regionCode, filter, today, page });
  const counties = countiesWithin(org.regionCode).map((r) => ({ code: r.code, name: r.name }));
  return {
    filter,
    result,
    canEdit,
    exportQuery: new URL(request.url).search,
    region: regionFullName(org.regionCode),
    regionNames: regionNamesOf(result.rows.map((o) => o.regionCode)),
    counties: counties.length > 1 ? counties : [],
    sections: INDUSTRY_SECTIONS.map((s) => ({ code: s.code, zh: s.zh, en: s.en })),
  };
}

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: Array<{ value: string; label: string }>;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="label">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} className="input" defaultValue={value ?? ""}>
        <option value="">{t("register:filters.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export default function BureauRegister() {
  const { filter, result, region, regionNames, counties, sections, exportQuery, canEdit } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("bureau");
  const lang = toLanguage(i18n.language);
  const exportHref = (format: string) => {
    const params = new URLSearchParams(exportQuery);
    params.delete("page");
    params.set("format", format);
    return `/bureau/enterprises/export?${params.toString()}`;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("enterprisesTitle")}</h1>
        {canEdit ? (
          <Link to="/bureau/enterprises/import" className="btn-primary">
            {t("register:import.title")}
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-slate-600">{t("enterprisesIntro", { region })}</p>
      <Form method="get" className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-4" role="search">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="label">
            {t("common:search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            defaultValue={filter.q ?? ""}
            placeholder={t("admin:searchPlaceholder")}
          />
        </div>
        <Select
          name="kind"
          label={t("register:filters.kind")}
          value={filter.kind}
          options={(["enterprise", "provider", "insurer", "group"] as const).map((k) => ({
            value: k,
            label: t(`common:kind.${k}`),
          }))}
        />
        <Select
          name="claimed"
          label={t("register:filters.claimed")}
          value={filter.claimed}
          options={(["claimed", "unclaimed"] as const).map((k) => ({ value: k, label: t(`register:claimed.${k}`) }))}
        />
        {counties.length ? (
          <Select
            name="county"
            label={t("register:filters.county")}
            value={filter.county}
            options={counties.map((c) => ({ value: c.code, label: c.name }))}
          />
        ) : null}
        <Select
          name="section"
          label={t("register:filters.section")}
          value={filter.section}
          options={sections.map((s) => ({ value: s.code, label: `${s.code} ${lang === "en" ? s.en : s.zh}` }))}
        />
        <Select
          name="priority"
          label={t("register:filters.priority")}
          value={filter.priority ? String(filter.priority) : undefined}
          options={[1, 2, 3, 4, 5].map((r) => ({ value: String(r), label: t(`register:priority.${r}`) }))}
        />
        <Select
          name="grade"
          label={t("register:filters.grade")}
          value={filter.grade}
          options={[
            ...RISK_GRADES.map((g) => ({ value: g, label: t(`register:grades.${g}`) })),
            { value: "none", label: t("register:grades.none") },
          ]}
        />
        <div className="flex items-center gap-2 pt-6">
          <input
            id="filter-highRisk"
            name="highRisk"
            type="checkbox"
            value="1"
            defaultChecked={Boolean(filter.highRisk)}
          />
          <label htmlFor="filter-highRisk">{t("register:filters.highRisk")}</label>
        </div>
        <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="btn-primary">
            {t("common:search")}
          </button>
          <a className="btn-secondary" href={exportHref("xlsx")} download>
            {t("register:exportXlsx")}
          </a>
          <a className="link text-sm" href={exportHref("csv")} download>
            {t("register:exportCsv")}
          </a>
          <span className="text-sm text-slate-500">{t("register:total", { count: result.total })}</span>
        </div>
      </Form>
      <section className="card overflow-x-auto">
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("common:empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("settings:orgName")}</th>
                <th scope="col">{t("admin:kind")}</th>
                <th scope="col">{t("common:uscc")}</th>
                <th scope="col">{t("admin:region")}</th>
                <th scope="col">{t("admin:status")}</th>
                <th scope="col">{t("register:currentGrade")}</th>
                <th scope="col">{t("register:priorityShort")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((o) => (
                <tr key={o.id}>
                  <td data-label={t("settings:orgName")}>
                    {o.kind === "enterprise" ? (
                      <Link className="link" to={`/enterprises/${o.id}`}>
                        {o.name}
                      </Link>
                    ) : (
                      o.name
                    )}
                  </td>
                  <td data-label={t("admin:kind")}>{t(`common:kind.${o.kind}`)}</td>
                  <td data-label={t("common:uscc")} className="font-mono text-xs">
                    {o.uscc}
                  </td>
                  <td data-label={t("admin:region")}>{regionNames[o.regionCode] ?? o.regionCode}</td>
                  <td data-label={t("admin:status")}>
                    {o.unclaimed ? (
                      <span className="badge bg-slate-100 text-slate-700">{t("register:claimed.unclaimed")}</span>
                    ) : (
                      <StatusBadge status={o.verificationStatus} suspended={o.suspended} />
                    )}
                  </td>
                  <td data-label={t("register:currentGrade")}>
                    {o.grade ? <RiskGradeBadge grade={o.grade} /> : <span className="text-slate-400">—</span>}
                  </td>
                  <td data-label={t("register:priorityShort")}>
                    {(o.priorityReasons ?? []).map((p) => p.reason).join("、") || "—"}
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
