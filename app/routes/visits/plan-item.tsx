import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormErrorMessage } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { formatDateTime, shanghaiDateString } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { assignPlanItem, getPlanItem, schedulePlanItem } from "../../services/insurance-visits.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { readFormData } from "../../utils/form-data.server";
import { errorResponse, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "服务项目 · 安服市集" }];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const view = await orErrorPage(() =>
    getPlanItem(context.db, org.id, uuidOrNotFound(params.itemId), shanghaiDateString(new Date()) as IsoDate),
  );
  return { ...view, canEdit };
}

type ActionResult = { intent: string; formError: { key: string; params?: Record<string, string | number> } };
const fail = (intent: string, key: string, status = 422, params?: Record<string, string | number>) =>
  data<ActionResult>({ intent, formError: { key, params } }, { status });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerDesk, "edit");
  let itemId: string;
  try {
    itemId = uuidOrNotFound(params.itemId);
  } catch (error) {
    errorResponse(error);
  }
  const form = await readFormData(request).catch(() => null);
  if (!form) return fail("form", "visits:errors.invalid_input", 400);
  const intent = String(form.get("intent") ?? "");
  const version = Number(form.get("version"));
  if (!Number.isInteger(version) || version < 0) return fail(intent, "visits:errors.invalid_input", 400);
  const actor = { orgId: org.id, userId: user.id };
  const now = new Date();
  try {
    if (intent === "assign") {
      const kind = String(form.get("kind") ?? "");
      if (kind === "staff") {
        const userId = String(form.get("userId") ?? "");
        if (!UUID.test(userId)) return fail(intent, "visits:errors.not_staff");
        await assignPlanItem(context.db, actor, { itemId, version, kind, userId, now });
      } else if (kind === "expert") {
        const expertId = String(form.get("expertId") ?? "");
        if (!UUID.test(expertId)) return fail(intent, "visits:errors.expert_unavailable");
        await assignPlanItem(context.db, actor, { itemId, version, kind, expertId, now });
      } else if (kind === "none") {
        await assignPlanItem(context.db, actor, { itemId, version, kind, now });
      } else {
        return fail(intent, "visits:errors.invalid_input", 400);
      }
      return redirect(`/insurer/plan-items/${itemId}`);
    }
    if (intent === "schedule") {
      const raw = String(form.get("date") ?? "").trim();
      if (raw && (!DATE.test(raw) || Number.isNaN(Date.parse(`${raw}T00:00:00Z`)))) {
        return fail(intent, "visits:errors.date_invalid");
      }
      await schedulePlanItem(context.db, actor, {
        itemId,
        version,
        date: raw ? (raw as IsoDate) : null,
        today: shanghaiDateString(now) as IsoDate,
        now,
      });
      return redirect(`/insurer/plan-items/${itemId}`);
    }
    return fail(intent, "visits:errors.invalid_input", 400);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.status === 404) errorResponse(error);
    return data<ActionResult>(
      { intent, formError: { key: error.messageKey, params: error.params } },
      { status: error.status },
    );
  }
}

