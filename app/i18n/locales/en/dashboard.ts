export default {
  title: "Dashboard",
  welcome: "Hello, {{name}}",
  orgStatus: "Verification: {{status}}",
  pendingNote:
    "Once the platform has reviewed your organisation it will show as verified. Meanwhile you can browse and complete your profile.",
  completeProfile: "Complete your profile",
  apiTokens: "Manage API tokens",
  honest: "This is what you can do here today.",
  enterprise: {
    lead: "Post needs, compare quotes and manage engagements.",
    items: [
      "Find providers and compare qualifications, credit and prices",
      "Post a request and collect quotes",
      "Follow delivery and review",
      "Self-checks: record hazards, rectify them and upload evidence",
      "Your enterprise record, risk grade, training records and remote guidance",
    ],
  },
  provider: {
    lead: "Show qualifications and services; receive matching requests.",
    items: [
      "Upload qualification certificates for review",
      "Publish service listings",
      "Quote from the request inbox",
      "Inspect the enterprises you serve, verify their rectifications, answer remote guidance",
      "Keep your experts in the pool and take the tasks assigned to them",
    ],
  },
  insurer: {
    lead: "Inspect, train and guide the enterprises you insure.",
    items: [
      "Inspect insured enterprises, record the inspection and follow the rectification",
      "Record training sessions and answer remote guidance",
      "Run free safety check-ups and issue one-enterprise-one-plan documents",
      "Find and assign experts from the pool; browse providers",
    ],
  },
  group: {
    lead: "Manage your members and their mutual inspections.",
    items: [
      "Invite or add member enterprises and name their technical staff",
      "Plan mutual inspections in cycles and follow their completion",
      "Record shared training sessions and exchange meetings",
    ],
  },
  bureau: {
    lead: "Oversee the enterprises and safety services of your region ({{region}}).",
    items: [
      "Import your region's enterprise register, filter and export it",
      "Acknowledge major-hazard reports; major and overdue hazards by county and industry",
      "Draw experts at random; run free safety check-ups",
      "Practice notices, provider evaluations and violations in your region",
    ],
  },
  platform: {
    lead: "Platform operations: verify organisations, open bureaus, read the audit log.",
    items: ["Pending review: {{pending}}", "Suspended: {{suspended}}"],
  },
  nothingYet: "Nothing yet",
};
