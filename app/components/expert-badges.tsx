import { useTranslation } from "react-i18next";
import {
  EXPERT_SPECIALTY_LABELS,
  EXPERT_TITLE_LABELS,
  SAFETY_ENGINEER_LEVEL_LABELS,
  type ExpertSpecialty,
  type ExpertTitle,
  type SafetyEngineerLevel,
} from "../domain/expert-codes";
import { toLanguage } from "../i18n/config";

/**
 * How an expert's codes read on a page. Kept apart from the profile form (expert-bits.tsx) so a
 * page that only shows experts — the public provider page, the pool's list — does not ship the
 * form's pickers and validation (docs/performance.md, JS per route).
 */
/** Labels of the pool's codes in the page's language (the codes' labels live in expert-codes.ts). */
export function useExpertLabels() {
  const { i18n } = useTranslation();
  const lang = toLanguage(i18n.language) === "en" ? "en" : "zh";
  return {
    specialty: (c: string) => EXPERT_SPECIALTY_LABELS[c as ExpertSpecialty]?.[lang] ?? c,
    title: (c: string) => EXPERT_TITLE_LABELS[c as ExpertTitle]?.[lang] ?? c,
    level: (c: string | null) => (c ? (SAFETY_ENGINEER_LEVEL_LABELS[c as SafetyEngineerLevel]?.[lang] ?? c) : ""),
  };
}

export function SpecialtyBadges({ codes }: { codes: readonly string[] }) {
  const label = useExpertLabels();
  return (
    <span className="flex flex-wrap gap-1">
      {codes.map((c) => (
        <span key={c} className="badge bg-brand-50 text-brand-700">
          {label.specialty(c)}
        </span>
      ))}
    </span>
  );
}

/** A submit button for a binding step: the browser asks for confirmation first (no JS: submits). */
export function ConfirmSubmit({
  message,
  children,
  className = "btn-primary",
  name,
  value,
}: {
  message: string;
  children: React.ReactNode;
  className?: string;
  name?: string;
  value?: string;
}) {
  return (
    <button
      type="submit"
      className={className}
      name={name}
      value={value}
      onClick={(event) => {
        if (!window.confirm(message)) event.preventDefault();
      }}
    >
      {children}
    </button>
  );
}
