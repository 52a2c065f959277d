import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorMessageKey } from "../utils/message-key";

/** One error page for every route: 403, 404 and everything else, in the user's language. */
export function AppErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind =
    status === 403
      ? "forbidden"
      : status === 404
        ? "notFound"
        : status === 401
          ? "unauthorized"
          : status === 429
            ? "tooMany"
            : status >= 500
              ? "server"
              : "bad";
  const payload = isRouteErrorResponse(error)
    ? (error.data as { messageKey?: string; params?: Record<string, string> } | null)
    : null;
  const detail =
    payload && typeof payload === "object" && payload.messageKey
      ? String(t(errorMessageKey(payload.messageKey), payload.params ?? {}))
      : null;
  if (status >= 500 && typeof document !== "undefined") console.error(error);
  return (
    <section className="mx-auto max-w-lg py-16 text-center" aria-labelledby="error-title">
      <p className="text-5xl font-bold text-brand-600">{status}</p>
      <h1 id="error-title" className="mt-4 text-2xl font-semibold">
        {t(`errors:page.${kind}.title`)}
      </h1>
      <p className="mt-2 text-slate-600">{detail ?? t(`errors:page.${kind}.body`)}</p>
      <Link to="/" className="btn-primary mt-6">
        {t("errors:page.home")}
      </Link>
    </section>
  );
}
