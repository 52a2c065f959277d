import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FeedPanel, PlanMonth } from "../../components/plan-calendar";
import { ACCESS } from "../../domain/access";
import { monthOrCurrent } from "../../domain/calendar-month";
import { formatDateTime, shanghaiDateString } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { feedMadeAt, insurerMonth, issueFeed, type CalendarScope } from "../../services/insurance-calendar.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "服务日历 · 安服市集" }];

/** The insurer's plan items by month: all of them or the acting staff member's (issue 9, "Calendar"). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const url = new URL(request.url);
  const today = shanghaiDateString(new Date());
  const month = monthOrCurrent(url.searchParams.get("month"), today);
  const scope: CalendarScope = url.searchParams.get("scope") === "mine" ? "mine" : "all";
  const entries = await insurerMonth(context.db, { orgId: org.id, userId: user.id, scope, month, today });
  const madeAt = await feedMadeAt(context.db, { orgId: org.id, userId: user.id });
  return { month, scope, today, entries, madeAt: madeAt?.toISOString() ?? null };
}

/** Makes or resets the acting staff member's own feed; the URL is shown once. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerDesk, "edit");
  const form = await readFormData(request);
  const mode = form.get("intent") === "reset" ? "reset" : "create";
  try {
    const token = await issueFeed(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      { owner: { orgId: org.id, userId: user.id }, mode, now: new Date() },
    );
    return { url: `${new URL(request.url).origin}/calendar/${token}.ics`, formError: null };
  } catch (error) {
    return formFailure(error);
  }
}

export default function InsurerCalendar() {
  const { month, scope, today, entries, madeAt } = useLoaderData<typeof loader>();
  const result = useActionData<{ url?: string; formError?: { key: string } | null }>();
  const { t, i18n } = useTranslation("calendar");
  const lang = toLanguage(i18n.language);
  const hrefFor = (m: string) => `/insurer/calendar?month=${m}&scope=${scope}`;
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("insurerTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("insurerLead")}</p>
      </header>
      <nav className="flex gap-2" aria-label={t("scope.label")}>
        {(["all", "mine"] as const).map((s) => (
          <Link
            key={s}
            to={`/insurer/calendar?month=${month}&scope=${s}`}
            className={s === scope ? "btn-primary" : "btn-secondary"}
            aria-current={s === scope ? "page" : undefined}
          >
            {t(`scope.${s}`)}
          </Link>
        ))}
      </nav>
      <PlanMonth
        month={month}
        today={today}
        entries={entries}
        hrefFor={hrefFor}
        linkOf={(id) => `/insurer/plan-items/${id}`}
      />
      <FeedPanel
        title={t("feed.staffTitle")}
        hint={t("feed.staffHint")}
        madeAt={madeAt ? formatDateTime(new Date(madeAt), lang) : null}
        newUrl={result?.url ?? null}
        error={result?.formError ?? null}
        canEdit
      />
    </div>
  );
}
