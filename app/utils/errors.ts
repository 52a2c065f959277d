/**
 * An error a service raises for the user: an HTTP status, a stable code for the API,
 * and an i18n key (namespace `errors`) with its parameters for the page.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
    readonly messageKey: string = code,
    readonly params: Record<string, string | number> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export const notFound = (what = "not_found") => new AppError(404, "not_found", what);
export const forbidden = (what = "forbidden") => new AppError(403, "forbidden", what);
