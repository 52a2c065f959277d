import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { ExpertSchema, IdSchema } from "../../forms/provider";
import { addExpert, deleteExpert, getOwnProfile, updateExpert } from "../../services/providers.server";
import { requireAccess } from "../../utils/access.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.providerWorkspace, "view");
  const { experts } = await orErrorPage(() => getOwnProfile(context.db, { orgId: org.id, now: new Date() }));
  const editId = new URL(request.url).searchParams.get("edit");
  const editing = experts.find((e) => e.id === editId) ?? null;
  return { experts, editing, canEdit };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  const form = await readFormData(request);
  const intent = form.get("intent");
  const expertId = IdSchema.safeParse(form.get("expertId"));
  try {
    if (intent === "delete") {
      if (!expertId.success) throw data({ messageKey: "not_found" }, { status: 404 });
      await deleteExpert(context.db, actor, expertId.data);
      return { done: "deleted" as const };
    }
    const parsed = parseForm(ExpertSchema, form);
    if (!parsed.ok)
      return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, done: null }, { status: 400 });
    if (expertId.success) await updateExpert(context.db, actor, expertId.data, parsed.data);
    else await addExpert(context.db, actor, parsed.data);
    return { done: "saved" as const };
  } catch (error) {
    return formFailure(error);
  }
}

export default function ExpertsPage() {
  const { experts, editing, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<{ done?: "saved" | "deleted" | null }>();
  const { t } = useTranslation("provider");
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/provider/profile" className="link text-sm">
        ← {t("profileTitle")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("expertsTitle")}</h1>
      <p className="text-sm text-slate-600">{t("expertsIntro")}</p>
      {result?.done ? <SuccessNote>{t(result.done === "saved" ? "expertSaved" : "expertDeleted")}</SuccessNote> : null}
      <section className="card overflow-x-auto">
        {experts.length === 0 ? (
          <p className="text-slate-500">{t("noExperts")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("expertName")}</th>
                <th scope="col">{t("expertTitle")}</th>
                <th scope="col">{t("expertCertificate")}</th>
                <th scope="col">{t("expertSpecialties")}</th>
                {canEdit ? <th scope="col">{t("actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {experts.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("expertName")}>{e.name}</td>
                  <td data-label={t("expertTitle")}>{e.title}</td>
                  <td data-label={t("expertCertificate")} className="font-mono text-xs">
                    {e.certificateNo}
                  </td>
                  <td data-label={t("expertSpecialties")}>{e.specialties}</td>
                  {canEdit ? (
                    <td data-label={t("actions")} className="flex gap-2">
                      <Link to={`?edit=${e.id}`} className="btn-secondary py-1">
                        {t("edit")}
                      </Link>
                      <Form method="post">
                        <input type="hidden" name="expertId" value={e.id} />
                        <button type="submit" name="intent" value="delete" className="btn-danger py-1">
                          {t("delete")}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canEdit ? (
        <section className="card">
          <h2 className="mb-4 text-lg font-semibold">
            {editing ? t("editExpert", { name: editing.name }) : t("addExpert")}
          </h2>
          {/* key: switching between experts must reset the uncontrolled inputs */}
          <ValidatedForm schema={ExpertSchema} key={editing?.id ?? "new"}>
            {({ errors, values }) => (
              <>
                {editing ? <input type="hidden" name="expertId" value={editing.id} /> : null}
                <div className="grid gap-x-4 sm:grid-cols-2">
                  <Field
                    name="name"
                    label={t("expertName")}
                    errors={errors}
                    defaultValue={values.name ?? editing?.name ?? ""}
                    required
                  />
                  <Field
                    name="title"
                    label={t("expertTitle")}
                    errors={errors}
                    defaultValue={values.title ?? editing?.title ?? ""}
                  />
                  <Field
                    name="certificateNo"
                    label={t("expertCertificate")}
                    errors={errors}
                    defaultValue={values.certificateNo ?? editing?.certificateNo ?? ""}
                  />
                  <Field
                    name="specialties"
                    label={t("expertSpecialties")}
                    errors={errors}
                    defaultValue={values.specialties ?? editing?.specialties ?? ""}
                  />
                </div>
                <div className="flex gap-2">
                  <SubmitButton name="intent" value="save">
                    {t("saveExpert")}
                  </SubmitButton>
                  {editing ? (
                    <Link to="/provider/experts" className="btn-secondary">
                      {t("cancelEdit")}
                    </Link>
                  ) : null}
                </div>
              </>
            )}
          </ValidatedForm>
        </section>
      ) : null}
    </div>
  );
}
