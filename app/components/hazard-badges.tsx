import { useTranslation } from "react-i18next";

const STATUS_COLOUR: Record<string, string> = {
  open: "bg-amber-50 text-amber-800",
  rectifying: "bg-sky-50 text-sky-800",
  rectified: "bg-brand-50 text-brand-700",
  verified: "bg-emerald-50 text-emerald-800",
  closed: "bg-slate-100 text-slate-700",
};

export function HazardStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("hazards");
  return <span className={`badge ${STATUS_COLOUR[status] ?? ""}`}>{t(`status.${status}`)}</span>;
}

export function HazardGradeBadge({ grade }: { grade: string }) {
  const { t } = useTranslation("hazards");
  return (
    <span className={`badge ${grade === "major" ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-700"}`}>
      {t(`grade.${grade}`)}
    </span>
  );
}

/**
 * The derived marks shown wherever a hazard is: overdue (red), 自查自改自报, and for a free
 * check-up hazard 不作为处罚依据 (Jiangxi text; every view carries it).
 */
export function HazardMarks({
  hazard,
}: {
  hazard: { overdue: boolean; overdueDays: number; selfReported: boolean; notABasisForPenalty: boolean };
}) {
  const { t } = useTranslation("hazards");
  return (
    <span className="inline-flex flex-wrap gap-1">
      {hazard.overdue ? (
        <span className="badge bg-red-600 text-white">{t("badge.overdue", { days: hazard.overdueDays })}</span>
      ) : null}
      {hazard.selfReported ? (
        <span className="badge bg-emerald-100 text-emerald-800">{t("badge.selfReported")}</span>
      ) : null}
      {hazard.notABasisForPenalty ? (
        <span className="badge bg-violet-100 text-violet-800">{t("badge.notABasis")}</span>
      ) : null}
    </span>
  );
}
