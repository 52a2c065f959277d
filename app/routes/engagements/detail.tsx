import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { EngagementActions } from "../../components/engagement/engagement-actions";
import { EngagementDeliverables } from "../../components/engagement/engagement-deliverables";
import { EngagementMessages } from "../../components/engagement/engagement-messages";
import { EngagementTerms } from "../../components/engagement/engagement-terms";
import { EngagementTimeline } from "../../components/engagement/engagement-timeline";
import { EngagementReviewSection } from "../../components/engagement-review-section";
import { EngagementStatusBadge } from "../../components/engagement-status";
import {
  ActivitySchema,
  CounterOfferSchema,
  MessageSchema,
  ReportSchema,
  TransitionSchema,
} from "../../forms/engagements";
import { addReport, listDeliverables, recordActivity } from "../../services/deliverables.server";
import { applyTransition, getEngagement } from "../../services/engagements.server";
import { parseUploadForm, uploadedFile } from "../../services/files.server";
import { listMessages, postMessage } from "../../services/messages.server";
import { loadReviewSection } from "../../services/reviews.server";
import { requireMembership } from "../../utils/auth.server";
import { AppError } from "../../utils/errors";
import { parseForm, type FieldErrors } from "../../utils/forms";
import { orErrorPage } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "服务合同 · 安服市集" }];

const Id = z.string().uuid();
const KINDS = ["enterprise", "provider", "platform"] as const;

function engagementIdOf(params: Record<string, string | undefined>): string {
  const id = Id.safeParse(params.engagementId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  return id.data;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, context, { kinds: KINDS });
  const engagementId = engagementIdOf(params);
  const viewer = { orgId: org.id, orgKind: org.kind };
  return orErrorPage(async () => {
    const now = new Date();
    const view = await getEngagement(context.db, viewer, { now, engagementId });
    const isParty = view.viewerRole === "enterprise" || view.viewerRole === "provider";
    const [deliverables, messages, reviews] = await Promise.all([
      listDeliverables(context.db, { engagementId, ...viewer }),
      listMessages(context.db, { engagementId, ...viewer }),
      isParty ? loadReviewSection(context.db, { engagementId, orgId: org.id, now }) : null,
    ]);
    return { ...view, deliverables, messages, reviews, ownOrgId: org.id, isParty };
  });
}

/** A refusal for the one form that was sent (see IntentForm). */
function problem(intent: string, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  return data(
    { intent, problem: { formError: { key: error.messageKey, params: error.params } } },
    { status: error.status, headers: error.headers },
  );
}

