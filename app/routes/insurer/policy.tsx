import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrorMessage } from "../../components/forms";
import { ACCESS, allows } from "../../domain/access";
import { parseIsoDate, type IsoDate } from "../../domain/calendar-date";
import { formatFen, shanghaiDateString } from "../../domain/format";
import { cancelPolicy, getPolicyDetail } from "../../services/insurer-policies.server";
import { requireAccess } from "../../utils/access.server";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { GradeBadge } from "../../components/policy-grade-badge";
import { CANCEL_REASON_MAX } from "../../forms/policies";

export const meta: MetaFunction = () => [{ title: "保单 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const today = shanghaiDateString(new Date()) as IsoDate;
  const detail = await orErrorPage(() => getPolicyDetail(context.db, org.id, params.policyId ?? "", today));
  return { detail, today, canManage: allows(ACCESS.insurerPolicies.edit, org) };
}

type ActionResult = {
  confirmCancel?: { cancelledOn: string; reason: string };
  cancelled?: number;
  fieldErrors?: Record<string, string>;
  formError?: { key: string; params?: Record<string, string | number> };
};

/** Cancelling: intent=cancel-review checks the date and reason and asks; intent=cancel writes. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerPolicies, "edit");
  const form = await request.formData();
  const intent = form.get("intent");
  const cancelledOn = parseIsoDate(String(form.get("cancelledOn") ?? ""));
  const reason = String(form.get("reason") ?? "").trim();
  const fieldErrors: Record<string, string> = {};
  if (!cancelledOn) fieldErrors.cancelledOn = "policies:errors.cancel_date_required";
  if (!reason || reason.length > CANCEL_REASON_MAX) fieldErrors.reason = "policies:errors.reason_required";
  if (intent !== "cancel-review" && intent !== "cancel")
    return data({ formError: { key: "invalid_input" } } satisfies ActionResult, { status: 400 });
  if (Object.keys(fieldErrors).length) return data({ fieldErrors } satisfies ActionResult, { status: 400 });
  if (intent === "cancel-review")
    return { confirmCancel: { cancelledOn: cancelledOn!, reason } } satisfies ActionResult;
  const now = new Date();
  try {
    const sync = await cancelPolicy(context.db, {
      insurerId: org.id,
      actor: { userId: user.id, ip: context.clientIp },
      policyId: params.policyId ?? "",
      cancelledOn: cancelledOn!,
      reason,
      today: shanghaiDateString(now) as IsoDate,
      now,
    });
    return { cancelled: sync.cancelled } satisfies ActionResult;
  } catch (error) {
    return formFailure(error);
  }
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

const STATUS_CLASS: Record<string, string> = {
  overdue: "bg-red-100 text-red-800",
  at_risk: "bg-amber-100 text-amber-800",
  done: "bg-green-100 text-green-800",
  scheduled: "bg-blue-100 text-blue-800",
  planned: "bg-slate-100 text-slate-700",
};

export default function PolicyPage() {
  const { detail, today, canManage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const { t } = useTranslation("policies");
  const { policy, enterprise } = detail;
  const errorText = (key?: string) => (key ? <p className="mt-1 text-sm text-red-700">{t(key)}</p> : null);
  return (
    <div className="space-y-4">
      <Link to="/insurer/policies" className="link text-sm">
        {t("detail.back")}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-semibold">{policy.policyNumber}</h1>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm">{t(`status.${policy.effectiveStatus}`)}</span>
      </header>
      {result?.cancelled !== undefined ? (
        <p role="status" className="rounded bg-brand-50 px-3 py-2 text-sm text-brand-700">
          {t("detail.cancelled", { count: result.cancelled })}
        </p>
      ) : null}
      {result?.formError ? <FormErrorMessage error={result.formError} /> : null}
      <section className="card">
        <h2 className="mb-3 text-lg font-semibold">{t("detail.facts")}</h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <Fact label={t("fields.enterprise")}>
            {enterprise.name}
            <span className="block font-mono text-xs text-slate-500">{enterprise.uscc}</span>
          </Fact>
          <Fact label={t("col.dates")}>
            {policy.startDate} – {policy.endDate}
          </Fact>
          <Fact label={t("fields.riskGrade")}>
            <GradeBadge grade={policy.riskGrade} />
          </Fact>
          <Fact label={t("col.premium")}>{formatFen(policy.premiumFen, "zh-CN")}</Fact>
          <Fact label={t("col.ratio")}>{policy.preventionFeeBps / 100}%</Fact>
          <Fact label={t("detail.fund")}>
            {formatFen(detail.fundFen, "zh-CN")}
            <span className="block text-xs text-slate-500">{t("detail.fundNote")}</span>
          </Fact>
          <Fact label={t("detail.optionalServices")}>
            {policy.optionalServices.length
              ? policy.optionalServices.map((s) => t(`insurance:service.${s}`)).join("、")
              : t("form.none")}
          </Fact>
          {policy.cancelledOn ? <Fact label={t("detail.cancelledOn")}>{policy.cancelledOn}</Fact> : null}
          {detail.renewalOf ? (
            <Fact label={t("detail.renewalOf")}>
              <Link className="link font-mono" to={`/insurer/policies/${detail.renewalOf.id}`}>
                {detail.renewalOf.policyNumber}
              </Link>
            </Fact>
          ) : null}
          {detail.renewals.length ? (
            <Fact label={t("detail.renewals")}>
              {detail.renewals.map((r) => (
                <Link key={r.id} className="link mr-2 font-mono" to={`/insurer/policies/${r.id}`}>
                  {r.policyNumber}
                </Link>
              ))}
            </Fact>
          ) : null}
        </dl>
      </section>
      <section className="card overflow-x-auto">
        <h2 className="mb-3 text-lg font-semibold">{t("detail.plan")}</h2>
        {detail.items.length === 0 ? (
          <p className="text-slate-500">{t("detail.planEmpty")}</p>
        ) : (
          <table className="data-table" data-testid="plan-items">
            <thead>
              <tr>
                <th scope="col">{t("detail.service")}</th>
                <th scope="col">{t("detail.sequence")}</th>
                <th scope="col">{t("detail.window")}</th>
                <th scope="col">{t("detail.due")}</th>
                <th scope="col">{t("detail.status")}</th>
                <th scope="col">{t("detail.assignee")}</th>
                <th scope="col">{t("detail.scheduled")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.items.map((i) => (
                <tr key={i.id}>
                  <td data-label={t("detail.service")}>
                    <Link className="link" to={`/insurer/plan-items/${i.id}`}>
                      {t(`insurance:service.${i.service}`)}
                    </Link>
                  </td>
                  <td data-label={t("detail.sequence")}>{i.sequence}</td>
                  <td data-label={t("detail.window")}>{i.windowStart}</td>
                  <td data-label={t("detail.due")}>{i.dueDate}</td>
                  <td data-label={t("detail.status")}>
                    <span className={`rounded px-2 py-0.5 text-xs ${STATUS_CLASS[i.status] ?? ""}`}>
                      {t(`insurance:status.${i.status}`)}
                    </span>
                  </td>
                  <td data-label={t("detail.assignee")}>
                    {i.assignee ? (
                      <>
                        {i.assignee.name}
                        <span className="block text-xs text-slate-500">
                          {t(`insurance:assigneeKind.${i.assignee.kind}`)}
                        </span>
                      </>
                    ) : (
                      <span className="text-slate-400">{t("detail.unassigned")}</span>
                    )}
                  </td>
                  <td data-label={t("detail.scheduled")}>{i.scheduledOn ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card space-y-4">
        <h2 className="text-lg font-semibold">{t("detail.actions")}</h2>
        {!canManage ? (
          <p className="text-sm text-slate-600">{t("detail.managersOnly")}</p>
        ) : (
          <>
            <div>
              <Link className="btn-secondary" to={`/insurer/policies/new?renew=${policy.id}`}>
                {t("detail.renew")}
              </Link>
              <p className="mt-1 text-xs text-slate-500">{t("detail.renewLead")}</p>
            </div>
            {policy.status === "active" ? (
              <Form method="post" className="space-y-3" key={result?.confirmCancel ? "confirm" : "edit"}>
                <h3 className="font-medium">{t("detail.cancel")}</h3>
                <p className="text-sm text-slate-600">{t("detail.cancelLead")}</p>
                <div className="grid gap-3 sm:grid-cols-2">
                  <div>
                    <label htmlFor="cancelledOn" className="label">
                      {t("fields.cancelledOn")}
                    </label>
                    <input
                      id="cancelledOn"
                      name="cancelledOn"
                      type="date"
                      className="input"
                      required
                      min={policy.startDate}
                      max={policy.endDate}
                      defaultValue={result?.confirmCancel?.cancelledOn ?? today}
                      readOnly={Boolean(result?.confirmCancel)}
                    />
                    {errorText(result?.fieldErrors?.cancelledOn)}
                  </div>
                  <div>
                    <label htmlFor="reason" className="label">
                      {t("fields.reason")}
                    </label>
                    <input
                      id="reason"
                      name="reason"
                      className="input"
                      required
                      maxLength={CANCEL_REASON_MAX}
                      defaultValue={result?.confirmCancel?.reason ?? ""}
                      readOnly={Boolean(result?.confirmCancel)}
                    />
                    {errorText(result?.fieldErrors?.reason)}
                  </div>
                </div>
                {result?.confirmCancel ? (
                  <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm" data-testid="cancel-confirm">
                    <p className="font-medium">{t("detail.cancelConfirmTitle", { number: policy.policyNumber })}</p>
                    <div className="mt-2 flex flex-wrap gap-2">
                      <button
                        type="submit"
                        name="intent"
                        value="cancel"
                        className="btn-primary"
                        disabled={navigation.state !== "idle"}
                      >
                        {t("detail.cancelConfirm")}
                      </button>
                      <Link to={`/insurer/policies/${policy.id}`} className="btn-secondary">
                        {t("form.back")}
                      </Link>
                    </div>
                  </div>
                ) : (
                  <button type="submit" name="intent" value="cancel-review" className="btn-secondary">
                    {t("detail.cancelReview")}
                  </button>
                )}
              </Form>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
