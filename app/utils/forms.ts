import type { ZodError, ZodTypeAny, z } from "zod";

/** Field name → i18n key of its first problem. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= messageKeyOf(issue);
  }
  return out;
}

/** Our schemas' messages are i18n keys; Zod's own English sentences become generic keys. */
function messageKeyOf(issue: ZodError["issues"][number]): string {
  if (issue.code === "invalid_type" && issue.received === "array") return "field_repeated";
  return /^[a-z][\w.]*$/.test(issue.message) ? issue.message : "invalid_input";
}

/** What a form sends, as the schemas read it: a name sent more than once becomes an array. */
export type FormObject = Record<string, string | string[]>;

/**
 * The one reading of a form, in the browser (ValidatedForm, useValidatedFetcher) and in the
 * action (parseForm), so both judge the same input. Files are left out: they are read apart.
 */
export function formDataToObject(form: FormData): FormObject {
  const out: FormObject = {};
  for (const [name, value] of form) {
    if (typeof value !== "string") continue;
    const seen = out[name];
    if (seen === undefined) out[name] = value;
    else out[name] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

export type ParsedForm<S extends ZodTypeAny> =
  { ok: true; data: z.infer<S> } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** Server side of the shared schema; the failing values come back so the form keeps them. */
export function parseForm<S extends ZodTypeAny>(schema: S, formData: FormData): ParsedForm<S> {
  const raw = formDataToObject(formData);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) values[key] = Array.isArray(value) ? value.join(",") : value;
  for (const secret of ["password", "currentPassword", "newPassword"]) delete values[secret];
  return { ok: false, fieldErrors: fieldErrorsOf(result.error), values };
}

/**
 * A URL's query as an object (the last of a repeated name wins: a link's query means one
 * filter). NUL bytes, which PostgreSQL refuses in text, are dropped so a search still answers.
 */
export function queryObject(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new URL(url).searchParams)
    out[name.replaceAll("\u0000", "")] = value.replaceAll("\u0000", "");
  return out;
}
