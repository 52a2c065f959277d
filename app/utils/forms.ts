import type { ZodError, ZodTypeAny, z } from "zod";

/** Field name → i18n key of its first problem. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= issue.message;
  }
  return out;
}

export type ParsedForm<S extends ZodTypeAny> =
  | { ok: true; data: z.infer<S> }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** Server side of the shared schema; the failing values come back so the form keeps them. */
export function parseForm<S extends ZodTypeAny>(schema: S, formData: FormData): ParsedForm<S> {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") raw[key] = value;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const values = { ...raw };
  for (const secret of ["password", "currentPassword", "newPassword"]) delete values[secret];
  return { ok: false, fieldErrors: fieldErrorsOf(result.error), values };
}
