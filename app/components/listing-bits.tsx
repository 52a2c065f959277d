import { useTranslation } from "react-i18next";
import { formatFen } from "../domain/format";
import type { Visibility, VisibilityReason } from "../domain/listing-visibility";
import { qualificationTypeName } from "../domain/qualification-types";
import { toLanguage } from "../i18n/config";

/** "¥8,000.00/年": the price with its model's unit. */
export function ListingPrice({
  priceFen,
  priceModel,
}: {
  priceFen: number;
  priceModel: "fixed" | "per_visit" | "yearly_custody";
}) {
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  return (
    <span>
      {formatFen(priceFen, lang)}
      {priceModel === "fixed" ? null : t(`priceUnit.${priceModel}`)}
      <span className="ml-2 text-xs text-slate-500">{t(`priceModels.${priceModel}`)}</span>
    </span>
  );
}

export function useVisibilityReasonText() {
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  return (reason: VisibilityReason) => {
    const params: Record<string, string> = {};
    if ("qualificationType" in reason) params.type = qualificationTypeName(reason.qualificationType, lang);
    if ("date" in reason) params.date = reason.date;
    return t(`visibility.${reason.code}`, params);
  };
}

/** For the owner: public, or hidden with every reason why. */
export function VisibilityStatus({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation("provider");
  const text = useVisibilityReasonText();
  if (visibility.visible) return <span className="badge bg-brand-50 text-brand-700">{t("visible")}</span>;
  return (
    <div>
      <span className="badge bg-amber-50 text-amber-800">{t("hidden")}</span>
      <ul className="mt-1 list-disc pl-5 text-xs text-amber-900">
        {visibility.reasons.map((r, i) => (
          <li key={`${r.code}-${i}`}>{text(r)}</li>
        ))}
      </ul>
    </div>
  );
}

/** Joins names as each language lists them: "婺城区、义乌市" / "Wucheng, Yiwu". */
export function joinNames(names: readonly string[], lang: "zh-CN" | "en"): string {
  return names.join(lang === "en" ? ", " : "、");
}
