/** The insurers' 6+3 prevention services, issue 9 (mirrors zh-CN key for key). */
export default {
  service: {
    risk_assessment: "Risk assessment",
    key_inspection: "Key inspection",
    thorough_inspection: "Thorough inspection",
    all_staff_training: "All-staff training",
    rectification_assistance: "Rectification assistance",
    one_enterprise_one_plan: "One enterprise, one plan",
    remote_guidance: "24-hour remote guidance",
    onsite_stationing: "On-site stationing",
  },
  status: {
    planned: "Planned",
    scheduled: "Scheduled",
    done: "Done",
    at_risk: "At risk",
    overdue: "Overdue",
    cancelled: "Cancelled",
  },
  policyStatus: {
    active: "Active",
    cancelled: "Cancelled",
    expired: "Expired",
  },
  assigneeKind: {
    staff: "Our staff",
    expert: "Pool expert",
    provider: "Commissioned provider",
  },
  errors: {
    policy_number_taken: "This insurer already has a policy with that number.",
  },
};
