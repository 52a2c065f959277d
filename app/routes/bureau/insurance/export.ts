import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../../domain/access";
import { shanghaiDateString } from "../../../domain/format";
import { SERVICE_CODES, SERVICE_LABELS } from "../../../domain/insurance-plan";
import { OversightPageQuerySchema } from "../../../forms/oversight";
import { insurerOverview, type InsurerOverviewRow } from "../../../services/insurance-oversight.server";
import { spreadsheetResponse } from "../../../services/spreadsheet.server";
import { requireAccess } from "../../../utils/access.server";
import { parseQuery } from "../../../utils/form-data.server";

/** GET /bureau/insurance/export?format=xlsx|csv — the region's insurers, as the overview shows them. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insuranceOversight, "view");
  const query = parseQuery(OversightPageQuerySchema, request);
  const today = shanghaiDateString(new Date());
  const rows = await insurerOverview(context.db, org, today);
  return spreadsheetResponse<InsurerOverviewRow>({
    filename: `保险服务监管-${today}`,
    sheetName: "保险服务监管",
    format: query.format ?? "xlsx",
    rows,
    columns: [
      { header: "保险机构", width: 28, value: (r) => r.name },
      { header: "辖区保单", value: (r) => r.policies },
      { header: "在保保单", value: (r) => r.policiesInForce },
      { header: "截至今日应完成", value: (r) => r.dueToDate },
      { header: "已完成", value: (r) => r.doneOfDue },
      {
        header: "到期完成率（%）",
        value: (r) => (r.dueToDate === 0 ? null : Math.round((r.doneOfDue / r.dueToDate) * 1000) / 10),
      },
      { header: "逾期合计", value: (r) => r.overdue },
      ...SERVICE_CODES.map((s) => ({
        header: `逾期·${SERVICE_LABELS[s].zh}`,
        value: (r: InsurerOverviewRow) => r.overdueByService[s] ?? 0,
      })),
    ],
  });
}
