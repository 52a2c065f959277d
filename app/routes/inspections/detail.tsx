import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  AnswerInputs,
  AnswersTable,
  ConfirmationBadge,
  FieldError,
  formatScore,
  FormProblem,
  GradeBadge,
  HazardFields,
  NoPenaltyLabel,
  sourceLabel,
} from "../../components/inspections/bits";
import { SubmitButton } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { formatDateTime, shanghaiDateString } from "../../domain/format";
import {
  AcknowledgeSchema,
  answersFromForm,
  ConfirmSchema,
  DraftEditSchema,
  HazardFormSchema,
  RemoveHazardSchema,
} from "../../forms/inspections";
import { toLanguage } from "../../i18n/config";
import { parseUploadForm } from "../../services/files.server";
import { inspectionActorOf } from "../../services/inspection-actor.server";
import {
  acknowledgeInspection,
  addDraftHazard,
  addInspectionPhotos,
  confirmInspection,
  getInspection,
  InspectionInputError,
  removeDraftHazard,
  updateDraft,
} from "../../services/inspections.server";
import { visitLinkOfInspection } from "../../services/insurance-visit-confirm.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { readFormData } from "../../utils/form-data.server";
import { formDataToObject, parseForm } from "../../utils/forms";
import { orErrorPage } from "../../utils/http.server";
import { z } from "zod";

export const meta: MetaFunction = () => [{ title: "检查记录 · 安服市集" }];

const Id = z.string().uuid();

