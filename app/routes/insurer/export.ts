import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { SERVICE_LABELS } from "../../domain/insurance-plan";
import { DeskExportQuerySchema } from "../../forms/oversight";
import {
  atRiskItems,
  completionByService,
  EXPORT_LIMIT,
  overdueItems,
  type CompletionRow,
  type DeskItemRow,
} from "../../services/insurer-desk.server";
import { spreadsheetResponse } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

const rate = (done: number, of: number) => (of === 0 ? null : Math.round((done / of) * 1000) / 10);

/** GET /insurer/export?list=overdue|at_risk|completion&service&staff&format — the desk's lists as sheets. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const query = parseQuery(DeskExportQuerySchema, request);
  const today = shanghaiDateString(new Date());
  const format = query.format ?? "xlsx";
  const filters = { service: query.service, staff: query.staff, today };
  if (query.list === "completion") {
    const rows = await completionByService(context.db, org.id, filters);
    return spreadsheetResponse<CompletionRow>({
      filename: `服务完成率-${today}`,
      sheetName: "完成率",
      format,
      rows,
      columns: [
        { header: "服务项目", width: 18, value: (r) => SERVICE_LABELS[r.service].zh },
        { header: "截至今日应完成", value: (r) => r.dueToDate },
        { header: "已完成（应完成中）", value: (r) => r.doneOfDue },
        { header: "到期完成率（%）", value: (r) => rate(r.doneOfDue, r.dueToDate) },
        { header: "全年计划", value: (r) => r.all },
        { header: "已完成", value: (r) => r.done },
        { header: "总体完成率（%）", value: (r) => rate(r.done, r.all) },
      ],
    });
  }
  const list = query.list === "overdue" ? overdueItems : atRiskItems;
  const { rows } = await list(context.db, org.id, { ...filters, page: 1, limit: EXPORT_LIMIT });
  const name = query.list === "overdue" ? "逾期事项" : "临期未约事项";
  return spreadsheetResponse<DeskItemRow>({
    filename: `${name}-${today}`,
    sheetName: name,
    format,
    rows,
    columns: [
      { header: "企业", width: 28, value: (r) => r.enterpriseName },
      { header: "保单号", width: 20, value: (r) => r.policyNumber },
      { header: "服务项目", width: 18, value: (r) => SERVICE_LABELS[r.service].zh },
      { header: "序号", width: 6, value: (r) => r.sequence },
      { header: "截止日期", value: (r) => r.dueDate },
      { header: "约定日期", value: (r) => r.scheduledOn },
      { header: "负责人", value: (r) => r.assigneeName ?? "未分派" },
    ],
  });
}
