import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { IsoDate } from "../domain/calendar-date";
import { monthGrid, shiftMonth } from "../domain/calendar-month";
import { FormErrorMessage } from "./forms";

export type CalendarEntryView = {
  id: string;
  day: IsoDate;
  service: string;
  status: string;
  dueDate: string;
  scheduledOn: string | null;
  partyName: string;
  assigneeName: string | null;
};

/** Colour by derived status (plan-item-status.ts), the same in the grid, the day list and the legend. */
export const STATUS_CLASSES: Record<string, string> = {
  planned: "border-slate-300 bg-slate-50 text-slate-800",
  scheduled: "border-sky-300 bg-sky-50 text-sky-900",
  done: "border-emerald-300 bg-emerald-50 text-emerald-900",
  at_risk: "border-amber-400 bg-amber-50 text-amber-900",
  overdue: "border-red-400 bg-red-50 text-red-900",
  cancelled: "border-slate-200 bg-white text-slate-400 line-through",
};
const LEGEND = ["planned", "scheduled", "at_risk", "overdue", "done"] as const;

function Entry({ e, linkOf, compact }: { e: CalendarEntryView; linkOf?: (id: string) => string; compact?: boolean }) {
  const { t } = useTranslation("calendar");
  const label = `${t(`insurance:service.${e.service}`)} · ${e.partyName}`;
  const body = (
    <>
      <span className="font-medium">{t(`insurance:service.${e.service}`)}</span>
      <span className={compact ? "block truncate" : "ml-1"}>{e.partyName}</span>
      {compact ? null : (
        <span className="block text-xs">
          {t(`insurance:status.${e.status}`)}
          {e.scheduledOn ? ` · ${t("agreedOn", { date: e.scheduledOn })}` : ` · ${t("dueOn", { date: e.dueDate })}`}
          {e.assigneeName ? ` · ${e.assigneeName}` : ""}
        </span>
      )}
    </>
  );
  const cls = `block rounded border px-1.5 py-1 text-xs ${STATUS_CLASSES[e.status] ?? STATUS_CLASSES.planned}`;
  return linkOf ? (
    <Link to={linkOf(e.id)} className={cls} title={`${label} · ${t(`insurance:status.${e.status}`)}`}>
      {body}
    </Link>
  ) : (
    <div className={cls} title={`${label} · ${t(`insurance:status.${e.status}`)}`}>
      {body}
    </div>
  );
}

/**
 * The month: a Monday-first grid from `sm` up; below it (390 px phones) a list of the days that
 * have items. `hrefFor(month)` keeps the page's other query parameters.
 */