export default function PlanItemPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t, i18n } = useTranslation("visits");
  const lang = toLanguage(i18n.language);
  const item = view.item;
  const [kind, setKind] = useState<string>(item.assigneeKind === "expert" ? "expert" : "staff");
  const open = item.state === "open";
  const errorFor = (intent: string) =>
    result?.intent === intent ? <FormErrorMessage error={result.formError} /> : null;
  return (
    <div className="space-y-6">
      <Link to={`/insurer/policies/${view.policy.id}`} className="link text-sm">
        {t("visits:item.back")} {view.policy.number}
      </Link>
      <header className="space-y-1">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {t("visits:item.title", { service: t(`insurance:service.${item.service}`), sequence: item.sequence })}
          <span className="badge bg-slate-100" data-testid="item-status">
            {t(`insurance:status.${view.status}`)}
          </span>
        </h1>
        <p className="text-slate-600">{view.enterprise.name}</p>
      </header>
      {view.returnVisitsDue.map((d) => (
        <p key={d.visitId} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          {t("visits:item.returnDue", { date: formatDateTime(new Date(d.startedAt), lang) })}{" "}
          {view.canEdit ? (
            <Link className="link" to={`/insurer/plan-items/${item.id}/visits/new?returnOf=${d.visitId}`}>
              {t("visits:item.recordReturn")}
            </Link>
          ) : null}
        </p>
      ))}
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title" className="mb-3 text-lg font-semibold">
          {t("visits:item.facts")}
        </h2>
        <dl className="grid gap-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-500">{t("visits:item.window")}</dt>
            <dd>
              {item.windowStart} – {item.dueDate}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("visits:item.policy")}</dt>
            <dd>
              <Link className="link" to={`/insurer/policies/${view.policy.id}`}>
                {view.policy.number}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("visits:item.enterprise")}</dt>
            <dd>
              <Link className="link" to={`/enterprises/${view.enterprise.id}`}>
                {view.enterprise.name}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("visits:item.assignee")}</dt>
            <dd>
              {item.assigneeKind
                ? `${t(`insurance:assigneeKind.${item.assigneeKind}`)} · ${view.assigneeName ?? "—"}`
                : t("visits:item.unassigned")}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("visits:item.scheduledOn")}</dt>
            <dd>{item.scheduledOn ?? t("visits:item.notScheduled")}</dd>
          </div>
          {item.doneAt ? (
            <div>
              <dt className="text-sm text-slate-500">{t("visits:item.doneAt")}</dt>
              <dd>{formatDateTime(new Date(item.doneAt), lang)}</dd>
            </div>
          ) : null}
        </dl>
        <p className="mt-3 text-sm">
          <Link className="link" to={`/insurer/plan-items/${item.id}/commission`}>
            {t("visits:item.commission")}
          </Link>
        </p>
      </section>
      {view.canEdit && open ? (
        <div className="grid gap-4 md:grid-cols-2">
          <section className="card" aria-labelledby="assign-title">
            <h2 id="assign-title" className="mb-3 text-lg font-semibold">
              {t("visits:assign.title")}
            </h2>
            {errorFor("assign")}
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="assign" />
              <input type="hidden" name="version" value={item.version} />
              <label className="block">
                <span className="text-sm">{t("visits:assign.kind")}</span>
                <select name="kind" className="input" value={kind} onChange={(e) => setKind(e.target.value)}>
                  <option value="staff">{t("visits:assign.staff")}</option>
                  <option value="expert">{t("visits:assign.expert")}</option>
                  <option value="none">{t("visits:assign.none")}</option>
                </select>
              </label>
              {kind === "staff" ? (
                <label className="block">
                  <span className="text-sm">{t("visits:assign.person")}</span>
                  <select name="userId" className="input" defaultValue={item.assigneeUserId ?? ""}>
                    {view.staff.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {kind === "expert" ? (
                view.experts.length ? (
                  <label className="block">
                    <span className="text-sm">{t("visits:assign.expertPick")}</span>
                    <select name="expertId" className="input" defaultValue={item.assigneeExpertId ?? ""}>
                      {view.experts.map((x) => (
                        <option key={x.id} value={x.id}>
                          {x.name}
                          {x.employer ? `（${x.employer}）` : ""}
                        </option>
                      ))}
                    </select>
                  </label>
                ) : (
                  <p className="text-sm text-slate-600">{t("visits:assign.noExperts")}</p>
                )
              ) : null}
              <button type="submit" className="btn-primary">
                {t("visits:assign.submit")}
              </button>
            </Form>
          </section>
          <section className="card" aria-labelledby="schedule-title">
            <h2 id="schedule-title" className="mb-3 text-lg font-semibold">
              {t("visits:schedule.title")}
            </h2>
            {errorFor("schedule")}
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="schedule" />
              <input type="hidden" name="version" value={item.version} />
              <label className="block">
                <span className="text-sm">{t("visits:schedule.date")}</span>
                <input
                  type="date"
                  name="date"
                  className="input"
                  defaultValue={item.scheduledOn ?? ""}
                  min={item.windowStart}
                  max={view.policy.endDate}
                />
              </label>
              <p className="text-sm text-slate-600">{t("visits:schedule.hint")}</p>
              <details>
                <summary className="btn-secondary inline-flex cursor-pointer">{t("visits:schedule.submit")}</summary>
                <div className="mt-2 space-y-2">
                  <p className="text-sm">{t("visits:schedule.confirm")}</p>
                  <button type="submit" className="btn-primary">
                    {t("visits:schedule.submit")}
                  </button>
                </div>
              </details>
            </Form>
          </section>
        </div>
      ) : null}
      <section className="card" aria-labelledby="visits-title">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 id="visits-title" className="text-lg font-semibold">
            {t("visits:item.visits")}
          </h2>
          {view.canEdit && open ? (
            <Link className="btn-primary" to={`/insurer/plan-items/${item.id}/visits/new`}>
              {t("visits:item.recordVisit")}
            </Link>
          ) : null}
        </div>
        {view.visits.length === 0 ? (
          <p className="text-sm text-slate-600">{t("visits:item.noVisits")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t("visits:visit.time")}</th>
                <th>{t("visits:visit.place")}</th>
                <th>{t("visits:confirm.service")}</th>
                <th>{t("visits:confirm.enterprise")}</th>
                <th>
                  <span className="sr-only">{t("visits:visit.open")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.visits.map((v) => (
                <tr key={v.id}>
                  <td data-label={t("visits:visit.time")}>
                    {t(`visits:visit.kind.${v.kind}`)} · {formatDateTime(new Date(v.startedAt), lang)}
                  </td>
                  <td data-label={t("visits:visit.place")}>{v.place}</td>
                  <td data-label={t("visits:confirm.service")}>
                    {v.serviceConfirmedAt ? "✓" : t("visits:confirm.pending")}
                  </td>
                  <td data-label={t("visits:confirm.enterprise")}>
                    {v.enterpriseConfirmedAt ? "✓" : t("visits:confirm.pending")}
                  </td>
                  <td data-label={t("visits:visit.open")}>
                    <Link className="link" to={`/insurer/visits/${v.id}`}>
                      {t("visits:visit.open")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
