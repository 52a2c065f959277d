import { useState } from "react";
import { useTranslation } from "react-i18next";
import { outlineChildren } from "../domain/region-outline";
import { fullName, useCounties, useRegionFullNames } from "./use-region-options";

/**
 * Several regions (province, city or county each): pick one with the cascading selects and
 * add it to the list. Each chosen code is a hidden input named `name`; the route joins them.
 * `names`: address names the loader resolved for the default codes (the browser has no county
 * names; it fetches a city's counties when needed — docs/decisions/016-client-i18n-and-region-data.md).
 */
export function RegionListPicker({
  name,
  legend,
  hint,
  defaultValue = [],
  error,
  names,
}: {
  name: string;
  legend: string;
  hint?: string;
  defaultValue?: readonly string[];
  error?: string;
  names?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([...defaultValue]);
  const [path, setPath] = useState<string[]>([]);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const counties = useCounties(path[1]);
  const nameOf = useRegionFullNames(chosen, { ...names, ...picked });
  const levels = [
    outlineChildren(null),
    path[0] ? outlineChildren(path[0]) : undefined,
    path[1] ? counties : undefined,
  ];
  const labels = [t("common:regionProvince"), t("common:regionCity"), t("common:regionCounty")];
  const pick = path[path.length - 1];
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="mb-4" aria-describedby={describedBy}>
      <legend className="label">{legend}</legend>
      {chosen.map((code) => (
        <input key={code} type="hidden" name={name} value={code} />
      ))}
      <ul className="mb-2 flex flex-wrap gap-2" aria-live="polite">
        {chosen.length === 0 ? <li className="text-sm text-slate-500">{t("provider:noRegions")}</li> : null}
        {chosen.map((code) => (
          <li key={code} className="badge gap-1 bg-slate-100 text-slate-800">
            {nameOf(code) || code}
            <button
              type="button"
              className="ml-1 rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
              aria-label={t("provider:remove", { name: nameOf(code) || code })}
              onClick={() => setChosen(chosen.filter((c) => c !== code))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="grid gap-2 sm:grid-cols-4">
        {levels.map((options, depth) => {
          if (!options || options.length === 0) return <div key={depth} />;
          return (
            <select
              key={depth}
              id={depth === 0 ? id : `${id}-${depth}`}
              aria-label={labels[depth]}
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
        <button
          type="button"
          className="btn-secondary"
          disabled={!pick || chosen.includes(pick)}
          onClick={() => {
            if (pick && !chosen.includes(pick)) {
              setChosen([...chosen, pick]);
              const county = counties?.find((c) => c.code === pick);
              setPicked({ ...picked, [pick]: fullName(pick, county?.name) });
            }
            setPath([]);
          }}
        >
          {t("provider:addRegion")}
        </button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(`errors:${error}`)}
        </p>
      ) : null}
    </fieldset>
  );
}
