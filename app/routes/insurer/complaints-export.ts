import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { shanghaiDateString } from "../../domain/format";
import { ComplaintListQuerySchema } from "../../forms/premium-ledger";
import { complaintsForExport } from "../../services/insurance-complaints.server";
import { spreadsheetResponse } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

type Row = Awaited<ReturnType<typeof complaintsForExport>>[number];

/** GET /insurer/complaints/export?…filters… — the complaints the filters select, with deadlines, as .xlsx. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const query = parseQuery(ComplaintListQuerySchema, request);
  const rows = await complaintsForExport(context.db, org.id, query, shanghaiDateString(new Date()) as IsoDate);
  return spreadsheetResponse<Row>({
    filename: "服务投诉",
    sheetName: "服务投诉",
    rows,
    columns: [
      { header: "投诉日期", value: (r) => r.filedOn },
      { header: "企业", width: 28, value: (r) => r.counterpartName },
      { header: "保单号", width: 20, value: (r) => r.policyNumber },
      { header: "主题", width: 28, value: (r) => r.subject },
      { header: "内容", width: 40, value: (r) => r.body },
      { header: "需核查", value: (r) => (r.needsCheck ? "是" : "否") },
      { header: "延期(工作日)", value: (r) => r.extensionDays },
      { header: "延期原因", width: 24, value: (r) => r.extensionReason },
      { header: "答复期限", value: (r) => r.deadline.dueOn },
      { header: "答复时间", width: 20, value: (r) => (r.answeredAt ? new Date(r.answeredAt).toISOString() : "") },
      { header: "超期", value: (r) => (r.deadline.breached ? "是" : "否") },
      { header: "答复", width: 40, value: (r) => r.answer },
    ],
  });
}
