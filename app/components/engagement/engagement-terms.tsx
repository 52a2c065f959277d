import { useTranslation } from "react-i18next";
import { formatDateTime, formatFen } from "../../domain/format";
import { categoryLabel, type ServiceCategoryCode } from "../../domain/service-categories";
import { toLanguage } from "../../i18n/config";

type TermsView = {
  engagement: {
    category: string;
    scope: string;
    priceFen: number;
    startDate: string | null;
    endDate: string | null;
    deliveryForm: string;
    payer: string;
    subsidyEligible: boolean;
    signedAt: string | Date | null;
    status: string;
  };
  enterpriseName: string;
  providerName: string;
  awaiting: "enterprise" | "provider" | null;
  viewerRole: string | null;
  autoAcceptAt: string | Date | null;
};

/** What was agreed: parties, scope, price, schedule, delivery form (服务形式), payer, subsidy. */
export function EngagementTerms({ view }: { view: TermsView }) {
  const { t, i18n } = useTranslation("engagements");
  const lang = toLanguage(i18n.language);
  const e = view.engagement;
  const schedule =
    e.startDate || e.endDate
      ? t("terms.scheduleValue", { from: e.startDate ?? "—", to: e.endDate ?? "—" })
      : t("terms.scheduleOpen");
  return (
    <div className="space-y-3">
      {e.status === "offer" && view.awaiting ? (
        <p role="status" className="rounded bg-sky-50 px-3 py-2 text-sm text-sky-800">
          {view.awaiting === view.viewerRole
            ? t("terms.yourTurn")
            : t("terms.awaiting", { party: view.awaiting === "enterprise" ? view.enterpriseName : view.providerName })}
        </p>
      ) : null}
      {view.autoAcceptAt ? (
        <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {t("terms.autoAcceptAt", { date: formatDateTime(new Date(view.autoAcceptAt), lang) })}
        </p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t("terms.enterprise")}</dt>
        <dd>{view.enterpriseName}</dd>
        <dt className="text-slate-600">{t("terms.provider")}</dt>
        <dd>{view.providerName}</dd>
        <dt className="text-slate-600">{t("terms.category")}</dt>
        <dd>{categoryLabel(e.category as ServiceCategoryCode, lang)}</dd>
        <dt className="text-slate-600">{t("terms.scope")}</dt>
        <dd className="whitespace-pre-line">{e.scope}</dd>
        <dt className="text-slate-600">{t("terms.price")}</dt>
        <dd className="font-semibold">{formatFen(e.priceFen, lang)}</dd>
        <dt className="text-slate-600">{t("terms.schedule")}</dt>
        <dd>{schedule}</dd>
        <dt className="text-slate-600">{t("terms.deliveryForm")}</dt>
        <dd>{t(`deliveryForm.${e.deliveryForm}`)}</dd>
        <dt className="text-slate-600">{t("terms.payer")}</dt>
        <dd>{t(`payer.${e.payer}`)}</dd>
        <dt className="text-slate-600">{t("terms.subsidy")}</dt>
        <dd>{e.subsidyEligible ? t("terms.subsidyYes") : t("terms.subsidyNo")}</dd>
        {e.signedAt ? (
          <>
            <dt className="text-slate-600">{t("terms.signedAt")}</dt>
            <dd>{formatDateTime(new Date(e.signedAt), lang)}</dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
