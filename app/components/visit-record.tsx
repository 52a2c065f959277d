import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../domain/format";
import { toLanguage } from "../i18n/config";
import { FormErrorMessage } from "./forms";

/** A4 print stylesheet, as the inspection report's: the record only, no header or buttons. */
export const VISIT_PRINT_CSS = `
@page { size: A4; margin: 15mm; }
@media print {
  body > header, #main > :not(.visit-record), .no-print { display: none !important; }
  .visit-record { box-shadow: none !important; max-width: none !important; }
}`;

type Visit = {
  id: string;
  kind: "service" | "return_visit";
  startedAt: string | Date;
  endedAt: string | Date;
  place: string;
  lat: number | null;
  lng: number | null;
  summary: string;
  satisfaction: number | null;
  comments: string | null;
  fixVerified: boolean | null;
  serviceConfirmedAt: string | Date | null;
  enterpriseConfirmedAt: string | Date | null;
};

export type VisitRecordView = {
  visit: Visit;
  item: { service: string; sequence: number };
  policyNumber: string;
  insurerName: string;
  enterpriseName: string;
  serviceConfirmedByName: string | null;
  enterpriseConfirmedByName: string | null;
  staffNames: string[];
  photos: Array<{ fileId: string }>;
  inspection: { id: string; confirmed: boolean; acknowledged: boolean } | null;
  hazards: Array<{ id: string; grade: string; description: string; deadline: string }>;
  canConfirm: boolean;
};

/** The visit record (both sides' page), printable on A4, with this side's confirmation form. */
export function VisitRecord({
  view,
  side,
  photoBase,
  inspectionLink,
  error,
}: {
  view: VisitRecordView;
  side: "insurer" | "enterprise";
  photoBase: string;
  inspectionLink: boolean;
  error?: { key: string; params?: Record<string, string | number> } | null;
}) {
  const { t, i18n } = useTranslation("visits");
  const lang = toLanguage(i18n.language);
  const v = view.visit;
  const when = (at: string | Date) => formatDateTime(new Date(at), lang);
  const confirmedBy = (at: string | Date | null, name: string | null) =>
    at ? t("visits:confirm.by", { name: name ?? "—", at: when(at) }) : t("visits:confirm.pending");
  const mine = side === "insurer" ? v.serviceConfirmedAt : v.enterpriseConfirmedAt;
  return (
    <article className="visit-record mx-auto max-w-[210mm] space-y-4 bg-white p-4 shadow-sm sm:p-6">
      <style>{VISIT_PRINT_CSS}</style>
      <div className="no-print flex justify-end">
        <button type="button" className="btn-secondary" onClick={() => window.print()}>
          {t("visits:visit.print")}
        </button>
      </div>
      <header className="text-center">
        <h1 className="text-xl font-bold">{t("visits:visit.printTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t(`visits:visit.kind.${v.kind}`)} · {t(`insurance:service.${view.item.service}`)} · {view.policyNumber}
        </p>
      </header>
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        {[
          [t("visits:insured.insurer"), view.insurerName],
          [t("visits:item.enterprise"), view.enterpriseName],
          [t("visits:visit.time"), `${when(v.startedAt)} – ${when(v.endedAt)}`],
          [t("visits:visit.place"), v.lat !== null ? `${v.place}（${v.lat}, ${v.lng}）` : v.place],
          [t("visits:visit.staff"), view.staffNames.join("、") || "—"],
        ].map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {v.kind === "return_visit" ? (
          <>
            <div>
              <dt className="text-slate-500">{t("visits:visit.fixVerified")}</dt>
              <dd>{v.fixVerified ? t("visits:visit.yes") : t("visits:visit.no")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("visits:visit.satisfaction")}</dt>
              <dd>{v.satisfaction ?? "—"}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t("visits:visit.comments")}</dt>
              <dd className="whitespace-pre-wrap">{v.comments || "—"}</dd>
            </div>
          </>
        ) : null}
      </dl>
      <section>
        <h2 className="mb-1 text-lg font-semibold">{t("visits:visit.summary")}</h2>
        <p className="whitespace-pre-wrap">{v.summary || "—"}</p>
      </section>
      {view.inspection ? (
        <section>
          <h2 className="mb-1 text-lg font-semibold">{t("visits:visit.inspection")}</h2>
          <p className="text-sm">
            {view.inspection.confirmed ? t("visits:visit.inspectionConfirmed") : t("visits:visit.inspectionDraft")}
            {inspectionLink ? (
              <>
                {" "}
                <a className="link no-print" href={`/inspections/${view.inspection.id}`}>
                  {t("visits:visit.inspectionOpen")}
                </a>
              </>
            ) : null}
          </p>
          <h3 className="mb-1 mt-3 font-semibold">{t("visits:visit.hazards")}</h3>
          {view.hazards.length === 0 ? (
            <p className="text-sm text-slate-600">{t("visits:visit.noHazards")}</p>
          ) : (
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {view.hazards.map((h) => (
                <li key={h.id}>
                  {h.description}（{t(`visits:visit.grade.${h.grade === "major" ? "major" : "general"}`)} · {h.deadline}
                  ）
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
      {view.photos.length ? (
        <section>
          <h2 className="mb-1 text-lg font-semibold">{t("visits:visit.photos")}</h2>
          <div className="flex flex-wrap gap-2">
            {view.photos.map((p) => (
              <img
                key={p.fileId}
                src={`${photoBase}/${p.fileId}`}
                alt={t("visits:visit.photos")}
                className="h-28 w-28 object-cover"
              />
            ))}
          </div>
        </section>
      ) : null}
      <section className="grid gap-6 pt-2 sm:grid-cols-2" aria-label={t("visits:confirm.title")}>
        <div>
          <p className="font-medium">{t("visits:confirm.service")}</p>
          <p className="text-sm" data-testid="service-confirmation">
            {confirmedBy(v.serviceConfirmedAt, view.serviceConfirmedByName)}
          </p>
          <p className="mt-6 border-b border-slate-500 text-xs text-slate-500">{t("visits:visit.signature")}</p>
        </div>
        <div>
          <p className="font-medium">{t("visits:confirm.enterprise")}</p>
          <p className="text-sm" data-testid="enterprise-confirmation">
            {confirmedBy(v.enterpriseConfirmedAt, view.enterpriseConfirmedByName)}
          </p>
          <p className="mt-6 border-b border-slate-500 text-xs text-slate-500">{t("visits:visit.signature")}</p>
        </div>
      </section>
      {!mine ? (
        <section className="no-print rounded-md border border-slate-200 p-3">
          {error ? <FormErrorMessage error={error} /> : null}
          {view.canConfirm ? (
            <details>
              <summary className="cursor-pointer font-medium">{t("visits:confirm.submit")}</summary>
              <Form method="post" className="mt-3 space-y-2">
                <input type="hidden" name="intent" value="confirm" />
                <p className="text-sm text-slate-600">
                  {side === "insurer" ? t("visits:confirm.prompt") : t("visits:confirm.enterprisePrompt")}
                </p>
                <button type="submit" className="btn-primary">
                  {t("visits:confirm.submit")}
                </button>
              </Form>
            </details>
          ) : (
            <p className="text-sm text-slate-600">{t("visits:confirm.waitInspection")}</p>
          )}
        </section>
      ) : null}
    </article>
  );
}
