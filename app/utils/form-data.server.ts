import type { ZodTypeAny, z } from "zod";
import { AppError } from "./errors";
import { queryObject } from "./forms";
import { errorResponse } from "./http.server";

const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

/**
 * The one way an action reads its form. `request.formData()` throws a bare TypeError (a 500)
 * on a missing or foreign Content-Type and on a multipart body without a boundary, and
 * PostgreSQL refuses a NUL byte in text; all three are the client's mistake, so they become a
 * 415 or 400 with a translated message before any route code runs, and nothing is written.
 */
export async function readFormData(request: Request): Promise<FormData> {
  assertFormContentType(request.headers.get("content-type"));
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    errorResponse(new AppError(400, "form_unreadable", "form_unreadable"));
  }
  assertNoNulBytes(form);
  return form;
}

/** Throws 415 unless the body is a URL-encoded form or a multipart form with a boundary. */
export function assertFormContentType(contentType: string | null): void {
  const [type = "", ...params] = (contentType ?? "").split(";").map((p) => p.trim());
  const mediaType = type.toLowerCase();
  if (mediaType === URLENCODED) return;
  if (mediaType === MULTIPART) {
    const hasBoundary = params.some((p) => /^boundary=("?)[^"\s]{1,70}\1$/i.test(p));
    if (hasBoundary) return;
    errorResponse(new AppError(400, "form_unreadable", "form_unreadable"));
  }
  errorResponse(new AppError(415, "unsupported_media_type", "unsupported_media_type"));
}

/** PostgreSQL text cannot hold U+0000; refusing it here keeps every route safe at once. */
export function assertNoNulBytes(form: FormData): void {
  for (const [name, value] of form) {
    if (name.includes("\u0000") || (typeof value === "string" && value.includes("\u0000"))) {
      errorResponse(new AppError(400, "text_invalid", "text_invalid"));
    }
  }
}

/** The query string as the loaders' schemas read it, NUL bytes dropped (see queryObject). */
export function searchParamsOf(request: Request): Record<string, string> {
  return queryObject(request.url);
}

/**
 * A loader's query parsed by its schema; an invalid one is a 400 page, not the 500 that a
 * throwing `schema.parse` gives (a `q` over its length limit, say).
 */
export function parseQuery<S extends ZodTypeAny>(schema: S, request: Request): z.infer<S> {
  const parsed = schema.safeParse(queryObject(request.url));
  if (!parsed.success) errorResponse(new AppError(400, "invalid_query", "invalid_input"));
  return parsed.data;
}
