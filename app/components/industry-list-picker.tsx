import { useState } from "react";
import { useTranslation } from "react-i18next";
import { INDUSTRY_SECTIONS, divisionsOf, industryName } from "../domain/industries";
import { toLanguage } from "../i18n/config";

/** Several GB/T 4754 codes: a whole section (letter) or a division (two digits), as hidden inputs. */
export function IndustryListPicker({
  name,
  legend,
  hint,
  defaultValue = [],
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  defaultValue?: readonly string[];
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const [chosen, setChosen] = useState<string[]>([...defaultValue]);
  const [section, setSection] = useState("");
  const [division, setDivision] = useState("");
  const pick = division || section;
  const id = `field-${name}`;
  const label = (code: string) => `${code} ${industryName(code, lang) ?? ""}`.trim();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="mb-4" aria-describedby={describedBy}>
      <legend className="label">{legend}</legend>
      {chosen.map((code) => (
        <input key={code} type="hidden" name={name} value={code} />
      ))}
      <ul className="mb-2 flex flex-wrap gap-2" aria-live="polite">
        {chosen.length === 0 ? <li className="text-sm text-slate-500">{t("provider:anyIndustry")}</li> : null}
        {chosen.map((code) => (
          <li key={code} className="badge gap-1 bg-slate-100 text-slate-800">
            {label(code)}
            <button
              type="button"
              className="ml-1 rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
              aria-label={t("provider:remove", { name: label(code) })}
              onClick={() => setChosen(chosen.filter((c) => c !== code))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="grid gap-2 sm:grid-cols-3">
        <select
          id={id}
          aria-label={t("common:industrySection")}
          className="input"
          value={section}
          onChange={(e) => {
            setSection(e.target.value);
            setDivision("");
          }}
        >
          <option value="">
            {t("common:industrySection")} · {t("common:regionPick")}
          </option>
          {INDUSTRY_SECTIONS.map((s) => (
            <option key={s.code} value={s.code}>
              {label(s.code)}
            </option>
          ))}
        </select>
        <select
          aria-label={t("common:industryDivision")}
          className="input"
          value={division}
          disabled={!section}
          onChange={(e) => setDivision(e.target.value)}
        >
          <option value="">{t("provider:wholeSection")}</option>
          {section
            ? divisionsOf(section).map((d) => (
                <option key={d.code} value={d.code}>
                  {label(d.code)}
                </option>
              ))
            : null}
        </select>
        <button
          type="button"
          className="btn-secondary"
          disabled={!pick || chosen.includes(pick)}
          onClick={() => {
            if (pick && !chosen.includes(pick)) setChosen([...chosen, pick]);
            setSection("");
            setDivision("");
          }}
        >
          {t("provider:addIndustry")}
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
