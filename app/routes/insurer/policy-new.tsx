import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrorMessage } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { addDays, addMonthsClamped, type IsoDate } from "../../domain/calendar-date";
import { formatFen, shanghaiDateString } from "../../domain/format";
import { OPTIONAL_SERVICES, RISK_GRADES } from "../../domain/insurance-plan";
import { POLICY_ERROR_MESSAGES } from "../../domain/policy-import-messages";
import { preventionFundFen } from "../../domain/prevention-fee";
import { SHEET_ERROR_MESSAGES } from "../../domain/policy-import-messages";
import {
  parsePolicyForm,
  policyFormValues,
  POLICY_FORM_FIELDS,
  type PolicyFormError,
  type PolicyFormValues,
} from "../../forms/policy-form";
import { toLanguage } from "../../i18n/config";
import { createPolicy, getPolicyDetail } from "../../services/insurer-policies.server";
import { requireAccess } from "../../utils/access.server";
import { formFailure, orErrorPage } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "录入保单 · 安服市集" }];

const EMPTY = {
  ...(Object.fromEntries(POLICY_FORM_FIELDS.map((k) => [k, ""])) as Record<
    (typeof POLICY_FORM_FIELDS)[number],
    string
  >),
  optionalServices: [] as string[],
} satisfies PolicyFormValues;

