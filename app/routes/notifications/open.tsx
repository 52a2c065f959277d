import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { openNotification } from "../../services/notifications.server";
import { requireMembership } from "../../utils/auth.server";
import { orErrorPage } from "../../utils/http.server";

/**
 * Opening a notification marks it read and follows its link, after re-checking that the object
 * still exists and is visible to the user's organisation; otherwise a 410 page that names
 * nothing of it.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, org } = await requireMembership(request, context, { allowSuspended: true });
  const link = await orErrorPage(() =>
    openNotification(context.db, { userId: user.id, orgId: org.id, id: params.notificationId ?? "", now: new Date() }),
  );
  if (link) throw redirect(link);
  return data({ unavailable: true }, { status: 410 });
}

export default function NotificationUnavailable() {
  const { t } = useTranslation("notifications");
  return (
    <div className="mx-auto max-w-xl space-y-3">
      <h1 className="text-2xl font-semibold">{t("unavailableTitle")}</h1>
      <p className="card text-slate-700" role="status">
        {t("unavailableBody")}
      </p>
      <Link to="/notifications" className="btn-secondary inline-block">
        {t("title")}
      </Link>
    </div>
  );
}
