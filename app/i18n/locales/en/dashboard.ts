export default {
  title: "Dashboard",
  welcome: "Hello, {{name}}",
  orgStatus: "Verification: {{status}}",
  pendingNote:
    "Once the platform has reviewed your organisation it will show as verified. Meanwhile you can browse and complete your profile.",
  completeProfile: "Complete your profile",
  apiTokens: "Manage API tokens",
  honest: "These are the features open today; more appear here as they launch.",
  enterprise: {
    lead: "Post needs, compare quotes and manage engagements.",
    items: [
      "Find providers and compare qualifications, credit and prices",
      "Post a request and collect quotes",
      "Follow delivery and review",
    ],
  },
  provider: {
    lead: "Show qualifications and services; receive matching requests.",
    items: ["Upload qualification certificates for review", "Publish service listings", "Quote from the request inbox"],
  },
  insurer: {
    lead: "The “6+3” prevention plans of your policies will be managed here.",
    items: ["Browse providers to commission services for policyholders"],
  },
  group: {
    lead: "Members and mutual-inspection plans will be managed here.",
    items: ["Browse providers and organise shared training"],
  },
  bureau: {
    lead: "See the organisations in your region ({{region}}).",
    items: ["Organisations in your region and their verification", "Practice notices in your region"],
  },
  platform: {
    lead: "Platform operations: verify organisations, open bureaus, read the audit log.",
    items: ["Pending review: {{pending}}", "Suspended: {{suspended}}"],
  },
  nothingYet: "Nothing yet",
};
