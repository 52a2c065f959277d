import { data, type HeadersFunction } from "@remix-run/node";
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

/** Any base works: it only has to be an origin no user input can name. */
const PROBE_ORIGIN = "http://anfu.invalid";

/**
 * Where to send the user after login or a language switch: only a path on this site, never
 * another host. Browsers drop tabs and newlines from a URL and read `\` as `/`, so
 * `/\t/evil.example` would leave the site; such values, and anything the URL parser places on
 * another origin, fall back. The answer is the parsed path, percent-encoded, safe as a header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2048) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN || url.username || url.password) return fallback;
  // `/.//evil.example` parses to the path `//evil.example`, which a browser reads as a host.
  if (url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function clientMeta(request: Request, context: { clientIp: string }) {
  return { ip: context.clientIp, userAgent: request.headers.get("user-agent") };
}

/** Headers an action, loader or error may set that the page must keep (a 429's wait). */
const PASSED_THROUGH = ["Retry-After"];

/**
 * A route's `headers` export: Remix builds a page's headers only from this function, so a
 * `data(…, { headers })` from the action or loader is dropped unless it is copied here.
 */
export const passThroughHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  const out = new Headers();
  for (const source of [loaderHeaders, actionHeaders, errorHeaders]) {
    for (const name of PASSED_THROUGH) {
      const value = source?.get(name);
      if (value) out.set(name, value);
    }
  }
  return out;
};
