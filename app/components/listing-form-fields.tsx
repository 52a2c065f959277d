import { useTranslation } from "react-i18next";
import { SERVICE_CATEGORIES, categoryLabel } from "../domain/service-categories";
import { QUALIFICATION_TYPES, qualificationTypeName } from "../domain/qualification-types";
import { toLanguage } from "../i18n/config";
import type { FieldErrors } from "../utils/forms";
import { Field } from "./forms";
import { IndustryListPicker } from "./industry-list-picker";
import { RegionListPicker } from "./region-list-picker";

export type ListingDefaults = {
  category?: string;
  title?: string;
  scope?: string;
  deliverables?: string;
  priceModel?: string;
  price?: string;
  regionCodes?: readonly string[];
  /** Address names of regionCodes, resolved by the loader (the browser has no county names). */
  regionNames?: Record<string, string>;
  industryCodes?: readonly string[];
  requiredQualificationType?: string | null;
};

/** The fields of a listing, shared by the new and edit pages; `values` are a failed submission's. */
export function ListingFormFields({
  errors,
  values,
  defaults,
}: {
  errors: FieldErrors;
  values: Record<string, string>;
  defaults: ListingDefaults;
}) {
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  // A refused submission comes back with its lists comma-joined; show those, not the stored ones.
  const list = (name: "regionCodes" | "industryCodes") =>
    values[name] !== undefined ? values[name].split(",").filter(Boolean) : defaults[name];
  const pick = (name: keyof ListingDefaults & keyof typeof values) =>
    values[name] ?? (defaults[name] as string | undefined) ?? "";
  const select = (
    name: string,
    label: string,
    options: Array<{ value: string; label: string }>,
    defaultValue: string,
    hint?: string,
  ) => (
    <Field name={name} label={label} errors={errors} hint={hint}>
      <select
        id={`field-${name}`}
        name={name}
        className="input"
        defaultValue={defaultValue}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={hint ? `field-${name}-hint` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <>
      {select(
        "category",
        t("listingCategory"),
        SERVICE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, lang) })),
        pick("category") || "consulting",
      )}
      <Field name="title" label={t("listingTitle")} errors={errors} defaultValue={pick("title")} maxLength={100} />
      <Field name="scope" label={t("listingScope")} errors={errors}>
        <textarea
          id="field-scope"
          name="scope"
          rows={4}
          className="input"
          defaultValue={pick("scope")}
          aria-invalid={errors.scope ? true : undefined}
          maxLength={2000}
        />
      </Field>
      <Field name="deliverables" label={t("deliverables")} errors={errors}>
        <textarea
          id="field-deliverables"
          name="deliverables"
          rows={2}
          className="input"
          defaultValue={pick("deliverables")}
          maxLength={2000}
        />
      </Field>
      <div className="grid gap-x-4 sm:grid-cols-2">
        {select(
          "priceModel",
          t("priceModel"),
          (["fixed", "per_visit", "yearly_custody"] as const).map((m) => ({ value: m, label: t(`priceModels.${m}`) })),
          pick("priceModel") || "fixed",
        )}
        <Field
          name="price"
          label={t("price")}
          hint={t("priceHint")}
          errors={errors}
          defaultValue={pick("price")}
          inputMode="decimal"
        />
      </div>
      <RegionListPicker
        name="regionCodes"
        legend={t("listingRegions")}
        hint={t("regionsHint")}
        defaultValue={list("regionCodes")}
        names={defaults.regionNames}
        error={errors.regionCodes}
      />
      <IndustryListPicker
        name="industryCodes"
        legend={t("industries")}
        hint={t("industriesHint")}
        defaultValue={list("industryCodes")}
        error={errors.industryCodes}
      />
      {select(
        "requiredQualificationType",
        t("requiredQualification"),
        [
          { value: "", label: t("noRequirement") },
          ...QUALIFICATION_TYPES.map((q) => ({ value: q, label: qualificationTypeName(q, lang) })),
        ],
        values.requiredQualificationType ?? defaults.requiredQualificationType ?? "",
        t("requiredQualificationHint"),
      )}
    </>
  );
}
