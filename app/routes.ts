import { index, prefix, route, type RouteConfig } from "@remix-run/route-config";

/**
 * Every URL of the app. Each feature adds its block here; paths are English and stable,
 * files live under app/routes/<feature>/.
 */
export default [
  index("routes/home.tsx"),
  route("login", "routes/auth/login.tsx"),
  route("register", "routes/auth/register.tsx"),
  route("logout", "routes/auth/logout.tsx"),
  route("set-language", "routes/set-language.tsx"),
  // Region levels for the pickers, on demand (the browser ships only provinces and cities).
  route("regions/:code/children", "routes/regions/children.ts"),
  route("dashboard", "routes/dashboard.tsx"),

  ...prefix("settings", [
    route("account", "routes/settings/account.tsx"),
    route("organisation", "routes/settings/organisation.tsx"),
    route("api-tokens", "routes/settings/api-tokens.tsx"),
    route("notifications", "routes/settings/notifications.tsx"),
  ]),

  // Notifications: the inbox, opening one (re-checks visibility), the admin's mail log.
  route("notifications", "routes/notifications/index.tsx"),
  route("notifications/:notificationId", "routes/notifications/open.tsx"),
  route("admin/mail", "routes/admin/mail.tsx"),

  ...prefix("admin", [
    route("organisations", "routes/admin/organisations.tsx"),
    route("organisations/:orgId", "routes/admin/organisation.tsx"),
    route("bureaus/new", "routes/admin/new-bureau.tsx"),
    route("audit", "routes/admin/audit.tsx"),
  ]),

  ...prefix("bureau", [route("enterprises", "routes/bureau/enterprises.tsx")]),

  // Enterprise register (issue 8): the bureau's import with streamed progress, the export, the enterprise page.
  route("bureau/enterprises/import", "routes/bureau/enterprise-import.tsx"),
  route("bureau/enterprises/import/:importId/run", "routes/bureau/enterprise-import-run.ts"),
  route("bureau/enterprises/export", "routes/bureau/enterprise-export.ts"),
  route("enterprises/mine", "routes/enterprises/mine.ts"),
  route("enterprises/:enterpriseId", "routes/enterprises/enterprise.tsx"),

  // Marketplace: provider profiles, qualifications, listings, practice notices, uploads.
  route("files/:fileId", "routes/files/file.tsx"),
  ...prefix("provider", [
    route("profile", "routes/provider/profile.tsx"),
    route("experts", "routes/provider/experts.tsx"),
    route("qualifications", "routes/provider/qualifications.tsx"),
    route("qualifications/new", "routes/provider/qualification-new.tsx"),
    route("listings", "routes/provider/listings.tsx"),
    route("listings/new", "routes/provider/listing-new.tsx"),
    route("listings/:listingId", "routes/provider/listing-edit.tsx"),
    route("notices", "routes/provider/notices.tsx"),
  ]),
  route("admin/qualifications", "routes/admin/qualifications.tsx"),
  route("bureau/practice-notices", "routes/bureau/practice-notices.tsx"),
  route("providers/:providerId", "routes/providers/provider.tsx"),
  route("listings/:listingId", "routes/listings/listing.tsx"),

  // Reviews and credit: 公示 list, provider credit pages, review actions, evaluations, violations.
  route("credit", "routes/credit/index.tsx"),
  route("credit/:providerId", "routes/credit/provider.tsx"),
  route("engagements/:engagementId/reviews", "routes/credit/engagement-reviews.tsx"),
  route("bureau/evaluations", "routes/credit/bureau-evaluations.tsx"),
  route("admin/violations", "routes/credit/admin-violations.tsx"),

  // Search and matching: the public provider directory and listing search.
  route("providers", "routes/search/providers.tsx"),
  route("listings", "routes/search/listings.tsx"),

  // Requests, quotes and engagements: needs, provider inbox, contracts with deliverables and messages.
  route("requests", "routes/requests/index.tsx"),
  route("requests/new", "routes/requests/new.tsx"),
  route("requests/:requestId", "routes/requests/detail.tsx"),
  route("provider/inbox", "routes/provider-inbox/index.tsx"),
  route("provider/inbox/:requestId", "routes/provider-inbox/request.tsx"),
  route("engagements", "routes/engagements/index.tsx"),
  route("engagements/new", "routes/engagements/new.tsx"),
  route("engagements/:engagementId", "routes/engagements/detail.tsx"),

  // Inspections (issue 8): checklist templates, inspections with their hazards, the printable report.
  route("checklists", "routes/checklists/index.tsx"),
  route("checklists/builtin/:templateKey", "routes/checklists/builtin.tsx"),
  route("checklists/:templateId", "routes/checklists/edit.tsx"),
  route("inspections", "routes/inspections/index.tsx"),
  route("inspections/new", "routes/inspections/new.tsx"),
  route("inspections/export", "routes/inspections/export.ts"),
  route("inspections/:inspectionId", "routes/inspections/detail.tsx"),
  route("inspections/:inspectionId/print", "routes/inspections/print.tsx"),
  route("inspections/:inspectionId/photos/:fileId", "routes/inspections/photo.tsx"),
  // The expert pool (专家库): search, profiles, independent experts, assignments; bureau draws.
  route("experts", "routes/experts/index.tsx"),
  route("experts/new", "routes/experts/new.tsx"),
  route("experts/assignments", "routes/experts/assignments.tsx"),
  route("experts/:expertId", "routes/experts/expert.tsx"),
  route("experts/:expertId/edit", "routes/experts/edit.tsx"),
  route("bureau/expert-draws", "routes/bureau/expert-draws.tsx"),
  route("bureau/expert-draws/new", "routes/bureau/expert-draws-new.tsx"),
  route("bureau/expert-draws/:drawId", "routes/bureau/expert-draw.tsx"),
  // Mutual-aid groups (issue 8): the coordinator's desk under /group, the member's side under /mutual-aid.
  ...prefix("group", [
    index("routes/group/index.tsx"),
    route("members", "routes/group/members.tsx"),
    route("members/:enterpriseId", "routes/group/member.tsx"),
    route("cycles/new", "routes/group/cycle-new.tsx"),
    route("cycles/:cycleId", "routes/group/cycle.tsx"),
    route("sessions", "routes/group/sessions.tsx"),
  ]),
  route("mutual-aid", "routes/mutual-aid/index.tsx"),
  route("mutual-aid/groups/:groupId", "routes/mutual-aid/group.tsx"),
  // Hazards (issue 8): the register and its export, one hazard and its files, the bureau's region view.
  route("hazards", "routes/hazards/index.tsx"),
  route("hazards/export", "routes/hazards/export.ts"),
  route("hazards/:hazardId", "routes/hazards/detail.tsx"),
  route("hazards/:hazardId/files/:fileId", "routes/hazards/file.tsx"),
  route("bureau/hazards", "routes/bureau/hazards.tsx"),
  // Training, remote guidance and free check-ups (issue 8): lists, forms, threads, programs, their files.
  route("training", "routes/training/index.tsx"),
  route("training/new", "routes/training/new.tsx"),
  route("training/:sessionId", "routes/training/detail.tsx"),
  route("training/:sessionId/files/:fileId", "routes/training/file.ts"),
  route("guidance", "routes/guidance/index.tsx"),
  route("guidance/new", "routes/guidance/new.tsx"),
  route("guidance/:threadId", "routes/guidance/detail.tsx"),
  route("guidance/:threadId/files/:fileId", "routes/guidance/file.ts"),
  route("checkups", "routes/checkups/index.tsx"),
  route("checkups/new", "routes/checkups/new.tsx"),
  route("checkups/:programId", "routes/checkups/detail.tsx"),
  route("checkups/:programId/plans/:enterpriseId", "routes/checkups/plan-file.ts"),
  // Insurers' policies (issue 9): list and export, the form, the import with its template and streamed run, one policy.
  route("insurer/policies", "routes/insurer/policies.tsx"),
  route("insurer/policies/export", "routes/insurer/policies-export.ts"),
  route("insurer/policies/new", "routes/insurer/policy-new.tsx"),
  route("insurer/policies/import", "routes/insurer/policies-import.tsx"),
  route("insurer/policies/import/run", "routes/insurer/policies-import-run.ts"),
  route("insurer/policies/import/template", "routes/insurer/policies-import-template.ts"),
  route("insurer/policies/:policyId", "routes/insurer/policy.tsx"),

  // Issue 9: the insurer's desk and the bureau's insurance oversight (flags, read-only drill-downs).
  route("insurer", "routes/insurer/index.tsx"),
  route("insurer/export", "routes/insurer/export.ts"),
  route("bureau/insurance", "routes/bureau/insurance/index.tsx"),
  route("bureau/insurance/export", "routes/bureau/insurance/export.ts"),
  route("bureau/insurance/flags", "routes/bureau/insurance/flags.tsx"),
  route("bureau/insurance/insurers/:insurerId", "routes/bureau/insurance/insurer.tsx"),
  route("bureau/insurance/policies/:policyId", "routes/bureau/insurance/policy.tsx"),
  route("bureau/insurance/visits/:visitId", "routes/bureau/insurance/visit.tsx"),
  route("bureau/insurance/visits/:visitId/photos/:fileId", "routes/bureau/insurance/photo.ts"),
  // Doing the visits (issue 9): the insurer's plan item and visit records, the insured enterprise's side.
  route("insurer/plan-items/:itemId", "routes/visits/plan-item.tsx"),
  route("insurer/plan-items/:itemId/visits/new", "routes/visits/visit-new.tsx"),
  route("insurer/visits/:visitId", "routes/visits/insurer-visit.tsx"),
  route("insurer/visits/:visitId/photos/:fileId", "routes/visits/insurer-photo.ts"),
  route("insured", "routes/visits/insured.tsx"),
  route("insured/visits/:visitId", "routes/visits/insured-visit.tsx"),
  route("insured/visits/:visitId/photos/:fileId", "routes/visits/insured-photo.ts"),
  // Issue 9, money, complaints and the archive: the prevention-fee ledger, commissioning a provider, complaints, 一企一档.
  route("insurer/ledger", "routes/insurer/ledger.tsx"),
  route("insurer/ledger/export", "routes/insurer/ledger-export.ts"),
  route("insurer/policies/:policyId/ledger", "routes/insurer/policy-ledger.tsx"),
  route("insurer/plan-items/:itemId/commission", "routes/insurer/commission.tsx"),
  route("insurer/complaints", "routes/insurer/complaints.tsx"),
  route("insurer/complaints/export", "routes/insurer/complaints-export.ts"),
  route("insurer/complaints/:complaintId", "routes/insurer/complaint.tsx"),
  route("insurer/enterprises/:enterpriseId/archive", "routes/insurer/archive.tsx"),
  route("insurer/enterprises/:enterpriseId/archive.xlsx", "routes/insurer/archive-export.ts"),
  route("insured/complaints", "routes/insured/complaints.tsx"),
  route("insured/complaints/new", "routes/insured/complaint-new.tsx"),

  ...prefix("api/v1", [
    route("inspections", "routes/api/inspections.ts"),
    route("me", "routes/api/me.ts"),
    route("hazards", "routes/api/hazards.ts"),
    route("providers", "routes/api/providers.ts"),
    route("notifications", "routes/api/notifications.ts"),
    route("policies", "routes/api/policies.ts"),
    route("policies/:policyId/plan", "routes/api/policy-plan.ts"),
    route("*", "routes/api/not-found.ts", { id: "api-not-found" }),
  ]),

  // Issue 9, calendar: month views and the secret ICS feeds (`/calendar/<token>.ics`, no session).
  route("insurer/calendar", "routes/insurer/calendar.tsx"),
  route("insured/calendar", "routes/insured/calendar.tsx"),
  route("calendar/:token", "routes/calendar/feed.ts"),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
