import { useTranslation } from "react-i18next";

/** Review status plus, for a verified one, whether it is in force today. */
export function QualificationStatus({
  status,
  inForce,
  validFrom,
  today,
}: {
  status: "pending" | "verified" | "rejected";
  inForce: boolean;
  validFrom: string;
  today: string;
}) {
  const { t } = useTranslation("provider");
  const colour = {
    verified: "bg-brand-50 text-brand-700",
    pending: "bg-amber-50 text-amber-800",
    rejected: "bg-red-50 text-red-800",
  }[status];
  return (
    <span className="flex flex-wrap gap-1">
      <span className={`badge ${colour}`}>{t(`qualificationStatus.${status}`)}</span>
      {status === "verified" ? (
        inForce ? (
          <span className="badge bg-brand-50 text-brand-700">{t("inForce")}</span>
        ) : (
          <span className="badge bg-red-50 text-red-800">{validFrom > today ? t("notYetValid") : t("expired")}</span>
        )
      ) : null}
    </span>
  );
}
