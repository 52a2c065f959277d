import { useTranslation } from "react-i18next";
import { RISK_GRADE_LABELS, type RiskGrade } from "../domain/risk-grade";

/** 红橙黄蓝 as a badge: a coloured dot and border with the grade's name (colour is never the only signal). */
export function RiskGradeBadge({ grade }: { grade: RiskGrade }) {
  const { t } = useTranslation("register");
  const color = RISK_GRADE_LABELS[grade].color;
  return (
    <span className="badge border bg-white text-slate-800" style={{ borderColor: color }} data-grade={grade}>
      <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: color }} />
      {t(`grades.${grade}`)}
    </span>
  );
}
