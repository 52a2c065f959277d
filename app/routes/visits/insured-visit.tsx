import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VisitRecord } from "../../components/visit-record";
import { ACCESS } from "../../domain/access";
import { confirmVisitByEnterprise, getVisit } from "../../services/insurance-visit-confirm.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { errorResponse, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "服务记录 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.insuredEnterprise, "view");
  const view = await orErrorPage(() => getVisit(context.db, "enterprise", org.id, uuidOrNotFound(params.visitId)));
  return { ...view, canConfirm: view.canConfirm && canEdit };
}

type ActionResult = { formError: { key: string; params?: Record<string, string | number> } };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insuredEnterprise, "edit");
  try {
    const visitId = uuidOrNotFound(params.visitId);
    await confirmVisitByEnterprise(
      context.db,
      { orgId: org.id, userId: user.id, orgKind: "enterprise", regionCode: org.regionCode },
      { visitId, now: new Date() },
    );
    return redirect(`/insured/visits/${visitId}`);
  } catch (error) {
    if (!(error instanceof AppError) || error.status === 404) errorResponse(error);
    return data<ActionResult>({ formError: { key: error.messageKey, params: error.params } }, { status: error.status });
  }
}

export default function InsuredVisitPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { t } = useTranslation("visits");
  return (
    <div className="space-y-4">
      <Link to="/insured" className="link no-print text-sm">
        {t("visits:item.back")}
      </Link>
      <VisitRecord
        view={view}
        side="enterprise"
        photoBase={`/insured/visits/${view.visit.id}/photos`}
        inspectionLink={Boolean(view.inspection?.confirmed)}
        error={result?.formError}
      />
    </div>
  );
}
