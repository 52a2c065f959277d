import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CycleInput } from "../forms/group";
import { SubmitButton } from "./forms";

/** A plan as the loader gives it (rotation.server.ts NamedPlan). */
type NamedPlan = {
  seed: string;
  maxLoad: number;
  fingerprint: string;
  pairs: Array<{ inspectorId: string; inspectedId: string; inspectorName: string; inspectedName: string }>;
  warnings: Array<{ code: string; names: string[] }>;
};

/**
 * A planned cycle before it is saved: who inspects whom, the loads, the seed and the planner's
 * warnings, with the one button that saves exactly this plan (its seed and fingerprint).
 */
export function PlanPreview({
  plan,
  input,
  intent = "save",
  confirmLabel,
}: {
  plan: NamedPlan;
  input?: CycleInput;
  intent?: string;
  confirmLabel?: string;
}) {
  const { t } = useTranslation("groups");
  return (
    <section className="card space-y-3" aria-labelledby="plan-preview">
      <h2 id="plan-preview" className="text-lg font-semibold">
        {t("cycles.previewTitle")}
      </h2>
      <p className="text-sm text-slate-600">
        {t("cycles.previewLead", { count: plan.pairs.length, maxLoad: plan.maxLoad })}
      </p>
      <p className="text-sm">
        {t("cycles.seed")}: <code className="font-mono">{plan.seed}</code>
        <span className="block text-xs text-slate-500">{t("cycles.seedHint")}</span>
      </p>
      {plan.warnings.length > 0 ? (
        <div role="note" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">{t("cycles.warnings")}</p>
          <ul className="list-disc pl-5">
            {plan.warnings.map((w, i) => (
              <li key={i}>{t(`cycles.warning.${w.code}`, { a: w.names[0], b: w.names[1] })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("col.inspector")}</th>
            <th scope="col">{t("col.inspected")}</th>
          </tr>
        </thead>
        <tbody>
          {plan.pairs.map((p) => (
            <tr key={`${p.inspectorId}-${p.inspectedId}`}>
              <td data-label={t("col.inspector")}>{p.inspectorName}</td>
              <td data-label={t("col.inspected")}>{p.inspectedName}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post">
        {input ? (
          <>
            <input type="hidden" name="label" value={input.label} />
            <input type="hidden" name="startsOn" value={input.startsOn} />
            <input type="hidden" name="endsOn" value={input.endsOn} />
            <input type="hidden" name="otherGroupId" value={input.otherGroupId ?? ""} />
          </>
        ) : null}
        <input type="hidden" name="seed" value={plan.seed} />
        <input type="hidden" name="fingerprint" value={plan.fingerprint} />
        <SubmitButton name="intent" value={intent}>
          {confirmLabel ?? t("cycles.confirm")}
        </SubmitButton>
      </Form>
    </section>
  );
}
