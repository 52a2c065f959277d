import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FeedPanel, PlanMonth } from "../../components/plan-calendar";
import { ACCESS } from "../../domain/access";
import { monthOrCurrent } from "../../domain/calendar-month";
import { formatDateTime, shanghaiDateString } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { feedMadeAt, insuredMonth, issueFeed } from "../../services/insurance-calendar.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "保险服务日历 · 安服市集" }];

/** The enterprise's plan items from all its insurers, by month (issue 9, "Calendar"). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.insuredEnterprise, "view");
  const url = new URL(request.url);
  const today = shanghaiDateString(new Date());
  const month = monthOrCurrent(url.searchParams.get("month"), today);
  const entries = await insuredMonth(context.db, { orgId: org.id, month, today });
  const madeAt = await feedMadeAt(context.db, { orgId: org.id, userId: null });
  return { month, today, entries, madeAt: madeAt?.toISOString() ?? null, canEdit };
}

/** Makes or resets the enterprise's feed (one per enterprise); the URL is shown once. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insuredEnterprise, "edit");
  const form = await readFormData(request);
  const mode = form.get("intent") === "reset" ? "reset" : "create";
  try {
    const token = await issueFeed(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      { owner: { orgId: org.id, userId: null }, mode, now: new Date() },
    );
    return { url: `${new URL(request.url).origin}/calendar/${token}.ics`, formError: null };
  } catch (error) {
    return formFailure(error);
  }
}

export default function InsuredCalendar() {
  const { month, today, entries, madeAt, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<{ url?: string; formError?: { key: string } | null }>();
  const { t, i18n } = useTranslation("calendar");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-semibold">{t("insuredTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("insuredLead")}</p>
      </header>
      <PlanMonth month={month} today={today} entries={entries} hrefFor={(m) => `/insured/calendar?month=${m}`} />
      <FeedPanel
        title={t("feed.orgTitle")}
        hint={t("feed.orgHint")}
        madeAt={madeAt ? formatDateTime(new Date(madeAt), lang) : null}
        newUrl={result?.url ?? null}
        error={result?.formError ?? null}
        canEdit={canEdit}
      />
    </div>
  );
}
