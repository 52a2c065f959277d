import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HazardMarks } from "../../components/hazard-badges";
import { ACCESS } from "../../domain/access";
import { formatDateTime } from "../../domain/format";
import { getIndustry, industryName, sectionOf } from "../../domain/industries";
import { regionNamesOf } from "../../domain/regions";
import { toLanguage } from "../../i18n/config";
import { bureauHazardOverview } from "../../services/hazards.server";
import { requireAccess } from "../../utils/access.server";

export const meta: MetaFunction = () => [{ title: "隐患监管 · 安服市集" }];

/** The section letter of a stored industry code (a section or a division), or null. */
function sectionLetter(code: string | null): string | null {
  if (!code) return null;
  const industry = getIndustry(code);
  if (!industry) return null;
  return industry.kind === "section" ? industry.code : (sectionOf(code)?.code ?? null);
}

/** The bureau's region view: major and overdue hazards by county and by industry, and reports to acknowledge. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.bureauDesk, "view");
  const now = new Date();
  const overview = await bureauHazardOverview(
    context.db,
    { id: org.id, kind: org.kind, regionCode: org.regionCode },
    { now },
  );
  const bySection = new Map<string | null, { major: number; overdue: number }>();
  for (const row of overview.byIndustryCode) {
    const letter = sectionLetter(row.industryCode);
    const sum = bySection.get(letter) ?? { major: 0, overdue: 0 };
    bySection.set(letter, { major: sum.major + row.major, overdue: sum.overdue + row.overdue });
  }
  const names = regionNamesOf(overview.byRegion.map((r) => r.regionCode));
  return {
    byRegion: overview.byRegion.map((r) => ({ ...r, name: names[r.regionCode] ?? r.regionCode })),
    byIndustry: [...bySection].map(([section, sums]) => ({
      section,
      zh: section ? (industryName(section, "zh-CN") ?? section) : null,
      en: section ? (industryName(section, "en") ?? section) : null,
      ...sums,
    })),
    reports: overview.reports,
  };
}

function CountLink({ to, n }: { to: string; n: number }) {
  return n > 0 ? (
    <Link className="link font-semibold" to={to}>
      {n}
    </Link>
  ) : (
    <span className="text-slate-400">0</span>
  );
}

export default function BureauHazards() {
  const { byRegion, byIndustry, reports } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("hazards");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t("bureau.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("bureau.lead")}</p>
        <Link className="link text-sm" to="/hazards">
          {t("bureau.allHazards")}
        </Link>
      </header>
      <section className="card overflow-x-auto" aria-labelledby="reports-title">
        <h2 id="reports-title" className="mb-3 text-lg font-semibold">
          {t("bureau.reports")}
        </h2>
        {reports.length === 0 ? (
          <p className="text-sm text-slate-500">{t("bureau.noReports")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.description")}</th>
                <th scope="col">{t("col.enterprise")}</th>
                <th scope="col">{t("col.reportedAt")}</th>
                <th scope="col">{t("col.reportState")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id} className={r.state === "escalated" ? "bg-red-50" : undefined}>
                  <td data-label={t("col.description")}>
                    <Link className="link" to={`/hazards/${r.id}`}>
                      {r.description}
                    </Link>
                    <HazardMarks hazard={r} />
                  </td>
                  <td data-label={t("col.enterprise")}>{r.enterpriseName}</td>
                  <td data-label={t("col.reportedAt")}>
                    {r.reportedAt ? formatDateTime(new Date(r.reportedAt), lang) : ""}
                  </td>
                  <td data-label={t("col.reportState")}>
                    <span
                      className={`badge ${r.state === "escalated" ? "bg-red-600 text-white" : "bg-amber-50 text-amber-800"}`}
                    >
                      {t(`report.state.${r.state}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card overflow-x-auto" aria-labelledby="by-region-title">
          <h2 id="by-region-title" className="mb-3 text-lg font-semibold">
            {t("bureau.byRegion")}
          </h2>
          {byRegion.length === 0 ? (
            <p className="text-sm text-slate-500">{t("bureau.none")}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("bureau.region")}</th>
                  <th scope="col">{t("bureau.major")}</th>
                  <th scope="col">{t("bureau.overdue")}</th>
                </tr>
              </thead>
              <tbody>
                {byRegion.map((r) => (
                  <tr key={r.regionCode}>
                    <td data-label={t("bureau.region")}>{r.name}</td>
                    <td data-label={t("bureau.major")}>
                      <CountLink to={`/hazards?region=${r.regionCode}&grade=major`} n={r.major} />
                    </td>
                    <td data-label={t("bureau.overdue")}>
                      <CountLink to={`/hazards?region=${r.regionCode}&overdue=1`} n={r.overdue} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card overflow-x-auto" aria-labelledby="by-industry-title">
          <h2 id="by-industry-title" className="mb-3 text-lg font-semibold">
            {t("bureau.byIndustry")}
          </h2>
          {byIndustry.length === 0 ? (
            <p className="text-sm text-slate-500">{t("bureau.none")}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("bureau.industry")}</th>
                  <th scope="col">{t("bureau.major")}</th>
                  <th scope="col">{t("bureau.overdue")}</th>
                </tr>
              </thead>
              <tbody>
                {byIndustry.map((r) => (
                  <tr key={r.section ?? "none"}>
                    <td data-label={t("bureau.industry")}>
                      {r.section ? `${r.section} ${lang === "en" ? r.en : r.zh}` : t("bureau.unknownIndustry")}
                    </td>
                    <td data-label={t("bureau.major")}>
                      {r.section ? (
                        <CountLink to={`/hazards?industry=${r.section}&grade=major`} n={r.major} />
                      ) : (
                        r.major
                      )}
                    </td>
                    <td data-label={t("bureau.overdue")}>
                      {r.section ? (
                        <CountLink to={`/hazards?industry=${r.section}&overdue=1`} n={r.overdue} />
                      ) : (
                        r.overdue
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </div>
  );
}
