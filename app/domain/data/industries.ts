// GB/T 4754-2017《国民经济行业分类》: sections (门类) and divisions (大类).
// Groups (中类) and classes (小类) are deliberately left out: the marketplace
// only needs to file companies and services at division level.
// English names are for the English UI (see README.md), not normative.

export type SectionLetter =
  | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J'
  | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T';

export type IndustrySection = { code: SectionLetter; zh: string; en: string };
export type IndustryDivision = { code: string; section: SectionLetter; zh: string; en: string };

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, Forestry, Animal Husbandry and Fishery' },
  { code: 'B', zh: '采矿业', en: 'Mining' },
  { code: 'C', zh: '制造业', en: 'Manufacturing' },
  { code: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Production and Supply of Electricity, Heat, Gas and Water' },
  { code: 'E', zh: '建筑业', en: 'Construction' },
  { code: 'F', zh: '批发和零售业', en: 'Wholesale and Retail Trade' },
  { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, Storage and Postal Services' },
  { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and Catering' },
  { code: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information Transmission, Software and Information Technology Services' },
  { code: 'J', zh: '金融业', en: 'Finance' },
  { code: 'K', zh: '房地产业', en: 'Real Estate' },
  { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and Business Services' },
  { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific Research and Technical Services' },
  { code: 'N', zh: '水利、环境和公共设施管理业', en: 'Management of Water Conservancy, Environment and Public Facilities' },
  { code: 'O', zh: '居民服务、修理和其他服务业', en: 'Resident Services, Repair and Other Services' },
  { code: 'P', zh: '教育', en: 'Education' },
  { code: 'Q', zh: '卫生和社会工作', en: 'Health and Social Work' },
  { code: 'R', zh: '文化、体育和娱乐业', en: 'Culture, Sports and Entertainment' },
  { code: 'S', zh: '公共管理、社会保障和社会组织', en: 'Public Administration, Social Security and Social Organizations' },
  { code: 'T', zh: '国际组织', en: 'International Organizations' },
];

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = [
  // A 农、林、牧、渔业
  { code: '01', section: 'A', zh: '农业', en: 'Agriculture' },
  { code: '02', section: 'A', zh: '林业', en: 'Forestry' },
  { code: '03', section: 'A', zh: '畜牧业', en: 'Animal Husbandry' },
  { code: '04', section: 'A', zh: '渔业', en: 'Fishery' },
  { code: '05', section: 'A', zh: '农、林、牧、渔专业及辅助性活动', en: 'Professional and Support Activities for Agriculture, Forestry, Animal Husbandry and Fishery' },
  // B 采矿业
  { code: '06', section: 'B', zh: '煤炭开采和洗选业', en: 'Mining and Washing of Coal' },
  { code: '07', section: 'B', zh: '石油和天然气开采业', en: 'Extraction of Petroleum and Natural Gas' },
  { code: '08', section: 'B', zh: '黑色金属矿采选业', en: 'Mining and Processing of Ferrous Metal Ores' },
  { code: '09', section: 'B', zh: '有色金属矿采选业', en: 'Mining and Processing of Non-ferrous Metal Ores' },
  { code: '10', section: 'B', zh: '非金属矿采选业', en: 'Mining and Processing of Non-metallic Minerals' },
  { code: '11', section: 'B', zh: '开采专业及辅助性活动', en: 'Professional and Support Activities for Mining' },
  { code: '12', section: 'B', zh: '其他采矿业', en: 'Other Mining' },
  // C 制造业
  { code: '13', section: 'C', zh: '农副食品加工业', en: 'Processing of Food from Agricultural Products' },
  { code: '14', section: 'C', zh: '食品制造业', en: 'Manufacture of Foods' },
  { code: '15', section: 'C', zh: '酒、饮料和精制茶制造业', en: 'Manufacture of Liquor, Beverages and Refined Tea' },
  { code: '16', section: 'C', zh: '烟草制品业', en: 'Manufacture of Tobacco Products' },
  { code: '17', section: 'C', zh: '纺织业', en: 'Manufacture of Textiles' },
  { code: '18', section: 'C', zh: '纺织服装、服饰业', en: 'Manufacture of Textile Wearing Apparel and Accessories' },
  { code: '19', section: 'C', zh: '皮革、毛皮、羽毛及其制品和制鞋业', en: 'Manufacture of Leather, Fur, Feathers and Related Products and Footwear' },
  { code: '20', section: 'C', zh: '木材加工和木、竹、藤、棕、草制品业', en: 'Processing of Timber and Manufacture of Wood, Bamboo, Rattan, Palm and Straw Products' },
  { code: '21', section: 'C', zh: '家具制造业', en: 'Manufacture of Furniture' },
  { code: '22', section: 'C', zh: '造纸和纸制品业', en: 'Manufacture of Paper and Paper Products' },
  { code: '23', section: 'C', zh: '印刷和记录媒介复制业', en: 'Printing and Reproduction of Recording Media' },
  { code: '24', section: 'C', zh: '文教、工美、体育和娱乐用品制造业', en: 'Manufacture of Articles for Culture, Education, Arts and Crafts, Sport and Entertainment' },
  { code: '25', section: 'C', zh: '石油、煤炭及其他燃料加工业', en: 'Processing of Petroleum, Coal and Other Fuels' },
  { code: '26', section: 'C', zh: '化学原料和化学制品制造业', en: 'Manufacture of Raw Chemical Materials and Chemical Products' },
  { code: '27', section: 'C', zh: '医药制造业', en: 'Manufacture of Medicines' },
  { code: '28', section: 'C', zh: '化学纤维制造业', en: 'Manufacture of Chemical Fibres' },
  { code: '29', section: 'C', zh: '橡胶和塑料制品业', en: 'Manufacture of Rubber and Plastic Products' },
  { code: '30', section: 'C', zh: '非金属矿物制品业', en: 'Manufacture of Non-metallic Mineral Products' },
  { code: '31', section: 'C', zh: '黑色金属冶炼和压延加工业', en: 'Smelting and Pressing of Ferrous Metals' },
  { code: '32', section: 'C', zh: '有色金属冶炼和压延加工业', en: 'Smelting and Pressing of Non-ferrous Metals' },
  { code: '33', section: 'C', zh: '金属制品业', en: 'Manufacture of Metal Products' },
  { code: '34', section: 'C', zh: '通用设备制造业', en: 'Manufacture of General-purpose Machinery' },
  { code: '35', section: 'C', zh: '专用设备制造业', en: 'Manufacture of Special-purpose Machinery' },
  { code: '36', section: 'C', zh: '汽车制造业', en: 'Manufacture of Automobiles' },
  { code: '37', section: 'C', zh: '铁路、船舶、航空航天和其他运输设备制造业', en: 'Manufacture of Railway, Ship, Aerospace and Other Transport Equipment' },
  { code: '38', section: 'C', zh: '电气机械和器材制造业', en: 'Manufacture of Electrical Machinery and Equipment' },
  { code: '39', section: 'C', zh: '计算机、通信和其他电子设备制造业', en: 'Manufacture of Computers, Communication and Other Electronic Equipment' },
  { code: '40', section: 'C', zh: '仪器仪表制造业', en: 'Manufacture of Measuring Instruments and Meters' },
  { code: '41', section: 'C', zh: '其他制造业', en: 'Other Manufacturing' },
  { code: '42', section: 'C', zh: '废弃资源综合利用业', en: 'Comprehensive Utilization of Waste Resources' },
  { code: '43', section: 'C', zh: '金属制品、机械和设备修理业', en: 'Repair of Metal Products, Machinery and Equipment' },
  // D 电力、热力、燃气及水生产和供应业
  { code: '44', section: 'D', zh: '电力、热力生产和供应业', en: 'Production and Supply of Electricity and Heat' },
  { code: '45', section: 'D', zh: '燃气生产和供应业', en: 'Production and Supply of Gas' },
  { code: '46', section: 'D', zh: '水的生产和供应业', en: 'Production and Supply of Water' },
  // E 建筑业
  { code: '47', section: 'E', zh: '房屋建筑业', en: 'Construction of Buildings' },
  { code: '48', section: 'E', zh: '土木工程建筑业', en: 'Civil Engineering' },
  { code: '49', section: 'E', zh: '建筑安装业', en: 'Construction Installation' },
  { code: '50', section: 'E', zh: '建筑装饰、装修和其他建筑业', en: 'Building Decoration, Renovation and Other Construction' },
  // F 批发和零售业
  { code: '51', section: 'F', zh: '批发业', en: 'Wholesale Trade' },
  { code: '52', section: 'F', zh: '零售业', en: 'Retail Trade' },
  // G 交通运输、仓储和邮政业
  { code: '53', section: 'G', zh: '铁路运输业', en: 'Rail Transport' },
  { code: '54', section: 'G', zh: '道路运输业', en: 'Road Transport' },
  { code: '55', section: 'G', zh: '水上运输业', en: 'Water Transport' },
  { code: '56', section: 'G', zh: '航空运输业', en: 'Air Transport' },
  { code: '57', section: 'G', zh: '管道运输业', en: 'Pipeline Transport' },
  { code: '58', section: 'G', zh: '多式联运和运输代理业', en: 'Multimodal Transport and Transport Agency' },
  { code: '59', section: 'G', zh: '装卸搬运和仓储业', en: 'Loading, Unloading, Handling and Storage' },
  { code: '60', section: 'G', zh: '邮政业', en: 'Postal Services' },
  // H 住宿和餐饮业
  { code: '61', section: 'H', zh: '住宿业', en: 'Accommodation' },
  { code: '62', section: 'H', zh: '餐饮业', en: 'Catering Services' },
  // I 信息传输、软件和信息技术服务业
  { code: '63', section: 'I', zh: '电信、广播电视和卫星传输服务', en: 'Telecommunications, Broadcasting and Satellite Transmission Services' },
  { code: '64', section: 'I', zh: '互联网和相关服务', en: 'Internet and Related Services' },
  { code: '65', section: 'I', zh: '软件和信息技术服务业', en: 'Software and Information Technology Services' },
  // J 金融业
  { code: '66', section: 'J', zh: '货币金融服务', en: 'Monetary Financial Services' },
  { code: '67', section: 'J', zh: '资本市场服务', en: 'Capital Market Services' },
  { code: '68', section: 'J', zh: '保险业', en: 'Insurance' },
  { code: '69', section: 'J', zh: '其他金融业', en: 'Other Financial Services' },
  // K 房地产业
  { code: '70', section: 'K', zh: '房地产业', en: 'Real Estate' },
  // L 租赁和商务服务业
  { code: '71', section: 'L', zh: '租赁业', en: 'Leasing' },
  { code: '72', section: 'L', zh: '商务服务业', en: 'Business Services' },
  // M 科学研究和技术服务业
  { code: '73', section: 'M', zh: '研究和试验发展', en: 'Research and Experimental Development' },
  { code: '74', section: 'M', zh: '专业技术服务业', en: 'Professional Technical Services' },
  { code: '75', section: 'M', zh: '科技推广和应用服务业', en: 'Technology Promotion and Application Services' },
  // N 水利、环境和公共设施管理业
  { code: '76', section: 'N', zh: '水利管理业', en: 'Water Conservancy Management' },
  { code: '77', section: 'N', zh: '生态保护和环境治理业', en: 'Ecological Protection and Environmental Governance' },
  { code: '78', section: 'N', zh: '公共设施管理业', en: 'Public Facilities Management' },
  { code: '79', section: 'N', zh: '土地管理业', en: 'Land Management' },
  // O 居民服务、修理和其他服务业
  { code: '80', section: 'O', zh: '居民服务业', en: 'Resident Services' },
  { code: '81', section: 'O', zh: '机动车、电子产品和日用产品修理业', en: 'Repair of Motor Vehicles, Electronic Products and Household Goods' },
  { code: '82', section: 'O', zh: '其他服务业', en: 'Other Services' },
  // P 教育
  { code: '83', section: 'P', zh: '教育', en: 'Education' },
  // Q 卫生和社会工作
  { code: '84', section: 'Q', zh: '卫生', en: 'Health' },
  { code: '85', section: 'Q', zh: '社会工作', en: 'Social Work' },
  // R 文化、体育和娱乐业
  { code: '86', section: 'R', zh: '新闻和出版业', en: 'News and Publishing' },
  { code: '87', section: 'R', zh: '广播、电视、电影和录音制作业', en: 'Radio, Television, Film and Sound Recording Production' },
  { code: '88', section: 'R', zh: '文化艺术业', en: 'Culture and Arts' },
  { code: '89', section: 'R', zh: '体育', en: 'Sports' },
  { code: '90', section: 'R', zh: '娱乐业', en: 'Entertainment' },
  // S 公共管理、社会保障和社会组织
  { code: '91', section: 'S', zh: '中国共产党机关', en: 'Organs of the Communist Party of China' },
  { code: '92', section: 'S', zh: '国家机构', en: 'State Organs' },
  { code: '93', section: 'S', zh: '人民政协、民主党派', en: "People's Political Consultative Conference and Democratic Parties" },
  { code: '94', section: 'S', zh: '社会保障', en: 'Social Security' },
  { code: '95', section: 'S', zh: '群众团体、社会团体和其他成员组织', en: 'Mass Organizations, Social Organizations and Other Membership Organizations' },
  { code: '96', section: 'S', zh: '基层群众自治组织及其他组织', en: 'Grassroots Self-governing Organizations and Other Organizations' },
  // T 国际组织
  { code: '97', section: 'T', zh: '国际组织', en: 'International Organizations' },
];