/** The form, empty or (?renew=<policyId>) pre-filled for the next term of one of the insurer's policies. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerPolicies, "edit");
  const renew = new URL(request.url).searchParams.get("renew");
  if (!renew) return { values: EMPTY, renewing: null };
  const today = shanghaiDateString(new Date()) as IsoDate;
  const { policy, enterprise } = await orErrorPage(() => getPolicyDetail(context.db, org.id, renew, today));
  const start = addDays(policy.endDate as IsoDate, 1);
  const values: PolicyFormValues = {
    ...EMPTY,
    uscc: enterprise.uscc ?? "",
    name: enterprise.name,
    regionCode: enterprise.regionCode,
    premiumYuan: (policy.premiumFen / 100).toFixed(2),
    ratioPercent: String(policy.preventionFeeBps / 100),
    startDate: start,
    endDate: addDays(addMonthsClamped(start, 12), -1),
    riskGrade: policy.riskGrade,
    guidanceResponseMinutes: policy.guidanceResponseMinutes?.toString() ?? "",
    stationingDaysPerMonth: policy.stationingDaysPerMonth?.toString() ?? "",
    renewalOfId: policy.id,
    optionalServices: [...policy.optionalServices],
  };
  return { values, renewing: policy.policyNumber };
}

type ActionResult = {
  values: PolicyFormValues;
  fieldErrors?: Record<string, PolicyFormError>;
  review?: { fundFen: number; premiumFen: number };
  formError?: { key: string; params?: Record<string, string | number> };
};

/** intent=review checks the fields (the API's rules) and shows them for confirmation; intent=confirm writes. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerPolicies, "edit");
  const form = await request.formData();
  const values = policyFormValues(form);
  if (form.get("intent") === "edit") return { values } satisfies ActionResult;
  const parsed = parsePolicyForm(values);
  if (!parsed.ok) return data({ values, fieldErrors: parsed.fieldErrors } satisfies ActionResult, { status: 400 });
  if (form.get("intent") !== "confirm")
    return {
      values,
      review: {
        premiumFen: parsed.policy.premiumFen,
        fundFen: preventionFundFen(parsed.policy.premiumFen, parsed.policy.preventionFeeBps),
      },
    } satisfies ActionResult;
  const now = new Date();
  try {
    const { policy } = await createPolicy(context.db, {
      insurerId: org.id,
      actor: { userId: user.id, ip: context.clientIp },
      policy: parsed.policy,
      today: shanghaiDateString(now) as IsoDate,
      now,
    });
    return redirect(`/insurer/policies/${policy.id}`);
  } catch (error) {
    return formFailure(error, undefined);
  }
}

function FieldError({ code }: { code?: PolicyFormError }) {
  const { t, i18n } = useTranslation("policies");
  if (!code) return null;
  const lang = toLanguage(i18n.language) === "en" ? "en" : "zh";
  const message =
    code === "invalid_amount"
      ? SHEET_ERROR_MESSAGES.invalid_amount[lang]
      : code === "invalid_term"
        ? t("errors.invalid_term")
        : POLICY_ERROR_MESSAGES[code][lang];
  return <p className="mt-1 text-sm text-red-700">{message}</p>;
}

export default function NewPolicy() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const { t } = useTranslation("policies");
  const values = result?.values ?? loaded.values;
  const errors = result?.fieldErrors ?? {};
  const review = result?.review;
  const input = (name: (typeof POLICY_FORM_FIELDS)[number], type = "text", extra: Record<string, unknown> = {}) => (
    <div>
      <label htmlFor={name} className="label">
        {t(`fields.${name}`)}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        className="input"
        defaultValue={values[name]}
        aria-invalid={errors[name] ? true : undefined}
        readOnly={Boolean(review)}
        {...extra}
      />
      <FieldError code={errors[name]} />
    </div>
  );
  return (
    <div className="space-y-4">
      <Link to="/insurer/policies" className="link text-sm">
        {t("detail.back")}
      </Link>
      <h1 className="text-2xl font-semibold">
        {loaded.renewing ? t("form.renewTitle", { number: loaded.renewing }) : t("form.title")}
      </h1>
      <p className="text-sm text-slate-600">{loaded.renewing ? t("detail.renewLead") : t("form.lead")}</p>
      {result?.formError ? <FormErrorMessage error={result.formError} /> : null}
      {Object.keys(errors).length ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("form.fixErrors")}
        </p>
      ) : null}
      <Form method="post" className="card space-y-4" key={review ? "review" : "edit"}>
        <input type="hidden" name="renewalOfId" value={values.renewalOfId} />
        <div className="grid gap-4 sm:grid-cols-2">
          {input("policyNumber", "text", { maxLength: 64, required: true })}
          {input("uscc", "text", { maxLength: 18, required: true })}
          {input("name", "text", { maxLength: 100, required: true })}
          {input("regionCode", "text", { maxLength: 6, inputMode: "numeric", required: true })}
          {input("premiumYuan", "text", { inputMode: "decimal", required: true })}
          {input("ratioPercent", "text", { inputMode: "decimal", required: true })}
          {input("startDate", "date", { required: true })}
          {input("endDate", "date", { required: true })}
          <div>
            <label htmlFor="riskGrade" className="label">
              {t("fields.riskGrade")}
            </label>
            {review ? <input type="hidden" name="riskGrade" value={values.riskGrade} /> : null}
            <select
              id="riskGrade"
              name={review ? undefined : "riskGrade"}
              className="input"
              defaultValue={values.riskGrade}
              disabled={Boolean(review)}
              required
            >
              <option value="" />
              {RISK_GRADES.map((g) => (
                <option key={g} value={g}>
                  {t(`grades.${g}`)}
                </option>
              ))}
            </select>
            <FieldError code={errors.riskGrade} />
          </div>
        </div>
        <fieldset>
          <legend className="label">{t("fields.optionalServices")}</legend>
          <div className="flex flex-wrap gap-4">
            {OPTIONAL_SERVICES.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                {review && values.optionalServices.includes(s) ? (
                  <input type="hidden" name="optionalServices" value={s} />
                ) : null}
                <input
                  type="checkbox"
                  name={review ? undefined : "optionalServices"}
                  value={s}
                  defaultChecked={values.optionalServices.includes(s)}
                  disabled={Boolean(review)}
                />
                {t(`insurance:service.${s}`)}
              </label>
            ))}
          </div>
          <FieldError code={errors.optionalServices} />
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            {input("guidanceResponseMinutes", "number", { min: 5, max: 2880 })}
            <p className="mt-1 text-xs text-slate-500">{t("form.guidanceHint")}</p>
          </div>
          <div>
            {input("stationingDaysPerMonth", "number", { min: 1, max: 31 })}
            <p className="mt-1 text-xs text-slate-500">{t("form.stationingHint")}</p>
          </div>
        </div>
        {review ? (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="policy-confirm">
            <p className="font-medium">{t("form.confirmTitle")}</p>
            <p className="mt-1">
              {t("form.fund")}：{formatFen(review.fundFen, "zh-CN")}（{formatFen(review.premiumFen, "zh-CN")} ×{" "}
              {values.ratioPercent}
              {values.ratioPercent.includes("%") ? "" : "%"}）
            </p>
            <p className="mt-1 text-slate-600">{t("form.confirmLead")}</p>
            <div className="mt-3 flex flex-wrap gap-2">
              <button
                type="submit"
                name="intent"
                value="confirm"
                className="btn-primary"
                disabled={navigation.state !== "idle"}
              >
                {t("form.confirm")}
              </button>
              <button type="submit" name="intent" value="edit" formNoValidate className="btn-secondary">
                {t("form.back")}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="submit"
            name="intent"
            value="review"
            className="btn-primary"
            disabled={navigation.state !== "idle"}
          >
            {t("form.review")}
          </button>
        )}
      </Form>
    </div>
  );
}
