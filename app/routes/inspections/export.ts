import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { CONFIRMATION_STATUS_LABELS, INSPECTION_SOURCE_LABELS } from "../../domain/inspection-sources";
import { NOT_A_BASIS_FOR_PENALTY_LABEL } from "../../domain/hazard-machine";
import { InspectionListQuerySchema } from "../../forms/inspections";
import { inspectionActorOf } from "../../services/inspection-actor.server";
import { listInspections } from "../../services/inspections.server";
import { spreadsheetResponse } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

const ExportQuerySchema = InspectionListQuerySchema.extend({
  format: z.enum(["xlsx", "csv"]).optional().catch(undefined),
});

type Row = Awaited<ReturnType<typeof listInspections>>["rows"][number];

/** GET /inspections/export?<the list's filters>&format=xlsx|csv — the filtered list as a sheet (Chinese headers). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const membership = await requireAccess(request, context, ACCESS.inspections, "view");
  const query = parseQuery(ExportQuerySchema, request);
  const today = shanghaiDateString(new Date());
  const { rows } = await listInspections(context.db, inspectionActorOf(membership), { ...query, all: true }, today);
  return spreadsheetResponse<Row>({
    filename: `检查记录-${today}`,
    sheetName: "检查记录",
    format: query.format,
    rows,
    columns: [
      { header: "检查日期", width: 12, value: (r) => r.inspectedOn },
      { header: "受检企业", width: 32, value: (r) => r.enterpriseName },
      { header: "检查单位", width: 28, value: (r) => r.inspectorOrgName },
      {
        header: "检查类型",
        width: 18,
        value: (r) =>
          INSPECTION_SOURCE_LABELS[r.source].zh +
          (r.source === "free_checkup" ? `（${NOT_A_BASIS_FOR_PENALTY_LABEL.zh}）` : ""),
      },
      { header: "得分(%)", width: 10, value: (r) => (r.scoreBp === null ? null : r.scoreBp / 100) },
      { header: "隐患数", width: 8, value: (r) => r.hazards },
      { header: "状态", width: 24, value: (r) => CONFIRMATION_STATUS_LABELS[r.status].zh },
      { header: "链接", width: 20, value: (r) => `/inspections/${r.id}` },
    ],
  });
}
