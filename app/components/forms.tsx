import { Form, useActionData, useNavigation, type FormProps } from "@remix-run/react";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ZodTypeAny } from "zod";
import type { FieldErrors } from "../utils/forms";
import { fieldErrorsOf, formDataToObject } from "../utils/forms";
import { errorMessageKey } from "../utils/message-key";

type FormResult = {
  fieldErrors?: FieldErrors;
  formError?: { key: string; params?: Record<string, string | number> };
  values?: Record<string, string>;
};

/**
 * A form validated in the browser by the same Zod schema the action uses. Invalid input
 * never leaves the page; the server's answer (for whatever the browser cannot know) is shown
 * the same way, beside the fields.
 */
export function ValidatedForm({
  schema,
  children,
  ...props
}: Omit<FormProps, "children"> & {
  schema: ZodTypeAny;
  children: (state: { errors: FieldErrors; values: Record<string, string> }) => ReactNode;
}) {
  const server = useActionData<FormResult>();
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? server?.fieldErrors ?? {};
  return (
    <Form
      method="post"
      noValidate
      {...props}
      onSubmit={(event) => {
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const data = formDataToObject(new FormData(event.currentTarget, submitter));
        const result = schema.safeParse(data);
        if (!result.success) {
          event.preventDefault();
          setClientErrors(fieldErrorsOf(result.error));
          const first = event.currentTarget.querySelector<HTMLElement>("[aria-invalid='true'], [name]");
          first?.focus();
        } else {
          setClientErrors(null);
        }
      }}
    >
      {server?.formError ? <FormErrorMessage error={server.formError} /> : null}
      {children({ errors, values: server?.values ?? {} })}
    </Form>
  );
}

export function FormErrorMessage({ error }: { error: { key: string; params?: Record<string, string | number> } }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {t(errorMessageKey(error.key), error.params ?? {})}
    </p>
  );
}

export function Field({
  name,
  label,
  errors,
  hint,
  children,
  defaultValue,
  ...input
}: {
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  children?: ReactNode;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  const error = errors[name];
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children ?? (
        <input
          id={id}
          name={name}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          defaultValue={defaultValue}
          {...input}
        />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(errorMessageKey(error))}
        </p>
      ) : null}
    </div>
  );
}

/** Shows the pending state while its form is being submitted. */
export function SubmitButton({
  children,
  pendingLabel,
  className = "btn-primary",
  name,
  value,
}: {
  children: ReactNode;
  pendingLabel?: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const navigation = useNavigation();
  const { t } = useTranslation();
  const pending = navigation.state === "submitting";
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending} name={name} value={value}>
      {pending ? (pendingLabel ?? t("common:working")) : children}
    </button>
  );
}

/** The confirmation shown after a form did what it said, announced to screen readers. */
export function SuccessNote({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <p role="status" className={`${className} rounded bg-brand-50 px-3 py-2 text-sm text-brand-700`.trim()}>
      {children}
    </p>
  );
}
