import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AssignmentStatusBadge, ProgressBar } from "../../components/group-bits";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { groupDashboard } from "../../services/groups.server";
import { listCycles } from "../../services/rotation.server";
import { requireAccess } from "../../utils/access.server";
import { orErrorPage } from "../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "互助组工作台 · 安服市集" }];

/** The coordinator's dashboard: members, staff, the current cycle's progress, shared sessions. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.groupDesk, "view");
  const today = shanghaiDateString(new Date());
  const dashboard = await orErrorPage(() => groupDashboard(context.db, { groupId: org.id, today }));
  const cycles = await listCycles(context.db, { groupId: org.id });
  return { ...dashboard, cycles, canEdit };
}

export default function GroupDesk() {
  const { group, members, staff, current, assignments, progress, cycles, sessions, canEdit } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation("groups");
  const stats = [
    { label: t("desk.activeMembers"), value: members.active },
    { label: t("desk.invitedMembers"), value: members.invited },
    { label: t("desk.staff"), value: staff.total },
    { label: t("desk.staffedMembers"), value: staff.staffedMembers },
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">{t("desk.title")}</h1>
          <p className="text-sm text-slate-600">{group.name}</p>
          <p className="text-sm text-slate-600">{t("desk.lead")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to="/group/members" className="btn-secondary">
            {t("desk.manageMembers")}
          </Link>
          {canEdit ? (
            <Link to="/group/cycles/new" className="btn-primary">
              {t("desk.planCycle")}
            </Link>
          ) : null}
        </div>
      </div>

      <section className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map((s) => (
          <div key={s.label} className="card">
            <p className="text-sm text-slate-600">{s.label}</p>
            <p className="text-2xl font-semibold">{s.value}</p>
          </div>
        ))}
      </section>

      <section className="card space-y-3">
        <h2 className="text-lg font-semibold">{t("desk.currentCycle")}</h2>
        {current ? (
          <>
            <p>
              <Link to={`/group/cycles/${current.id}`} className="link font-medium">
                {current.label}
              </Link>{" "}
              <span className="text-sm text-slate-600">
                {current.startsOn} – {current.endsOn}
              </span>
            </p>
            <ProgressBar done={progress.done} total={progress.total} overdue={progress.overdue} />
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("col.inspector")}</th>
                  <th scope="col">{t("col.inspected")}</th>
                  <th scope="col">{t("col.status")}</th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.id}>
                    <td data-label={t("col.inspector")}>{a.inspectorName}</td>
                    <td data-label={t("col.inspected")}>{a.inspectedName}</td>
                    <td data-label={t("col.status")}>
                      <AssignmentStatusBadge status={a.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p className="text-slate-500">{t("desk.noCycle")}</p>
        )}
      </section>

      {cycles.length > 0 ? (
        <section className="card">
          <h2 className="mb-3 text-lg font-semibold">{t("desk.allCycles")}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.cycle")}</th>
                <th scope="col">{t("col.dates")}</th>
                <th scope="col">{t("col.progress")}</th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((c) => (
                <tr key={c.id}>
                  <td data-label={t("col.cycle")}>
                    <Link to={`/group/cycles/${c.id}`} className="link">
                      {c.label}
                    </Link>
                  </td>
                  <td data-label={t("col.dates")}>
                    {c.startsOn} – {c.endsOn}
                  </td>
                  <td data-label={t("col.progress")}>
                    {c.done} / {c.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="card">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("desk.sessions")}</h2>
          <Link to="/group/sessions" className="link text-sm">
            {t("desk.allSessions")}
          </Link>
        </div>
        {sessions.length === 0 ? (
          <p className="text-slate-500">{t("desk.noSessions")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {sessions.map((s) => (
              <li key={s.id}>
                {s.heldOn} · {t(`sessions.kinds.${s.kind}`)} · {s.topic} · {s.attendeeCount}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
