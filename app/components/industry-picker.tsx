import { useState } from "react";
import { useTranslation } from "react-i18next";
import { INDUSTRY_SECTIONS, divisionsOf, sectionOf } from "../domain/industries";
import { toLanguage } from "../i18n/config";

/** GB/T 4754-2017: a section (门类) narrows the list of divisions (大类); the division is submitted. */
export function IndustryPicker({
  name,
  defaultValue,
  error,
}: {
  name: string;
  defaultValue?: string | null;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const [section, setSection] = useState<string>(defaultValue ? (sectionOf(defaultValue)?.code ?? "") : "");
  const [division, setDivision] = useState<string>(defaultValue ?? "");
  const id = `field-${name}`;
  const label = (x: { zh: string; en: string }) => (lang === "en" ? x.en : x.zh);
  return (
    <fieldset className="mb-4">
      <legend className="label">{t("common:industry")}</legend>
      <input type="hidden" name={name} value={division} />
      <div className="grid gap-2 sm:grid-cols-2">
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
              {s.code} {label(s)}
            </option>
          ))}
        </select>
        <select
          aria-label={t("common:industryDivision")}
          className="input"
          value={division}
          disabled={!section}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setDivision(e.target.value)}
        >
          <option value="">
            {t("common:industryDivision")} · {t("common:regionPick")}
          </option>
          {section
            ? divisionsOf(section).map((d) => (
                <option key={d.code} value={d.code}>
                  {d.code} {label(d)}
                </option>
              ))
            : null}
        </select>
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(`errors:${error}`)}
        </p>
      ) : null}
    </fieldset>
  );
}
