import { randomBytes } from "node:crypto";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormErrorMessage, SubmitButton, SuccessNote } from "../../components/forms";
import { AssignmentStatusBadge, ProgressBar } from "../../components/group-bits";
import { PlanPreview } from "../../components/group-plan-preview";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { cycleProgress } from "../../domain/rotation-progress";
import { CycleConfirmSchema } from "../../forms/group";
import { i18nServer } from "../../i18n/i18n.server";
import { getCycle, planCycle, replanCycle, type NamedPlan } from "../../services/rotation.server";
import { spreadsheetResponse } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery, readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "互查轮次 · 安服市集" }];

const QuerySchema = z.object({ format: z.enum(["xlsx", "csv"]).optional() });

/** One cycle (or inter-group round): its seed, warnings, assignments and progress; Excel export. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.groupDesk, "view");
  const cycleId = await orErrorPage(async () => uuidOrNotFound(params.cycleId));
  const query = parseQuery(QuerySchema, request);
  const today = shanghaiDateString(new Date());
  const view = await orErrorPage(() => getCycle(context.db, { orgId: org.id, cycleId, today }));
  if (query.format) {
    const t = await i18nServer.getFixedT(request, "groups");
    return spreadsheetResponse({
      filename: `${t("export.filename")}-${view.cycle.label}`,
      sheetName: t("export.sheet"),
      format: query.format,
      rows: view.assignments,
      columns: [
        { header: t("col.cycle"), value: () => view.cycle.label },
        { header: t("col.inspector"), width: 36, value: (a) => a.inspectorName },
        { header: t("col.inspected"), width: 36, value: (a) => a.inspectedName },
        { header: t("col.status"), value: (a) => t(`assignment.${a.status}`) },
        { header: t("col.dates"), width: 24, value: () => `${view.cycle.startsOn} – ${view.cycle.endsOn}` },
      ],
    });
  }
  return {
    ...view,
    progress: cycleProgress(view.assignments.map((a) => a.status)),
    canEdit: canEdit && view.cycle.groupId === org.id,
  };
}

type ActionResult =
  | { replanPreview: NamedPlan }
  | { done: "replanned" }
  | { formError?: { key: string; params?: Record<string, string | number> } };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.groupDesk, "edit");
  const cycleId = await orErrorPage(async () => uuidOrNotFound(params.cycleId));
  const form = await readFormData(request);
  const today = shanghaiDateString(new Date());
  try {
    const { cycle, mayReplan, replanBlockedBy } = await getCycle(context.db, { orgId: org.id, cycleId, today });
    if (form.get("intent") === "replan") {
      const confirm = parseForm(CycleConfirmSchema, form);
      if (!confirm.ok) return data({ formError: { key: "invalid_input" } }, { status: 400 });
      await replanCycle(
        context.db,
        { userId: user.id, orgId: org.id, ip: context.clientIp },
        { cycleId, ...confirm.data, today },
        new Date(),
      );
      return { done: "replanned" as const };
    }
    if (cycle.groupId !== org.id) return data({ formError: { key: "not_found" } }, { status: 404 });
    if (!mayReplan) {
      return data({ formError: { key: `group.replan_${replanBlockedBy ?? "inspection_done"}` } }, { status: 409 });
    }
    const plan = await planCycle(context.db, {
      groupId: org.id,
      userId: user.id,
      otherGroupId: cycle.otherGroupId ?? undefined,
      startsOn: cycle.startsOn,
      seed: randomBytes(8).toString("hex"),
      exceptCycleId: cycle.id,
    });
    return { replanPreview: plan };
  } catch (error) {
    return formFailure(error);
  }
}

/** The page's data (the loader answers a download instead when `format` is asked for). */
type CycleView = Exclude<Awaited<ReturnType<typeof loader>>, Response>;

export default function CycleDetail() {
  const { cycle, otherGroupName, warnings, assignments, progress, mayReplan, replanBlockedBy, canEdit } = useLoaderData<
    typeof loader
  >() as unknown as CycleView;
  const result = useActionData<ActionResult>();
  const { t } = useTranslation("groups");
  const replanPreview = result && "replanPreview" in result ? result.replanPreview : null;
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Link to="/group" className="link text-sm">
        ← {t("cycles.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("cycles.detailTitle", { label: cycle.label })}</h1>
      <p className="text-sm text-slate-600">
        {cycle.startsOn} – {cycle.endsOn}
        {otherGroupName ? ` · ${t("cycles.interGroupOf", { name: otherGroupName })}` : null}
      </p>
      <p className="text-sm">
        {t("cycles.seed")}: <code className="font-mono">{cycle.seed}</code>
        <span className="block text-xs text-slate-500">{t("cycles.seedHint")}</span>
      </p>
      {result && "done" in result ? <SuccessNote>{t("cycles.replanned")}</SuccessNote> : null}
      {result && "formError" in result && result.formError ? <FormErrorMessage error={result.formError} /> : null}
      {warnings.length > 0 ? (
        <div role="note" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">{t("cycles.warnings")}</p>
          <ul className="list-disc pl-5">
            {warnings.map((w, i) => (
              <li key={i}>{t(`cycles.warning.${w.code}`, { a: w.names[0], b: w.names[1] })}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <section className="card space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-lg font-semibold">{t("cycles.assignments")}</h2>
          <a href="?format=xlsx" className="btn-secondary" download>
            {t("cycles.export")}
          </a>
        </div>
        <ProgressBar done={progress.done} total={progress.total} overdue={progress.overdue} />
        {assignments.length === 0 ? (
          <p className="text-slate-500">{t("cycles.empty")}</p>
        ) : (
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
        )}
      </section>

      {canEdit ? (
        <section className="card space-y-2">
          <h2 className="text-lg font-semibold">{t("cycles.replan")}</h2>
          {mayReplan ? (
            <>
              <p className="text-sm text-slate-600">{t("cycles.replanLead")}</p>
              <Form method="post">
                <SubmitButton name="intent" value="preview" className="btn-secondary">
                  {t("cycles.replanPreview")}
                </SubmitButton>
              </Form>
            </>
          ) : replanBlockedBy ? (
            <p className="text-sm text-slate-600">{t(`cycles.replanBlocked.${replanBlockedBy}`)}</p>
          ) : null}
        </section>
      ) : null}
      {replanPreview ? (
        <PlanPreview plan={replanPreview} intent="replan" confirmLabel={t("cycles.replanConfirm")} />
      ) : null}
    </div>
  );
}
