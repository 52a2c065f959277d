// Built-in inspection checklists (检查表) for common sectors, issue 8. Items restate the usual
// points of the cited standards in checklist form: each is phrased so that "pass" means the
// requirement is met. `gradeIfFailed: "major"` marks items that the cited major-hazard
// criteria (重大事故隐患判定标准) list as a major hazard when not met; the inspector may still
// change the grade of a candidate hazard. English labels are for the English UI, not normative.
//
// Sources named in `basis`:
//   工贸重大隐患标准 = 《工贸企业重大事故隐患判定标准》(应急管理部令第10号, 2023)
//   有限空间规定     = 《工贸企业有限空间作业安全规定》(应急管理部令第13号, 2023)
//   危化重大隐患标准 = 《化工和危险化学品生产经营单位重大生产安全事故隐患判定标准(试行)》(2017)
//   GB 15603       = 《危险化学品仓库储存通则》GB 15603-2022
//   GB 35181       = 《重大火灾隐患判定方法》GB 35181-2017;  GB 50016 = 《建筑设计防火规范》
import type { ChecklistTemplate } from "../checklist-templates";

const PF = { kind: "pass_fail_na" } as const;

const GENERAL_INDUSTRY: ChecklistTemplate = {
  key: "general_industry_trade",
  version: 1,
  zh: "工贸行业通用安全检查表",
  en: "General industry and trade safety checklist",
  sections: [
    {
      key: "management",
      zh: "安全管理",
      en: "Safety management",
      items: [
        { key: "gen-01", zh: "主要负责人、安全管理人员经安全生产知识和管理能力考核合格", en: "Principal and safety managers passed the safety knowledge and management assessment", response: PF, required: true, gradeIfFailed: "general", basis: "安全生产法第二十七条" },
        { key: "gen-02", zh: "特种作业人员经专门培训并持证上岗", en: "Special-operation workers trained and certified", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 第三条" },
        { key: "gen-03", zh: "对承包、承租单位统一协调管理并定期进行安全检查", en: "Contractors and tenants coordinated and inspected regularly", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 第三条" },
        { key: "gen-04", zh: "从业人员安全教育培训记录齐全，年度再培训学时达标", en: "Staff safety training records complete, yearly refresher hours met", response: PF, required: true, gradeIfFailed: "general", basis: "安全生产法第二十八条" },
        { key: "gen-05", zh: "建立隐患排查治理制度，排查治理情况如实记录", en: "Hazard identification and rectification system in place and records kept", response: PF, required: true, gradeIfFailed: "general", basis: "安全生产法第四十一条" },
        { key: "gen-06", zh: "制定生产安全事故应急预案，每年至少组织一次演练", en: "Emergency plan written and drilled at least once a year", response: PF, required: true, gradeIfFailed: "general", basis: "生产安全事故应急条例第八条" },
      ],
    },
    {
      key: "workplace",
      zh: "作业场所与设备设施",
      en: "Workplace and equipment",
      items: [
        { key: "gen-07", zh: "设备转动、传动部位防护罩（栏）齐全有效", en: "Guards on rotating and transmission parts in place", response: PF, required: true, gradeIfFailed: "general", basis: "GB/T 8196" },
        { key: "gen-08", zh: "安全警示标志设置规范、醒目", en: "Safety signs in place and visible", response: PF, required: true, gradeIfFailed: "general", basis: "GB 2894" },
        { key: "gen-09", zh: "作业通道畅通，物料堆放整齐稳固", en: "Walkways clear, materials stacked stably", response: PF, required: true, gradeIfFailed: "general" },
        { key: "gen-10", zh: "起重机械、叉车、压力容器等特种设备定期检验合格", en: "Cranes, forklifts, pressure vessels and other special equipment inspected on time", response: PF, required: true, gradeIfFailed: "general", basis: "特种设备安全法" },
      ],
    },
    {
      key: "electrical",
      zh: "电气安全",
      en: "Electrical safety",
      items: [
        { key: "gen-11", zh: "配电箱（柜）门完好、标识清楚，无私拉乱接", en: "Distribution boxes closed and labelled, no makeshift wiring", response: PF, required: true, gradeIfFailed: "general", basis: "GB 50054" },
        { key: "gen-12", zh: "保护接地电阻实测值", en: "Protective earthing resistance, measured", response: { kind: "number", unit: "Ω", max: 4 }, required: false, gradeIfFailed: "general", basis: "GB 50169" },
        { key: "gen-13", zh: "剩余电流动作保护器试验动作正常", en: "Residual-current devices trip when tested", response: PF, required: true, gradeIfFailed: "general" },
      ],
    },
    {
      key: "health",
      zh: "劳动防护与职业健康",
      en: "Protective equipment and occupational health",
      items: [
        { key: "gen-14", zh: "按规定配备并正确佩戴劳动防护用品", en: "Personal protective equipment issued and worn", response: PF, required: true, gradeIfFailed: "general", basis: "GB 39800.1" },
        { key: "gen-15", zh: "职业病危害因素定期检测并公告", en: "Occupational hazard factors measured and posted", response: PF, required: true, gradeIfFailed: "general", basis: "职业病防治法第二十六条" },
        { key: "gen-16", zh: "其他需要说明的问题", en: "Other remarks", response: { kind: "text" }, required: false, gradeIfFailed: "general" },
      ],
    },
  ],
};

const CONFINED_SPACE: ChecklistTemplate = {
  key: "confined_space",
  version: 1,
  zh: "有限空间作业安全检查表",
  en: "Confined space work checklist",
  sections: [
    {
      key: "identification",
      zh: "辨识与管理",
      en: "Identification and management",
      items: [
        { key: "cs-01", zh: "已辨识本单位有限空间并建立管理台账", en: "Confined spaces identified and registered", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 有限空间条款" },
        { key: "cs-02", zh: "有限空间出入口设置明显的安全警示标志和警示说明", en: "Warning signs at every confined space entrance", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 有限空间条款" },
        { key: "cs-03", zh: "制定有限空间作业安全管理制度和安全操作规程", en: "Confined space work rules and procedures written", response: PF, required: true, gradeIfFailed: "general", basis: "有限空间规定" },
        { key: "cs-04", zh: "作业负责人、作业人员、监护人员经专项安全培训", en: "Supervisors, entrants and attendants trained for confined space work", response: PF, required: true, gradeIfFailed: "general", basis: "有限空间规定" },
      ],
    },
    {
      key: "work",
      zh: "作业审批与过程",
      en: "Permit and work",
      items: [
        { key: "cs-05", zh: "作业前履行审批手续（有限空间作业审批单）", en: "Entry permit approved before work", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 有限空间条款" },
        { key: "cs-06", zh: "执行“先通风、再检测、后作业”", en: "Ventilate first, then test, then enter", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 有限空间条款" },
        { key: "cs-07", zh: "作业现场设置专人监护，监护人员未离岗", en: "A dedicated attendant stays at the entrance", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 有限空间条款" },
        { key: "cs-08", zh: "作业前氧气含量检测值", en: "Oxygen concentration before entry", response: { kind: "number", unit: "%VOL", min: 19.5, max: 23.5 }, required: false, gradeIfFailed: "general", basis: "有限空间规定" },
        { key: "cs-09", zh: "可燃气体浓度检测值（爆炸下限百分比）", en: "Flammable gas concentration (% of LEL)", response: { kind: "number", unit: "%LEL", min: 0, max: 10 }, required: false, gradeIfFailed: "general", basis: "有限空间规定" },
        { key: "cs-10", zh: "硫化氢浓度检测值", en: "Hydrogen sulphide concentration", response: { kind: "number", unit: "mg/m³", min: 0, max: 10 }, required: false, gradeIfFailed: "general", basis: "GBZ 2.1" },
        { key: "cs-11", zh: "作业照明使用安全电压（≤36 V，潮湿环境≤12 V）", en: "Lighting on safety extra-low voltage (≤36 V, ≤12 V when wet)", response: PF, required: true, gradeIfFailed: "general", basis: "GB/T 3805" },
      ],
    },
    {
      key: "rescue",
      zh: "防护与应急救援",
      en: "Protection and rescue",
      items: [
        { key: "cs-12", zh: "配备气体检测报警仪、机械通风设备和呼吸防护用品", en: "Gas detectors, forced ventilation and respiratory protection available", response: PF, required: true, gradeIfFailed: "general", basis: "有限空间规定" },
        { key: "cs-13", zh: "配备全身式安全带、安全绳、三脚架等救援装备", en: "Full-body harnesses, lifelines and tripods available for rescue", response: PF, required: true, gradeIfFailed: "general", basis: "有限空间规定" },
        { key: "cs-14", zh: "制定有限空间专项应急预案，每年至少演练一次", en: "Confined space rescue plan drilled at least once a year", response: PF, required: true, gradeIfFailed: "general", basis: "有限空间规定" },
      ],
    },
  ],
};

const COMBUSTIBLE_DUST: ChecklistTemplate = {
  key: "combustible_dust",
  version: 1,
  zh: "粉尘涉爆企业安全检查表",
  en: "Combustible dust checklist",
  sections: [
    {
      key: "layout",
      zh: "建筑与布局",
      en: "Buildings and layout",
      items: [
        { key: "dust-01", zh: "粉尘爆炸危险场所未设在非框架结构的多层建（构）筑物内，场所内无宿舍、办公室、休息室等人员聚集场所", en: "Dust explosion areas not in multi-storey non-frame buildings and free of dormitories, offices and rest rooms", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 粉尘涉爆条款" },
        { key: "dust-02", zh: "除尘器、收尘仓等 20 区电气设备符合防爆要求", en: "Electrical equipment in zone 20 (dust collectors, bins) is explosion-proof", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 粉尘涉爆条款" },
      ],
    },
    {
      key: "dust_removal",
      zh: "除尘系统",
      en: "Dust collection system",
      items: [
        { key: "dust-03", zh: "不同类别可燃性粉尘、不同建筑或防火分区未共用一套除尘系统，除尘系统未互联互通", en: "No shared or interconnected dust collection across dust types, buildings or fire compartments", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 粉尘涉爆条款" },
        { key: "dust-04", zh: "干式除尘系统采取泄爆、惰化、抑爆等至少一种爆炸防控措施", en: "Dry dust collectors have venting, inerting or suppression", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 粉尘涉爆条款" },
        { key: "dust-05", zh: "未采用重力沉降室除尘或干式巷道式构筑物作除尘风道", en: "No settling chambers or dry tunnel-type ducts used for dust collection", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 粉尘涉爆条款" },
        { key: "dust-06", zh: "铝镁等金属粉尘、木质粉尘的干式除尘系统设置锁气卸灰装置", en: "Rotary airlock discharge on dry collectors for metal and wood dust", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 粉尘涉爆条款" },
        { key: "dust-07", zh: "金属粉尘正压吹送系统采取火花探测消除等防点燃源措施", en: "Spark detection and extinguishing on positive-pressure metal dust conveying", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 粉尘涉爆条款" },
        { key: "dust-08", zh: "除尘系统与生产设备联锁，定期检修维护并记录", en: "Collector interlocked with production equipment, maintained and logged", response: PF, required: true, gradeIfFailed: "general", basis: "GB 15577" },
      ],
    },
    {
      key: "ignition",
      zh: "点燃源与清扫",
      en: "Ignition sources and housekeeping",
      items: [
        { key: "dust-09", zh: "粉碎、研磨、造粒等设备前设置铁、石等杂物去除装置；砂光机风管设置火花探测消除装置", en: "Tramp iron and stone removal before grinding; spark detection on sander ducts", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 粉尘涉爆条款" },
        { key: "dust-10", zh: "遇湿自燃金属粉尘场所采取防止氢气积聚及防水防潮措施", en: "Water-reactive metal dust areas ventilated against hydrogen and kept dry", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 粉尘涉爆条款" },
        { key: "dust-11", zh: "落实粉尘清理制度，作业现场无严重积尘", en: "Dust cleaning schedule kept, no heavy dust layers", response: PF, required: true, gradeIfFailed: "major", basis: "工贸重大隐患标准 粉尘涉爆条款" },
        { key: "dust-12", zh: "作业人员穿戴防静电工作服，设备设施防静电接地", en: "Anti-static clothing worn and equipment bonded and earthed", response: PF, required: true, gradeIfFailed: "general", basis: "GB 15577" },
      ],
    },
  ],
};

const HAZARDOUS_CHEMICALS_STORAGE: ChecklistTemplate = {
  key: "hazardous_chemicals_storage",
  version: 1,
  zh: "危险化学品储存安全检查表",
  en: "Hazardous chemicals storage checklist",
  sections: [
    {
      key: "management",
      zh: "安全管理",
      en: "Management",
      items: [
        { key: "hc-01", zh: "主要负责人和安全管理人员依法经考核合格", en: "Principal and safety managers assessed and certified", response: PF, required: true, gradeIfFailed: "major", basis: "危化重大隐患标准 第一项" },
        { key: "hc-02", zh: "已辨识重大危险源并登记建档、备案", en: "Major hazard installations identified, registered and filed", response: PF, required: true, gradeIfFailed: "general", basis: "危险化学品重大危险源监督管理暂行规定" },
        { key: "hc-03", zh: "危险化学品安全技术说明书和安全标签齐全", en: "Safety data sheets and labels for every chemical", response: PF, required: true, gradeIfFailed: "general", basis: "危险化学品安全管理条例" },
        { key: "hc-04", zh: "出入库核查登记；剧毒化学品双人收发、双人保管", en: "Receipts and issues logged; toxic chemicals under two-person control", response: PF, required: true, gradeIfFailed: "general", basis: "危险化学品安全管理条例第二十四条" },
      ],
    },
    {
      key: "storage",
      zh: "储存条件",
      en: "Storage",
      items: [
        { key: "hc-05", zh: "按国家标准分区、分类储存，无超量、超品种储存，禁忌物料未混存", en: "Stored by class and zone, within permitted quantities, incompatible materials separated", response: PF, required: true, gradeIfFailed: "major", basis: "危化重大隐患标准; GB 15603" },
        { key: "hc-06", zh: "仓库主通道宽度", en: "Main aisle width", response: { kind: "number", unit: "m", min: 2 }, required: false, gradeIfFailed: "general", basis: "GB 15603" },
        { key: "hc-07", zh: "储罐区防火堤完好，构成一级、二级重大危险源的罐区具备紧急切断功能", en: "Bund walls intact; emergency shut-off on level 1 and 2 major hazard tank farms", response: PF, required: true, gradeIfFailed: "major", basis: "危化重大隐患标准" },
        { key: "hc-08", zh: "专用仓库由专人管理，库房温湿度有记录", en: "Dedicated store with a named keeper; temperature and humidity logged", response: PF, required: true, gradeIfFailed: "general", basis: "GB 15603" },
      ],
    },
    {
      key: "protection",
      zh: "监测与防护",
      en: "Monitoring and protection",
      items: [
        { key: "hc-09", zh: "可燃和有毒气体泄漏场所设置检测报警装置并正常投用", en: "Flammable and toxic gas detectors installed and working", response: PF, required: true, gradeIfFailed: "major", basis: "危化重大隐患标准" },
        { key: "hc-10", zh: "爆炸危险场所按国家标准安装使用防爆电气设备", en: "Explosion-proof electrical equipment in hazardous areas", response: PF, required: true, gradeIfFailed: "major", basis: "危化重大隐患标准" },
        { key: "hc-11", zh: "防雷接地电阻实测值", en: "Lightning protection earthing resistance, measured", response: { kind: "number", unit: "Ω", min: 0, max: 10 }, required: false, gradeIfFailed: "general", basis: "GB 50057" },
        { key: "hc-12", zh: "配备应急救援器材和防护用品，设置洗眼器、喷淋装置", en: "Emergency equipment, eyewash and safety showers provided", response: PF, required: true, gradeIfFailed: "general", basis: "GB 15603" },
        { key: "hc-13", zh: "装卸作业有专人现场监护，车辆熄火并静电接地", en: "Loading and unloading supervised; vehicles switched off and earthed", response: PF, required: true, gradeIfFailed: "general", basis: "GB 15603" },
      ],
    },
  ],
};

const FIRE_SAFETY: ChecklistTemplate = {
  key: "fire_safety",
  version: 1,
  zh: "消防安全检查表",
  en: "Fire safety checklist",
  sections: [
    {
      key: "evacuation",
      zh: "安全疏散",
      en: "Evacuation",
      items: [
        { key: "fire-01", zh: "疏散通道、安全出口畅通，未被占用、堵塞、封闭", en: "Escape routes and exits clear, not blocked or locked", response: PF, required: true, gradeIfFailed: "general", basis: "消防法第二十八条" },
        { key: "fire-02", zh: "疏散指示标志和应急照明完好有效", en: "Exit signs and emergency lighting working", response: PF, required: true, gradeIfFailed: "general", basis: "GB 51309" },
        { key: "fire-03", zh: "员工宿舍未与生产、储存、经营场所设在同一建筑物内（无“三合一”）", en: "No dormitory in the same building as production, storage or shops (no 'three-in-one')", response: PF, required: true, gradeIfFailed: "major", basis: "GB 35181" },
        { key: "fire-04", zh: "消防车道净宽度", en: "Fire lane clear width", response: { kind: "number", unit: "m", min: 4 }, required: false, gradeIfFailed: "general", basis: "GB 50016" },
      ],
    },
    {
      key: "equipment",
      zh: "消防设施器材",
      en: "Fire equipment",
      items: [
        { key: "fire-05", zh: "灭火器配置类型、数量符合要求且在有效期内", en: "Extinguishers of the right type and number, in date", response: PF, required: true, gradeIfFailed: "general", basis: "GB 50140" },
        { key: "fire-06", zh: "灭火器压力表指针在绿区", en: "Extinguisher gauges in the green zone", response: PF, required: true, gradeIfFailed: "general", basis: "GB 50444" },
        { key: "fire-07", zh: "室内消火栓箱内水枪、水带齐全，箱门无遮挡", en: "Hose cabinets complete and unobstructed", response: PF, required: true, gradeIfFailed: "general", basis: "GB 50974" },
        { key: "fire-08", zh: "火灾自动报警、自动喷水灭火系统处于正常运行状态", en: "Fire alarm and sprinkler systems in normal operation", response: PF, required: true, gradeIfFailed: "general", basis: "GB 25201" },
      ],
    },
    {
      key: "daily",
      zh: "日常管理",
      en: "Daily management",
      items: [
        { key: "fire-09", zh: "电动自行车未在室内、疏散通道、楼梯间停放充电", en: "No e-bikes parked or charged indoors, in corridors or stairs", response: PF, required: true, gradeIfFailed: "general", basis: "高层民用建筑消防安全管理规定" },
        { key: "fire-10", zh: "动火作业履行审批手续并落实现场监护", en: "Hot work permitted and watched", response: PF, required: true, gradeIfFailed: "general", basis: "GB 30871" },
        { key: "fire-11", zh: "每日防火巡查、每月防火检查有记录", en: "Daily fire patrols and monthly fire checks logged", response: PF, required: true, gradeIfFailed: "general", basis: "机关、团体、企业、事业单位消防安全管理规定" },
        { key: "fire-12", zh: "彩钢板等建筑保温、夹芯材料为不燃材料", en: "Sandwich panels and insulation non-combustible", response: PF, required: true, gradeIfFailed: "general", basis: "GB 50016" },
        { key: "fire-13", zh: "员工会报警、会使用灭火器材、会组织疏散逃生", en: "Staff can raise the alarm, use extinguishers and lead evacuation", response: PF, required: true, gradeIfFailed: "general", basis: "消防法第十六条" },
      ],
    },
  ],
};

export const BUILT_IN_CHECKLIST_TEMPLATES: readonly ChecklistTemplate[] = [
  GENERAL_INDUSTRY,
  CONFINED_SPACE,
  COMBUSTIBLE_DUST,
  HAZARDOUS_CHEMICALS_STORAGE,
  FIRE_SAFETY,
];
