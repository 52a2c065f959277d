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

  ...prefix("api/v1", [
    route("me", "routes/api/me.ts"),
    route("providers", "routes/api/providers.ts"),
    route("notifications", "routes/api/notifications.ts"),
    route("*", "routes/api/not-found.ts", { id: "api-not-found" }),
  ]),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
