import { usccCheckCharacter } from "../domain/uscc";
import type { OrgKind } from "../../db/schema";

/** One password for every demo login; the README lists them. Never seeded in production. */
export const DEMO_PASSWORD = "Anfu-demo-2026";

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);

export type DemoOrg = {
  key: string;
  kind: OrgKind;
  name: string;
  uscc: string | null;
  regionCode: string;
  industryCode?: string;
  login: { email: string; name: string };
  /** A fixed API token so the README can show a working request. */
  apiToken: string;
};

export const DEMO_ORGS: DemoOrg[] = [
  {
    key: "platform",
    kind: "platform",
    name: "安服市集平台运营中心",
    uscc: null,
    regionCode: "330700",
    login: { email: "admin@anfu.demo", name: "平台管理员" },
    apiToken: "anfu_demo_platform_000000000001",
  },
  {
    key: "bureau-jinhua",
    kind: "bureau",
    name: "金华市应急管理局",
    uscc: null,
    regionCode: "330700",
    login: { email: "jinhua@bureau.anfu.demo", name: "金华市应急管理局 王科长" },
    apiToken: "anfu_demo_bureau_jinhua_0000001",
  },
  {
    key: "bureau-qingdao",
    kind: "bureau",
    name: "青岛市应急管理局",
    uscc: null,
    regionCode: "370200",
    login: { email: "qingdao@bureau.anfu.demo", name: "青岛市应急管理局 李科长" },
    apiToken: "anfu_demo_bureau_qingdao_000001",
  },
  {
    key: "ent-xinda",
    kind: "enterprise",
    name: "金华市婺城区鑫达五金制品有限公司",
    uscc: uscc("91330702MA2DXD001"),
    regionCode: "330702",
    industryCode: "33",
    login: { email: "xinda@ent.anfu.demo", name: "陈建国" },
    apiToken: "anfu_demo_enterprise_xinda_0001",
  },
  {
    key: "ent-jiamei",
    kind: "enterprise",
    name: "义乌市佳美喷涂有限公司",
    uscc: uscc("91330782MA2EJM002"),
    regionCode: "330782",
    industryCode: "33",
    login: { email: "jiamei@ent.anfu.demo", name: "吴丽萍" },
    apiToken: "anfu_demo_enterprise_jiamei_001",
  },
  {
    key: "ent-haisheng",
    kind: "enterprise",
    name: "青岛海晟精细化工有限公司",
    uscc: uscc("91370202MA3HTH003"),
    regionCode: "370202",
    industryCode: "26",
    login: { email: "haisheng@ent.anfu.demo", name: "刘海涛" },
    apiToken: "anfu_demo_enterprise_haisheng_01",
  },
  {
    key: "prov-anzheng",
    kind: "provider",
    name: "浙江安正安全技术咨询有限公司",
    uscc: uscc("91330702MA2PAQ004"),
    regionCode: "330702",
    industryCode: "74",
    login: { email: "anzheng@prov.anfu.demo", name: "张明" },
    apiToken: "anfu_demo_provider_anzheng_0001",
  },
  {
    key: "prov-anlian",
    kind: "provider",
    name: "金华市安联安全评价有限公司",
    uscc: uscc("91330703MA2PAL005"),
    regionCode: "330703",
    industryCode: "74",
    login: { email: "anlian@prov.anfu.demo", name: "周红" },
    apiToken: "anfu_demo_provider_anlian_00001",
  },
  {
    key: "prov-anda",
    kind: "provider",
    name: "青岛安达安全服务有限公司",
    uscc: uscc("91370212MA3PAD006"),
    regionCode: "370212",
    industryCode: "74",
    login: { email: "anda@prov.anfu.demo", name: "孙伟" },
    apiToken: "anfu_demo_provider_anda_0000001",
  },
  {
    key: "insurer-jinhua",
    kind: "insurer",
    name: "安泰财产保险股份有限公司金华中心支公司",
    uscc: uscc("91330700MA2JAT007"),
    regionCode: "330702",
    industryCode: "68",
    login: { email: "antai@ins.anfu.demo", name: "郑磊" },
    apiToken: "anfu_demo_insurer_antai_0000001",
  },
  {
    key: "group-hardware",
    kind: "group",
    name: "金华市五金行业安全生产协作组",
    uscc: uscc("51330700MJ9G00008"),
    regionCode: "330702",
    industryCode: "95",
    login: { email: "wujin@group.anfu.demo", name: "何志强" },
    apiToken: "anfu_demo_group_wujin_000000001",
  },
];
