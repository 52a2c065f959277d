import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CreditBadge } from "../../components/credit-badge";
import { RequestStatusBadge } from "../../components/engagement-status";
import { FormErrorMessage, SubmitButton } from "../../components/forms";
import { formatDate, formatFen } from "../../domain/format";
import { qualificationTypeName } from "../../domain/qualification-types";
import { regionNamesOf } from "../../domain/regions";
import { categoryLabel, type ServiceCategoryCode } from "../../domain/service-categories";
import { RequestDecisionSchema } from "../../forms/requests";
import { toLanguage } from "../../i18n/config";
import { acceptQuote, compareQuotes } from "../../services/quotes.server";
import { endRequest } from "../../services/requests.server";
import { requireMembership } from "../../utils/auth.server";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";
import { formDataToObject } from "../../utils/forms";

export const meta: MetaFunction = () => [{ title: "需求详情 · 安服市集" }];

const RequestId = z.string().uuid();

function requestIdOf(params: Record<string, string | undefined>): string {
  const id = RequestId.safeParse(params.requestId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  return id.data;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, context, { kinds: ["enterprise"] });
  const found = await orErrorPage(() =>
    compareQuotes(context.db, { now: new Date(), requestId: requestIdOf(params), orgId: org.id }),
  );
  return { ...found, regionNames: regionNamesOf([found.request.regionCode]) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireMembership(request, context, { kinds: ["enterprise"] });
  const requestId = requestIdOf(params);
  const parsed = RequestDecisionSchema.safeParse(formDataToObject(await readFormData(request)));
  if (!parsed.success) return data({ formError: { key: "invalid_input", params: {} } }, { status: 400 });
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  try {
    if (parsed.data.intent === "pick") {
      const engagement = await acceptQuote(context.db, actor, {
        now: new Date(),
        requestId,
        quoteId: parsed.data.quoteId,
      });
      return redirect(`/engagements/${engagement.id}`);
    }
    await endRequest(context.db, actor, {
      now: new Date(),
      requestId,
      outcome: parsed.data.intent === "cancel" ? "cancelled" : "closed",
    });
    return { done: parsed.data.intent };
  } catch (error) {
    return formFailure(error);
  }
}

export default function RequestDetail() {
  const { request, quotes, engagementId, regionNames } = useLoaderData<typeof loader>();
  const regionName = (code: string) => regionNames[code] ?? "";
  const result = useActionData<{
    formError?: { key: string; params?: Record<string, string | number> };
    done?: string;
  }>();
  const { t, i18n } = useTranslation("requests");
  const lang = toLanguage(i18n.language);
  const open = request.status === "open";
  const live = quotes.filter((q) => q.status === "submitted");
  return (
    <div className="space-y-6">
      <Link to="/requests" className="link text-sm">
        ← {t("back")}
      </Link>
      <header className="space-y-1">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {request.title} <RequestStatusBadge status={request.status} />
        </h1>
        <p className="text-slate-600">
          {categoryLabel(request.category as ServiceCategoryCode, lang)} · {regionName(request.regionCode)} ·{" "}
          {t("col.budget")}：{request.budgetFen !== null ? formatFen(request.budgetFen, lang) : t("budgetNone")} ·{" "}
          {t("col.deadline")}：{request.deadline ?? "—"}
        </p>
        <p className="whitespace-pre-line text-sm text-slate-700">{request.description}</p>
        {engagementId ? (
          <Link className="btn-secondary mt-2" to={`/engagements/${engagementId}`}>
            {t("engagementLink")}
          </Link>
        ) : null}
      </header>
      {result?.formError ? <FormErrorMessage error={result.formError} /> : null}
      <section className="card overflow-x-auto" aria-labelledby="quotes-title">
        <h2 id="quotes-title" className="mb-2 text-lg font-semibold">
          {t("quotesTitle")}
        </h2>
        {open ? <p className="mb-4 text-sm text-slate-600">{t("decisionNote")}</p> : null}
        {quotes.length === 0 ? (
          <p className="text-slate-500">{t("noQuotes")}</p>
        ) : (
          <div className="overflow-x-auto">
            {/* A comparison grid (quotes side by side): it scrolls sideways rather than stacking. */}
            <table className="data-table" data-layout="grid">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="sr-only">{t("compare.item")}</span>
                  </th>
                  {quotes.map((q) => (
                    <th key={q.id} scope="col">
                      {q.providerName}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t("compare.price")}</th>
                  {quotes.map((q) => (
                    <td key={q.id} className="font-semibold">
                      {formatFen(q.priceFen, lang)}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t("compare.plan")}</th>
                  {quotes.map((q) => (
                    <td key={q.id} className="max-w-xs whitespace-pre-line align-top text-sm">
                      {q.plan}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t("compare.duration")}</th>
                  {quotes.map((q) => (
                    <td key={q.id}>{q.durationDays ? t("compare.days", { count: q.durationDays }) : "—"}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t("compare.validUntil")}</th>
                  {quotes.map((q) => (
                    <td key={q.id}>{q.validUntil ?? "—"}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t("compare.grade")}</th>
                  {quotes.map((q) => (
                    <td key={q.id}>
                      <CreditBadge grade={q.creditGrade} />
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t("compare.rating")}</th>
                  {quotes.map((q) => (
                    <td key={q.id}>
                      {q.rating !== null
                        ? t("compare.ratingValue", { rating: q.rating.toFixed(1), count: q.reviewCount })
                        : t("compare.noRating")}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t("compare.qualifications")}</th>
                  {quotes.map((q) => (
                    <td key={q.id} className="text-sm">
                      {q.qualifications.length === 0 ? (
                        t("compare.noQualification")
                      ) : (
                        <ul>
                          {q.qualifications.map((x) => (
                            <li key={x.certificateNo}>
                              {t("compare.qualificationUntil", {
                                name: qualificationTypeName(x.type, lang),
                                date: x.validTo,
                              })}
                            </li>
                          ))}
                        </ul>
                      )}
                      {!q.inScope ? <p className="text-red-700">{t("compare.outOfScope")}</p> : null}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t("compare.submittedAt")}</th>
                  {quotes.map((q) => (
                    <td key={q.id}>{formatDate(new Date(q.createdAt), lang)}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">{t("compare.status")}</th>
                  {quotes.map((q) => (
                    <td key={q.id}>
                      {open && q.status === "submitted" ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="pick" />
                          <input type="hidden" name="quoteId" value={q.id} />
                          <SubmitButton>{t("pick")}</SubmitButton>
                        </Form>
                      ) : (
                        t(`quoteStatus.${q.status}`)
                      )}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </section>
      {open ? (
        <section className="card flex flex-wrap gap-3" aria-label={t("otherDecisions")}>
          {live.length > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="decline_all" />
              <SubmitButton className="btn-secondary">{t("declineAll")}</SubmitButton>
            </Form>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <SubmitButton className="btn-danger">{t("cancel")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
