import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { ProgramSchema } from "../../forms/training";
import { createProgram } from "../../services/checkups.server";
import { requireMembership } from "../../utils/auth.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "新建体检项目 · 安服市集" }];

const RUNNERS = { kinds: ["bureau", "insurer"] as const };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireMembership(request, context, RUNNERS);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireMembership(request, context, RUNNERS);
  const parsed = parseForm(ProgramSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    const program = await createProgram(
      context.db,
      { userId: user.id, org },
      { ...parsed.data, description: parsed.data.description ?? "" },
      new Date(),
    );
    return redirect(`/checkups/${program.id}`);
  } catch (error) {
    return formFailure(error);
  }
}

export default function NewProgram() {
  const { t } = useTranslation("training");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/checkups" className="link text-sm">
        ← {t("checkups.back")}
      </Link>
      <div className="card">
        <h1 className="mb-4 text-2xl font-semibold">{t("checkups.newTitle")}</h1>
        <ValidatedForm schema={ProgramSchema}>
          {({ errors, values }) => (
            <>
              <Field name="name" label={t("checkups.name")} errors={errors} defaultValue={values.name} />
              <Field name="description" label={t("checkups.description")} errors={errors}>
                <textarea
                  id="field-description"
                  name="description"
                  rows={4}
                  className="input"
                  defaultValue={values.description}
                />
              </Field>
              <div className="grid gap-3 sm:grid-cols-2">
                <Field
                  name="startsOn"
                  type="date"
                  label={t("checkups.startsOn")}
                  errors={errors}
                  defaultValue={values.startsOn}
                />
                <Field
                  name="endsOn"
                  type="date"
                  label={t("checkups.endsOn")}
                  errors={errors}
                  defaultValue={values.endsOn}
                />
              </div>
              <SubmitButton>{t("checkups.create")}</SubmitButton>
            </>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
