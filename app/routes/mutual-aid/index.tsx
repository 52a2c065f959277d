import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrorMessage, SuccessNote } from "../../components/forms";
import { AssignmentStatusBadge } from "../../components/group-bits";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { memberOverview, respondToInvitation } from "../../services/groups.server";
import { requireAccess } from "../../utils/access.server";
import { readFormData } from "../../utils/form-data.server";
import { formFailure } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "互助检查 · 安服市集" }];

/** The member enterprise's side: invitations, its groups, whom it inspects, who inspects it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.mutualAid, "view");
  const today = shanghaiDateString(new Date());
  return { ...(await memberOverview(context.db, { enterpriseId: org.id, today })), canEdit };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.mutualAid, "edit");
  const form = await readFormData(request);
  const intent = form.get("intent");
  try {
    if (intent !== "accept" && intent !== "decline") {
      return data({ formError: { key: "invalid_input" } }, { status: 400 });
    }
    await respondToInvitation(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      { groupId: uuidOrNotFound(form.get("groupId")), accept: intent === "accept" },
      new Date(),
    );
    return { done: intent === "accept" ? ("accepted" as const) : ("declined" as const) };
  } catch (error) {
    return formFailure(error);
  }
}

export default function MutualAid() {
  const { invitations, groups, myAssignments, inspectedBy, sessions, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<{
    done?: "accepted" | "declined";
    formError?: { key: string; params?: Record<string, string | number> };
  }>();
  const { t } = useTranslation("groups");
  const groupName = new Map(groups.map((g) => [g.groupId, g.groupName]));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("member.title")}</h1>
        <p className="text-sm text-slate-600">{t("member.lead")}</p>
      </div>
      {result?.done ? <SuccessNote>{t(`member.${result.done}`)}</SuccessNote> : null}
      {result?.formError ? <FormErrorMessage error={result.formError} /> : null}

      {invitations.length > 0 ? (
        <section className="card space-y-3" aria-labelledby="invitations">
          <h2 id="invitations" className="text-lg font-semibold">
            {t("member.invitations")}
          </h2>
          <ul className="space-y-3">
            {invitations.map((i) => (
              <li key={i.groupId} className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-medium">{i.groupName}</span>
                {canEdit ? (
                  <span className="flex flex-wrap items-start gap-2">
                    <Form method="post">
                      <input type="hidden" name="groupId" value={i.groupId} />
                      <button type="submit" name="intent" value="accept" className="btn-primary py-1">
                        {t("member.accept")}
                      </button>
                    </Form>
                    <details>
                      <summary className="btn-secondary cursor-pointer py-1">{t("member.decline")}</summary>
                      <Form method="post" className="mt-2 space-y-2">
                        <p className="text-xs text-slate-600">{t("member.declineConfirm")}</p>
                        <input type="hidden" name="groupId" value={i.groupId} />
                        <button type="submit" name="intent" value="decline" className="btn-danger py-1">
                          {t("member.decline")}
                        </button>
                      </Form>
                    </details>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card" aria-labelledby="my-assignments">
        <h2 id="my-assignments" className="mb-3 text-lg font-semibold">
          {t("member.myAssignments")}
        </h2>
        {myAssignments.length === 0 ? (
          <p className="text-slate-500">{t("member.noAssignments")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.inspected")}</th>
                <th scope="col">{t("col.group")}</th>
                <th scope="col">{t("col.cycle")}</th>
                <th scope="col">{t("col.status")}</th>
                <th scope="col">{t("col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {myAssignments.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("col.inspected")}>{a.inspectedName}</td>
                  <td data-label={t("col.group")}>{a.groupName}</td>
                  <td data-label={t("col.cycle")}>
                    {a.cycleLabel}
                    <span className="block text-xs text-slate-500">
                      {a.startsOn} – {a.endsOn}
                    </span>
                  </td>
                  <td data-label={t("col.status")}>
                    <AssignmentStatusBadge status={a.status} />
                  </td>
                  <td data-label={t("col.actions")}>
                    {a.status === "open" ? (
                      <Link
                        to={`/inspections/new?enterprise=${a.inspectedId}&source=mutual_aid`}
                        className="btn-primary py-1"
                      >
                        {t("member.start")}
                      </Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="inspected-by">
        <h2 id="inspected-by" className="mb-3 text-lg font-semibold">
          {t("member.inspectedBy")}
        </h2>
        {inspectedBy.length === 0 ? (
          <p className="text-slate-500">{t("member.noInspectedBy")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.inspector")}</th>
                <th scope="col">{t("col.group")}</th>
                <th scope="col">{t("col.cycle")}</th>
                <th scope="col">{t("col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {inspectedBy.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("col.inspector")}>{a.inspectorName}</td>
                  <td data-label={t("col.group")}>{a.groupName}</td>
                  <td data-label={t("col.cycle")}>
                    {a.cycleLabel}
                    <span className="block text-xs text-slate-500">
                      {a.startsOn} – {a.endsOn}
                    </span>
                  </td>
                  <td data-label={t("col.status")}>
                    <AssignmentStatusBadge status={a.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="my-groups">
        <h2 id="my-groups" className="mb-3 text-lg font-semibold">
          {t("member.groups")}
        </h2>
        {groups.length === 0 ? (
          <p className="text-slate-500">{t("member.noGroups")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.group")}</th>
                <th scope="col">{t("col.staff")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.groupId}>
                  <td data-label={t("col.group")}>{g.groupName}</td>
                  <td data-label={t("col.staff")}>
                    <Link to={`/mutual-aid/groups/${g.groupId}`} className="link">
                      {t("member.manageStaff")} ({g.staffCount})
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {sessions.length > 0 ? (
        <section className="card" aria-labelledby="group-sessions">
          <h2 id="group-sessions" className="mb-3 text-lg font-semibold">
            {t("member.sessions")}
          </h2>
          <ul className="space-y-1 text-sm">
            {sessions.map((s) => (
              <li key={s.id}>
                {s.heldOn} · {groupName.get(s.groupId ?? "") ?? ""} · {t(`sessions.kinds.${s.kind}`)} · {s.topic} ·{" "}
                {s.attendeeCount}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
