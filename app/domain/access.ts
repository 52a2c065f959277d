import type { MemberRole, OrgKind } from "./org-kinds";

/**
 * Who may open a feature and who may change things in it (docs/architecture.md, "Permissions").
 * A page's loader checks `view` and tells the page whether to offer editing by asking `allows(edit)`;
 * its action checks `edit`. Both read the same entry, so the button the page shows and the
 * permission the action enforces cannot drift apart. Services still check ownership themselves
 * (every private query is scoped by the acting organisation); this is the coarse gate before them.
 */
export type AccessRule = { kinds?: readonly OrgKind[]; roles?: readonly MemberRole[] };
export type FeatureAccess = { view: AccessRule; edit: AccessRule };

/** Owners and admins run the organisation; plain members read and do their own work. */
export const ORG_MANAGERS = ["owner", "admin"] as const satisfies readonly MemberRole[];

export const ACCESS = {
  /** The provider's workspace: profile, experts, listings, qualifications, practice notices. */
  providerWorkspace: { view: { kinds: ["provider"] }, edit: { kinds: ["provider"], roles: ORG_MANAGERS } },
  /** The organisation's own registration data (settings/organisation); any kind. */
  organisationSettings: { view: {}, edit: { roles: ORG_MANAGERS } },
  /** API tokens act for the whole organisation, so only its managers see or make them. */
  apiTokens: { view: { roles: ORG_MANAGERS }, edit: { roles: ORG_MANAGERS } },
  /** A bureau's desk: its region's organisations, practice notices, evaluations and violations. */
  bureauDesk: { view: { kinds: ["bureau"] }, edit: { kinds: ["bureau"] } },
  /** Issue 8: inspections and checklist templates, for every kind of organisation that inspects. */
  inspections: {
    view: { kinds: ["enterprise", "provider", "insurer", "group", "bureau"] },
    edit: { kinds: ["enterprise", "provider", "insurer", "group", "bureau"] },
  },
  /**
   * An enterprise's register record and risk grades (issue 8): every member may open it; who sees
   * which enterprise, and who may grade it, is the service's relation check (enterpriseRecordsVisibleTo).
   */
  enterpriseRecords: { view: {}, edit: {} },
  /** A mutual-aid group's desk (/group): members, staff, rotation cycles, shared sessions. */
  groupDesk: { view: { kinds: ["group"] }, edit: { kinds: ["group"], roles: ORG_MANAGERS } },
  /** A member enterprise's side of mutual aid (/mutual-aid): invitations, its staff, its assignments. */
  mutualAid: { view: { kinds: ["enterprise"] }, edit: { kinds: ["enterprise"], roles: ORG_MANAGERS } },
  /**
   * Hazard registers (issue 8): every kind that relates to enterprises; which hazards each sees
   * is the service's rule (enterpriseRecordsVisibleTo or found by it), which steps it may take
   * is the hazard machine's. Any member may act: rectifying and verifying is staff work.
   */
  hazards: {
    view: { kinds: ["enterprise", "provider", "insurer", "group", "bureau"] },
    edit: { kinds: ["enterprise", "provider", "insurer", "group", "bureau"] },
  },
  /** The platform's administration (organisations, qualifications, bureaus, violations, audit log). */
  platformAdmin: {
    view: { kinds: ["platform"], roles: ORG_MANAGERS },
    edit: { kinds: ["platform"], roles: ORG_MANAGERS },
  },
  /**
   * The expert pool (专家库, decision 021): every member searches it; bureaus and the platform
   * add and keep independent experts (a provider keeps its own on /provider/experts).
   */
  expertPool: { view: {}, edit: { kinds: ["bureau", "platform"] } },
  /** Assigning an expert to an enterprise's inspection: its bureau, an insurer, the enterprise itself. */
  expertAssign: {
    view: { kinds: ["bureau", "insurer", "enterprise"] },
    edit: { kinds: ["bureau", "insurer", "enterprise"] },
  },
  /** Training sessions (issue 8): read by every kind that sees safety records; recorded by trainers, enterprises, groups. */
  training: {
    view: { kinds: ["enterprise", "provider", "insurer", "group", "bureau"] },
    edit: { kinds: ["enterprise", "provider", "insurer", "group"] },
  },
  /** Remote guidance (issue 8): an enterprise asks, its insurer, provider or an expert's employer answers. */
  guidance: {
    view: { kinds: ["enterprise", "provider", "insurer"] },
    edit: { kinds: ["enterprise", "provider", "insurer"] },
  },
  /** Free check-up programs (issue 8): bureaus and insurers run them, providers carry them out, enterprises see theirs. */
  checkups: {
    view: { kinds: ["enterprise", "provider", "insurer", "bureau"] },
    edit: { kinds: ["provider", "insurer", "bureau"] },
  },
  /**
   * Issue 9, the insurer's 6+3 desk: policies (form, import, API), plans, assignments, visits,
   * the prevention-fee ledger, complaints and the archive. Any member does the visits; writing
   * policies, commissioning and approving an overrun is for the insurer's managers.
   */
  insurerDesk: { view: { kinds: ["insurer"] }, edit: { kinds: ["insurer"] } },
  insurerPolicies: { view: { kinds: ["insurer"] }, edit: { kinds: ["insurer"], roles: ORG_MANAGERS } },
  /** The insured enterprise's side: its plan, visit confirmations, return visits, complaints, calendar. */
  insuredEnterprise: { view: { kinds: ["enterprise"] }, edit: { kinds: ["enterprise"] } },
  /** The bureau's oversight of insurers in its region (read-only drill-down, flags, thresholds). */
  insuranceOversight: { view: { kinds: ["bureau"] }, edit: { kinds: ["bureau"], roles: ORG_MANAGERS } },
} as const satisfies Record<string, FeatureAccess>;

/** Whether a member of this organisation passes the rule (an empty rule lets every member through). */
export function allows(rule: AccessRule, org: { kind: OrgKind; role: MemberRole }): boolean {
  if (rule.kinds && !rule.kinds.includes(org.kind)) return false;
  if (rule.roles && !rule.roles.includes(org.role)) return false;
  return true;
}
