import { useTranslation } from "react-i18next";
import { matchLevel, matchShare } from "../domain/match-level";

/** The matching score as a level in words and a bar (app/domain/match-level.ts), never the raw number. */
export function MatchScore({ score }: { score: number }) {
  const { t } = useTranslation("search");
  const level = matchLevel(score);
  const percent = Math.round(matchShare(score) * 100);
  const colour = level === "strong" ? "bg-brand-600" : level === "good" ? "bg-brand-500" : "bg-slate-400";
  return (
    <span className="inline-flex items-center gap-2 text-sm font-medium text-slate-700">
      <span>{t(`matchLevel.${level}`)}</span>
      <span
        className="h-2 w-20 overflow-hidden rounded-full bg-slate-200"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t("matchBar")}
      >
        <span className={`block h-full ${colour}`} style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}
