import { useTranslation } from "react-i18next";

/** A complaint's state: answered, late (AQ 9010 deadline breached) or awaiting an answer. */
export function ComplaintBadge({ answered, breached }: { answered: boolean; breached: boolean }) {
  const { t } = useTranslation("premiumLedger");
  if (breached) return <span className="badge bg-red-100 text-red-800">{t("complaints.breached")}</span>;
  if (answered) return <span className="badge bg-green-100 text-green-800">{t("complaints.answered")}</span>;
  return <span className="badge bg-amber-100 text-amber-800">{t("complaints.open")}</span>;
}
