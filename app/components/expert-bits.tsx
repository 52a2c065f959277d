import { useTranslation } from "react-i18next";
import { EXPERT_SPECIALTIES, EXPERT_TITLES, SAFETY_ENGINEER_LEVELS } from "../domain/expert-codes";
import { formatUnavailable } from "../forms/experts";
import type { FieldErrors } from "../utils/forms";
import { Field } from "./forms";
import { IndustryListPicker } from "./industry-list-picker";
import { RegionListPicker } from "./region-list-picker";
import { useExpertLabels } from "./expert-badges";

export type ExpertFormDefaults = {
  name: string;
  title: string;
  safetyEngineerLevel: string | null;
  certificateNo: string | null;
  phone: string | null;
  bio: string | null;
  specialties: readonly string[];
  regionCodes: readonly string[];
  industryCodes: readonly string[];
  active: boolean;
  unavailable: ReadonlyArray<{ from: string; to: string }>;
  conflictUsccs: readonly string[];
};

export const EMPTY_EXPERT: ExpertFormDefaults = {
  name: "",
  title: "none",
  safetyEngineerLevel: null,
  certificateNo: null,
  phone: null,
  bio: null,
  specialties: [],
  regionCodes: [],
  industryCodes: [],
  active: true,
  unavailable: [],
  conflictUsccs: [],
};

/** The profile fields, shared by the provider's page and the pool's add and edit pages. */
export function ExpertProfileFields({
  errors,
  values,
  expert,
  regionNames,
}: {
  errors: FieldErrors;
  values: Record<string, string>;
  expert: ExpertFormDefaults;
  regionNames?: Record<string, string>;
}) {
  const { t } = useTranslation("experts");
  const label = useExpertLabels();
  const specialties = values.specialties !== undefined ? values.specialties.split(",") : expert.specialties;
  return (
    <>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="name" label={t("form.name")} errors={errors} defaultValue={values.name ?? expert.name} required />
        <Field name="title" label={t("form.title")} errors={errors}>
          <select id="field-title" name="title" className="input" defaultValue={values.title ?? expert.title}>
            {EXPERT_TITLES.map((c) => (
              <option key={c} value={c}>
                {label.title(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field name="safetyEngineerLevel" label={t("form.level")} errors={errors}>
          <select
            id="field-safetyEngineerLevel"
            name="safetyEngineerLevel"
            className="input"
            defaultValue={values.safetyEngineerLevel ?? expert.safetyEngineerLevel ?? ""}
          >
            <option value="">{t("form.levelNone")}</option>
            {SAFETY_ENGINEER_LEVELS.map((c) => (
              <option key={c} value={c}>
                {label.level(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          name="certificateNo"
          label={t("form.certificateNo")}
          errors={errors}
          defaultValue={values.certificateNo ?? expert.certificateNo ?? ""}
        />
        <Field
          name="phone"
          label={t("form.phone")}
          hint={t("form.phoneHint")}
          errors={errors}
          inputMode="tel"
          defaultValue={values.phone ?? expert.phone ?? ""}
        />
      </div>
      <fieldset className="mb-4" aria-describedby={errors.specialties ? "field-specialties-error" : undefined}>
        <legend className="label">{t("form.specialties")}</legend>
        <div className="grid grid-cols-2 gap-1 sm:grid-cols-4">
          {EXPERT_SPECIALTIES.map((c) => (
            <label key={c} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="specialties" value={c} defaultChecked={specialties.includes(c)} />
              {label.specialty(c)}
            </label>
          ))}
        </div>
        {errors.specialties ? (
          <p id="field-specialties-error" className="field-error">
            {t(`errors:${errors.specialties}`)}
          </p>
        ) : null}
      </fieldset>
      <RegionListPicker
        name="regionCodes"
        legend={t("form.regions")}
        hint={t("form.regionsHint")}
        defaultValue={
          values.regionCodes !== undefined ? values.regionCodes.split(",").filter(Boolean) : expert.regionCodes
        }
        names={regionNames}
        error={errors.regionCodes}
      />
      <IndustryListPicker
        name="industryCodes"
        legend={t("form.industries")}
        hint={t("form.industriesHint")}
        defaultValue={
          values.industryCodes !== undefined ? values.industryCodes.split(",").filter(Boolean) : expert.industryCodes
        }
        error={errors.industryCodes}
      />
      <Field name="bio" label={t("form.bio")} errors={errors}>
        <textarea
          id="field-bio"
          name="bio"
          rows={3}
          className="input"
          maxLength={2000}
          defaultValue={values.bio ?? expert.bio ?? ""}
        />
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="unavailable" label={t("form.unavailable")} hint={t("form.unavailableHint")} errors={errors}>
          <textarea
            id="field-unavailable"
            name="unavailable"
            rows={3}
            className="input font-mono text-sm"
            defaultValue={values.unavailable ?? formatUnavailable(expert.unavailable)}
          />
        </Field>
        <Field name="conflictUsccs" label={t("form.conflicts")} hint={t("form.conflictsHint")} errors={errors}>
          <textarea
            id="field-conflictUsccs"
            name="conflictUsccs"
            rows={3}
            className="input font-mono text-sm"
            defaultValue={values.conflictUsccs ?? expert.conflictUsccs.join("\n")}
          />
        </Field>
      </div>
      <label className="mb-4 flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="active"
          defaultChecked={values.active !== undefined ? values.active === "on" : expert.active}
        />
        {t("form.active")}
      </label>
    </>
  );
}
