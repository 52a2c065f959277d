import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { NOT_A_BASIS_FOR_PENALTY_LABEL } from "../../domain/hazard-machine";
import { INSPECTION_SOURCE_LABELS } from "../../domain/inspection-sources";
import { HazardListQuerySchema } from "../../forms/hazards";
import { hazardsForExport, type HazardListRow } from "../../services/hazards.server";
import { spreadsheetResponse } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

const STATUS_ZH: Record<string, string> = {
  open: "待整改",
  rectifying: "整改中",
  rectified: "已整改待复查",
  verified: "已复查待销号",
  closed: "已销号",
};

/** The register as a sheet, in Chinese like the officials' own tables. */
function exportSheet(rows: HazardListRow[], format: "xlsx" | "csv") {
  return spreadsheetResponse<HazardListRow>({
    filename: "隐患台账",
    sheetName: "隐患台账",
    format,
    rows,
    columns: [
      { header: "企业", width: 28, value: (r) => r.enterpriseName },
      { header: "隐患描述", width: 40, value: (r) => r.description },
      { header: "位置", value: (r) => r.location },
      { header: "等级", width: 8, value: (r) => (r.grade === "major" ? "重大" : "一般") },
      { header: "状态", value: (r) => STATUS_ZH[r.status] ?? r.status },
      { header: "来源", value: (r) => INSPECTION_SOURCE_LABELS[r.source].zh },
      { header: "发现单位", width: 24, value: (r) => r.finderName },
      { header: "发现日期", value: (r) => r.foundOn },
      { header: "整改期限", value: (r) => r.deadline },
      { header: "整改责任人", value: (r) => r.responsiblePerson },
      { header: "逾期天数", width: 8, value: (r) => r.overdueDays },
      {
        header: "标记",
        width: 24,
        value: (r) =>
          [r.selfReported ? "自查自改自报" : "", r.notABasisForPenalty ? NOT_A_BASIS_FOR_PENALTY_LABEL.zh : ""]
            .filter(Boolean)
            .join("；"),
      },
    ],
  });
}

/** GET /hazards/export?…filters…&format=xlsx|csv — the register the filters select, as the page's rule sees it. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.hazards, "view");
  const query = parseQuery(HazardListQuerySchema, request);
  const acting = { id: org.id, kind: org.kind, regionCode: org.regionCode };
  const rows = await hazardsForExport(context.db, acting, { ...query, today: shanghaiDateString(new Date()) });
  return exportSheet(rows, query.format ?? "xlsx");
}
