export default {
  title: "Anfu — the work-safety services marketplace",
  heroTitle: "Safety services small firms can find, afford and trust",
  heroBody:
    "Small and medium enterprises find qualified safety service providers here; insurers deliver and prove the “6+3” accident-prevention services of work-safety liability insurance; mutual-aid groups organise inspections; emergency-management bureaus run subsidies, government purchases and credit supervision.",
  ctaRegister: "Register free",
  ctaProviders: "Browse providers",
  forWhom: "Who it is for",
  audience: {
    enterprise: {
      title: "Enterprises",
      body: "Post needs for consulting, training, assessment, testing, occupational health or custody, compare quotes and choose freely — nobody may force or designate a provider.",
    },
    provider: {
      title: "Service providers",
      body: "Show qualifications and services, quote on matching requests, deliver reports online and build a public credit record.",
    },
    insurer: {
      title: "Insurers",
      body: "Turn each policy into its “6+3” prevention plan, schedule assessments, inspections and training, and keep records both sides confirm.",
    },
    group: {
      title: "Groups and associations",
      body: "Organise self-checks, mutual inspections within and between groups, and shared training; hazards go straight to the inspected member.",
    },
    bureau: {
      title: "Emergency management bureaus",
      body: "Run custody subsidies, government-purchase projects and credit lists, and watch coverage and quality in your region.",
    },
  },
  principles: "Principles",
  principleList: {
    choice: "Two-way choice: enterprises choose; no forced or designated services.",
    qualified: "Qualified first: services needing an expired or unverified qualification are hidden.",
    credit: "Credit in the open: reviews, on-time delivery and violations make the grade, published regularly.",
  },
};
