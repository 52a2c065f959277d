import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AnswersTable, formatScore, sourceLabel } from "../../components/inspections/bits";
import { ACCESS } from "../../domain/access";
import { formatDateTime, shanghaiDateString } from "../../domain/format";
import { NOT_A_BASIS_FOR_PENALTY_LABEL } from "../../domain/hazard-machine";
import { toLanguage } from "../../i18n/config";
import { inspectionActorOf } from "../../services/inspection-actor.server";
import { getInspection } from "../../services/inspections.server";
import { requireAccess } from "../../utils/access.server";
import { orErrorPage } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "检查报告 · 安服市集" }];

/** A4 print stylesheet: the page's own content only, no site header or buttons. */
const PRINT_CSS = `
@page { size: A4; margin: 15mm; }
@media print {
  body > header, #main > :not(.inspection-report), .no-print { display: none !important; }
  #main { max-width: none; padding: 0; }
  .inspection-report { font-size: 11pt; }
  .inspection-report table td { padding: 2px 4px; }
  .inspection-report .answers-section, .inspection-report tr { break-inside: avoid; }
}
.inspection-report table.data-table td::before { content: none; }
`;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const membership = await requireAccess(request, context, ACCESS.inspections, "view");
  const id = z.string().uuid().safeParse(params.inspectionId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  const actor = inspectionActorOf(membership);
  return orErrorPage(() => getInspection(context.db, actor, id.data, shanghaiDateString(new Date())));
}

export default function InspectionReport() {
  const view = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("inspections");
  const lang = toLanguage(i18n.language);
  const en = lang === "en";
  const i = view.inspection;
  const hazards = i.inspectorConfirmedAt ? view.hazards : view.draftHazards.map((h, n) => ({ ...h, id: String(n) }));
  return (
    <article className="inspection-report mx-auto max-w-[210mm] space-y-4 bg-white p-6 shadow-sm print:shadow-none">
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <div className="no-print flex justify-end">
        <a href={`/inspections/${i.id}`} className="link text-sm">
          ← {t("back")}
        </a>
      </div>
      <header className="text-center">
        <h1 className="text-xl font-bold">{t("report.title")}</h1>
        {i.source === "free_checkup" ? (
          <p className="mt-1 inline-block border-2 border-amber-600 px-2 py-0.5 font-bold text-amber-800">
            {NOT_A_BASIS_FOR_PENALTY_LABEL[en ? "en" : "zh"]}
          </p>
        ) : null}
        {view.status === "draft" ? <p className="mt-1 font-bold text-red-700">{t("report.draft")}</p> : null}
      </header>
      <table className="w-full border-collapse text-sm [&_td]:border [&_td]:border-slate-400 [&_td]:px-2 [&_td]:py-1">
        <tbody>
          <tr>
            <td className="w-1/5 font-medium">{t("col.enterprise")}</td>
            <td>
              {view.enterpriseName} {view.enterpriseUscc ? `（${view.enterpriseUscc}）` : ""}
            </td>
          </tr>
          <tr>
            <td className="font-medium">{t("col.source")}</td>
            <td>{sourceLabel(i.source, lang)}</td>
          </tr>
          <tr>
            <td className="font-medium">{t("col.inspectedOn")}</td>
            <td>{i.inspectedOn}</td>
          </tr>
          <tr>
            <td className="font-medium">{t("col.inspector")}</td>
            <td>
              {view.inspectorOrgName}：{i.inspectorNames.join("、")}
            </td>
          </tr>
          <tr>
            <td className="font-medium">{t("template")}</td>
            <td>{i.template ? (en ? i.template.en : i.template.zh) : t("noTemplate")}</td>
          </tr>
          <tr>
            <td className="font-medium">{t("col.score")}</td>
            <td>{formatScore(i.scoreBp)}</td>
          </tr>
        </tbody>
      </table>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("answers")}</h2>
        <AnswersTable template={i.template} answers={i.answers} failedItemKeys={view.failedItemKeys} en={en} />
      </section>
      <section>
        <h2 className="mb-1 text-lg font-semibold">{t("findings")}</h2>
        <p className="whitespace-pre-wrap">{i.findings || "—"}</p>
      </section>
      <section>
        <h2 className="mb-1 text-lg font-semibold">{t("hazards")}</h2>
        {hazards.length === 0 ? (
          <p>{t("noHazards")}</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5">
            {hazards.map((h) => (
              <li key={h.id}>
                【{t(`grade.${h.grade}`)}】{h.description}；{t("hazard.location")}：{h.location || "—"}；
                {t("hazard.deadline")}：{h.deadline}；{t("hazard.responsiblePerson")}：{h.responsiblePerson || "—"}
              </li>
            ))}
          </ol>
        )}
      </section>
      {view.photos.length ? (
        <section>
          <h2 className="mb-1 text-lg font-semibold">{t("photos")}</h2>
          <div className="flex flex-wrap gap-2">
            {view.photos.map((p) => (
              <img
                key={p.id}
                src={`/inspections/${i.id}/photos/${p.id}`}
                alt={p.caption ?? p.name}
                className="h-28 w-28 object-cover"
              />
            ))}
          </div>
        </section>
      ) : null}
      <section className="grid grid-cols-2 gap-6 pt-4" aria-label={t("confirmations")}>
        <div data-testid="inspector-signature">
          <p className="font-medium">{t("report.inspectorSide")}</p>
          {i.inspectorConfirmedAt ? (
            <p>
              {t("confirmedBy", {
                name: view.confirmedByName ?? view.inspectorOrgName,
                at: formatDateTime(new Date(i.inspectorConfirmedAt), lang),
              })}
            </p>
          ) : (
            <p className="mt-6 border-b border-slate-500">{t("report.signature")}</p>
          )}
        </div>
        <div data-testid="enterprise-signature">
          <p className="font-medium">{t("report.enterpriseSide")}</p>
          {i.enterpriseAcknowledgedAt ? (
            <p>
              {t("acknowledgedBy", {
                name: view.acknowledgedByName ?? view.enterpriseName,
                at: formatDateTime(new Date(i.enterpriseAcknowledgedAt), lang),
              })}
              {i.enterpriseAcknowledgeNote ? `（${i.enterpriseAcknowledgeNote}）` : ""}
            </p>
          ) : (
            <p className="mt-6 border-b border-slate-500">{t("report.signature")}</p>
          )}
        </div>
      </section>
    </article>
  );
}
