import { data } from "@remix-run/node";
import { AppError } from "./errors";

/** An action's answer to a refused use case: the message beside the form, with its status. */
export function formFailure(error: unknown, values?: Record<string, string>) {
  if (!(error instanceof AppError)) throw error;
  return data(
    { formError: { key: error.messageKey, params: error.params }, values, fieldErrors: undefined },
    { status: error.status, headers: error.headers },
  );
}

/** For loaders and actions without a form: the error page with the right status. */
export function errorResponse(error: unknown): never {
  if (!(error instanceof AppError)) throw error;
  throw data({ messageKey: error.messageKey, params: error.params }, { status: error.status, headers: error.headers });
}

/** Runs a use case; an AppError becomes the error page with its status. */
export async function orErrorPage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    errorResponse(error);
  }
}

/** Where to send the user after login: only a path on this site, never another host. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

export function clientMeta(request: Request, context: { clientIp: string }) {
  return { ip: context.clientIp, userAgent: request.headers.get("user-agent") };
}
