import { randomBytes } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmSubmit, useExpertLabels } from "../../components/expert-badges";
import { Field, ValidatedForm } from "../../components/forms";
import { RegionPicker } from "../../components/region-picker";
import { ACCESS } from "../../domain/access";
import { addDays } from "../../domain/calendar-date";
import { EXPERT_SPECIALTIES } from "../../domain/expert-codes";
import { shanghaiDateString } from "../../domain/format";
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, industryName, sectionOf } from "../../domain/industries";
import { toLanguage } from "../../i18n/config";
import { ExpertDrawSchema, MAX_DRAW_COUNT } from "../../forms/experts";
import { stringValues } from "../../forms/provider";
import { createExpertDraw, drawableEnterprises } from "../../services/expert-draws.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "随机抽取专家 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.bureauDesk, "edit");
  const enterprises = await drawableEnterprises(context.db, org);
  const today = shanghaiDateString(new Date());
  return { enterprises, today, defaultTo: addDays(today, 7), regionCode: org.regionCode };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.bureauDesk, "edit");
  const form = await readFormData(request);
  const parsed = parseForm(ExpertDrawSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    // The seed comes from a cryptographic source; the draw itself is reproducible from it.
    const seed = randomBytes(16).toString("hex");
    const draw = await createExpertDraw(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      org,
      parsed.data,
      { seed },
    );
    return redirect(`/bureau/expert-draws/${draw.id}`);
  } catch (error) {
    return formFailure(error, stringValues(form));
  }
}

export default function NewExpertDrawPage() {
  const { enterprises, today, defaultTo } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("experts");
  const label = useExpertLabels();
  const lang = toLanguage(i18n.language);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/bureau/expert-draws" className="link text-sm">
        ← {t("draws.title")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("draws.newTitle")}</h1>
      <p className="text-sm text-slate-600">{t("draws.newLead")}</p>
      <section className="card">
        <ValidatedForm schema={ExpertDrawSchema}>
          {({ errors, values }) => (
            <>
              <Field name="task" label={t("draws.form.task")} errors={errors}>
                <textarea
                  id="field-task"
                  name="task"
                  rows={2}
                  className="input"
                  maxLength={500}
                  defaultValue={values.task ?? ""}
                />
              </Field>
              <Field name="enterpriseId" label={t("draws.form.enterprise")} errors={errors}>
                <select
                  id="field-enterpriseId"
                  name="enterpriseId"
                  className="input"
                  defaultValue={values.enterpriseId ?? ""}
                >
                  <option value="">{t("choose")}</option>
                  {enterprises.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                </select>
              </Field>
              <div className="grid gap-x-4 sm:grid-cols-2">
                <Field name="specialty" label={t("draws.form.specialty")} errors={errors}>
                  <select id="field-specialty" name="specialty" className="input" defaultValue={values.specialty ?? ""}>
                    <option value="">{t("any")}</option>
                    {EXPERT_SPECIALTIES.map((c) => (
                      <option key={c} value={c}>
                        {label.specialty(c)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field name="industryCode" label={t("draws.form.industry")} errors={errors}>
                  <select
                    id="field-industryCode"
                    name="industryCode"
                    className="input"
                    defaultValue={values.industryCode ?? ""}
                  >
                    <option value="">{t("any")}</option>
                    {INDUSTRY_SECTIONS.map((s) => (
                      <optgroup key={s.code} label={`${s.code} ${industryName(s.code, lang) ?? ""}`}>
                        <option value={s.code}>
                          {s.code} {industryName(s.code, lang)}
                        </option>
                        {INDUSTRY_DIVISIONS.filter((d) => sectionOf(d.code)?.code === s.code).map((d) => (
                          <option key={d.code} value={d.code}>
                            {d.code} {industryName(d.code, lang)}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </Field>
              </div>
              <RegionPicker
                name="regionCode"
                label={t("draws.form.region")}
                defaultValue={values.regionCode ?? ""}
                required={false}
                error={errors.regionCode}
              />
              <div className="grid gap-x-4 sm:grid-cols-3">
                <Field
                  name="from"
                  type="date"
                  label={t("draws.form.from")}
                  errors={errors}
                  defaultValue={values.from ?? today}
                />
                <Field
                  name="to"
                  type="date"
                  label={t("draws.form.to")}
                  errors={errors}
                  defaultValue={values.to ?? defaultTo}
                />
                <Field
                  name="count"
                  type="number"
                  min={1}
                  max={MAX_DRAW_COUNT}
                  inputMode="numeric"
                  label={t("draws.form.count")}
                  errors={errors}
                  defaultValue={values.count ?? "2"}
                />
              </div>
              <ConfirmSubmit message={t("draws.form.confirm")}>{t("draws.form.submit")}</ConfirmSubmit>
            </>
          )}
        </ValidatedForm>
      </section>
    </div>
  );
}
