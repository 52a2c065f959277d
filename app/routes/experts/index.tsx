import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SpecialtyBadges, useExpertLabels } from "../../components/expert-badges";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { EXPERT_SPECIALTIES, EXPERT_TITLES, SAFETY_ENGINEER_LEVELS } from "../../domain/expert-codes";
import { INDUSTRY_SECTIONS, industryName } from "../../domain/industries";
import { regionNamesOf } from "../../domain/regions";
import { ExpertSearchSchema } from "../../forms/experts";
import { toLanguage } from "../../i18n/config";
import { searchExperts } from "../../services/experts.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";
import { RegionPicker } from "../../components/region-picker";

export const meta: MetaFunction = () => [{ title: "专家库 · 安服市集" }];

/** The pool search, for every signed-in organisation (no contact details in the list). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { canEdit } = await requireAccess(request, context, ACCESS.expertPool, "view");
  const query = parseQuery(ExpertSearchSchema, request);
  const result = await searchExperts(context.db, query);
  const codes = [...new Set(result.rows.flatMap((r) => r.regionCodes).concat(query.region ? [query.region] : []))];
  return { query, result, regionNames: regionNamesOf(codes), canAdd: canEdit };
}

export default function ExpertSearchPage() {
  const { query, result, regionNames, canAdd } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("experts");
  const lang = toLanguage(i18n.language);
  const label = useExpertLabels();
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
        </div>
        <span className="flex flex-wrap gap-3 text-sm">
          <Link to="/experts/assignments" className="link">
            {t("assignments.title")}
          </Link>
          {canAdd ? (
            <Link to="/experts/new" className="btn-primary">
              {t("addIndependent")}
            </Link>
          ) : null}
        </span>
      </header>
      <Form method="get" className="card grid gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label={t("filters")}>
        <div>
          <label htmlFor="q" className="label">
            {t("filter.q")}
          </label>
          <input id="q" name="q" className="input" defaultValue={query.q ?? ""} maxLength={50} />
        </div>
        <div>
          <label htmlFor="specialty" className="label">
            {t("filter.specialty")}
          </label>
          <select id="specialty" name="specialty" className="input" defaultValue={query.specialty ?? ""}>
            <option value="">{t("any")}</option>
            {EXPERT_SPECIALTIES.map((c) => (
              <option key={c} value={c}>
                {label.specialty(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-2">
          <RegionPicker name="region" label={t("filter.region")} defaultValue={query.region ?? ""} required={false} />
        </div>
        <div>
          <label htmlFor="industry" className="label">
            {t("filter.industry")}
          </label>
          <select id="industry" name="industry" className="input" defaultValue={query.industry ?? ""}>
            <option value="">{t("any")}</option>
            {INDUSTRY_SECTIONS.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} {industryName(s.code, lang)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="title" className="label">
            {t("filter.title")}
          </label>
          <select id="title" name="title" className="input" defaultValue={query.title ?? ""}>
            <option value="">{t("any")}</option>
            {EXPERT_TITLES.map((c) => (
              <option key={c} value={c}>
                {label.title(c)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="level" className="label">
            {t("filter.level")}
          </label>
          <select id="level" name="level" className="input" defaultValue={query.level ?? ""}>
            <option value="">{t("any")}</option>
            {SAFETY_ENGINEER_LEVELS.map((c) => (
              <option key={c} value={c}>
                {label.level(c)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="availableOn" className="label">
            {t("filter.availableOn")}
          </label>
          <input
            id="availableOn"
            name="availableOn"
            type="date"
            className="input"
            defaultValue={query.availableOn ?? ""}
          />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-primary">
            {t("common:filter")}
          </button>
          <Link to="/experts" className="btn-secondary">
            {t("reset")}
          </Link>
        </div>
      </Form>
      <section className="card overflow-x-auto">
        <p className="mb-2 text-sm text-slate-600">{t("found", { count: result.total })}</p>
        {result.rows.length === 0 ? (
          <p className="text-slate-500">{t("empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.name")}</th>
                <th scope="col">{t("col.title")}</th>
                <th scope="col">{t("col.specialties")}</th>
                <th scope="col">{t("col.regions")}</th>
                <th scope="col">{t("col.employer")}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("col.name")}>
                    <Link className="link" to={`/experts/${r.id}`}>
                      {r.name}
                    </Link>
                  </td>
                  <td data-label={t("col.title")}>
                    {label.title(r.title)}
                    {r.safetyEngineerLevel ? (
                      <span className="block text-xs text-slate-500">{label.level(r.safetyEngineerLevel)}</span>
                    ) : null}
                  </td>
                  <td data-label={t("col.specialties")}>
                    <SpecialtyBadges codes={r.specialties} />
                  </td>
                  <td data-label={t("col.regions")}>{r.regionCodes.map((c) => regionNames[c] ?? c).join("、")}</td>
                  <td data-label={t("col.employer")}>{r.employerName ?? t("independent")}</td>
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
