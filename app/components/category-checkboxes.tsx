import { useTranslation } from "react-i18next";
import { SERVICE_CATEGORIES, categoryLabel, type ServiceCategoryCode } from "../domain/service-categories";
import { toLanguage } from "../i18n/config";

/**
 * The eight service categories as checkboxes sharing one name; the route joins the repeated
 * values (collapseMultiValues) before the schema reads them. Works without JavaScript.
 */
export function CategoryCheckboxes({
  name,
  legend,
  defaultValue = [],
  error,
  options = SERVICE_CATEGORIES,
}: {
  name: string;
  legend: string;
  defaultValue?: readonly string[];
  error?: string;
  options?: readonly ServiceCategoryCode[];
}) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const id = `field-${name}`;
  return (
    <fieldset className="mb-4" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="label">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((code) => (
          <label key={code} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={code} defaultChecked={defaultValue.includes(code)} />
            {categoryLabel(code, lang)}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(`errors:${error}`)}
        </p>
      ) : null}
    </fieldset>
  );
}

export function CategoryList({ codes }: { codes: readonly string[] }) {
  const { i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  return (
    <span className="flex flex-wrap gap-1">
      {SERVICE_CATEGORIES.filter((c) => codes.includes(c)).map((c) => (
        <span key={c} className="badge bg-brand-50 text-brand-700">
          {categoryLabel(c, lang)}
        </span>
      ))}
    </span>
  );
}
