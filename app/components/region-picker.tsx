import { useState } from "react";
import { useTranslation } from "react-i18next";
import { outlineChildren, regionCodePath } from "../domain/region-outline";
import { useCounties } from "./use-region-options";

/**
 * Province → city → county, GB/T 2260 codes. The deepest choice is submitted as `name`;
 * `minLevel` "city" lets a form accept a whole city (a bureau, a service area).
 * Provinces and cities come with the page; a city's counties are fetched when it is chosen
 * (docs/decisions/016-client-i18n-and-region-data.md), so the county select appears then.
 */
export function RegionPicker({
  name,
  defaultValue,
  error,
  label,
  required = true,
}: {
  name: string;
  defaultValue?: string | null;
  error?: string;
  label?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [path, setPath] = useState<string[]>(() => regionCodePath(defaultValue ?? ""));
  const counties = useCounties(path[1]);
  const levels = [
    outlineChildren(null),
    path[0] ? outlineChildren(path[0]) : undefined,
    path[1] ? counties : undefined,
  ];
  const labels = [t("common:regionProvince"), t("common:regionCity"), t("common:regionCounty")];
  const value = path[path.length - 1] ?? "";
  const id = `field-${name}`;
  return (
    <fieldset className="mb-4">
      <legend className="label">
        {label ?? t("common:region")}
        {required ? null : ` (${t("common:none")})`}
      </legend>
      <input type="hidden" name={name} value={value} />
      <div className="grid gap-2 sm:grid-cols-3">
        {levels.map((options, depth) => {
          if (!options || options.length === 0) return <div key={depth} />;
          return (
            <select
              key={depth}
              id={depth === 0 ? id : `${id}-${depth}`}
              aria-label={labels[depth]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="input"
              value={path[depth] ?? ""}
              onChange={(e) => setPath([...path.slice(0, depth), ...(e.target.value ? [e.target.value] : [])])}
            >
              <option value="">
                {labels[depth]} · {t("common:regionPick")}
              </option>
              {options.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          );
        })}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(`errors:${error}`)}
        </p>
      ) : null}
    </fieldset>
  );
}
