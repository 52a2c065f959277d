import { useTranslation } from "react-i18next";
import { formatDateTime, formatFen } from "../../domain/format";
import { toLanguage } from "../../i18n/config";

export type TimelineEntry = {
  id: string;
  event: string;
  fromStatus: string | null;
  toStatus: string;
  actorOrgName: string | null;
  actorUserName: string | null;
  reason: string | null;
  data: Record<string, unknown>;
  at: string | Date;
};

const AUTO_ACCEPT_REASON = "auto_accept_after_silence";

/** Every transition with who, when and why (docs/domain.md, "Lifecycle": every transition recorded). */
export function EngagementTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, i18n } = useTranslation("engagements");
  const lang = toLanguage(i18n.language);
  return (
    <ol className="space-y-3">
      {entries.map((e) => {
        const who = e.actorOrgName
          ? [e.actorOrgName, e.actorUserName].filter(Boolean).join(" · ")
          : t("timeline.system");
        const terms = (e.data?.terms ?? null) as { priceFen?: number } | null;
        const offered = typeof e.data?.priceFen === "number" ? (e.data.priceFen as number) : terms?.priceFen;
        return (
          <li key={e.id} className="border-l-2 border-brand-200 pl-3 text-sm">
            <p>
              <span className="font-semibold">{t(`event.${e.event}`, { defaultValue: e.event })}</span>
              {e.fromStatus
                ? ` · ${t(`status.${e.fromStatus}`)} → ${t(`status.${e.toStatus}`)}`
                : ` · ${t(`status.${e.toStatus}`)}`}
            </p>
            <p className="text-slate-600">
              {who} · <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(new Date(e.at), lang)}</time>
            </p>
            {offered !== undefined ? (
              <p className="text-slate-700">{t("timeline.price", { price: formatFen(offered, lang) })}</p>
            ) : null}
            {e.reason ? (
              <p className="text-slate-700">
                {t("timeline.reason")}：{e.reason === AUTO_ACCEPT_REASON ? t("timeline.autoAccepted") : e.reason}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
