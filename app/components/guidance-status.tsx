import { useTranslation } from "react-i18next";
import type { ResponseState } from "../domain/response-time";

const TONE: Record<ResponseState, string> = {
  waiting: "bg-amber-50 text-amber-800",
  met: "bg-green-50 text-green-800",
  breached_waiting: "bg-red-100 text-red-800",
  answered_late: "bg-red-100 text-red-800",
};

/** The response state of a guidance thread; a breach is red with how late it is. */
export function GuidanceStatusBadge({
  state,
  lateMinutes,
  closed,
}: {
  state: ResponseState;
  lateMinutes: number;
  closed?: boolean;
}) {
  const { t } = useTranslation("training");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`rounded px-2 py-0.5 text-xs font-medium ${TONE[state]}`} data-state={state}>
        {t(`guidance.states.${state}`)}
        {lateMinutes > 0 ? ` · ${t("guidance.lateBy", { minutes: lateMinutes })}` : ""}
      </span>
      {closed ? (
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t("guidance.closed")}</span>
      ) : null}
    </span>
  );
}
