import { useFetcher } from "@remix-run/react";
import { useState } from "react";
import type { ZodTypeAny } from "zod";
import { fieldErrorsOf, formDataToObject, type FieldErrors } from "../utils/forms";

export type FetcherFormResult = {
  fieldErrors?: FieldErrors;
  formError?: { key: string; params?: Record<string, string | number> };
  values?: Record<string, string>;
};

/**
 * ValidatedForm's twin for fetcher forms: several independent forms on one page (or a form
 * posting to another route) each keep their own answer. Same schema in browser and action.
 */
export function useValidatedFetcher<T extends FetcherFormResult>(schema: ZodTypeAny) {
  const fetcher = useFetcher<T>();
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors: FieldErrors = clientErrors ?? fetcher.data?.fieldErrors ?? {};
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const result = schema.safeParse(formDataToObject(new FormData(event.currentTarget, submitter)));
    if (!result.success) {
      event.preventDefault();
      setClientErrors(fieldErrorsOf(result.error));
      event.currentTarget.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
    } else {
      setClientErrors(null);
    }
  };
  return { fetcher, errors, onSubmit, pending: fetcher.state !== "idle" };
}
