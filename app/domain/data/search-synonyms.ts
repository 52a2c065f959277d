/**
 * The reviewed dictionary of abbreviations and synonyms that Chinese work-safety practitioners
 * type (issue 11 "Search that people can use"). Every entry has a test row in
 * app/domain/search-synonyms.test.ts; add the row with the entry.
 *
 * - `same`: equivalent forms — typing any one also searches the others (listings use the short
 *   form as often as the long one: 危化品 training, 安评 reports).
 * - `covers`: a collective term and what it stands for — typing the head also searches the
 *   members, but a member does not widen to its siblings (动火作业 must not find 高处作业).
 * A form that merely contains another (标准化 inside 安全生产标准化) needs no entry: the search
 * already finds the longer text from the shorter query.
 */
export type SynonymEntry =
  | { kind: "same"; forms: readonly string[]; note: string }
  | { kind: "covers"; head: string; members: readonly string[]; note: string };

export const SEARCH_SYNONYMS: readonly SynonymEntry[] = [
  { kind: "same", forms: ["危险化学品", "危化品", "危化"], note: "hazardous chemicals" },
  { kind: "same", forms: ["安全评价", "安评"], note: "safety assessment" },
  { kind: "same", forms: ["职业卫生", "职卫", "职业健康"], note: "occupational health (职业健康 is the newer official name)" },
  { kind: "same", forms: ["特种设备", "特设"], note: "special equipment (boilers, pressure vessels, lifts, cranes…)" },
  { kind: "same", forms: ["有限空间", "受限空间"], note: "confined space (工贸 vs 化工 wording)" },
  { kind: "same", forms: ["双重预防机制", "双预防机制", "双重预防", "双预防"], note: "risk grading and hidden-hazard dual prevention" },
  { kind: "same", forms: ["应急预案", "应急救援预案"], note: "emergency plan" },
  { kind: "same", forms: ["应急演练", "应急演习", "预案演练"], note: "emergency drill" },
  { kind: "same", forms: ["安全生产标准化", "安全标准化"], note: "work-safety standardisation grading" },
  { kind: "same", forms: ["职业病危害", "职业危害"], note: "occupational hazards" },
  { kind: "same", forms: ["职业卫生检测", "职业病危害因素检测", "职业危害因素检测"], note: "workplace hazard measurement" },
  { kind: "same", forms: ["粉尘涉爆", "涉爆粉尘", "粉尘防爆"], note: "combustible dust" },
  { kind: "same", forms: ["涉氨制冷", "氨制冷", "液氨制冷"], note: "ammonia refrigeration" },
  { kind: "same", forms: ["特种作业操作证", "特种作业证"], note: "special operations licence" },
  { kind: "covers", head: "电工证", members: ["电工作业", "特种作业操作证"], note: "electrician's licence = 特种作业 electrical work" },
  { kind: "covers", head: "叉车证", members: ["叉车", "场（厂）内专用机动车辆", "厂内专用机动车辆", "场内专用机动车辆"], note: "forklift licence" },
  { kind: "covers", head: "两重点一重大", members: ["重大危险源", "重点监管的危险化工工艺", "重点监管的危险化学品"], note: "the chemical industry's key supervision set" },
  { kind: "same", forms: ["重点监管的危险化工工艺", "危险化工工艺", "危险工艺"], note: "hazardous chemical processes" },
  {
    kind: "covers",
    head: "三同时",
    members: ["安全预评价", "安全设施设计", "安全验收评价", "职业病危害预评价", "职业病防护设施设计", "控制效果评价"],
    note: "safety facilities designed, built and used together with the project",
  },
  { kind: "same", forms: ["安全托管", "安全生产托管", "安全管家", "安全生产委托管理"], note: "safety custody (entrusted management)" },
  { kind: "same", forms: ["隐患排查", "排查隐患", "查隐患"], note: "hidden-hazard inspection" },
  { kind: "same", forms: ["安全教育培训", "安全培训"], note: "safety training" },
  { kind: "same", forms: ["三级安全教育", "三级教育"], note: "company / workshop / team induction" },
  { kind: "same", forms: ["注册安全工程师", "注安师", "注安"], note: "registered safety engineer" },
  { kind: "same", forms: ["安全管理人员", "安管人员", "安全员"], note: "safety officer" },
  { kind: "same", forms: ["劳动防护用品", "劳保用品", "个体防护装备", "劳保", "ppe"], note: "personal protective equipment" },
  { kind: "same", forms: ["消防安全评估", "消防评估"], note: "fire safety assessment" },
  {
    kind: "covers",
    head: "八大作业",
    members: ["特殊作业", "动火作业", "受限空间作业", "盲板抽堵", "高处作业", "吊装作业", "临时用电", "动土作业", "断路作业"],
    note: "GB 30871 special operations",
  },
  { kind: "same", forms: ["特殊作业", "危险作业"], note: "special / hazardous operations" },
  { kind: "same", forms: ["检测检验", "检验检测"], note: "testing and inspection (both word orders)" },
  { kind: "same", forms: ["安全生产责任制", "安全责任制"], note: "work-safety responsibility system" },
  { kind: "same", forms: ["安全标志", "安全标识", "警示标志", "警示标识"], note: "safety signs" },
  { kind: "same", forms: ["防雷检测", "雷电防护装置检测", "避雷检测"], note: "lightning protection testing" },
  { kind: "same", forms: ["应急管理局", "应急局", "安监局", "安全生产监督管理局"], note: "the bureau (renamed in 2018)" },
  { kind: "covers", head: "工贸", members: ["冶金", "有色", "建材", "机械", "轻工", "纺织", "烟草", "商贸"], note: "the eight 工贸 industries" },
  { kind: "same", forms: ["非煤矿山", "金属非金属矿山"], note: "non-coal mines" },
  { kind: "same", forms: ["危险货物", "危货"], note: "dangerous goods (transport)" },
  { kind: "same", forms: ["安全生产许可证", "安许证"], note: "work-safety licence" },
  { kind: "same", forms: ["安全体检", "安全诊断"], note: "safety check-up service" },
  { kind: "same", forms: ["职业健康检查", "职业健康体检", "职业病体检"], note: "occupational health examinations" },
  { kind: "same", forms: ["危险废物", "危废"], note: "hazardous waste" },
  { kind: "same", forms: ["化学品安全技术说明书", "安全技术说明书", "msds", "sds"], note: "safety data sheet" },
  { kind: "same", forms: ["危险与可操作性分析", "hazop"], note: "HAZOP study" },
  { kind: "same", forms: ["工作危害分析", "作业危害分析", "jha"], note: "job hazard analysis" },
  { kind: "covers", head: "三违", members: ["违章指挥", "违章作业", "违反劳动纪律"], note: "the three violations" },
  { kind: "same", forms: ["消防设施检测", "消防检测"], note: "fire-protection system testing" },
];

/**
 * Extra words that name a service category (search-synonyms.ts maps them to its key), beyond
 * its zh and en labels in service-categories.ts.
 */
export const CATEGORY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  consulting: ["安全咨询", "咨询", "安全顾问"],
  training: ["安全培训", "培训", "安全教育"],
  assessment: ["安评", "评价"],
  testing: ["检验检测", "检测", "检验"],
  occupational_health: ["职卫", "职业健康", "职业卫生技术服务"],
  engineer_firm: ["注安师事务所", "安全工程师事务所", "事务所"],
  custody: ["托管", "安全生产托管", "安全管家"],
  rescue: ["救援", "应急救援队"],
};
