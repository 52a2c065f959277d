import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrorMessage } from "../../components/forms";
import { ClientReviewSchema, ProviderReviewSchema, ReviewIntentSchema, ReviewReplySchema } from "../../forms/credit";
import { getReviewerSide, replyToReview, submitReview } from "../../services/reviews.server";
import { requireMembership } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

const EngagementId = z.string().uuid();

/**
 * The reviews live on the engagement page. This route has a page only so that its action
 * answers with real 4xx statuses that a fetcher still reads as data, and so that a browser
 * without JavaScript sees the refusal and a way back.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = EngagementId.safeParse(params.engagementId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  return { engagementId: id.data };
}

/**
 * Posted to by <EngagementReviewSection>'s forms (intent "submit" or "reply"). The acting
 * organisation's side comes from the engagement row, never from the form.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireMembership(request, context, { kinds: ["enterprise", "provider"] });
  const id = EngagementId.safeParse(params.engagementId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  const engagementId = id.data;
  const form = await readFormData(request);
  const intent = ReviewIntentSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success) return data({ formError: { key: "invalid_input" } }, { status: 400 });
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  try {
    if (intent.data.intent === "submit") {
      const side = await getReviewerSide(context.db, { engagementId, orgId: org.id });
      const parsed = parseForm(side === "enterprise" ? ClientReviewSchema : ProviderReviewSchema, form);
      if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
      await submitReview(context.db, actor, { engagementId, ...parsed.data }, new Date());
    } else {
      const parsed = parseForm(ReviewReplySchema, form);
      if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
      await replyToReview(context.db, actor, { engagementId, body: parsed.data.reply }, new Date());
    }
  } catch (error) {
    return formFailure(error);
  }
  return redirect(`/engagements/${engagementId}#reviews`);
}

type ActionResult = {
  formError?: { key: string; params?: Record<string, string | number> };
  fieldErrors?: Record<string, string>;
};

export default function EngagementReviewsFallback() {
  const { engagementId } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t } = useTranslation("credit");
  return (
    <div className="mx-auto max-w-xl card">
      <h1 className="mb-3 text-xl font-semibold">{t("section.title")}</h1>
      {result?.formError ? <FormErrorMessage error={result.formError} /> : null}
      {result?.fieldErrors ? (
        <ul className="mb-3 list-disc pl-5 text-sm text-red-800" role="alert">
          {Object.entries(result.fieldErrors).map(([field, key]) => (
            <li key={field}>{t(`errors:${key}`)}</li>
          ))}
        </ul>
      ) : null}
      <Link className="btn-secondary" to={`/engagements/${engagementId}#reviews`}>
        {t("section.back")}
      </Link>
    </div>
  );
}
