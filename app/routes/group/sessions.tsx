import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { Pagination } from "../../components/pagination";
import { ACCESS } from "../../domain/access";
import { pageFromUrl } from "../../domain/paging";
import { GroupSessionSchema, TRAINING_KINDS } from "../../forms/group";
import { listGroupSessions, recordGroupSession } from "../../services/groups.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "培训与交流 · 安服市集" }];

/** The group's shared training sessions and exchange meetings. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.groupDesk, "view");
  const sessions = await listGroupSessions(context.db, { groupId: org.id, page: pageFromUrl(request.url) });
  return { sessions, canEdit };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.groupDesk, "edit");
  const form = await readFormData(request);
  const parsed = parseForm(GroupSessionSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    await recordGroupSession(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      parsed.data,
      new Date(),
    );
    return { done: true };
  } catch (error) {
    return formFailure(error);
  }
}

export default function GroupSessions() {
  const { sessions, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<{ done?: boolean }>();
  const { t } = useTranslation("groups");
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/group" className="link text-sm">
        ← {t("cycles.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("sessions.title")}</h1>
      <p className="text-sm text-slate-600">{t("sessions.lead")}</p>
      {result?.done ? <SuccessNote>{t("sessions.saved")}</SuccessNote> : null}
      <section className="card overflow-x-auto">
        {sessions.rows.length === 0 ? (
          <p className="text-slate-500">{t("sessions.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.heldOn")}</th>
                <th scope="col">{t("col.kind")}</th>
                <th scope="col">{t("col.topic")}</th>
                <th scope="col">{t("col.hours")}</th>
                <th scope="col">{t("col.attendees")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.rows.map((s) => (
                <tr key={s.id}>
                  <td data-label={t("col.heldOn")}>{s.heldOn}</td>
                  <td data-label={t("col.kind")}>{t(`sessions.kinds.${s.kind}`)}</td>
                  <td data-label={t("col.topic")}>{s.topic}</td>
                  <td data-label={t("col.hours")}>{s.hours ?? "—"}</td>
                  <td data-label={t("col.attendees")}>{s.attendeeCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={sessions.page} pageSize={sessions.pageSize} total={sessions.total} />
      </section>
      {canEdit ? (
        <section className="card">
          <h2 className="mb-4 text-lg font-semibold">{t("sessions.add")}</h2>
          <ValidatedForm schema={GroupSessionSchema}>
            {({ errors, values }) => (
              <>
                <Field
                  name="topic"
                  label={t("sessions.topic")}
                  errors={errors}
                  defaultValue={values.topic ?? ""}
                  required
                />
                <Field name="kind" label={t("sessions.kind")} errors={errors}>
                  <select
                    id="field-kind"
                    name="kind"
                    className="input"
                    defaultValue={values.kind ?? "exchange_meeting"}
                    aria-invalid={errors.kind ? true : undefined}
                  >
                    {TRAINING_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`sessions.kinds.${k}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="grid gap-x-4 sm:grid-cols-3">
                  <Field
                    name="heldOn"
                    type="date"
                    label={t("sessions.heldOn")}
                    errors={errors}
                    defaultValue={values.heldOn ?? ""}
                    required
                  />
                  <Field
                    name="hours"
                    inputMode="numeric"
                    label={t("sessions.hours")}
                    errors={errors}
                    defaultValue={values.hours ?? ""}
                  />
                  <Field
                    name="attendeeCount"
                    inputMode="numeric"
                    label={t("sessions.attendeeCount")}
                    errors={errors}
                    defaultValue={values.attendeeCount ?? ""}
                    required
                  />
                </div>
                <Field name="attendees" label={t("sessions.attendees")} errors={errors}>
                  <textarea
                    id="field-attendees"
                    name="attendees"
                    rows={4}
                    className="input"
                    defaultValue={values.attendees ?? ""}
                  />
                </Field>
                <SubmitButton>{t("sessions.submit")}</SubmitButton>
              </>
            )}
          </ValidatedForm>
        </section>
      ) : null}
    </div>
  );
}
