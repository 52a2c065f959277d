import type { PriceModel, ServiceCategory } from "../../db/schema";

/**
 * Marketplace demo content for the three demo providers of demo-data.ts, keyed by their
 * `key`. Validity dates are relative to the seeding year so the demo stays true: one
 * qualification is always expired (安达's testing licence) and one always awaits review
 * (安正's training licence), so each kind of hidden listing can be seen.
 */
export type DemoQualification = {
  type: string;
  certificateNo: string;
  issuer: string;
  scope: string;
  /** Years relative to the seeding year, and month-day. */
  from: [number, string];
  to: [number, string];
  status: "verified" | "pending";
};

export type DemoListing = {
  category: ServiceCategory;
  title: string;
  scope: string;
  deliverables: string;
  priceModel: PriceModel;
  priceFen: number;
  industryCodes?: string[];
  requiredQualificationType?: string;
};

export type DemoProviderContent = {
  categories: ServiceCategory[];
  description: string;
  regionCodes: string[];
  industryCodes: string[];
  staffCount: number;
  contact: { name: string; phone: string; email: string };
  qualifications: DemoQualification[];
  notices: Array<{ countyCode: string; categories: ServiceCategory[]; note?: string }>;
  listings: DemoListing[];
};

export const MARKETPLACE_DEMO: Record<string, DemoProviderContent> = {
  "prov-anzheng": {
    categories: ["consulting", "custody", "training", "engineer_firm"],
    description:
      "浙江安正安全技术咨询有限公司是以注册安全工程师为骨干的安全生产技术服务机构，长期为金华地区五金、机械、工贸类中小企业提供安全生产标准化、隐患排查治理和安全托管服务。",
    regionCodes: ["330702", "330703", "330782", "330784"],
    industryCodes: ["C", "33", "34"],
    staffCount: 28,
    contact: { name: "张明", phone: "0579-82261234", email: "service@anzheng.anfu.demo" },
    qualifications: [
      {
        type: "registered_safety_engineer",
        certificateNo: "ZAG33202100156",
        issuer: "浙江省应急管理厅",
        scope: "安全生产技术服务、安全生产管理咨询、安全托管",
        from: [-2, "03-01"],
        to: [3, "02-28"],
        status: "verified",
      },
      {
        type: "training_institution",
        certificateNo: "ZJPX-330700-0087",
        issuer: "金华市应急管理局",
        scope: "生产经营单位主要负责人、安全生产管理人员及从业人员安全培训",
        from: [0, "01-01"],
        to: [3, "12-31"],
        status: "pending",
      },
    ],
    notices: [
      { countyCode: "330702", categories: ["consulting", "custody"] },
      { countyCode: "330782", categories: ["consulting", "custody", "training"], note: "义乌市五金小微企业安全托管" },
    ],
    listings: [
      {
        category: "consulting",
        title: "安全生产标准化三级达标咨询",
        scope:
          "对照《企业安全生产标准化基本规范》(GB/T 33000)开展现状诊断，协助建立制度、台账和操作规程，指导自评并陪同评审。",
        deliverables: "现状诊断报告、制度汇编、自评报告",
        priceModel: "fixed",
        priceFen: 1_200_000,
        industryCodes: ["C"],
      },
      {
        category: "custody",
        title: "小微企业安全生产托管服务（年度）",
        scope: "派驻注册安全工程师每月两次到厂，负责隐患排查、整改跟踪、安全培训组织和台账管理，重大隐患即时报告。",
        deliverables: "月度检查记录、隐患整改台账、年度安全工作总结",
        priceModel: "yearly_custody",
        priceFen: 3_600_000,
        industryCodes: ["33", "34"],
        requiredQualificationType: "registered_safety_engineer",
      },
      {
        category: "consulting",
        title: "隐患排查治理上门服务",
        scope: "由注册安全工程师带队到厂开展一次全面隐患排查，现场讲解并出具隐患清单和整改建议。",
        deliverables: "隐患排查报告、整改建议清单",
        priceModel: "per_visit",
        priceFen: 150_000,
      },
      {
        category: "training",
        title: "全员安全生产教育培训",
        scope: "按企业岗位编制课件，开展全员安全生产教育培训及考核，覆盖有限空间、动火作业等专项内容。",
        deliverables: "培训课件、签到表、考试记录",
        priceModel: "fixed",
        priceFen: 600_000,
        requiredQualificationType: "training_institution",
      },
    ],
  },
  "prov-anlian": {
    categories: ["assessment", "consulting", "custody"],
    description:
      "金华市安联安全评价有限公司持有安全评价机构资质，承接金属冶炼、危险化学品、建筑施工等行业的安全预评价、验收评价和现状评价。",
    regionCodes: ["330703", "330702", "330781", "330783"],
    industryCodes: ["C", "26", "31", "E"],
    staffCount: 45,
    contact: { name: "周红", phone: "0579-82158899", email: "pingjia@anlian.anfu.demo" },
    qualifications: [
      {
        type: "safety_assessment",
        certificateNo: "APJ-(浙)-022",
        issuer: "浙江省应急管理厅",
        scope: "金属冶炼；危险化学品生产和储存；建筑施工；陆地石油和天然气开采",
        from: [-1, "07-01"],
        to: [4, "06-30"],
        status: "verified",
      },
    ],
    notices: [
      { countyCode: "330703", categories: ["assessment", "consulting"] },
      { countyCode: "330702", categories: ["assessment", "custody"] },
    ],
    listings: [
      {
        category: "assessment",
        title: "建设项目安全预评价",
        scope: "在建设项目可行性研究阶段辨识危险有害因素，评价安全条件，提出安全对策措施，编制安全预评价报告。",
        deliverables: "安全预评价报告",
        priceModel: "fixed",
        priceFen: 3_000_000,
        industryCodes: ["26", "31"],
      },
      {
        category: "assessment",
        title: "建设项目安全验收评价",
        scope: "在建设项目竣工试运行阶段检查安全设施与主体工程“三同时”落实情况，编制安全验收评价报告。",
        deliverables: "安全验收评价报告",
        priceModel: "fixed",
        priceFen: 4_500_000,
      },
      {
        category: "assessment",
        title: "在役装置安全现状评价",
        scope: "对生产经营单位在役装置和设施的安全状况进行系统评价，满足危险化学品企业每三年一次的现状评价要求。",
        deliverables: "安全现状评价报告",
        priceModel: "fixed",
        priceFen: 2_800_000,
        industryCodes: ["26"],
      },
      {
        category: "consulting",
        title: "重大危险源辨识与安全评估",
        scope: "依据 GB 18218 辨识危险化学品重大危险源，确定等级，编制安全评估报告和备案材料。",
        deliverables: "重大危险源辨识报告、安全评估报告、备案材料",
        priceModel: "fixed",
        priceFen: 1_800_000,
      },
    ],
  },
  "prov-anda": {
    categories: ["testing", "occupational_health", "rescue", "training"],
    description:
      "青岛安达安全服务有限公司提供检测检验、职业病危害因素检测和应急救援服务，设有专职应急救援队伍，服务青岛市区及黄岛、城阳等地企业。",
    regionCodes: ["370202", "370203", "370211", "370212", "370213", "370214"],
    industryCodes: ["C", "26", "G"],
    staffCount: 62,
    contact: { name: "孙伟", phone: "0532-88996677", email: "jiance@anda.anfu.demo" },
    qualifications: [
      {
        type: "testing_inspection",
        certificateNo: "APJ-(鲁)-J-015",
        issuer: "山东省应急管理厅",
        scope: "可燃及有毒气体检测报警仪、安全阀、防爆电气设备检测检验",
        from: [-5, "07-01"],
        to: [-1, "06-30"],
        status: "verified",
      },
      {
        type: "occupational_health_tech",
        certificateNo: "鲁卫职技字(2023)第021号",
        issuer: "山东省卫生健康委员会",
        scope: "化工、石化及医药；采矿业以外的制造业",
        from: [-2, "05-15"],
        to: [3, "05-14"],
        status: "verified",
      },
      {
        type: "rescue_team",
        certificateNo: "QDJY-370212-006",
        issuer: "青岛市应急管理局",
        scope: "危险化学品、有限空间事故救援",
        from: [-1, "01-01"],
        to: [2, "12-31"],
        status: "verified",
      },
    ],
    notices: [
      { countyCode: "370212", categories: ["testing", "occupational_health", "rescue"] },
      { countyCode: "370202", categories: ["occupational_health", "rescue"] },
    ],
    listings: [
      {
        category: "testing",
        title: "可燃及有毒气体检测报警仪检测",
        scope: "对企业在用可燃气体、有毒气体检测报警仪进行现场检测和标定，出具检测报告。",
        deliverables: "检测报告",
        priceModel: "per_visit",
        priceFen: 80_000,
        industryCodes: ["26"],
      },
      {
        category: "occupational_health",
        title: "职业病危害因素定期检测",
        scope: "按《工作场所职业卫生管理规定》对粉尘、噪声、化学毒物等职业病危害因素开展年度定期检测与评价。",
        deliverables: "职业病危害因素定期检测报告",
        priceModel: "fixed",
        priceFen: 1_500_000,
      },
      {
        category: "rescue",
        title: "生产安全事故应急预案编制及演练",
        scope: "依据 GB/T 29639 编制综合、专项应急预案和现场处置方案，组织一次综合演练并评估。",
        deliverables: "应急预案文本、演练方案、演练评估报告",
        priceModel: "fixed",
        priceFen: 2_000_000,
        requiredQualificationType: "rescue_team",
      },
      {
        category: "training",
        title: "有限空间作业安全培训",
        scope: "针对有限空间作业审批、通风检测、个体防护和应急救援开展专项培训和实操演练。",
        deliverables: "培训课件、签到表、实操考核记录",
        priceModel: "per_visit",
        priceFen: 300_000,
      },
    ],
  },
};
