export default {
  title: "工作台",
  welcome: "{{name}}，您好",
  orgStatus: "单位认证状态：{{status}}",
  pendingNote: "平台审核您的单位信息后，您的单位将显示“已认证”。审核期间可以正常浏览和完善资料。",
  completeProfile: "完善单位信息",
  apiTokens: "管理 API 令牌",
  honest: "以下是目前已开放的功能；更多功能正在建设中，上线后会出现在这里。",
  enterprise: {
    lead: "发布需求、比较报价、管理服务合同。",
    items: ["找服务机构并比较资质、信用和价格", "发布服务需求，收集多家报价", "跟踪合同交付并评价"],
  },
  provider: {
    lead: "展示资质和服务，接收匹配需求。",
    items: ["上传资质证书，等待平台审核", "发布服务项目", "在需求收件箱中报价"],
  },
  insurer: { lead: "安责险“6+3”事故预防服务计划将在此管理。", items: ["浏览服务机构，为投保企业委托服务"] },
  group: { lead: "协作互助的成员、互查计划将在此管理。", items: ["浏览服务机构，组织共享培训"] },
  bureau: { lead: "查看辖区内的单位（{{region}}）。", items: ["辖区单位名录与认证状态", "辖区执业告知"] },
  platform: {
    lead: "平台运营：审核单位、开通应急管理局、查阅审计日志。",
    items: ["待审核单位：{{pending}} 家", "已暂停单位：{{suspended}} 家"],
  },
  nothingYet: "暂无数据",
};
