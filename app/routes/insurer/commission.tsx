import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormErrorMessage, SubmitButton, SuccessNote } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { formatFen } from "../../domain/format";
import { canCommit } from "../../domain/prevention-fee";
import { CommissionSchema } from "../../forms/premium-ledger";
import { toLanguage } from "../../i18n/config";
import { commissionProvider, getCommissionForm } from "../../services/prevention-fees.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "委托服务机构 · 安服市集" }];

const CATEGORIES = [
  "consulting",
  "training",
  "assessment",
  "testing",
  "occupational_health",
  "engineer_firm",
  "custody",
  "rescue",
] as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.insurerPolicies, "view");
  const form = await orErrorPage(() =>
    getCommissionForm(context.db, org.id, uuidOrNotFound(params.itemId), new Date()),
  );
  return { ...form, mayCommission: canEdit };
}

/**
 * Two steps: "preview" checks the form and shows what will be booked (balance after, overrun);
 * "confirm" commissions (one transaction in the service, which decides again under the lock).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerPolicies, "edit");
  const form = await readFormData(request);
  const itemId = uuidOrNotFound(params.itemId);
  const parsed = parseForm(CommissionSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const values = Object.fromEntries([...form].map(([k, v]) => [k, String(v)]));
  if (form.get("intent") !== "confirm") return { preview: true, values };
  try {
    const result = await commissionProvider(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      { itemId, ...parsed.data, priceFen: parsed.data.price },
      new Date(),
    );
    return { done: true, engagementId: result.engagement.id };
  } catch (error) {
    return formFailure(error, values);
  }
}

type ActionResult = {
  preview?: boolean;
  done?: boolean;
  values?: Record<string, string>;
  fieldErrors?: Record<string, string>;
  formError?: { key: string; params?: Record<string, string | number> };
};

export default function CommissionPage() {
  const { item, balance, providers, current, defaultCategory, mayCommission } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t, i18n } = useTranslation("premiumLedger");
  const fen = (v: number) => formatFen(v, toLanguage(i18n.language));
  const errors = result?.fieldErrors ?? {};
  const values = result?.values ?? {};
  const previewPriceFen = result?.preview ? Math.round(Number(values.price) * 100) : 0;
  const decision = result?.preview
    ? canCommit(balance.balanceFen, previewPriceFen, values.overrunApproved === "1" || values.overrunApproved === "on")
    : null;
  const providerName = providers.find((p) => p.id === values.providerId)?.name ?? "";
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to={`/insurer/policies/${item.policyId}/ledger`} className="link text-sm">
        ← {t("ledger.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold">{t("commission.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("commission.lead")}</p>
      </header>
      <section className="card text-sm">
        <p>
          <span className="text-slate-500">{t("commission.item")}：</span>
          {item.enterpriseName} · {item.policyNumber} · {t(`insurance:service.${item.service}`)} {item.sequence} ·{" "}
          {item.windowStart} ~ {item.dueDate}
        </p>
        <p className="mt-1">
          <span className="text-slate-500">{t("commission.balance")}：</span>
          <strong>{fen(balance.balanceFen)}</strong>
        </p>
        {current ? (
          <p className="mt-1">
            <span className="text-slate-500">{t("commission.current")}：</span>
            {current.title} · {current.providerName} · {fen(current.priceFen)} ·{" "}
            {t(`engagements:status.${current.status}`)}
          </p>
        ) : null}
      </section>
      {result?.done ? <SuccessNote>{t("commission.done")}</SuccessNote> : null}
      {result?.formError ? <FormErrorMessage error={result.formError} /> : null}
      {result?.preview && decision ? (
        <section className="card border-2 border-brand-200" aria-labelledby="confirm-title">
          <h2 id="confirm-title" className="mb-2 text-lg font-semibold">
            {t("commission.confirmTitle")}
          </h2>
          <p className="text-sm">
            {t("commission.confirmLead", { provider: providerName, price: (previewPriceFen / 100).toFixed(2) })}
          </p>
          {decision.ok ? (
            <>
              <p className="mt-1 text-sm">
                {t("commission.balanceAfter")}：{fen(decision.balanceAfterFen)}
              </p>
              {decision.overrunFen > 0 ? (
                <p className="mt-1 text-sm text-red-700">
                  {t("commission.overrunWarning", { overrun: (decision.overrunFen / 100).toFixed(2) })}
                </p>
              ) : null}
            </>
          ) : (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {t("errors.insufficient_prevention_fund", { shortfall: (decision.shortfallFen / 100).toFixed(2) })}
            </p>
          )}
          <Form method="post" className="mt-3 flex flex-wrap gap-2">
            {Object.entries(values)
              .filter(([k]) => k !== "intent")
              .map(([k, v]) => (
                <input key={k} type="hidden" name={k} value={v} />
              ))}
            {decision.ok ? (
              <SubmitButton name="intent" value="confirm">
                {t("commission.confirm")}
              </SubmitButton>
            ) : null}
            <Link to="." className="btn-secondary">
              {t("commission.edit")}
            </Link>
          </Form>
        </section>
      ) : null}
      {mayCommission && !result?.preview && !result?.done ? (
        <Form method="post" noValidate className="card">
          {providers.length === 0 ? <p className="mb-3 text-sm text-slate-500">{t("commission.noProviders")}</p> : null}
          <Field name="providerId" label={t("commission.provider")} errors={errors}>
            <select id="field-providerId" name="providerId" className="input" defaultValue={values.providerId ?? ""}>
              <option value="">{t("commission.choose")}</option>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="category" label={t("commission.category")} errors={errors}>
            <select
              id="field-category"
              name="category"
              className="input"
              defaultValue={values.category ?? defaultCategory}
            >
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            name="title"
            label={t("commission.titleField")}
            errors={errors}
            maxLength={200}
            defaultValue={
              values.title ?? `${t(`insurance:service.${item.service}`)} ${item.sequence} · ${item.enterpriseName}`
            }
          />
          <Field name="scope" label={t("commission.scope")} errors={errors}>
            <textarea id="field-scope" name="scope" className="input" rows={3} defaultValue={values.scope ?? ""} />
          </Field>
          <Field
            name="price"
            label={t("commission.price")}
            errors={errors}
            inputMode="decimal"
            defaultValue={values.price ?? ""}
          />
          <label className="mb-3 flex items-center gap-2 text-sm">
            <input type="checkbox" name="overrunApproved" value="1" defaultChecked={values.overrunApproved === "1"} />
            {t("commission.overrunApproved")}
          </label>
          <Field name="overrunReason" label={t("commission.overrunReason")} errors={errors}>
            <textarea
              id="field-overrunReason"
              name="overrunReason"
              className="input"
              rows={2}
              defaultValue={values.overrunReason ?? ""}
            />
          </Field>
          <SubmitButton name="intent" value="preview">
            {t("commission.preview")}
          </SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
