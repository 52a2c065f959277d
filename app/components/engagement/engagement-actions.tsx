import { useTranslation } from "react-i18next";
import { eventNeedsReason, type EngagementState } from "../../domain/engagement-machine";
import { CounterOfferSchema, ReasonedTransitionSchema, TransitionSchema } from "../../forms/engagements";
import { Field, SubmitButton } from "../forms";
import { IntentForm } from "./intent-form";

const DANGER = new Set(["cancel", "dispute", "resolve_cancel"]);

/**
 * The buttons the viewer may press now (availableEvents from the state machine). Events that
 * need a reason carry a reason box; a counter-offer carries the new terms. Every form sends
 * the version the page was loaded at, so acting on a stale page is refused, not applied.
 */
export function EngagementActions({
  status,
  actions,
  version,
  terms,
}: {
  status: EngagementState;
  actions: string[];
  version: number;
  terms: { priceYuan: string; scope: string; startDate: string | null; endDate: string | null };
}) {
  const { t } = useTranslation("engagements");
  if (actions.length === 0) return <p className="text-sm text-slate-600">{t("actions.none")}</p>;
  const plain = actions.filter((e) => e !== "counter" && !eventNeedsReason(status, e));
  const withReason = actions.filter((e) => eventNeedsReason(status, e));
  return (
    <div className="space-y-4">
      {plain.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {plain.map((event) => (
            <IntentForm key={event} intent="transition" formKey={`transition:${event}`} schema={TransitionSchema}>
              {() => (
                <>
                  <input type="hidden" name="event" value={event} />
                  <input type="hidden" name="version" value={version} />
                  <SubmitButton>{t(`event.${event}`)}</SubmitButton>
                </>
              )}
            </IntentForm>
          ))}
        </div>
      ) : null}
      {actions.includes("counter") ? (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">{t("event.counter")}</summary>
          <IntentForm intent="counter" schema={CounterOfferSchema} className="mt-3">
            {({ errors, values }) => (
              <>
                <input type="hidden" name="version" value={version} />
                <Field
                  name="price"
                  label={t("counter.price")}
                  errors={errors}
                  defaultValue={values.price ?? terms.priceYuan}
                  inputMode="decimal"
                />
                <Field name="scope" label={t("counter.scope")} errors={errors}>
                  <textarea
                    id="field-scope"
                    name="scope"
                    rows={4}
                    className="input"
                    defaultValue={values.scope ?? terms.scope}
                    aria-invalid={errors.scope ? true : undefined}
                  />
                </Field>
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field
                    name="startDate"
                    type="date"
                    label={t("counter.startDate")}
                    errors={errors}
                    defaultValue={values.startDate ?? terms.startDate ?? ""}
                  />
                  <Field
                    name="endDate"
                    type="date"
                    label={t("counter.endDate")}
                    errors={errors}
                    defaultValue={values.endDate ?? terms.endDate ?? ""}
                  />
                </div>
                <SubmitButton>{t("counter.submit")}</SubmitButton>
              </>
            )}
          </IntentForm>
        </details>
      ) : null}
      {withReason.map((event) => (
        <details key={event} className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">{t(`event.${event}`)}</summary>
          <IntentForm
            intent="transition"
            formKey={`transition:${event}`}
            schema={ReasonedTransitionSchema}
            className="mt-3"
          >
            {({ errors, values }) => (
              <>
                <input type="hidden" name="event" value={event} />
                <input type="hidden" name="version" value={version} />
                <ReasonBox id={`reason-${event}`} error={errors.reason} defaultValue={values.reason} />
                <SubmitButton className={DANGER.has(event) ? "btn-danger" : "btn-primary"}>
                  {t(`event.${event}`)}
                </SubmitButton>
              </>
            )}
          </IntentForm>
        </details>
      ))}
    </div>
  );
}

/** Several reason boxes share the page, so each gets its own id (Field derives ids from names). */
function ReasonBox({ id, error, defaultValue }: { id: string; error?: string; defaultValue?: string }) {
  const { t } = useTranslation("engagements");
  return (
    <div className="mb-4">
      <label htmlFor={id} className="label">
        {t("actions.reason")}
      </label>
      <textarea
        id={id}
        name="reason"
        rows={3}
        className="input"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {t("actions.reasonHint")}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(`errors:${error}`)}
        </p>
      ) : null}
    </div>
  );
}