export function PlanMonth({
  month,
  today,
  entries,
  hrefFor,
  linkOf,
}: {
  month: string;
  today: string;
  entries: CalendarEntryView[];
  hrefFor: (month: string) => string;
  linkOf?: (id: string) => string;
}) {
  const { t } = useTranslation("calendar");
  const weeks = monthGrid(month);
  const byDay = new Map<string, CalendarEntryView[]>();
  for (const e of entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
  const daysWithItems = weeks.flat().filter((d) => d.startsWith(month) && byDay.has(d));
  const weekdays = t("weekdays").split(",");
  return (
    <section className="card space-y-3" aria-labelledby="month-title">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="month-title" className="mr-auto w-full text-lg font-semibold sm:w-auto">
          {t("monthTitle", { year: month.slice(0, 4), month: Number(month.slice(5)) })}
        </h2>
        <Link className="btn-secondary" to={hrefFor(shiftMonth(month, -1))} aria-label={t("prevMonth")}>
          ‹ {t("prev")}
        </Link>
        <Link className="btn-secondary" to={hrefFor(today.slice(0, 7))}>
          {t("thisMonth")}
        </Link>
        <Link className="btn-secondary" to={hrefFor(shiftMonth(month, 1))} aria-label={t("nextMonth")}>
          {t("next")} ›
        </Link>
      </div>
      <ul className="flex flex-wrap gap-2 text-xs" aria-label={t("legend")}>
        {LEGEND.map((s) => (
          <li key={s} className={`rounded border px-2 py-0.5 ${STATUS_CLASSES[s]}`}>
            {t(`insurance:status.${s}`)}
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
        <div className="grid grid-cols-7 border-l border-t border-slate-200 text-sm" role="grid">
          {weekdays.map((w) => (
            <div
              key={w}
              role="columnheader"
              className="border-b border-r border-slate-200 bg-slate-50 px-2 py-1 text-center font-medium"
            >
              {w}
            </div>
          ))}
          {weeks.flat().map((d) => {
            const items = byDay.get(d) ?? [];
            const inMonth = d.startsWith(month);
            return (
              <div
                key={d}
                role="gridcell"
                data-day={d}
                className={`min-h-24 border-b border-r border-slate-200 p-1 ${inMonth ? "" : "bg-slate-50 text-slate-400"}`}
              >
                <div className={`mb-1 text-right text-xs ${d === today ? "font-bold text-brand-700" : ""}`}>
                  {Number(d.slice(8))}
                </div>
                <div className="space-y-1">
                  {items.slice(0, 4).map((e) => (
                    <Entry key={e.id} e={e} linkOf={linkOf} compact />
                  ))}
                  {items.length > 4 ? (
                    <p className="text-xs text-slate-500">{t("more", { count: items.length - 4 })}</p>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <div className="sm:hidden" data-testid="day-list">
        {daysWithItems.length === 0 ? (
          <p className="text-slate-500">{t("emptyMonth")}</p>
        ) : (
          <ol className="space-y-3">
            {daysWithItems.map((d) => (
              <li key={d}>
                <h3 className={`mb-1 text-sm font-semibold ${d === today ? "text-brand-700" : ""}`}>
                  {d} {weekdays[(weeks.flat().indexOf(d) % 7) as number]}
                </h3>
                <div className="space-y-1">
                  {byDay.get(d)!.map((e) => (
                    <Entry key={e.id} e={e} linkOf={linkOf} />
                  ))}
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
      {entries.length === 0 ? <p className="hidden text-slate-500 sm:block">{t("emptyMonth")}</p> : null}
    </section>
  );
}

/** Making the feed URL (shown once) and resetting it, which needs a confirmation. */
export function FeedPanel({
  title,
  hint,
  madeAt,
  newUrl,
  error,
  canEdit,
}: {
  title: string;
  hint: string;
  madeAt: string | null;
  newUrl: string | null;
  error?: { key: string; params?: Record<string, string | number> } | null;
  canEdit: boolean;
}) {
  const { t } = useTranslation("calendar");
  return (
    <section className="card space-y-3" aria-labelledby="feed-title">
      <h2 id="feed-title" className="text-lg font-semibold">
        {title}
      </h2>
      <p className="text-sm text-slate-600">{hint}</p>
      {error ? <FormErrorMessage error={error} /> : null}
      {newUrl ? (
        <div role="status" className="rounded-md border border-brand-600 p-3">
          <p className="text-sm font-medium">{t("feed.newUrl")}</p>
          <code data-testid="feed-url" className="mt-2 block break-all rounded bg-slate-100 p-2 font-mono text-sm">
            {newUrl}
          </code>
        </div>
      ) : null}
      {madeAt ? (
        <p className="text-sm">{t("feed.madeAt", { at: madeAt })}</p>
      ) : (
        <p className="text-sm">{t("feed.none")}</p>
      )}
      {!canEdit ? null : madeAt ? (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium text-red-700">{t("feed.reset")}</summary>
          <Form method="post" className="mt-2 space-y-2">
            <p className="text-sm text-slate-600">{t("feed.resetConfirm")}</p>
            <button type="submit" name="intent" value="reset" className="btn-danger">
              {t("feed.resetSubmit")}
            </button>
          </Form>
        </details>
      ) : (
        <Form method="post">
          <button type="submit" name="intent" value="create" className="btn-primary">
            {t("feed.create")}
          </button>
        </Form>
      )}
    </section>
  );
}
