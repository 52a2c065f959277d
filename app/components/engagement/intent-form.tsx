import { useActionData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FormProps } from "@remix-run/react";
import type { ZodTypeAny } from "zod";
import type { FieldErrors } from "../../utils/forms";
import { FormErrorMessage, ValidatedForm } from "../forms";

/**
 * The engagement page's action answers several forms. It returns a refusal under
 * `problem`, tagged with the form's `intent`, so only the form that was sent shows it
 * (ValidatedForm alone would show one answer beside every form of the page).
 */
export type IntentResult = {
  intent?: string;
  done?: string;
  problem?: {
    fieldErrors?: FieldErrors;
    formError?: { key: string; params?: Record<string, string | number> };
    values?: Record<string, string>;
  };
};

export function IntentForm({
  intent,
  formKey,
  schema,
  children,
  ...props
}: Omit<FormProps, "children"> & {
  intent: string;
  /** Tells apart two forms with the same intent (e.g. one per event); defaults to the intent. */
  formKey?: string;
  schema: ZodTypeAny;
  children: (state: { errors: FieldErrors; values: Record<string, string> }) => ReactNode;
}) {
  const result = useActionData<IntentResult>();
  const key = formKey ?? intent;
  const mine = result?.intent === key ? result.problem : undefined;
  return (
    <ValidatedForm schema={schema} {...props}>
      {({ errors }) => (
        <>
          {mine?.formError ? <FormErrorMessage error={mine.formError} /> : null}
          <input type="hidden" name="intent" value={intent} />
          {children({ errors: { ...(mine?.fieldErrors ?? {}), ...errors }, values: mine?.values ?? {} })}
        </>
      )}
    </ValidatedForm>
  );
}
