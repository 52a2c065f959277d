import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { shanghaiDateString } from "../../domain/format";
import { GUIDANCE_CHANNELS, type GuidanceChannel } from "../../domain/response-time";
import { OpenThreadSchema } from "../../forms/training";
import { parseUploadForm } from "../../services/files.server";
import { guidanceCounterparts, openThread } from "../../services/guidance.server";
import { requireMembership } from "../../utils/auth.server";
import { assertNoNulBytes } from "../../utils/form-data.server";
import { formDataToObject, parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "发起远程指导 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireMembership(request, context, { kinds: ["enterprise"] });
  return guidanceCounterparts(context.db, org.id, shanghaiDateString(new Date()));
}

function stringValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(formDataToObject(form)))
    out[key] = Array.isArray(value) ? value.join(",") : value;
  return out;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireMembership(request, context, { kinds: ["enterprise"] });
  let form: FormData;
  try {
    form = await parseUploadForm(request);
    assertNoNulBytes(form);
  } catch (error) {
    return formFailure(error);
  }
  const parsed = parseForm(OpenThreadSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  const now = new Date();
  try {
    const thread = await openThread(
      context.db,
      context.env,
      { userId: user.id, org },
      { ...parsed.data, files },
      now,
      shanghaiDateString(now),
    );
    return redirect(`/guidance/${thread.id}`);
  } catch (error) {
    return formFailure(error, stringValues(form));
  }
}

export default function NewGuidance() {
  const { insurers, providers, experts } = useLoaderData<typeof loader>();
  const { t } = useTranslation("training");
  const [channel, setChannel] = useState<GuidanceChannel>(insurers.length ? "guidance_24h" : "provider");
  const orgChoices = channel === "provider" ? providers : insurers;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/guidance" className="link text-sm">
        ← {t("guidance.back")}
      </Link>
      <div className="card">
        <h1 className="mb-4 text-2xl font-semibold">{t("guidance.newTitle")}</h1>
        <ValidatedForm schema={OpenThreadSchema} encType="multipart/form-data">
          {({ errors, values }) => (
            <>
              <Field name="channel" label={t("guidance.channel")} errors={errors}>
                <select
                  id="field-channel"
                  name="channel"
                  className="input"
                  value={channel}
                  onChange={(e) => setChannel(e.target.value as GuidanceChannel)}
                >
                  {GUIDANCE_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {t(`guidance.channels.${c}`)}
                    </option>
                  ))}
                </select>
              </Field>
              {channel === "expert" ? (
                <Field name="expertId" label={t("guidance.expert")} errors={errors}>
                  {experts.length === 0 ? (
                    <p className="text-sm text-slate-500">{t("guidance.noExpert")}</p>
                  ) : (
                    <select
                      id="field-expertId"
                      name="expertId"
                      className="input"
                      defaultValue={values.expertId ?? ""}
                      aria-invalid={errors.expertId ? true : undefined}
                    >
                      <option value="">{t("guidance.pick")}</option>
                      {experts.map((x) => (
                        <option key={x.id} value={x.id}>
                          {x.name} · {x.employerName}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ) : (
                <Field name="counterpartOrgId" label={t("guidance.counterpart")} errors={errors}>
                  {orgChoices.length === 0 ? (
                    <p className="text-sm text-slate-500">
                      {channel === "provider" ? t("guidance.noProvider") : t("guidance.noInsurer")}
                    </p>
                  ) : (
                    <select
                      id="field-counterpartOrgId"
                      name="counterpartOrgId"
                      className="input"
                      key={channel}
                      defaultValue={values.counterpartOrgId ?? (orgChoices.length === 1 ? orgChoices[0]!.id : "")}
                      aria-invalid={errors.counterpartOrgId ? true : undefined}
                    >
                      <option value="">{t("guidance.pick")}</option>
                      {orgChoices.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              )}
              <Field name="subject" label={t("guidance.subject")} errors={errors} defaultValue={values.subject} />
              <Field name="body" label={t("guidance.body")} errors={errors}>
                <textarea
                  id="field-body"
                  name="body"
                  rows={5}
                  className="input"
                  defaultValue={values.body}
                  aria-invalid={errors.body ? true : undefined}
                />
              </Field>
              <div className="mb-4">
                <label htmlFor="field-files" className="label">
                  {t("guidance.files")}
                </label>
                <input id="field-files" name="files" type="file" multiple className="input" />
              </div>
              <SubmitButton>{t("guidance.submit")}</SubmitButton>
            </>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
