import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { LedgerQuerySchema } from "../../forms/premium-ledger";
import { ledgerForExport, type LedgerRow } from "../../services/prevention-fees.server";
import { spreadsheetResponse } from "../../services/spreadsheet.server";
import { requireAccess } from "../../utils/access.server";
import { parseQuery } from "../../utils/form-data.server";

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** GET /insurer/ledger/export?…filters… — the ledger the filters select, as .xlsx. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const query = parseQuery(LedgerQuerySchema, request);
  const rows = await ledgerForExport(context.db, org.id, query);
  return spreadsheetResponse<LedgerRow>({
    filename: "事故预防费台账",
    sheetName: "事故预防费台账",
    rows,
    columns: [
      { header: "保单号", width: 20, value: (r) => r.policyNumber },
      { header: "企业", width: 28, value: (r) => r.enterpriseName },
      { header: "起保日期", value: (r) => r.startDate },
      { header: "终保日期", value: (r) => r.endDate },
      { header: "保费(元)", value: (r) => yuan(r.premiumFen) },
      { header: "比例(%)", value: (r) => r.preventionFeeBps / 100 },
      { header: "预防费(元)", value: (r) => yuan(r.fundFen) },
      { header: "已委托(元)", value: (r) => yuan(r.committedFen) },
      { header: "已退回(元)", value: (r) => yuan(r.releasedFen) },
      { header: "余额(元)", value: (r) => yuan(r.balanceFen) },
      { header: "超支(元)", value: (r) => yuan(r.overrunFen) },
    ],
  });
}
