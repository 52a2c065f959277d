import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { attendeesFromSheet, parseAttendeeLines, TRAINING_KINDS, type AttendeeParse } from "../../domain/training";
import { TrainingSchema } from "../../forms/training";
import { parseUploadForm, uploadedFile } from "../../services/files.server";
import { readSpreadsheet, UnreadableSheetError } from "../../services/spreadsheet.server";
import { recordTraining, trainingTargets } from "../../services/training.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { formDataToObject, parseForm } from "../../utils/forms";
import { assertNoNulBytes } from "../../utils/form-data.server";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "登记培训 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.training, "edit");
  const targets = await trainingTargets(context.db, org, shanghaiDateString(new Date()));
  return { targets, isGroup: org.kind === "group", today: shanghaiDateString(new Date()) };
}

/** The typed values, for the form to keep after a refusal. */
function stringValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(formDataToObject(form)))
    out[key] = Array.isArray(value) ? value.join(",") : value;
  return out;
}

type SheetProblem = { row: number; code: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.training, "edit");
  let form: FormData;
  try {
    form = await parseUploadForm(request);
    assertNoNulBytes(form);
  } catch (error) {
    return formFailure(error);
  }
  const parsed = parseForm(TrainingSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const values = stringValues(form);
  const sheet = uploadedFile(form, "attendeeFile");
  let list: AttendeeParse = parseAttendeeLines(parsed.data.attendees ?? "");
  if (sheet) {
    try {
      const fromSheet = attendeesFromSheet(await readSpreadsheet(new Uint8Array(await sheet.arrayBuffer())));
      list = { attendees: [...list.attendees, ...fromSheet.attendees], errors: [...list.errors, ...fromSheet.errors] };
    } catch (error) {
      if (!(error instanceof UnreadableSheetError)) throw error;
      list = { ...list, errors: [...list.errors, { row: 0, code: error.code as never }] };
    }
  }
  if (list.errors.length > 0) {
    const sheetErrors: SheetProblem[] = list.errors;
    return data(
      { formError: { key: "training.sheet_invalid" }, sheetErrors, values, fieldErrors: undefined },
      { status: 422 },
    );
  }
  const materials = form.getAll("materials").filter((f): f is File => f instanceof File && f.size > 0);
  const now = new Date();
  const { enterpriseId, attendees: _text, ...rest } = parsed.data;
  try {
    const session = await recordTraining(
      context.db,
      context.env,
      { userId: user.id, org },
      { ...rest, enterpriseId: enterpriseId === "group" ? null : enterpriseId, attendees: list.attendees, materials },
      now,
      shanghaiDateString(now),
    );
    return redirect(`/training/${session.id}`);
  } catch (error) {
    if (error instanceof AppError) return formFailure(error, values);
    throw error;
  }
}

export default function NewTraining() {
  const { targets, isGroup, today } = useLoaderData<typeof loader>();
  const result = useActionData<{ sheetErrors?: SheetProblem[] }>();
  const { t } = useTranslation("training");
  const noTargets = targets.length === 0 && !isGroup;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/training" className="link text-sm">
        ← {t("training.back")}
      </Link>
      <div className="card">
        <h1 className="mb-2 text-2xl font-semibold">{t("training.newTitle")}</h1>
        <p className="mb-4 text-sm text-slate-600">{t("training.newLead")}</p>
        {noTargets ? (
          <p className="text-slate-600">{t("training.noTargets")}</p>
        ) : (
          <ValidatedForm schema={TrainingSchema} encType="multipart/form-data">
            {({ errors, values }) => (
              <>
                {result?.sheetErrors?.length ? (
                  <div
                    role="alert"
                    className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
                  >
                    <p>{t("training.sheetErrors")}</p>
                    <ul className="list-disc pl-5">
                      {result.sheetErrors.map((e, i) => (
                        <li key={i}>
                          {t("training.sheetError", { row: e.row, reason: t(`training.sheetCodes.${e.code}`) })}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <Field name="enterpriseId" label={t("training.enterprise")} errors={errors}>
                  <select
                    id="field-enterpriseId"
                    name="enterpriseId"
                    className="input"
                    defaultValue={values.enterpriseId ?? (targets.length === 1 ? targets[0]!.id : "")}
                    aria-invalid={errors.enterpriseId ? true : undefined}
                  >
                    <option value="">{t("training.pickEnterprise")}</option>
                    {isGroup ? <option value="group">{t("training.sharedGroup")}</option> : null}
                    {targets.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field name="topic" label={t("training.topic")} errors={errors} defaultValue={values.topic} />
                <Field name="kind" label={t("training.kind")} errors={errors}>
                  <select
                    id="field-kind"
                    name="kind"
                    className="input"
                    defaultValue={values.kind ?? "all_staff"}
                    aria-invalid={errors.kind ? true : undefined}
                  >
                    {TRAINING_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`training.kinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="grid gap-3 sm:grid-cols-3">
                  <Field
                    name="heldOn"
                    type="date"
                    label={t("training.heldOn")}
                    errors={errors}
                    defaultValue={values.heldOn ?? today}
                  />
                  <Field
                    name="hours"
                    label={t("training.hours")}
                    errors={errors}
                    inputMode="numeric"
                    defaultValue={values.hours}
                  />
                  <Field
                    name="attendeeCount"
                    label={t("training.attendeeCount")}
                    errors={errors}
                    inputMode="numeric"
                    defaultValue={values.attendeeCount}
                  />
                </div>
                <p className="-mt-2 mb-4 text-xs text-slate-500">{t("training.attendeeCountHint")}</p>
                <Field
                  name="attendees"
                  label={t("training.attendees")}
                  errors={errors}
                  hint={t("training.attendeesHint")}
                >
                  <textarea
                    id="field-attendees"
                    name="attendees"
                    rows={6}
                    className="input"
                    defaultValue={values.attendees}
                    aria-describedby="field-attendees-hint"
                  />
                </Field>
                <div className="mb-4">
                  <label htmlFor="field-attendeeFile" className="label">
                    {t("training.attendeeFile")}
                  </label>
                  <input
                    id="field-attendeeFile"
                    name="attendeeFile"
                    type="file"
                    accept=".xlsx,.csv"
                    className="input"
                  />
                </div>
                <div className="mb-4">
                  <label htmlFor="field-materials" className="label">
                    {t("training.materials")}
                  </label>
                  <input id="field-materials" name="materials" type="file" multiple className="input" />
                </div>
                <SubmitButton>{t("training.submit")}</SubmitButton>
              </>
            )}
          </ValidatedForm>
        )}
      </div>
    </div>
  );
}
