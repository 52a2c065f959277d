import { useTranslation } from "react-i18next";
import { formatFen } from "../domain/format";
import { industryName } from "../domain/industries";
import type { MatchReason } from "../domain/matching";
import { qualificationTypeName } from "../domain/qualification-types";
import { toLanguage } from "../i18n/config";

/** Matching's reason codes, translated: "服务婺城区", "安全评价机构资质有效期至 2027-06", "信用等级 A". */
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  const { t, i18n } = useTranslation("search");
  const lang = toLanguage(i18n.language);
  if (reasons.length === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="sr-only">{t("why")}</h3>
      <ul className="flex flex-wrap gap-2" aria-label={t("why")}>
        {reasons.map((r, i) => {
          const p = r.params;
          const params = {
            ...p,
            ...(typeof p.price === "number" ? { price: formatFen(p.price, lang) } : {}),
            ...(typeof p.budget === "number" ? { budget: formatFen(p.budget, lang) } : {}),
            ...(typeof p.type === "string" ? { type: qualificationTypeName(p.type, lang) } : {}),
            ...(typeof p.industry === "string" ? { industry: industryName(p.industry, lang) ?? p.industry } : {}),
          };
          const key = r.code === "serves_region" && p.via ? "serves_region_via" : r.code;
          const negative = r.code === "over_budget" || r.code === "qualification_expired";
          return (
            <li key={i} className={`badge ${negative ? "bg-amber-50 text-amber-800" : "bg-brand-50 text-brand-700"}`}>
              {t(`reason.${key}`, params)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
