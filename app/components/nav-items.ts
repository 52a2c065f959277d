import type { OrgKind } from "../domain/org-kinds";

export type NavItem = { to: string; labelKey: string };

/** Role-aware navigation: what each kind of organisation can open. Keys are in `nav`. */
export const NAV_BY_KIND: Record<OrgKind, NavItem[]> = {
  enterprise: [
    { to: "/dashboard", labelKey: "dashboard" },
    { to: "/enterprises/mine", labelKey: "enterpriseRecord" },
    { to: "/providers", labelKey: "providers" },
    { to: "/requests", labelKey: "requests" },
    { to: "/engagements", labelKey: "engagements" },
    { to: "/inspections", labelKey: "inspections" },
    { to: "/experts", labelKey: "experts" },
    // Mutual-aid groups (issue 8): invitations, staff, whom we inspect and who inspects us.
    { to: "/mutual-aid", labelKey: "mutualAid" },
    { to: "/hazards", labelKey: "hazards" },
    // Training, remote guidance, free check-ups (issue 8).
    { to: "/training", labelKey: "training" },
    { to: "/guidance", labelKey: "guidance" },
    { to: "/checkups", labelKey: "checkups" },
    // Issue 9: the insurers' prevention services; its calendar and complaints are linked from there.
    { to: "/insured", labelKey: "insured" },
  ],
  provider: [
    { to: "/dashboard", labelKey: "dashboard" },
    { to: "/provider/inbox", labelKey: "inbox" },
    { to: "/provider/profile", labelKey: "providerProfile" },
    { to: "/provider/listings", labelKey: "listings" },
    { to: "/provider/qualifications", labelKey: "qualifications" },
    { to: "/provider/notices", labelKey: "practiceNotices" },
    { to: "/engagements", labelKey: "engagements" },
    { to: "/inspections", labelKey: "inspections" },
    { to: "/experts/assignments", labelKey: "expertAssignments" },
    { to: "/hazards", labelKey: "hazards" },
    { to: "/training", labelKey: "training" },
    { to: "/guidance", labelKey: "guidance" },
    { to: "/checkups", labelKey: "checkups" },
  ],
  insurer: [
    { to: "/dashboard", labelKey: "dashboard" },
    { to: "/insurer", labelKey: "insurerDesk" },
    // Issue 9, the 6+3 desk: policies and plans, the calendar, the prevention-fee ledger, complaints.
    { to: "/insurer/policies", labelKey: "insurerPolicies" },
    { to: "/insurer/calendar", labelKey: "insuranceCalendar" },
    { to: "/insurer/ledger", labelKey: "preventionLedger" },
    { to: "/insurer/complaints", labelKey: "insuranceComplaints" },
    { to: "/providers", labelKey: "providers" },
    { to: "/inspections", labelKey: "inspections" },
    { to: "/experts", labelKey: "experts" },
    { to: "/hazards", labelKey: "hazards" },
    { to: "/training", labelKey: "training" },
    { to: "/guidance", labelKey: "guidance" },
    { to: "/checkups", labelKey: "checkups" },
  ],
  group: [
    { to: "/dashboard", labelKey: "dashboard" },
    // Mutual-aid group desk (issue 8).
    { to: "/group", labelKey: "groupDesk" },
    { to: "/group/members", labelKey: "groupMembers" },
    { to: "/group/sessions", labelKey: "groupSessions" },
    { to: "/providers", labelKey: "providers" },
    { to: "/inspections", labelKey: "inspections" },
    { to: "/hazards", labelKey: "hazards" },
    { to: "/training", labelKey: "training" },
  ],
  bureau: [
    { to: "/dashboard", labelKey: "dashboard" },
    { to: "/bureau/enterprises", labelKey: "regionOrganisations" },
    { to: "/bureau/practice-notices", labelKey: "practiceNotices" },
    { to: "/bureau/evaluations", labelKey: "bureauEvaluations" },
    { to: "/inspections", labelKey: "inspections" },
    { to: "/experts", labelKey: "experts" },
    { to: "/bureau/expert-draws", labelKey: "expertDraws" },
    { to: "/bureau/hazards", labelKey: "bureauHazards" },
    { to: "/training", labelKey: "training" },
    { to: "/checkups", labelKey: "checkups" },
    { to: "/bureau/insurance", labelKey: "insuranceOversight" },
  ],
  platform: [
    { to: "/dashboard", labelKey: "dashboard" },
    { to: "/admin/organisations", labelKey: "adminOrganisations" },
    { to: "/admin/qualifications", labelKey: "adminQualifications" },
    { to: "/admin/bureaus/new", labelKey: "adminNewBureau" },
    { to: "/admin/violations", labelKey: "adminViolations" },
    { to: "/experts", labelKey: "experts" },
    // Disputed engagements, for the platform to rule on (the page titles itself 争议处理).
    { to: "/engagements", labelKey: "engagements" },
    { to: "/admin/audit", labelKey: "adminAudit" },
    { to: "/admin/mail", labelKey: "adminMail" },
  ],
};

export const PUBLIC_NAV: NavItem[] = [
  { to: "/providers", labelKey: "providers" },
  { to: "/listings", labelKey: "listings" },
  { to: "/credit", labelKey: "credit" },
];
