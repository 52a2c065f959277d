import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VisitRecord } from "../../components/visit-record";
import { ACCESS } from "../../domain/access";
import { confirmVisitByInsurer, getVisit } from "../../services/insurance-visit-confirm.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { errorResponse, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "服务记录 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const view = await orErrorPage(() => getVisit(context.db, "insurer", org.id, uuidOrNotFound(params.visitId)));
  return { ...view, canConfirm: view.canConfirm && canEdit };
}

type ActionResult = { formError: { key: string; params?: Record<string, string | number> } };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerDesk, "edit");
  try {
    const visitId = uuidOrNotFound(params.visitId);
    await confirmVisitByInsurer(context.db, { orgId: org.id, userId: user.id }, { visitId, now: new Date() });
    return redirect(`/insurer/visits/${visitId}`);
  } catch (error) {
    if (!(error instanceof AppError) || error.status === 404) errorResponse(error);
    return data<ActionResult>({ formError: { key: error.messageKey, params: error.params } }, { status: error.status });
  }
}

export default function InsurerVisitPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t } = useTranslation("visits");
  return (
    <div className="space-y-4">
      <Link to={`/insurer/plan-items/${view.visit.planItemId}`} className="link no-print text-sm">
        {t("visits:item.back")}
      </Link>
      <VisitRecord
        view={view}
        side="insurer"
        photoBase={`/insurer/visits/${view.visit.id}/photos`}
        inspectionLink
        error={result?.formError}
      />
    </div>
  );
}
