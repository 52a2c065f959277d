import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ComplaintBadge } from "../../components/complaint-badge";
import { Field, FormErrorMessage, SubmitButton } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { shanghaiDateString } from "../../domain/format";
import { ComplaintStepSchema } from "../../forms/premium-ledger";
import { getInsurerComplaint, stepComplaint, type ComplaintStep } from "../../services/insurance-complaints.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "投诉详情 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const today = shanghaiDateString(new Date()) as IsoDate;
  const complaint = await orErrorPage(() =>
    getInsurerComplaint(context.db, org.id, uuidOrNotFound(params.complaintId), today),
  );
  return { complaint, canEdit };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerDesk, "edit");
  const id = uuidOrNotFound(params.complaintId);
  const form = await readFormData(request);
  const parsed = parseForm(ComplaintStepSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const d = parsed.data;
  const step: ComplaintStep =
    d.intent === "extend"
      ? { kind: "extend", days: d.days, reason: d.reason }
      : d.intent === "answer"
        ? { kind: "answer", answer: d.answer }
        : { kind: "needs_check" };
  try {
    const now = new Date();
    await stepComplaint(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      {
        id,
        version: d.version,
        step,
        today: shanghaiDateString(now) as IsoDate,
        now,
      },
    );
    return { ok: true };
  } catch (error) {
    return formFailure(error);
  }
}

type ActionResult = {
  ok?: boolean;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  formError?: { key: string; params?: Record<string, string | number> };
};

/** A binding step: the button opens a confirmation in the page; only "confirm" submits. */
function ConfirmedStep({ label, message, children }: { label: string; message: string; children?: React.ReactNode }) {
  const { t } = useTranslation("premiumLedger");
  const [asking, setAsking] = useState(false);
  return (
    <>
      {children}
      {asking ? (
        <div
          role="alertdialog"
          aria-label={label}
          className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm"
        >
          <p className="mb-2">{message}</p>
          <div className="flex gap-2">
            <SubmitButton>{t("complaints.confirmStep")}</SubmitButton>
            <button type="button" className="btn-secondary" onClick={() => setAsking(false)}>
              {t("complaints.cancelStep")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn-primary" onClick={() => setAsking(true)}>
          {label}
        </button>
      )}
    </>
  );
}

export default function ComplaintPage() {
  const { complaint: c, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t } = useTranslation("premiumLedger");
  const errors = result?.fieldErrors ?? {};
  const open = !c.answeredAt && canEdit;
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/insurer/complaints" className="link text-sm">
        ← {t("complaints.back")}
      </Link>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{c.subject}</h1>
        <ComplaintBadge answered={Boolean(c.answeredAt)} breached={c.deadline.breached} />
      </header>
      {result?.formError ? <FormErrorMessage error={result.formError} /> : null}
      <section className="card text-sm">
        <dl className="grid gap-2 sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("complaints.col.enterprise")}</dt>
            <dd>{c.enterpriseName}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("complaints.col.policy")}</dt>
            <dd>{c.policyNumber}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("complaints.col.filedOn")}</dt>
            <dd>{c.filedOn}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("complaints.col.dueOn")}</dt>
            <dd className={c.deadline.breached ? "font-semibold text-red-700" : "font-semibold"}>
              {c.deadline.dueOn}
              {c.needsCheck ? ` (${t("complaints.needsCheck")})` : ""}
            </dd>
          </div>
          {c.planItemService ? (
            <div>
              <dt className="text-slate-500">{t("complaints.planItem")}</dt>
              <dd>
                {t(`insurance:service.${c.planItemService}`)} {c.planItemSequence}
              </dd>
            </div>
          ) : null}
          {c.extensionDays > 0 ? (
            <div className="sm:col-span-2">
              {t("complaints.extensionInfo", { days: c.extensionDays, reason: c.extensionReason })}
            </div>
          ) : null}
        </dl>
        <p className="mt-3 whitespace-pre-wrap">{c.body}</p>
      </section>
      {c.answer ? (
        <section className="card text-sm">
          <h2 className="mb-1 font-semibold">{t("complaints.answer")}</h2>
          <p className="whitespace-pre-wrap">{c.answer}</p>
        </section>
      ) : null}
      {open && !c.needsCheck ? (
        <Form method="post" className="card">
          <input type="hidden" name="intent" value="needs_check" />
          <input type="hidden" name="version" value={c.version} />
          <ConfirmedStep label={t("complaints.markNeedsCheck")} message={t("complaints.needsCheckConfirm")} />
        </Form>
      ) : null}
      {open && c.extensionDays === 0 && !c.deadline.breached ? (
        <Form method="post" noValidate className="card">
          <h2 className="mb-2 font-semibold">{t("complaints.extend")}</h2>
          <p className="mb-2 text-xs text-slate-500">{t("complaints.extendOnce")}</p>
          <input type="hidden" name="intent" value="extend" />
          <input type="hidden" name="version" value={c.version} />
          <ConfirmedStep label={t("complaints.extend")} message={t("complaints.extendOnce")}>
            <Field name="days" label={t("complaints.extendDays")} errors={errors} inputMode="numeric" />
            <Field name="reason" label={t("complaints.extendReason")} errors={errors}>
              <textarea id="field-reason" name="reason" className="input" rows={2} />
            </Field>
          </ConfirmedStep>
        </Form>
      ) : null}
      {open ? (
        <Form method="post" noValidate className="card">
          <h2 className="mb-2 font-semibold">{t("complaints.answer")}</h2>
          <input type="hidden" name="intent" value="answer" />
          <input type="hidden" name="version" value={c.version} />
          <ConfirmedStep label={t("complaints.answerSubmit")} message={t("complaints.answerSubmit")}>
            <Field name="answer" label={t("complaints.answerText")} errors={errors}>
              <textarea id="field-answer" name="answer" className="input" rows={5} />
            </Field>
          </ConfirmedStep>
        </Form>
      ) : null}
    </div>
  );
}
