import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { ClientReviewSchema, ProviderReviewSchema, ReviewIntentSchema, ReviewReplySchema } from "../../forms/credit";
import { getReviewerSide, replyToReview, submitReview } from "../../services/reviews.server";
import { requireMembership } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";

const EngagementId = z.string().uuid();

/** Nothing to show here: the reviews live on the engagement page. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = EngagementId.safeParse(params.engagementId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  return redirect(`/engagements/${id.data}#reviews`);
}

/**
 * Posted to by <EngagementReviewSection>'s forms (intent "submit" or "reply"). The acting
 * organisation's side comes from the engagement row, never from the form.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await orErrorPage(() => requireMembership(request, context, { kinds: ["enterprise", "provider"] }));
  const id = EngagementId.safeParse(params.engagementId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  const engagementId = id.data;
  const form = await request.formData();
  const intent = ReviewIntentSchema.safeParse({ intent: form.get("intent") });
  if (!intent.success) return data({ formError: { key: "invalid_input" } }, { status: 400 });
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  try {
    if (intent.data.intent === "submit") {
      const side = await getReviewerSide(context.db, { engagementId, orgId: org.id });
      const parsed = parseForm(side === "enterprise" ? ClientReviewSchema : ProviderReviewSchema, form);
      if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
      await submitReview(context.db, actor, { engagementId, ...parsed.data });
    } else {
      const parsed = parseForm(ReviewReplySchema, form);
      if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
      await replyToReview(context.db, actor, { engagementId, body: parsed.data.reply });
    }
  } catch (error) {
    return formFailure(error);
  }
  return redirect(`/engagements/${engagementId}#reviews`);
}
