import { useTranslation } from "react-i18next";

const GRADE_CLASS: Record<string, string> = {
  red: "bg-red-100 text-red-800",
  orange: "bg-orange-100 text-orange-800",
  yellow: "bg-yellow-100 text-yellow-800",
  blue: "bg-blue-100 text-blue-800",
};

/** A policy's risk grade at underwriting (红/橙/黄/蓝) as a coloured badge. */
export function GradeBadge({ grade }: { grade: string }) {
  const { t } = useTranslation("policies");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${GRADE_CLASS[grade] ?? ""}`}>
      {t(`grades.${grade}`)}
    </span>
  );
}
