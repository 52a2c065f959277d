import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, SuccessNote, ValidatedForm } from "../../components/forms";
import { IndustryPicker } from "../../components/industry-picker";
import { Pagination } from "../../components/pagination";
import { RegionPicker } from "../../components/region-picker";
import { ACCESS } from "../../domain/access";
import { pageFromUrl } from "../../domain/paging";
import { InviteMemberSchema, UnclaimedMemberSchema } from "../../forms/group";
import { addUnclaimedMember, inviteMember, listGroupMembers, removeMember } from "../../services/groups.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "成员单位 · 安服市集" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.groupDesk, "view");
  const members = await listGroupMembers(context.db, { groupId: org.id, page: pageFromUrl(request.url) });
  return { members, canEdit };
}

type Result =
  | { done: "invited"; name: string; status: "invited" | "active" }
  | { done: "added" }
  | { done: "removed" }
  | { done?: undefined };

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.groupDesk, "edit");
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  const form = await readFormData(request);
  const intent = form.get("intent");
  const now = new Date();
  try {
    if (intent === "remove") {
      await removeMember(context.db, actor, uuidOrNotFound(form.get("enterpriseId")), now);
      return { done: "removed" as const };
    }
    if (intent === "unclaimed") {
      const parsed = parseForm(UnclaimedMemberSchema, form);
      if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
      await addUnclaimedMember(context.db, actor, parsed.data, now);
      return { done: "added" as const };
    }
    if (intent === "invite") {
      const parsed = parseForm(InviteMemberSchema, form);
      if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
      const invited = await inviteMember(context.db, actor, parsed.data.who, now);
      return { done: "invited" as const, name: invited.name, status: invited.status };
    }
    return data({ formError: { key: "invalid_input" } }, { status: 400 });
  } catch (error) {
    return formFailure(error);
  }
}

export default function GroupMembers() {
  const { members, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<Result>();
  const { t } = useTranslation("groups");
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Link to="/group" className="link text-sm">
        ← {t("cycles.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("members.title")}</h1>
      <p className="text-sm text-slate-600">{t("members.lead")}</p>
      {result?.done === "invited" ? (
        <SuccessNote>
          {result.status === "active" ? t("members.added") : t("members.invited", { name: result.name })}
        </SuccessNote>
      ) : null}
      {result?.done === "added" ? <SuccessNote>{t("members.added")}</SuccessNote> : null}
      {result?.done === "removed" ? <SuccessNote>{t("members.removed")}</SuccessNote> : null}

      <section className="card overflow-x-auto">
        {members.rows.length === 0 ? (
          <p className="text-slate-500">{t("members.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.name")}</th>
                <th scope="col">{t("col.uscc")}</th>
                <th scope="col">{t("col.status")}</th>
                <th scope="col">{t("col.staff")}</th>
                {canEdit ? <th scope="col">{t("col.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.rows.map((m) => (
                <tr key={m.enterpriseId}>
                  <td data-label={t("col.name")}>
                    {m.name}
                    {m.unclaimed ? (
                      <span className="badge ml-2 bg-slate-100 text-slate-700">{t("members.unclaimedBadge")}</span>
                    ) : null}
                  </td>
                  <td data-label={t("col.uscc")} className="font-mono text-xs">
                    {m.uscc}
                  </td>
                  <td data-label={t("col.status")}>{t(`status.${m.status}`)}</td>
                  <td data-label={t("col.staff")}>
                    {m.status === "active" ? (
                      <Link to={`/group/members/${m.enterpriseId}`} className="link">
                        {t("members.staffLink")} ({m.staffCount})
                      </Link>
                    ) : (
                      m.staffCount
                    )}
                  </td>
                  {canEdit ? (
                    <td data-label={t("col.actions")}>
                      {m.status !== "left" ? (
                        <details>
                          <summary className="cursor-pointer text-sm text-red-700">{t("members.remove")}</summary>
                          <Form method="post" className="mt-2 space-y-2">
                            <p className="text-xs text-slate-600">{t("members.removeConfirm")}</p>
                            <input type="hidden" name="enterpriseId" value={m.enterpriseId} />
                            <button type="submit" name="intent" value="remove" className="btn-danger py-1">
                              {t("members.removeSubmit")}
                            </button>
                          </Form>
                        </details>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination page={members.page} pageSize={members.pageSize} total={members.total} />
      </section>

      {canEdit ? (
        <div className="grid gap-4 md:grid-cols-2">
          <section className="card">
            <h2 className="mb-4 text-lg font-semibold">{t("members.invite")}</h2>
            <ValidatedForm schema={InviteMemberSchema}>
              {({ errors, values }) => (
                <>
                  <Field name="who" label={t("members.who")} errors={errors} defaultValue={values.who ?? ""} required />
                  <SubmitButton name="intent" value="invite">
                    {t("members.inviteSubmit")}
                  </SubmitButton>
                </>
              )}
            </ValidatedForm>
          </section>
          <section className="card">
            <h2 className="mb-1 text-lg font-semibold">{t("members.unclaimed")}</h2>
            <p className="mb-4 text-xs text-slate-600">{t("members.unclaimedHint")}</p>
            <ValidatedForm schema={UnclaimedMemberSchema}>
              {({ errors, values }) => (
                <>
                  <Field
                    name="uscc"
                    label={t("members.usccLabel")}
                    errors={errors}
                    defaultValue={values.uscc ?? ""}
                    required
                  />
                  <Field
                    name="name"
                    label={t("members.nameLabel")}
                    errors={errors}
                    defaultValue={values.name ?? ""}
                    required
                  />
                  <RegionPicker name="regionCode" defaultValue={values.regionCode} error={errors.regionCode} />
                  <IndustryPicker name="industryCode" defaultValue={values.industryCode} error={errors.industryCode} />
                  <SubmitButton name="intent" value="unclaimed">
                    {t("members.addSubmit")}
                  </SubmitButton>
                </>
              )}
            </ValidatedForm>
          </section>
        </div>
      ) : null}
    </div>
  );
}