function invalid(intent: string, fieldErrors: FieldErrors, values?: Record<string, string>) {
  return data({ intent, problem: { fieldErrors, values } }, { status: 400 });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireMembership(request, context, { kinds: KINDS });
  // On the platform's side only its owners and admins rule on disputes.
  if (org.kind === "platform" && org.role === "member") throw data({ messageKey: "wrong_role" }, { status: 403 });
  const engagementId = engagementIdOf(params);
  const actor = { userId: user.id, orgId: org.id, orgKind: org.kind, ip: context.clientIp };
  const back = redirect(`/engagements/${engagementId}`);
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  let form: FormData;
  try {
    form = multipart ? await parseUploadForm(request) : await readFormData(request);
  } catch (error) {
    return problem("report", error);
  }
  const intent = String(form.get("intent") ?? "");
  const key = intent === "transition" ? `transition:${String(form.get("event") ?? "")}` : intent;
  try {
    if (intent === "transition") {
      const parsed = parseForm(TransitionSchema, form);
      if (!parsed.ok) return invalid(key, parsed.fieldErrors, parsed.values);
      await applyTransition(context.db, actor, {
        now: new Date(),
        engagementId,
        event: parsed.data.event,
        reason: parsed.data.reason,
        expectedVersion: parsed.data.version,
      });
      return back;
    }
    if (intent === "counter") {
      const parsed = parseForm(CounterOfferSchema, form);
      if (!parsed.ok) return invalid(key, parsed.fieldErrors, parsed.values);
      const { price, scope, startDate, endDate, version } = parsed.data;
      await applyTransition(context.db, actor, {
        now: new Date(),
        engagementId,
        event: "counter",
        expectedVersion: version,
        terms: { priceFen: price, scope, startDate, endDate },
      });
      return back;
    }
    if (intent === "report") {
      const parsed = parseForm(ReportSchema, form);
      const file = uploadedFile(form, "file");
      if (!parsed.ok || !file) {
        return invalid(key, {
          ...(parsed.ok ? {} : parsed.fieldErrors),
          ...(file ? {} : { file: "engagement.file_required" }),
        });
      }
      await addReport(context.db, context.env, actor, {
        engagementId,
        title: parsed.data.reportTitle,
        file,
        now: new Date(),
      });
      return back;
    }
    if (intent === "activity") {
      const parsed = parseForm(ActivitySchema, form);
      if (!parsed.ok) return invalid(key, parsed.fieldErrors, parsed.values);
      const { activityTitle, ...rest } = parsed.data;
      await recordActivity(context.db, actor, { engagementId, title: activityTitle, ...rest });
      return back;
    }
    if (intent === "message") {
      const parsed = parseForm(MessageSchema, form);
      if (!parsed.ok) return invalid(key, parsed.fieldErrors, parsed.values);
      await postMessage(context.db, actor, { engagementId, body: parsed.data.body, now: new Date() });
      return redirect(`/engagements/${engagementId}#messages`);
    }
    return data({ intent, problem: { formError: { key: "invalid_input" } } }, { status: 400 });
  } catch (error) {
    return problem(key, error);
  }
}

export default function EngagementPage() {
  const view = useLoaderData<typeof loader>();
  const { t } = useTranslation("engagements");
  const e = view.engagement;
  const canAddDeliverables =
    view.viewerRole === "provider" && (e.status === "in_service" || e.status === "changes_requested");
  return (
    <div className="space-y-6">
      <Link to="/engagements" className="link text-sm">
        ← {t("back")}
      </Link>
      <header>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {e.title} <EngagementStatusBadge status={e.status} />
        </h1>
        <p className="mt-1 text-slate-600">
          {view.enterpriseName} ⇄ {view.providerName}
        </p>
      </header>
      <section className="card" aria-labelledby="terms-title">
        <h2 id="terms-title" className="mb-3 text-lg font-semibold">
          {t("terms.title")}
        </h2>
        <EngagementTerms view={view} />
      </section>
      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title" className="mb-3 text-lg font-semibold">
          {t("actions.title")}
        </h2>
        <EngagementActions
          status={e.status}
          actions={view.actions}
          version={e.version}
          terms={{
            priceYuan: (e.priceFen / 100).toFixed(2),
            scope: e.scope,
            startDate: e.startDate,
            endDate: e.endDate,
          }}
        />
      </section>
      <section className="card" aria-labelledby="deliverables-title">
        <h2 id="deliverables-title" className="mb-3 text-lg font-semibold">
          {t("deliverables.title")}
        </h2>
        <EngagementDeliverables rows={view.deliverables} canAdd={canAddDeliverables} />
      </section>
      <section className="card" aria-labelledby="messages-title" id="messages">
        <h2 id="messages-title" className="mb-3 text-lg font-semibold">
          {t("messages.title")}
        </h2>
        <EngagementMessages rows={view.messages} ownOrgId={view.ownOrgId} canWrite={view.isParty} />
      </section>
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="mb-3 text-lg font-semibold">
          {t("timeline.title")}
        </h2>
        <EngagementTimeline entries={view.timeline} />
      </section>
      {view.reviews ? <EngagementReviewSection {...view.reviews} /> : null}
    </div>
  );
}
