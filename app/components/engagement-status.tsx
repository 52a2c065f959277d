import { useTranslation } from "react-i18next";

const ENGAGEMENT_COLOUR: Record<string, string> = {
  offer: "bg-sky-50 text-sky-800",
  signed: "bg-brand-50 text-brand-700",
  in_service: "bg-brand-50 text-brand-700",
  delivered: "bg-amber-50 text-amber-800",
  changes_requested: "bg-amber-50 text-amber-800",
  accepted: "bg-emerald-50 text-emerald-800",
  closed: "bg-slate-100 text-slate-700",
  cancelled: "bg-slate-100 text-slate-700",
  disputed: "bg-red-50 text-red-800",
};

const REQUEST_COLOUR: Record<string, string> = {
  open: "bg-sky-50 text-sky-800",
  awarded: "bg-emerald-50 text-emerald-800",
  closed: "bg-slate-100 text-slate-700",
  cancelled: "bg-slate-100 text-slate-700",
};

/** An engagement's status as a coloured badge, in the reader's language. */
export function EngagementStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("engagements");
  return <span className={`badge ${ENGAGEMENT_COLOUR[status] ?? ""}`}>{t(`status.${status}`)}</span>;
}

export function RequestStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("requests");
  return <span className={`badge ${REQUEST_COLOUR[status] ?? ""}`}>{t(`status.${status}`)}</span>;
}
