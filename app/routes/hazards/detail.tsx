import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { HazardGradeBadge, HazardMarks, HazardStatusBadge } from "../../components/hazard-badges";
import { FormErrorMessage } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { formatDateTime } from "../../domain/format";
import { HazardStepSchema } from "../../forms/hazards";
import { toLanguage } from "../../i18n/config";
import { parseUploadForm } from "../../services/files.server";
import { acknowledgeHazardReport, applyHazardStep, getHazard } from "../../services/hazards.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { errorResponse, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "隐患 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.hazards, "view");
  const acting = { id: org.id, kind: org.kind, regionCode: org.regionCode };
  return orErrorPage(() =>
    getHazard(context.db, acting, { hazardId: uuidOrNotFound(params.hazardId), now: new Date() }),
  );
}

/** A not-a-uuid id is the 404 page, not a 500. */
function orErrorPageSync<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    errorResponse(error);
  }
}

type ActionResult = { intent: string; formError: { key: string; params?: Record<string, string | number> } };

function refused(intent: string, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  return data<ActionResult>(
    { intent, formError: { key: error.messageKey, params: error.params } },
    { status: error.status, headers: error.headers },
  );
}

/** One step of the loop (intent=step, with note and evidence files as the step needs), or the bureau's acknowledgement. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.hazards, "edit");
  const hazardId = orErrorPageSync(() => uuidOrNotFound(params.hazardId));
  const actor = {
    userId: user.id,
    org: { id: org.id, kind: org.kind, regionCode: org.regionCode },
    ip: context.clientIp,
  };
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  let form: FormData;
  try {
    form = multipart ? await parseUploadForm(request) : await readFormData(request);
  } catch (error) {
    return refused("form", error);
  }
  const intent = String(form.get("intent") ?? "");
  const key = intent === "step" ? `step:${String(form.get("event") ?? "")}` : intent;
  try {
    if (intent === "acknowledge") {
      await acknowledgeHazardReport(context.db, actor, { hazardId, now: new Date() });
      return redirect(`/hazards/${hazardId}`);
    }
    if (intent === "step") {
      const parsed = parseForm(HazardStepSchema, form);
      if (!parsed.ok) return data<ActionResult>({ intent: key, formError: { key: "invalid_input" } }, { status: 400 });
      const evidence = form.getAll("evidence").filter((v): v is File => v instanceof File && v.size > 0);
      await applyHazardStep(context.db, context.env, actor, {
        hazardId,
        event: parsed.data.event,
        note: parsed.data.note,
        expectedVersion: parsed.data.version,
        evidence,
        now: new Date(),
      });
      return redirect(`/hazards/${hazardId}`);
    }
    return data<ActionResult>({ intent, formError: { key: "invalid_input" } }, { status: 400 });
  } catch (error) {
    return refused(key, error);
  }
}

const DANGER = new Set(["reject_rectification"]);

export default function HazardPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t, i18n } = useTranslation("hazards");
  const lang = toLanguage(i18n.language);
  const h = view.hazard;
  const when = (at: string | Date) => formatDateTime(new Date(at), lang);
  const fileLink = (fileId: string, name: string) => (
    <a className="link" href={`/hazards/${h.id}/files/${fileId}`}>
      {name}
    </a>
  );
  return (
    <div className="space-y-6">
      <Link to="/hazards" className="link text-sm">
        ← {t("detail.back")}
      </Link>
      <header className="space-y-2">
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {h.description} <HazardGradeBadge grade={h.grade} /> <HazardStatusBadge status={h.status} />
        </h1>
        <HazardMarks hazard={h} />
        <p className="text-slate-600">
          {h.enterpriseName} · {t(`source.${h.source}`)} · {h.finderName}
        </p>
        {view.roles.length ? (
          <p className="text-sm text-slate-500">
            {t("detail.roles", { roles: view.roles.map((r) => t(`detail.role.${r}`)).join("、") })}
          </p>
        ) : null}
      </header>
      {view.report ? (
        <section
          className={`card ${view.report.state === "escalated" ? "border-red-400 bg-red-50" : ""}`}
          aria-labelledby="report-title"
        >
          <h2 id="report-title" className="mb-2 text-lg font-semibold">
            {t("report.title")}
          </h2>
          <p>
            <span className={`badge ${view.report.state === "escalated" ? "bg-red-600 text-white" : "bg-slate-100"}`}>
              {t(`report.state.${view.report.state}`)}
            </span>
          </p>
          <p className="mt-2 text-sm">{t("report.reportedAt", { at: when(view.report.reportedAt) })}</p>
          {view.report.acknowledgedAt ? (
            <p className="text-sm">{t("report.acknowledgedAt", { at: when(view.report.acknowledgedAt) })}</p>
          ) : (
            <p className="text-sm">{t("report.dueAt", { at: when(view.report.escalateAt) })}</p>
          )}
          {view.canAcknowledge ? (
            <details className="mt-3 rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer font-medium">{t("report.acknowledge")}</summary>
              <Form method="post" className="mt-3 space-y-2">
                {result?.intent === "acknowledge" ? <FormErrorMessage error={result.formError} /> : null}
                <input type="hidden" name="intent" value="acknowledge" />
                <p className="text-sm text-slate-600">{t("report.acknowledgeConfirm")}</p>
                <button type="submit" className="btn-primary">
                  {t("report.acknowledge")}
                </button>
              </Form>
            </details>
          ) : null}
        </section>
      ) : null}
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title" className="mb-3 text-lg font-semibold">
          {t("detail.facts")}
        </h2>
        <dl className="grid gap-2 sm:grid-cols-2">
          {[
            [t("col.location"), h.location || "—"],
            [t("col.responsible"), h.responsiblePerson || "—"],
            [t("col.foundOn"), h.foundOn],
            [t("col.deadline"), h.deadline],
            [t("col.finder"), h.finderName],
            [t("col.enterprise"), h.enterpriseName],
          ].map(([label, value]) => (
            <div key={label}>
              <dt className="text-sm text-slate-500">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="actions-title">
        <h2 id="actions-title" className="mb-3 text-lg font-semibold">
          {t("actions.title")}
        </h2>
        {result &&
        result.intent.startsWith("step:") &&
        !view.actions.some((a) => `step:${a.event}` === result.intent) ? (
          <FormErrorMessage error={result.formError} />
        ) : null}
        {view.actions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("actions.none")}</p>
        ) : (
          <div className="space-y-3">
            {view.actions.map((a) => (
              <details
                key={a.event}
                className="rounded-md border border-slate-200 p-3"
                open={result?.intent === `step:${a.event}`}
              >
                <summary className="cursor-pointer font-medium">{t(`event.${a.event}`)}</summary>
                <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
                  {result?.intent === `step:${a.event}` ? <FormErrorMessage error={result.formError} /> : null}
                  <input type="hidden" name="intent" value="step" />
                  <input type="hidden" name="event" value={a.event} />
                  <input type="hidden" name="version" value={h.version} />
                  <p className="text-sm text-slate-600">{t(`eventHint.${a.event}`)}</p>
                  {a.evidence ? (
                    <div>
                      <label htmlFor={`evidence-${a.event}`} className="label">
                        {t("actions.evidence")}
                      </label>
                      <input
                        id={`evidence-${a.event}`}
                        name="evidence"
                        type="file"
                        multiple
                        required
                        accept=".png,.jpg,.jpeg,.pdf,.docx,.xlsx"
                        className="input"
                      />
                    </div>
                  ) : null}
                  <div>
                    <label htmlFor={`note-${a.event}`} className="label">
                      {t("actions.note")}
                    </label>
                    <textarea
                      id={`note-${a.event}`}
                      name="note"
                      rows={3}
                      maxLength={2000}
                      required={a.note}
                      className="input"
                    />
                  </div>
                  <p className="text-xs text-slate-500">{t("actions.binding")}</p>
                  <button type="submit" className={DANGER.has(a.event) ? "btn-danger" : "btn-primary"}>
                    {t("actions.confirm", { event: t(`event.${a.event}`) })}
                  </button>
                </Form>
              </details>
            ))}
          </div>
        )}
      </section>
      <section className="card grid gap-4 sm:grid-cols-2" aria-label={t("detail.photos")}>
        <div>
          <h2 className="mb-2 text-lg font-semibold">{t("detail.photos")}</h2>
          {view.photos.length === 0 ? (
            <p className="text-sm text-slate-500">{t("detail.noFiles")}</p>
          ) : (
            <ul className="list-disc pl-5">
              {view.photos.map((f) => (
                <li key={f.fileId}>{fileLink(f.fileId, f.originalName)}</li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2 className="mb-2 text-lg font-semibold">{t("detail.evidence")}</h2>
          {view.evidence.length === 0 ? (
            <p className="text-sm text-slate-500">{t("detail.noFiles")}</p>
          ) : (
            <ul className="list-disc pl-5">
              {view.evidence.map((f) => (
                <li key={f.fileId}>{fileLink(f.fileId, f.originalName)}</li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="mb-3 text-lg font-semibold">
          {t("detail.timeline")}
        </h2>
        {view.timeline.length === 0 ? (
          <p className="text-sm text-slate-500">{t("detail.noTimeline")}</p>
        ) : (
          <ol className="space-y-2">
            {view.timeline.map((e) => (
              <li key={e.id} className="border-l-2 border-slate-200 pl-3">
                <p className="font-medium">
                  {t(`event.${e.event}`, { defaultValue: e.event })}{" "}
                  <span className="text-sm font-normal text-slate-500">
                    {when(e.at)} · {[e.actorOrgName, e.actorUserName].filter(Boolean).join(" · ")}
                  </span>
                </p>
                {e.reason ? <p className="text-sm whitespace-pre-wrap text-slate-700">{e.reason}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
