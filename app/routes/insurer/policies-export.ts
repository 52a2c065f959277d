import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { SERVICE_LABELS, type ServiceCode } from "../../domain/insurance-plan";
import { PolicyListQuerySchema } from "../../forms/policies";
import { exportPolicies, type PolicyListRow } from "../../services/insurer-policies.server";
import { spreadsheetResponse } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

const GRADE_ZH: Record<string, string> = { red: "红", orange: "橙", yellow: "黄", blue: "蓝" };
const STATUS_ZH: Record<string, string> = { active: "有效", cancelled: "已退保", expired: "已到期" };

/** GET /insurer/policies/export?…filters…&format=xlsx|csv — the policies the filters select, in Chinese. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const query = parseQuery(PolicyListQuerySchema, request);
  const rows = await exportPolicies(context.db, org.id, query, shanghaiDateString(new Date()));
  return spreadsheetResponse<PolicyListRow>({
    filename: "保单清单",
    sheetName: "保单",
    format: query.format ?? "xlsx",
    rows,
    columns: [
      { header: "保单号", width: 20, value: (r) => r.policyNumber },
      { header: "被保险企业", width: 28, value: (r) => r.enterpriseName },
      { header: "统一社会信用代码", width: 22, value: (r) => r.enterpriseUscc },
      { header: "起保日期", value: (r) => r.startDate },
      { header: "终保日期", value: (r) => r.endDate },
      { header: "风险等级", width: 8, value: (r) => GRADE_ZH[r.riskGrade] ?? r.riskGrade },
      { header: "保费(元)", value: (r) => r.premiumFen / 100 },
      { header: "事故预防费用比例(%)", value: (r) => r.preventionFeeBps / 100 },
      {
        header: "个性化服务",
        width: 28,
        value: (r) => r.optionalServices.map((s) => SERVICE_LABELS[s as ServiceCode]?.zh ?? s).join("、"),
      },
      { header: "状态", width: 8, value: (r) => STATUS_ZH[r.status] ?? r.status },
    ],
  });
}
