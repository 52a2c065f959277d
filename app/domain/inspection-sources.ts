/**
 * Who may record an inspection of an enterprise, by source (domain.md "Hazards and
 * inspections"; issue 8: "An inspection of an enterprise the inspector has no relation to is
 * refused"), and when an inspection record is complete (issue 8: confirmed by the inspecting
 * side and acknowledged by the enterprise, both recorded, AQ 9010 style).
 *
 * The service looks the relations up (policies, engagements, rotation plans, expert
 * assignments, free check-up programs, the bureau's region) and hands them over as plain
 * booleans; this module only says which relation each source needs. A source is the capacity in
 * which the acting organisation inspects, so an insurer's visit must be recorded as "insurer",
 * not as "provider", and the relation must match that capacity.
 */

export const INSPECTION_SOURCES = [
  "self_check",
  "mutual_aid",
  "insurer",
  "provider",
  "expert",
  "government",
  "free_checkup",
] as const;
export type InspectionSource = (typeof INSPECTION_SOURCES)[number];

export const INSPECTION_SOURCE_LABELS: Record<InspectionSource, { zh: string; en: string }> = {
  self_check: { zh: "企业自查", en: "Self-check" },
  mutual_aid: { zh: "互助检查", en: "Mutual-aid inspection" },
  insurer: { zh: "保险机构风险查勘", en: "Insurer's prevention visit" },
  provider: { zh: "服务机构检查", en: "Service provider's inspection" },
  expert: { zh: "专家检查", en: "Expert inspection" },
  government: { zh: "政府监督检查", en: "Government inspection" },
  free_checkup: { zh: "免费安全体检", en: "Free safety check-up" },
};

export function isInspectionSource(value: string): value is InspectionSource {
  return (INSPECTION_SOURCES as readonly string[]).includes(value);
}

/** What the service found between the acting organisation (or expert) and the enterprise. */
export type InspectionRelations = {
  /** The acting organisation is the enterprise itself. */
  isEnterpriseItself?: boolean;
  /** A planned mutual-aid assignment (rotation plan) names the acting organisation as inspector of this enterprise in an open cycle. */
  hasMutualAidAssignment?: boolean;
  /** The acting insurer holds a work-safety liability policy (安责险) of the enterprise in force today. */
  insuresEnterprise?: boolean;
  /** The acting provider has an engagement with the enterprise in service, or is commissioned for it by its insurer or bureau. */
  servesEnterprise?: boolean;
  /** The acting expert is assigned to inspect this enterprise (by a bureau draw, an insurer or the enterprise). */
  expertAssigned?: boolean;
  /** The acting bureau's region contains the enterprise's region. */
  isEnterpriseBureau?: boolean;
  /** The enterprise is in a free check-up program that the acting organisation runs or is commissioned to carry out. */
  inFreeCheckupProgram?: boolean;
};

/** The relation each source needs. */
export const SOURCE_RELATION: Record<InspectionSource, keyof InspectionRelations> = {
  self_check: "isEnterpriseItself",
  mutual_aid: "hasMutualAidAssignment",
  insurer: "insuresEnterprise",
  provider: "servesEnterprise",
  expert: "expertAssigned",
  government: "isEnterpriseBureau",
  free_checkup: "inFreeCheckupProgram",
};

export type MayInspectResult =
  | { ok: true }
  | { ok: false; code: "no_relation"; needs: keyof InspectionRelations }
  | { ok: false; code: "own_enterprise"; needs: keyof InspectionRelations };

/**
 * Whether an inspection with `source` may be recorded. Apart from a self-check, nobody records
 * an outside inspection of its own firm (a mutual-aid plan never pairs a member with itself;
 * an enterprise's "expert visit" of itself would be a self-check under another name).
 */
export function mayInspect(relations: InspectionRelations, source: InspectionSource): MayInspectResult {
  const needs = SOURCE_RELATION[source];
  if (source !== "self_check" && relations.isEnterpriseItself) return { ok: false, code: "own_enterprise", needs };
  return relations[needs] ? { ok: true } : { ok: false, code: "no_relation", needs };
}

/** The sources an organisation may choose for this enterprise: the select's options. */
export function allowedSources(relations: InspectionRelations): InspectionSource[] {
  return INSPECTION_SOURCES.filter((source) => mayInspect(relations, source).ok);
}

// ---------------------------------------------------------------- confirmation

export type InspectionConfirmations = {
  /** The inspecting side signed the findings (AQ 9010-style: the inspectors' signature). */
  inspectorConfirmedAt: Date | null;
  /** The enterprise's principal or safety manager acknowledged receipt (企业签收). */
  enterpriseAcknowledgedAt: Date | null;
};

export type ConfirmationStatus = "draft" | "confirmed" | "complete";
export const CONFIRMATION_STATUS_LABELS: Record<ConfirmationStatus, { zh: string; en: string }> = {
  draft: { zh: "草稿", en: "Draft" },
  confirmed: { zh: "检查方已确认，待企业签收", en: "Confirmed by the inspectors, awaiting the enterprise" },
  complete: { zh: "双方已确认", en: "Confirmed by both sides" },
};

/**
 * draft → confirmed (inspecting side) → complete (the enterprise acknowledged too). The
 * enterprise acknowledges what the inspectors signed, so an acknowledgement without the
 * inspectors' confirmation does not count. A report is "complete" only with both.
 */
export function confirmationStatus(c: InspectionConfirmations): ConfirmationStatus {
  if (!c.inspectorConfirmedAt) return "draft";
  return c.enterpriseAcknowledgedAt ? "complete" : "confirmed";
}

export type ConfirmStep = "inspector_confirm" | "enterprise_acknowledge";
export type ConfirmError = "already_confirmed" | "already_acknowledged" | "not_confirmed_yet";

/** Whether the next confirmation step may be taken now. Findings are frozen once confirmed. */
export function mayConfirm(
  c: InspectionConfirmations,
  step: ConfirmStep,
): { ok: true } | { ok: false; code: ConfirmError } {
  if (step === "inspector_confirm") {
    return c.inspectorConfirmedAt ? { ok: false, code: "already_confirmed" } : { ok: true };
  }
  if (!c.inspectorConfirmedAt) return { ok: false, code: "not_confirmed_yet" };
  return c.enterpriseAcknowledgedAt ? { ok: false, code: "already_acknowledged" } : { ok: true };
}

/** Answers, findings and hazards may still be edited only before the inspectors confirm. */
export function findingsEditable(c: InspectionConfirmations): boolean {
  return c.inspectorConfirmedAt === null;
}
