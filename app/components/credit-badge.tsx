import { useTranslation } from "react-i18next";
import type { CreditReason, Grade } from "../domain/credit-grade";

const COLOUR: Record<Grade | "none", string> = {
  A: "bg-brand-50 text-brand-700",
  B: "bg-sky-50 text-sky-800",
  C: "bg-amber-50 text-amber-800",
  D: "bg-red-50 text-red-800",
  none: "bg-slate-100 text-slate-700",
};

/** "计 +8.3 分" reads better than "计 8.3 分" beside "计 -10 分". */
function signed(points: string | number): string {
  const n = Number(points);
  return Number.isFinite(n) && n > 0 ? `+${n}` : String(points);
}

/** One reason of a grade, in the reader's language: `credit:reason.<code>` with its parameters. */
export function useCreditReasonText() {
  const { t } = useTranslation("credit");
  return (reason: CreditReason) => {
    const params: Record<string, string | number> = { ...(reason.params ?? {}) };
    if (params.kind !== undefined) params.kindLabel = t(`violationKind.${params.kind}`);
    if (params.points !== undefined) params.points = signed(params.points);
    return t(`reason.${reason.code}`, params);
  };
}

export function CreditReasonList({ reasons }: { reasons: readonly CreditReason[] }) {
  const text = useCreditReasonText();
  if (reasons.length === 0) return null;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
      {reasons.map((reason, i) => (
        <li key={`${reason.code}-${i}`}>{text(reason)}</li>
      ))}
    </ul>
  );
}

/**
 * A provider's credit grade, for lists and profile pages. With `showReasons` the reasons are
 * listed under it; without, they are the badge's tooltip, so the grade never comes unexplained.
 */
export function CreditBadge({
  grade,
  reasons = [],
  showReasons = false,
}: {
  grade: Grade | null;
  reasons?: readonly CreditReason[];
  showReasons?: boolean;
}) {
  const { t } = useTranslation("credit");
  const text = useCreditReasonText();
  const key = grade ?? "none";
  const badge = (
    <span
      className={`badge ${COLOUR[key]}`}
      title={!showReasons && reasons.length ? reasons.map(text).join("\n") : undefined}
    >
      <span className="sr-only">{t("gradeLabel")}：</span>
      {t(`grade.${key}`)}
    </span>
  );
  if (!showReasons) return badge;
  return (
    <div className="space-y-2">
      {badge}
      {reasons.length ? (
        <div>
          <p className="text-sm font-medium text-slate-800">{t("reasonsTitle")}</p>
          <CreditReasonList reasons={reasons} />
        </div>
      ) : null}
    </div>
  );
}
