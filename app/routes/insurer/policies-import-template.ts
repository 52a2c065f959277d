import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { SERVICE_LABELS } from "../../domain/insurance-plan";
import { SHEET_HEADERS, type SheetField } from "../../domain/policy-import-sheet";
import { spreadsheetResponse } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";

/** The template's columns: one accepted header of each field the import needs (SHEET_HEADERS). */
export const TEMPLATE_COLUMNS: Array<{ field: SheetField; header: string; example: string }> = [
  { field: "policyNumber", header: "保单号", example: "AZX-2026-000001" },
  { field: "uscc", header: "统一社会信用代码", example: "91330702MA2E00001U" },
  { field: "name", header: "企业名称", example: "金华示例机械有限公司" },
  { field: "regionCode", header: "行政区划代码", example: "330702" },
  { field: "premiumYuan", header: "保费(元)", example: "12000.00" },
  { field: "ratioPercent", header: "事故预防费用比例(%)", example: "15%" },
  { field: "startDate", header: "起保日期", example: "2026-01-01" },
  { field: "endDate", header: "终保日期", example: "2026-12-31" },
  { field: "riskGrade", header: "风险等级", example: "黄" },
  {
    field: "optionalServices",
    header: "个性化服务",
    example: `${SERVICE_LABELS.one_enterprise_one_plan.zh}、${SERVICE_LABELS.remote_guidance.zh}`,
  },
];

/** GET /insurer/policies/import/template — an .xlsx with the headers the import accepts and one example row. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAccess(request, context, ACCESS.insurerPolicies, "view");
  for (const c of TEMPLATE_COLUMNS)
    if (!SHEET_HEADERS[c.field].includes(c.header)) throw new Error(`template header ${c.header} not accepted`);
  return spreadsheetResponse<Record<string, string>>({
    filename: "保单导入模板",
    sheetName: "保单",
    format: "xlsx",
    rows: [Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.field, c.example]))],
    columns: TEMPLATE_COLUMNS.map((c) => ({ header: c.header, width: 20, value: (r) => r[c.field] ?? "" })),
  });
}
