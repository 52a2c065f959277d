import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ACCESS } from "../../../domain/access";
import { formatDateTime } from "../../../domain/format";
import { toLanguage } from "../../../i18n/config";
import { regionVisit } from "../../../services/insurance-oversight.server";
import { requireAccess } from "../../../utils/access.server";
import { orErrorPage } from "../../../utils/http.server";
import { uuidOrNotFound } from "../../../utils/ids";

export const meta: MetaFunction = () => [{ title: "服务记录 · 安服市集" }];

/** A visit of the region, read-only, with its photos through the scoped photo route. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insuranceOversight, "view");
  return orErrorPage(() => regionVisit(context.db, org, uuidOrNotFound(params.visitId)));
}

export default function RegionVisit() {
  const { visit, photos } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("oversight");
  const lang = toLanguage(i18n.language);
  const when = (d: string | Date | null) => (d ? formatDateTime(new Date(d), lang) : t("visit.notConfirmed"));
  const minutes = Math.round((new Date(visit.endedAt).getTime() - new Date(visit.startedAt).getTime()) / 60_000);
  return (
    <div className="space-y-6">
      <header>
        <Link className="link text-sm" to={`/bureau/insurance/policies/${visit.policyId}`}>
          {t("visit.policy")} {visit.policyNumber}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          {t("visit.title")} · {visit.enterpriseName}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {visit.insurerName} · {t(`insurance:service.${visit.service}`)} #{visit.sequence} ·{" "}
          {t(`visit.kind.${visit.kind}`)}
        </p>
      </header>
      <section className="card">
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-500">{t("col.visitTime")}</dt>
            <dd data-testid="visit-time">
              {formatDateTime(new Date(visit.startedAt), lang)} – {formatDateTime(new Date(visit.endedAt), lang)} (
              {minutes} min)
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("col.place")}</dt>
            <dd>{visit.place}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("visit.position")}</dt>
            <dd>
              {visit.lat !== null && visit.lng !== null ? `${visit.lat.toFixed(5)}, ${visit.lng.toFixed(5)}` : "—"}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("col.staff")}</dt>
            <dd>{visit.staffNames.join("、") || "—"}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("visit.confirmedService")}</dt>
            <dd>{when(visit.serviceConfirmedAt)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("visit.confirmedEnterprise")}</dt>
            <dd>{when(visit.enterpriseConfirmedAt)}</dd>
          </div>
        </dl>
        {visit.summary ? (
          <>
            <h2 className="mt-4 text-sm text-slate-500">{t("visit.summary")}</h2>
            <p className="whitespace-pre-wrap">{visit.summary}</p>
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="photos-title">
        <h2 id="photos-title" className="mb-3 text-lg font-semibold">
          {t("visit.photos")}
        </h2>
        {photos.length === 0 ? (
          <p className="text-sm text-slate-500">{t("visit.noPhotos")}</p>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {photos.map((p) => (
              <li key={p.fileId} id={`photo-${p.fileId}`} className="text-xs break-all text-slate-500">
                <a href={`/bureau/insurance/visits/${visit.id}/photos/${p.fileId}`}>
                  <img
                    src={`/bureau/insurance/visits/${visit.id}/photos/${p.fileId}`}
                    alt={p.caption ?? t("flags.photoLink")}
                    className="aspect-square w-full rounded border object-cover"
                    loading="lazy"
                  />
                </a>
                {p.caption ? <span className="block text-slate-700">{p.caption}</span> : null}
                <span className="block">sha256 {p.sha256.slice(0, 12)}…</span>
                {p.dHash ? <span className="block">dHash {p.dHash}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
