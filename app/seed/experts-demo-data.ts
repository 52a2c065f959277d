import type { ExpertSpecialty, ExpertTitle, SafetyEngineerLevel } from "../domain/expert-codes";

/**
 * The demo expert pool (专家库): the demo providers' own experts (employed, kept by the
 * provider) and independent experts kept by the bureaus. `keeper` and `conflicts` are keys of
 * DEMO_ORGS. Phones are fictitious (the 555 block is never assigned to a subscriber here).
 */
export type DemoExpert = {
  keeper: string;
  /** Employed by the keeper (a provider); false = independent (kept by a bureau). */
  employed: boolean;
  name: string;
  title: ExpertTitle;
  level?: SafetyEngineerLevel;
  certificateNo?: string;
  phone?: string;
  specialties: ExpertSpecialty[];
  regionCodes: string[];
  industryCodes?: string[];
  bio?: string;
  active?: boolean;
  /** Days from the seed day: [start, end] offsets of an unavailable range. */
  unavailableOffsets?: [number, number];
  conflicts?: string[];
};

export const EXPERTS_DEMO: DemoExpert[] = [
  // 浙江安正 (金华婺城): its former provider experts, now in the pool.
  {
    keeper: "prov-anzheng",
    employed: true,
    name: "张明",
    title: "senior",
    level: "intermediate",
    certificateNo: "ZAG33202100156",
    phone: "13555710101",
    specialties: ["hazardous_chemicals", "dust_explosion"],
    regionCodes: ["330700"],
    industryCodes: ["C"],
    bio: "注册安全工程师（化工安全），从事工贸企业安全咨询十二年。",
  },
  {
    keeper: "prov-anzheng",
    employed: true,
    name: "王丽",
    title: "intermediate",
    level: "intermediate",
    certificateNo: "ZAG33201900342",
    phone: "13555710102",
    specialties: ["safety_management", "mechanical"],
    regionCodes: ["330702", "330703"],
    bio: "工贸企业安全生产标准化评审员。",
  },
  {
    keeper: "prov-anzheng",
    employed: true,
    name: "陈刚",
    title: "senior",
    phone: "13555710103",
    specialties: ["mechanical", "confined_space"],
    regionCodes: ["330700"],
  },
  // 金华安联 (安全评价).
  {
    keeper: "prov-anlian",
    employed: true,
    name: "周红",
    title: "senior",
    phone: "13555710201",
    specialties: ["hazardous_chemicals", "safety_management"],
    regionCodes: ["330700"],
    bio: "一级安全评价师，危险化学品建设项目安全评价。",
  },
  {
    keeper: "prov-anlian",
    employed: true,
    name: "吴建华",
    title: "intermediate",
    level: "intermediate",
    certificateNo: "ZAG33201800221",
    phone: "13555710202",
    specialties: ["metallurgy", "dust_explosion"],
    regionCodes: ["330700"],
    industryCodes: ["31", "32", "33"],
  },
  // 青岛安达 (检测检验).
  {
    keeper: "prov-anda",
    employed: true,
    name: "孙伟",
    title: "senior",
    level: "intermediate",
    certificateNo: "ZAG37202000412",
    phone: "13555532101",
    specialties: ["hazardous_chemicals"],
    regionCodes: ["370200"],
    bio: "可燃有毒气体检测、化工过程安全。",
  },
  {
    keeper: "prov-anda",
    employed: true,
    name: "刘洋",
    title: "intermediate",
    phone: "13555532102",
    specialties: ["occupational_health"],
    regionCodes: ["370200"],
  },
  {
    keeper: "prov-anda",
    employed: true,
    name: "赵强",
    title: "none",
    phone: "13555532103",
    specialties: ["emergency_rescue", "confined_space"],
    regionCodes: ["370200"],
    bio: "应急救援队长：有限空间救援、危化品泄漏处置。",
  },
  // Independent experts of the 金华 bureau's pool (金华市安全生产专家库).
  {
    keeper: "bureau-jinhua",
    employed: false,
    name: "何志远",
    title: "senior_full",
    level: "senior",
    certificateNo: "ZAG33201600018",
    phone: "13555790001",
    specialties: ["hazardous_chemicals", "fire", "safety_management"],
    regionCodes: ["330000"],
    bio: "浙江工业大学安全工程系教授，省安全生产专家。",
  },
  {
    keeper: "bureau-jinhua",
    employed: false,
    name: "楼晓燕",
    title: "senior",
    level: "intermediate",
    phone: "13555790002",
    specialties: ["mechanical", "electrical", "special_equipment"],
    regionCodes: ["330700"],
    industryCodes: ["C"],
  },
  {
    keeper: "bureau-jinhua",
    employed: false,
    name: "方国平",
    title: "senior",
    phone: "13555790003",
    specialties: ["mechanical", "dust_explosion", "confined_space"],
    regionCodes: ["330702", "330782"],
    bio: "退休安监干部，熟悉五金、机械加工企业。",
    conflicts: ["ent-xinda"],
  },
  {
    keeper: "bureau-jinhua",
    employed: false,
    name: "施文杰",
    title: "intermediate",
    level: "junior",
    phone: "13555790004",
    specialties: ["mechanical", "fire"],
    regionCodes: ["330700"],
    unavailableOffsets: [0, 30],
  },
  {
    keeper: "bureau-jinhua",
    employed: false,
    name: "金卫东",
    title: "senior",
    level: "intermediate",
    phone: "13555790005",
    specialties: ["mechanical", "electrical", "law"],
    regionCodes: ["330700"],
  },
  {
    keeper: "bureau-jinhua",
    employed: false,
    name: "叶春花",
    title: "intermediate",
    phone: "13555790006",
    specialties: ["occupational_health"],
    regionCodes: ["330700"],
    active: false,
    bio: "暂停接受指派（进修中）。",
  },
  // Independent experts of the 青岛 bureau's pool.
  {
    keeper: "bureau-qingdao",
    employed: false,
    name: "姜海涛",
    title: "senior",
    level: "senior",
    phone: "13555532901",
    specialties: ["hazardous_chemicals", "transport"],
    regionCodes: ["370200"],
  },
  {
    keeper: "bureau-qingdao",
    employed: false,
    name: "于梅",
    title: "senior",
    phone: "13555532902",
    specialties: ["construction", "safety_management"],
    regionCodes: ["370000"],
  },
];
