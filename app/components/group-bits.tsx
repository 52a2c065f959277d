import { useTranslation } from "react-i18next";
import type { AssignmentStatus } from "../domain/rotation-progress";

const STATUS_CLASS: Record<AssignmentStatus, string> = {
  done: "bg-green-50 text-green-800",
  overdue: "bg-red-50 text-red-800",
  open: "bg-amber-50 text-amber-800",
  upcoming: "bg-slate-100 text-slate-700",
};

/** A mutual inspection's status as a small badge (groups namespace). */
export function AssignmentStatusBadge({ status }: { status: AssignmentStatus }) {
  const { t } = useTranslation("groups");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[status]}`}>
      {t(`assignment.${status}`)}
    </span>
  );
}

/** Done / total as a bar with its numbers. */
export function ProgressBar({ done, total, overdue }: { done: number; total: number; overdue: number }) {
  const { t } = useTranslation("groups");
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div>
      <div
        className="h-2 w-full overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label={t("col.progress")}
      >
        <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-sm text-slate-600">{t("desk.progress", { done, total, overdue })}</p>
    </div>
  );
}