function inspectionIdOf(params: Record<string, string | undefined>): string {
  const id = Id.safeParse(params.inspectionId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  return id.data;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const membership = await requireAccess(request, context, ACCESS.inspections, "view");
  const inspectionId = inspectionIdOf(params);
  const actor = inspectionActorOf(membership);
  return orErrorPage(async () => {
    const view = await getInspection(context.db, actor, inspectionId, shanghaiDateString(new Date()));
    // Issue 9: an insurer's visit record this inspection belongs to, to go back to it.
    const visitLink = await visitLinkOfInspection(context.db, membership.org.id, inspectionId);
    return { ...view, today: shanghaiDateString(new Date()), visitLink };
  });
}

type ActionProblem = {
  intent: string;
  fieldErrors?: Record<string, string>;
  formError?: { key: string; params?: Record<string, string | number> };
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const membership = await requireAccess(request, context, ACCESS.inspections, "edit");
  const inspectionId = inspectionIdOf(params);
  const actor = inspectionActorOf(membership);
  const back = redirect(`/inspections/${inspectionId}`);
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  let intent = "";
  const invalid = (fieldErrors: Record<string, string>, status = 400) =>
    data<ActionProblem>({ intent, fieldErrors }, { status });
  try {
    const form = multipart ? await parseUploadForm(request) : await readFormData(request);
    intent = String(form.get("intent") ?? "");
    const now = new Date();
    const photos = form.getAll("photos").filter((f): f is File => f instanceof File && f.size > 0);
    if (intent === "edit") {
      const parsed = parseForm(DraftEditSchema, form);
      const { answers, repeated } = answersFromForm(formDataToObject(form));
      if (!parsed.ok || repeated.length) {
        return invalid({
          ...(parsed.ok ? {} : parsed.fieldErrors),
          ...Object.fromEntries(repeated.map((k) => [`answers.${k}`, "field_repeated"])),
        });
      }
      await updateDraft(context.db, actor, { inspectionId, ...parsed.data, answers, now });
      return back;
    }
    if (intent === "add_hazard") {
      const parsed = parseForm(HazardFormSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors);
      await addDraftHazard(context.db, context.env, actor, {
        inspectionId,
        hazard: { ...parsed.data, photos },
        now,
      });
      return redirect(`/inspections/${inspectionId}#hazards`);
    }
    if (intent === "remove_hazard") {
      const parsed = parseForm(RemoveHazardSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors);
      await removeDraftHazard(context.db, actor, { inspectionId, index: parsed.data.index });
      return redirect(`/inspections/${inspectionId}#hazards`);
    }
    if (intent === "add_photos") {
      if (photos.length === 0) return invalid({ photos: "inspections.photo_required" });
      await addInspectionPhotos(context.db, context.env, actor, { inspectionId, photos, now });
      return back;
    }
    if (intent === "confirm") {
      const parsed = parseForm(ConfirmSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors);
      await confirmInspection(context.db, actor, { inspectionId, version: parsed.data.version, now });
      return back;
    }
    if (intent === "acknowledge") {
      const parsed = parseForm(AcknowledgeSchema, form);
      if (!parsed.ok) return invalid(parsed.fieldErrors);
      await acknowledgeInspection(context.db, actor, { inspectionId, note: parsed.data.note, now });
      return back;
    }
    return data<ActionProblem>({ intent, formError: { key: "invalid_input" } }, { status: 400 });
  } catch (error) {
    if (error instanceof InspectionInputError) return invalid(error.fields, error.status);
    if (error instanceof AppError) {
      return data<ActionProblem>(
        { intent, formError: { key: error.messageKey, params: error.params } },
        { status: error.status, headers: error.headers },
      );
    }
    throw error;
  }
}

export default function InspectionPage() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionProblem | undefined;
  const { t, i18n } = useTranslation("inspections");
  const lang = toLanguage(i18n.language);
  const i = view.inspection;
  const errorsFor = (intent: string) => (actionData?.intent === intent ? (actionData.fieldErrors ?? {}) : {});
  const problemFor = (intent: string) => (actionData?.intent === intent ? actionData.formError : undefined);
  const en = lang === "en";
  /** `answers.<itemKey>` → the item's label, so a refused confirmation names the items in words. */
  const labelOfField = (field: string) => {
    const item = i.template?.sections.flatMap((s) => s.items).find((it) => `answers.${it.key}` === field);
    return item ? (en ? item.en : item.zh) : field === "inspectorNames" ? t("inspectorNames") : field;
  };
  return (
    <div className="space-y-6">
      <Link to="/inspections" className="link text-sm">
        ← {t("back")}
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
            {view.enterpriseName} <ConfirmationBadge status={view.status} />
          </h1>
          <p className="mt-1 text-slate-600">
            {i.inspectedOn} · {sourceLabel(i.source, lang)}
            <NoPenaltyLabel source={i.source} lang={lang} /> · {view.inspectorOrgName}
          </p>
          {view.visitLink ? (
            <p className="mt-1 text-sm">
              <Link className="link" to={view.visitLink}>
                {t("visits:visit.backToVisit")}
              </Link>
            </p>
          ) : null}
        </div>
        <Link to={`/inspections/${i.id}/print`} className="btn-secondary">
          {t("print")}
        </Link>
      </header>
      <FormProblem problem={problemFor("") ?? undefined} />

      <section className="card" aria-labelledby="summary-title">
        <h2 id="summary-title" className="mb-3 text-lg font-semibold">
          {t("summary")}
        </h2>
        <dl className="grid gap-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-500">{t("inspectorNames")}</dt>
            <dd>{i.inspectorNames.join("、") || "—"}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("col.score")}</dt>
            <dd>{formatScore(i.scoreBp)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("template")}</dt>
            <dd>{i.template ? (en ? i.template.en : i.template.zh) : t("noTemplate")}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t("confirmations")}</dt>
            <dd className="text-sm">
              {i.inspectorConfirmedAt
                ? t("confirmedBy", {
                    name: view.confirmedByName ?? view.inspectorOrgName,
                    at: formatDateTime(new Date(i.inspectorConfirmedAt), lang),
                  })
                : t("notConfirmed")}
              <br />
              {i.enterpriseAcknowledgedAt
                ? t("acknowledgedBy", {
                    name: view.acknowledgedByName ?? view.enterpriseName,
                    at: formatDateTime(new Date(i.enterpriseAcknowledgedAt), lang),
                  })
                : t("notAcknowledged")}
              {i.enterpriseAcknowledgeNote ? (
                <span className="block text-slate-600">
                  {t("ackNote")}：{i.enterpriseAcknowledgeNote}
                </span>
              ) : null}
            </dd>
          </div>
        </dl>
      </section>

      {view.may.edit ? (
        <section className="card" aria-labelledby="edit-title">
          <h2 id="edit-title" className="mb-3 text-lg font-semibold">
            {t("editDraft")}
          </h2>
          <Form method="post" className="space-y-4">
            <FormProblem problem={problemFor("edit")} />
            <input type="hidden" name="intent" value="edit" />
            <input type="hidden" name="version" value={i.version} />
            <div className="grid gap-3 sm:grid-cols-2">
              <label className="label">
                {t("col.inspectedOn")}
                <input
                  type="date"
                  name="inspectedOn"
                  className="input"
                  max={view.today}
                  required
                  defaultValue={i.inspectedOn}
                />
                <FieldError error={errorsFor("edit").inspectedOn} />
              </label>
              <label className="label">
                {t("inspectorNames")}
                <textarea
                  name="inspectorNames"
                  className="input"
                  rows={2}
                  required
                  defaultValue={i.inspectorNames.join("\n")}
                />
                <FieldError error={errorsFor("edit").inspectorNames} />
              </label>
            </div>
            {i.template ? (
              <AnswerInputs template={i.template} answers={i.answers} errors={errorsFor("edit")} lang={lang} />
            ) : null}
            <label className="label">
              {t("findings")}
              <textarea name="findings" className="input" rows={4} defaultValue={i.findings} />
              <FieldError error={errorsFor("edit").findings} />
            </label>
            <SubmitButton>{t("saveDraft")}</SubmitButton>
          </Form>
        </section>
      ) : (
        <section className="card" aria-labelledby="answers-title">
          <h2 id="answers-title" className="mb-3 text-lg font-semibold">
            {t("answers")}
          </h2>
          <AnswersTable template={i.template} answers={i.answers} failedItemKeys={view.failedItemKeys} en={en} />
          <h3 className="mt-4 font-medium">{t("findings")}</h3>
          <p className="whitespace-pre-wrap">{i.findings || "—"}</p>
        </section>
      )}

      <section className="card" aria-labelledby="photos-title">
        <h2 id="photos-title" className="mb-3 text-lg font-semibold">
          {t("photos")}
        </h2>
        {view.photos.length === 0 ? <p className="text-slate-500">{t("noPhotos")}</p> : null}
        <div className="flex flex-wrap gap-2">
          {view.photos.map((p) => (
            <a key={p.id} href={`/inspections/${i.id}/photos/${p.id}`} target="_blank" rel="noreferrer">
              <img
                src={`/inspections/${i.id}/photos/${p.id}`}
                alt={p.caption ?? p.name}
                className="h-24 w-24 rounded object-cover"
              />
            </a>
          ))}
        </div>
        {view.may.edit ? (
          <Form method="post" encType="multipart/form-data" className="mt-3 flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="add_photos" />
            <input type="file" name="photos" accept="image/jpeg,image/png" multiple className="input max-w-xs" />
            <SubmitButton className="btn-secondary">{t("addPhotos")}</SubmitButton>
            <FieldError error={errorsFor("add_photos").photos} />
            <FormProblem problem={problemFor("add_photos")} />
          </Form>
        ) : null}
      </section>

      <section className="card space-y-3" aria-labelledby="hazards-title" id="hazards">
        <h2 id="hazards-title" className="text-lg font-semibold">
          {t("hazards")}
        </h2>
        {i.inspectorConfirmedAt ? (
          view.hazards.length === 0 ? (
            <p className="text-slate-500">{t("noHazards")}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("hazard.description")}</th>
                  <th scope="col">{t("hazard.grade")}</th>
                  <th scope="col">{t("hazard.location")}</th>
                  <th scope="col">{t("hazard.deadline")}</th>
                  <th scope="col">{t("hazard.responsiblePerson")}</th>
                  <th scope="col">{t("hazard.report")}</th>
                </tr>
              </thead>
              <tbody>
                {view.hazards.map((h) => (
                  <tr key={h.id}>
                    <td data-label={t("hazard.description")}>
                      <Link className="link" to={`/hazards/${h.id}`}>
                        {h.description}
                      </Link>
                      <NoPenaltyLabel source={i.source} lang={lang} />
                      {h.photoIds.length ? (
                        <span className="mt-1 flex flex-wrap gap-1">
                          {h.photoIds.map((id) => (
                            <a key={id} href={`/hazards/${h.id}/files/${id}`} target="_blank" rel="noreferrer">
                              <img
                                src={`/hazards/${h.id}/files/${id}`}
                                alt={t("hazard.photos")}
                                className="h-12 w-12 rounded object-cover"
                              />
                            </a>
                          ))}
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t("hazard.grade")}>
                      <GradeBadge grade={h.grade} />
                    </td>
                    <td data-label={t("hazard.location")}>{h.location || "—"}</td>
                    <td data-label={t("hazard.deadline")}>{h.deadline}</td>
                    <td data-label={t("hazard.responsiblePerson")}>{h.responsiblePerson || "—"}</td>
                    <td data-label={t("hazard.report")}>
                      {h.grade !== "major"
                        ? "—"
                        : h.reportedAt
                          ? t("reportedAt", { at: formatDateTime(new Date(h.reportedAt), lang) })
                          : t("reportMissing")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : (
          <>
            <p className="text-sm text-slate-600">{t("draftHazardsHint")}</p>
            {view.draftHazards.length === 0 ? <p className="text-slate-500">{t("noHazards")}</p> : null}
            <ul className="space-y-2">
              {view.draftHazards.map((h, index) => (
                <li key={index} className="rounded border border-slate-200 p-2">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      <GradeBadge grade={h.grade} /> {h.description}
                    </span>
                    {view.may.edit ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove_hazard" />
                        <input type="hidden" name="index" value={index} />
                        <button type="submit" className="btn-secondary text-sm">
                          {t("removeHazard")}
                        </button>
                      </Form>
                    ) : null}
                  </div>
                  <p className="text-sm text-slate-600">
                    {t("hazard.location")}：{h.location || "—"} · {t("hazard.deadline")}：{h.deadline} ·{" "}
                    {t("hazard.responsiblePerson")}：{h.responsiblePerson || "—"} · {t("photos")}：
                    {h.photoFileIds.length}
                  </p>
                </li>
              ))}
            </ul>
            {view.may.edit && view.candidates.length > 0 ? (
              <div className="space-y-2">
                <h3 className="font-medium">{t("candidates")}</h3>
                {view.candidates.map((c) => (
                  <details key={c.itemKey} className="rounded-md border border-amber-300 bg-amber-50 p-3">
                    <summary className="cursor-pointer">
                      <GradeBadge grade={c.suggestedGrade} /> {en ? c.en : c.zh}
                    </summary>
                    <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
                      <input type="hidden" name="intent" value="add_hazard" />
                      <HazardFields
                        defaults={{ itemKey: c.itemKey, grade: c.suggestedGrade, description: en ? c.en : c.zh }}
                        errors={{}}
                        minDeadline={i.inspectedOn}
                      />
                      <SubmitButton>{t("addHazard")}</SubmitButton>
                    </Form>
                  </details>
                ))}
              </div>
            ) : null}
            {view.may.edit ? (
              <details className="rounded-md border border-slate-200 p-3" open={actionData?.intent === "add_hazard"}>
                <summary className="cursor-pointer font-medium">{t("manualHazard")}</summary>
                <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
                  <FormProblem problem={problemFor("add_hazard")} />
                  <input type="hidden" name="intent" value="add_hazard" />
                  <HazardFields defaults={{}} errors={errorsFor("add_hazard")} minDeadline={i.inspectedOn} />
                  <SubmitButton>{t("addHazard")}</SubmitButton>
                </Form>
              </details>
            ) : null}
          </>
        )}
      </section>

      {view.may.confirm ? (
        <section className="card border-2 border-brand-200" aria-labelledby="confirm-title">
          <h2 id="confirm-title" className="mb-2 text-lg font-semibold">
            {t("confirmTitle")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("confirmLead", { count: view.draftHazards.length })}</p>
          <Form method="post" className="space-y-3">
            <FormProblem problem={problemFor("confirm")} />
            {Object.entries(errorsFor("confirm"))
              .filter(([k]) => k !== "sure")
              .map(([k, v]) => (
                <p key={k} className="field-error">
                  {labelOfField(k)}：<FieldErrorText error={v} />
                </p>
              ))}
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="version" value={i.version} />
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="sure" value="yes" required />
              <span>{t("confirmTick")}</span>
            </label>
            <FieldError error={errorsFor("confirm").sure} />
            <SubmitButton>{t("confirm")}</SubmitButton>
          </Form>
        </section>
      ) : null}

      {view.may.acknowledge ? (
        <section className="card border-2 border-brand-200" aria-labelledby="ack-title">
          <h2 id="ack-title" className="mb-2 text-lg font-semibold">
            {t("acknowledgeTitle")}
          </h2>
          <Form method="post" className="space-y-3">
            <FormProblem problem={problemFor("acknowledge")} />
            <input type="hidden" name="intent" value="acknowledge" />
            <label className="label">
              {t("ackNote")}
              <textarea name="note" className="input" rows={2} />
              <FieldError error={errorsFor("acknowledge").note} />
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="sure" value="yes" required />
              <span>{t("acknowledgeTick")}</span>
            </label>
            <FieldError error={errorsFor("acknowledge").sure} />
            <SubmitButton>{t("acknowledge")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

function FieldErrorText({ error }: { error: string }) {
  const { t } = useTranslation();
  return <>{error.startsWith("inspections.") ? t(`inspections:errors.${error.slice(12)}`) : t(`errors:${error}`)}</>;
}
