import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CREDIT_GRADES } from "../domain/search-options";
import { SERVICE_CATEGORIES, categoryLabel } from "../domain/service-categories";
import { toLanguage } from "../i18n/config";
import { IndustryPicker } from "./industry-picker";
import { RegionPicker } from "./region-picker";

export type FilterValues = Record<string, string | undefined>;

/** A select with its label and, when the query was refused, the field's message. */
export function FilterSelect({
  name,
  label,
  value,
  error,
  options,
}: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  options: Array<{ value: string; label: string }>;
}) {
  const { t } = useTranslation();
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="input"
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(`errors:${error}`)}
        </p>
      ) : null}
    </div>
  );
}

/** The filters folded behind "更多筛选" on both pages; a page adds its own (budget, price, sort). */
export const COMMON_ADVANCED_KEYS = ["region", "industry", "grade", "verified"] as const;

/**
 * The filters both search pages share. Keywords and category stay in sight with the search
 * button; region, industry, grade, verified and the page's own `advanced` fields fold into a
 * <details> (works without JS) so the results start on the first screen, even at 390 px. The
 * summary counts the folded filters that are set, and the fold opens by itself only when one
 * of them was refused (its message must be seen); set filters stay folded so a narrowed search
 * still shows its results first (the empty page lists them to drop, search-empty.tsx).
 */
export function CommonSearchFilters({
  values,
  errors,
  advanced,
  advancedKeys,
  resetTo,
}: {
  values: FilterValues;
  errors: Record<string, string>;
  advanced?: ReactNode;
  /** The page's own folded fields, to open the fold when one is set. */
  advancedKeys: readonly string[];
  resetTo: string;
}) {
  const { t, i18n } = useTranslation("search");
  const lang = toLanguage(i18n.language);
  const qError = errors.q;
  const folded = [...COMMON_ADVANCED_KEYS, ...advancedKeys];
  const open = folded.some((k) => errors[k] !== undefined);
  const activeCount = folded.filter((k) => (values[k] ?? "").trim() !== "" && k !== "sort").length;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <div>
          <label htmlFor="field-q" className="label">
            {t("q")}
          </label>
          <input
            id="field-q"
            name="q"
            type="search"
            className="input"
            defaultValue={values.q ?? ""}
            placeholder={t("qPlaceholder")}
            maxLength={50}
            aria-invalid={qError ? true : undefined}
            aria-describedby={qError ? "field-q-error" : undefined}
          />
          {qError ? (
            <p id="field-q-error" className="field-error">
              {t(`errors:${qError}`)}
            </p>
          ) : null}
        </div>
        <FilterSelect
          name="category"
          label={t("category")}
          value={values.category}
          error={errors.category}
          options={[
            { value: "", label: t("anyCategory") },
            ...SERVICE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, lang) })),
          ]}
        />
        <button type="submit" className="btn-primary sm:mb-0.5">
          {t("submit")}
        </button>
      </div>
      <details className="group mt-3" open={open || undefined}>
        <summary className="cursor-pointer select-none text-sm font-medium text-brand-700">
          {t("moreFilters")}
          {activeCount > 0 ? (
            <span className="ml-1 text-slate-600">{t("activeFilters", { count: activeCount })}</span>
          ) : null}
        </summary>
        <div className="mt-3">
          <RegionPicker
            name="region"
            label={t("region")}
            required={false}
            defaultValue={values.region}
            error={errors.region}
          />
          <IndustryPicker name="industry" defaultValue={values.industry} error={errors.industry} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FilterSelect
              name="grade"
              label={t("grade")}
              value={values.grade}
              error={errors.grade}
              options={[
                { value: "", label: t("anyGrade") },
                ...CREDIT_GRADES.map((g) => ({ value: g, label: t("gradeAtLeast", { grade: g }) })),
              ]}
            />
            <div className="flex items-end pb-2">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="verified"
                  value="1"
                  defaultChecked={values.verified === "1" || values.verified === "true" || values.verified === "on"}
                />
                {t("verifiedOnly")}
              </label>
            </div>
          </div>
          {advanced}
          <div className="mt-4 flex flex-wrap gap-3">
            <button type="submit" className="btn-primary">
              {t("submit")}
            </button>
            <Link to={resetTo} className="btn-secondary">
              {t("reset")}
            </Link>
          </div>
        </div>
      </details>
    </>
  );
}
