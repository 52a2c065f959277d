import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmSubmit, SpecialtyBadges, useExpertLabels } from "../../components/expert-badges";
import { Field, FormErrorMessage, SuccessNote } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { industryName } from "../../domain/industries";
import { regionNamesOf } from "../../domain/regions";
import { ExpertAssignSchema } from "../../forms/experts";
import { toLanguage } from "../../i18n/config";
import { assignExpert, getExpertProfile } from "../../services/experts.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "专家 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.expertPool, "view");
  const today = shanghaiDateString(new Date());
  const found = await orErrorPage(async () =>
    getExpertProfile(context.db, org, uuidOrNotFound(params.expertId), today),
  );
  return { ...found, today, regionNames: regionNamesOf(found.expert.regionCodes) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.expertAssign, "edit");
  const form = await readFormData(request);
  try {
    const expertId = uuidOrNotFound(params.expertId);
    const parsed = parseForm(ExpertAssignSchema, form);
    if (!parsed.ok)
      return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, assigned: false }, { status: 400 });
    await assignExpert(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      org,
      expertId,
      parsed.data,
      shanghaiDateString(new Date()),
    );
    return { assigned: true };
  } catch (error) {
    return formFailure(error);
  }
}

type ActionResult = {
  assigned?: boolean;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  formError?: { key: string; params?: Record<string, string | number> };
};

export default function ExpertProfilePage() {
  const { expert, contactShown, keeps, canAssign, enterprises, assignments, today, regionNames } =
    useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t, i18n } = useTranslation("experts");
  const lang = toLanguage(i18n.language);
  const label = useExpertLabels();
  const errors = result?.fieldErrors ?? {};
  const values = result?.values ?? {};
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/experts" className="link text-sm">
        ← {t("back")}
      </Link>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">
          {expert.name}
          {!expert.active ? <span className="badge ml-2 bg-slate-200 text-slate-700">{t("inactive")}</span> : null}
        </h1>
        {keeps ? (
          <Link
            to={expert.employerOrgId ? "/provider/experts" : `/experts/${expert.id}/edit`}
            className="btn-secondary"
          >
            {t("edit")}
          </Link>
        ) : null}
      </header>
      <section className="card">
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("col.title")}</dt>
            <dd>{label.title(expert.title)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("col.level")}</dt>
            <dd>{expert.safetyEngineerLevel ? label.level(expert.safetyEngineerLevel) : t("form.levelNone")}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("form.certificateNo")}</dt>
            <dd className="font-mono">{expert.certificateNo ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("col.employer")}</dt>
            <dd>{expert.employerName ?? t("independent")}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-500">{t("col.specialties")}</dt>
            <dd>
              <SpecialtyBadges codes={expert.specialties} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("col.regions")}</dt>
            <dd>{expert.regionCodes.map((c) => regionNames[c] ?? c).join("、")}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("form.industries")}</dt>
            <dd>
              {expert.industryCodes.length
                ? expert.industryCodes.map((c) => `${c} ${industryName(c, lang) ?? ""}`.trim()).join("、")
                : t("anyIndustry")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("form.unavailable")}</dt>
            <dd>
              {expert.unavailable.filter((u) => u.to >= today).length
                ? expert.unavailable
                    .filter((u) => u.to >= today)
                    .map((u) => (u.from === u.to ? u.from : `${u.from} ~ ${u.to}`))
                    .join("；")
                : t("noUnavailable")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("form.phone")}</dt>
            <dd>
              {contactShown ? (expert.phone ?? "—") : <span className="text-slate-500">{t("contactHidden")}</span>}
            </dd>
          </div>
          {expert.bio ? (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t("form.bio")}</dt>
              <dd className="whitespace-pre-line">{expert.bio}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {canAssign ? (
        <section className="card" aria-labelledby="assign-heading">
          <h2 id="assign-heading" className="mb-3 text-lg font-semibold">
            {t("assign.title")}
          </h2>
          {result?.assigned ? <SuccessNote className="mb-3">{t("assign.done")}</SuccessNote> : null}
          {result?.formError ? <FormErrorMessage error={result.formError} /> : null}
          {enterprises.length === 0 ? (
            <p className="text-sm text-slate-600">{t("assign.noEnterprises")}</p>
          ) : (
            <Form method="post" noValidate>
              <div className="grid gap-x-4 sm:grid-cols-2">
                <Field name="enterpriseId" label={t("assign.enterprise")} errors={errors}>
                  <select
                    id="field-enterpriseId"
                    name="enterpriseId"
                    className="input"
                    defaultValue={values.enterpriseId ?? (enterprises.length === 1 ? enterprises[0]!.id : "")}
                  >
                    {enterprises.length > 1 ? <option value="">{t("choose")}</option> : null}
                    {enterprises.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.name}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field
                  name="dueOn"
                  type="date"
                  label={t("assign.dueOn")}
                  errors={errors}
                  defaultValue={values.dueOn ?? ""}
                />
              </div>
              <Field name="task" label={t("assign.task")} errors={errors}>
                <textarea
                  id="field-task"
                  name="task"
                  rows={2}
                  className="input"
                  maxLength={500}
                  defaultValue={values.task ?? ""}
                />
              </Field>
              <ConfirmSubmit message={t("assign.confirm", { name: expert.name })}>{t("assign.submit")}</ConfirmSubmit>
            </Form>
          )}
        </section>
      ) : null}

      {assignments.rows.length > 0 ? (
        <section className="card overflow-x-auto" aria-labelledby="assignments-heading">
          <h2 id="assignments-heading" className="mb-3 text-lg font-semibold">
            {t("assignmentsOfExpert")}
          </h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("assignments.col.enterprise")}</th>
                <th scope="col">{t("assignments.col.task")}</th>
                <th scope="col">{t("assignments.col.assignedBy")}</th>
                <th scope="col">{t("assignments.col.dueOn")}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.rows.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("assignments.col.enterprise")}>{a.enterpriseName}</td>
                  <td data-label={t("assignments.col.task")}>{a.task}</td>
                  <td data-label={t("assignments.col.assignedBy")}>{a.assignedByName}</td>
                  <td data-label={t("assignments.col.dueOn")}>{a.dueOn ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
