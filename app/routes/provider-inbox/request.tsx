import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { RequestStatusBadge } from "../../components/engagement-status";
import { Field, FormErrorMessage, SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { formatDateTime, formatFen } from "../../domain/format";
import { regionNamesOf } from "../../domain/regions";
import { categoryLabel, type ServiceCategoryCode } from "../../domain/service-categories";
import { QuoteSchema } from "../../forms/requests";
import { toLanguage } from "../../i18n/config";
import { submitQuote, withdrawQuote } from "../../services/quotes.server";
import { getRequestForProvider } from "../../services/requests.server";
import { requireMembership } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "需求与报价 · 安服市集" }];

const Id = z.string().uuid();

function requestIdOf(params: Record<string, string | undefined>): string {
  const id = Id.safeParse(params.requestId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  return id.data;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, context, { kinds: ["provider"] });
  const found = await orErrorPage(() =>
    getRequestForProvider(context.db, { now: new Date(), requestId: requestIdOf(params), providerId: org.id }),
  );
  return { ...found, regionNames: regionNamesOf([found.request.regionCode]) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireMembership(request, context, { kinds: ["provider"] });
  const requestId = requestIdOf(params);
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  const form = await readFormData(request);
  try {
    if (form.get("intent") === "withdraw") {
      const quoteId = Id.safeParse(form.get("quoteId"));
      if (!quoteId.success) return data({ formError: { key: "not_found", params: {} } }, { status: 404 });
      await withdrawQuote(context.db, actor, { now: new Date(), quoteId: quoteId.data });
      return { done: "withdrawn" };
    }
    const parsed = parseForm(QuoteSchema, form);
    if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    const { price, ...rest } = parsed.data;
    await submitQuote(context.db, actor, { requestId, priceFen: price, ...rest }, new Date());
    return { done: "quoted" };
  } catch (error) {
    return formFailure(error);
  }
}

export default function InboxRequest() {
  const { request, enterpriseName, canQuote, ownQuotes, regionNames } = useLoaderData<typeof loader>();
  const regionName = (code: string) => regionNames[code] ?? "";
  const result = useActionData<{
    done?: string;
    formError?: { key: string; params?: Record<string, string | number> };
  }>();
  const { t, i18n } = useTranslation("requests");
  const lang = toLanguage(i18n.language);
  const live = ownQuotes.find((q) => q.status === "submitted" || q.status === "accepted");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to="/provider/inbox" className="link text-sm">
        ← {t("inbox.back")}
      </Link>
      <header className="space-y-1">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {request.title} <RequestStatusBadge status={request.status} />
        </h1>
        <p className="text-slate-600">
          {enterpriseName} · {categoryLabel(request.category as ServiceCategoryCode, lang)} ·{" "}
          {regionName(request.regionCode)}
        </p>
        <p className="text-sm text-slate-600">
          {t("col.budget")}：{request.budgetFen !== null ? formatFen(request.budgetFen, lang) : t("budgetNone")} ·{" "}
          {t("col.deadline")}：{request.deadline ?? "—"}
        </p>
        <p className="whitespace-pre-line text-sm text-slate-700">{request.description}</p>
      </header>
      {result?.done ? <SuccessNote>{t(`inbox.done.${result.done}`)}</SuccessNote> : null}
      {ownQuotes.length > 0 ? (
        <section className="card" aria-labelledby="own-quotes">
          <h2 id="own-quotes" className="mb-2 text-lg font-semibold">
            {t("inbox.yourQuotes")}
          </h2>
          <ul className="space-y-3">
            {ownQuotes.map((q) => (
              <li key={q.id} className="border-b border-slate-100 pb-3 text-sm">
                <p className="font-semibold">
                  {formatFen(q.priceFen, lang)} · {t(`quoteStatus.${q.status}`)} ·{" "}
                  {formatDateTime(new Date(q.createdAt), lang)}
                </p>
                <p className="whitespace-pre-line text-slate-700">{q.plan}</p>
                {q.status === "submitted" ? (
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="intent" value="withdraw" />
                    <input type="hidden" name="quoteId" value={q.id} />
                    <SubmitButton className="btn-secondary">{t("inbox.withdraw")}</SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {canQuote && !live ? (
        <section className="card" aria-labelledby="quote-form">
          <h2 id="quote-form" className="mb-4 text-lg font-semibold">
            {t("inbox.quoteTitle")}
          </h2>
          <ValidatedForm schema={QuoteSchema}>
            {({ errors, values }) => (
              <>
                <Field
                  name="price"
                  label={t("inbox.field.price")}
                  errors={errors}
                  defaultValue={values.price}
                  inputMode="decimal"
                />
                <Field name="plan" label={t("inbox.field.plan")} hint={t("inbox.field.planHint")} errors={errors}>
                  <textarea
                    id="field-plan"
                    name="plan"
                    rows={5}
                    className="input"
                    defaultValue={values.plan}
                    aria-invalid={errors.plan ? true : undefined}
                  />
                </Field>
                <Field
                  name="durationDays"
                  type="number"
                  min={1}
                  max={3650}
                  label={t("inbox.field.durationDays")}
                  errors={errors}
                  defaultValue={values.durationDays}
                />
                <Field
                  name="validUntil"
                  type="date"
                  label={t("inbox.field.validUntil")}
                  errors={errors}
                  defaultValue={values.validUntil}
                />
                <SubmitButton>{t("inbox.submitQuote")}</SubmitButton>
              </>
            )}
          </ValidatedForm>
        </section>
      ) : (
        <>
          {result?.formError ? <FormErrorMessage error={result.formError} /> : null}
          {!canQuote && !live ? <p className="card text-sm text-slate-600">{t("inbox.cannotQuote")}</p> : null}
        </>
      )}
    </div>
  );
}
