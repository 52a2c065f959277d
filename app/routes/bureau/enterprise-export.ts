import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { industryName } from "../../domain/industries";
import { regionFullName } from "../../domain/regions";
import { RISK_GRADE_LABELS } from "../../domain/risk-grade";
import { RegisterListQuerySchema } from "../../forms/register";
import { exportRegister, type RegisterRow } from "../../services/enterprise-register.server";
import { spreadsheetResponse, type SheetColumn } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

const KIND_ZH: Record<string, string> = {
  enterprise: "企业",
  provider: "服务机构",
  insurer: "保险机构",
  group: "协作组织",
};
const STATUS_ZH: Record<string, string> = { pending: "待审核", verified: "已认证", rejected: "未通过" };

/** The bureau's register with the page's filters, as .xlsx (default) or CSV; officials work from it in Excel. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.bureauDesk, "view");
  const { page: _page, ...filter } = parseQuery(RegisterListQuerySchema, request);
  const today = shanghaiDateString(new Date());
  const rows = await exportRegister(context.db, { bureauRegionCode: org.regionCode, filter, today });
  const format = new URL(request.url).searchParams.get("format") === "csv" ? "csv" : "xlsx";
  const columns: Array<SheetColumn<RegisterRow>> = [
    { header: "统一社会信用代码", width: 22, value: (r) => r.uscc },
    { header: "单位名称", width: 32, value: (r) => r.name },
    { header: "类型", value: (r) => KIND_ZH[r.kind] ?? r.kind },
    { header: "行政区划代码", value: (r) => r.regionCode },
    { header: "所在地区", width: 28, value: (r) => regionFullName(r.regionCode) },
    { header: "行业代码", value: (r) => r.industryCode },
    { header: "行业", width: 24, value: (r) => (r.industryCode ? (industryName(r.industryCode, "zh-CN") ?? "") : "") },
    { header: "从业人数", value: (r) => r.employees },
    { header: "是否高危", value: (r) => (r.highRisk ? "是" : r.highRisk === false ? "否" : "") },
    { header: "重点对象原因", value: (r) => (r.priorityReasons ?? []).map((p) => p.reason).join("、") },
    { header: "认领状态", value: (r) => (r.unclaimed ? "未认领" : "已注册") },
    {
      header: "认证状态",
      value: (r) => (r.unclaimed ? "" : (STATUS_ZH[r.verificationStatus] ?? r.verificationStatus)),
    },
    { header: "当前风险等级", width: 18, value: (r) => (r.grade ? RISK_GRADE_LABELS[r.grade].zh : "") },
    { header: "评定日期", value: (r) => r.gradeOn },
  ];
  return spreadsheetResponse({
    filename: `企业台账-${org.regionCode}-${today}`,
    sheetName: "企业台账",
    columns,
    rows,
    format,
  });
}
