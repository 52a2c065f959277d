import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffSchema } from "../forms/group";
import { Field, SubmitButton, SuccessNote, ValidatedForm } from "./forms";

type Staff = { id: string; name: string; title: string | null; phone: string | null };

/**
 * A member's named technical staff in one group, with add and remove: the coordinator's page
 * (/group/members/:id) and the member's own (/mutual-aid/groups/:id) show the same section.
 */
export function StaffSection({
  memberName,
  staff,
  canEdit,
  back,
}: {
  memberName: string;
  staff: Staff[];
  canEdit: boolean;
  back: { to: string; label: string };
}) {
  const { t } = useTranslation("groups");
  const result = useActionData<{ done?: "added" | "removed" }>();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to={back.to} className="link text-sm">
        ← {back.label}
      </Link>
      <h1 className="text-2xl font-semibold">{t("staff.title", { name: memberName })}</h1>
      <p className="text-sm text-slate-600">{t("staff.lead")}</p>
      {result?.done ? <SuccessNote>{t(`staff.${result.done}`)}</SuccessNote> : null}
      <section className="card overflow-x-auto">
        {staff.length === 0 ? (
          <p className="text-slate-500">{t("staff.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.staffName")}</th>
                <th scope="col">{t("col.staffTitle")}</th>
                <th scope="col">{t("col.staffPhone")}</th>
                {canEdit ? <th scope="col">{t("col.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <td data-label={t("col.staffName")}>{s.name}</td>
                  <td data-label={t("col.staffTitle")}>{s.title}</td>
                  <td data-label={t("col.staffPhone")}>{s.phone}</td>
                  {canEdit ? (
                    <td data-label={t("col.actions")}>
                      <Form method="post">
                        <input type="hidden" name="staffId" value={s.id} />
                        <button type="submit" name="intent" value="remove" className="btn-danger py-1">
                          {t("staff.remove")}
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
          <h2 className="mb-4 text-lg font-semibold">{t("staff.add")}</h2>
          <ValidatedForm schema={StaffSchema}>
            {({ errors, values }) => (
              <>
                <div className="grid gap-x-4 sm:grid-cols-3">
                  <Field
                    name="name"
                    label={t("col.staffName")}
                    errors={errors}
                    defaultValue={values.name ?? ""}
                    required
                  />
                  <Field name="title" label={t("col.staffTitle")} errors={errors} defaultValue={values.title ?? ""} />
                  <Field name="phone" label={t("col.staffPhone")} errors={errors} defaultValue={values.phone ?? ""} />
                </div>
                <SubmitButton name="intent" value="add">
                  {t("staff.addSubmit")}
                </SubmitButton>
              </>
            )}
          </ValidatedForm>
        </section>
      ) : null}
    </div>
  );
}
