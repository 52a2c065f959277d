import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useExpertLabels } from "../../components/expert-badges";
import { ACCESS } from "../../domain/access";
import { formatDate } from "../../domain/format";
import { industryName } from "../../domain/industries";
import { regionNamesOf } from "../../domain/regions";
import { toLanguage } from "../../i18n/config";
import { getExpertDraw } from "../../services/expert-draws.server";
import { requireAccess } from "../../utils/access.server";
import { orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "专家抽取结果 · 安服市集" }];

/** A draw's result with every excluded expert and why, the seed, and the re-run proof. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.bureauDesk, "view");
  const draw = await orErrorPage(async () => getExpertDraw(context.db, org, uuidOrNotFound(params.drawId)));
  return { draw, regionNames: regionNamesOf(draw.criteria.regionCode ? [draw.criteria.regionCode] : []) };
}

export default function ExpertDrawPage() {
  const { draw, regionNames } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("experts");
  const lang = toLanguage(i18n.language);
  const label = useExpertLabels();
  const c = draw.criteria;
  const nameOf = (p: { id: string; name: string | null; employerName: string | null }) =>
    `${p.name ?? t("draws.removedExpert")}${p.employerName ? `（${p.employerName}）` : `（${t("independent")}）`}`;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/bureau/expert-draws" className="link text-sm">
        ← {t("draws.title")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("draws.resultTitle")}</h1>
      <section className="card">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("draws.col.enterprise")}</dt>
            <dd>{draw.enterpriseName}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("draws.col.createdAt")}</dt>
            <dd>{formatDate(new Date(draw.createdAt), lang)}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-500">{t("draws.col.task")}</dt>
            <dd>{draw.task}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-500">{t("draws.criteria")}</dt>
            <dd>
              {[
                c.specialty ? `${t("draws.form.specialty")}：${label.specialty(c.specialty)}` : null,
                c.regionCode ? `${t("draws.form.region")}：${regionNames[c.regionCode] ?? c.regionCode}` : null,
                c.industryCode
                  ? `${t("draws.form.industry")}：${c.industryCode} ${industryName(c.industryCode, lang) ?? ""}`
                  : null,
                `${t("draws.col.period")}：${c.from} ~ ${c.to}`,
                `${t("draws.form.count")}：${c.count}`,
                `${t("draws.poolSize")}：${c.poolSize}`,
              ]
                .filter(Boolean)
                .join("；")}
            </dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-500">{t("draws.col.seed")}</dt>
            <dd className="break-all font-mono text-xs" data-testid="draw-seed">
              {draw.seed}
            </dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="drawn-heading">
        <h2 id="drawn-heading" className="mb-3 text-lg font-semibold">
          {t("draws.drawnTitle", { count: draw.drawn.length })}
        </h2>
        <ol className="list-decimal space-y-1 pl-6" data-testid="drawn-experts">
          {draw.drawn.map((p) => (
            <li key={p.id}>
              <Link to={`/experts/${p.id}`} className="link">
                {nameOf(p)}
              </Link>
            </li>
          ))}
        </ol>
        <p className="mt-3 text-sm">
          <Link to="/experts/assignments" className="link">
            {t("draws.seeAssignments")}
          </Link>
        </p>
      </section>

      <section className="card overflow-x-auto" aria-labelledby="excluded-heading">
        <h2 id="excluded-heading" className="mb-3 text-lg font-semibold">
          {t("draws.excludedTitle", { count: draw.excluded.length })}
        </h2>
        {draw.excluded.length === 0 ? (
          <p className="text-sm text-slate-600">{t("draws.noneExcluded")}</p>
        ) : (
          <table className="data-table" data-testid="excluded-experts">
            <thead>
              <tr>
                <th scope="col">{t("col.name")}</th>
                <th scope="col">{t("draws.reasonCol")}</th>
              </tr>
            </thead>
            <tbody>
              {draw.excluded.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("col.name")}>{nameOf(e)}</td>
                  <td data-label={t("draws.reasonCol")}>{t(`draws.reason.${e.reason}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="rerun-heading">
        <h2 id="rerun-heading" className="mb-2 text-lg font-semibold">
          {t("draws.rerunTitle")}
        </h2>
        <p className="mb-2 text-sm text-slate-600">{t("draws.rerunLead")}</p>
        {draw.rerun.reproduced ? (
          <p className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-800" data-testid="rerun-result">
            {t("draws.rerunSame")}
          </p>
        ) : (
          <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="rerun-result">
            {draw.rerun.poolUnchanged ? t("draws.rerunDifferent") : t("draws.rerunPoolChanged")}
            {draw.rerun.drawn.length ? ` ${draw.rerun.drawn.map(nameOf).join("、")}` : ""}
          </p>
        )}
      </section>
    </div>
  );
}
