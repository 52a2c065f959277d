/**
 * The insurers' 6+3 prevention services (issue 9), shared by the insurer's desk, the insured
 * enterprise's pages and the bureau's oversight. Each area keeps its own page texts in its own
 * namespace (policies, visits, premiumLedger, oversight); this one holds what they share.
 */
export default {
  service: {
    risk_assessment: "风险评估",
    key_inspection: "重点排查",
    thorough_inspection: "起底式大检查",
    all_staff_training: "全员培训",
    rectification_assistance: "协助整改",
    one_enterprise_one_plan: "一企一策",
    remote_guidance: "24小时远程指导",
    onsite_stationing: "驻厂驻点",
  },
  status: {
    planned: "待安排",
    scheduled: "已约定",
    done: "已完成",
    at_risk: "临期未约",
    overdue: "逾期",
    cancelled: "已取消",
  },
  policyStatus: {
    active: "有效",
    cancelled: "已退保",
    expired: "已到期",
  },
  assigneeKind: {
    staff: "本机构人员",
    expert: "专家库专家",
    provider: "委托服务机构",
  },
  errors: {
    policy_number_taken: "本机构已有相同保单号的保单。",
  },
};
