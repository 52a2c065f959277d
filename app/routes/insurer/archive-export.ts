import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { shanghaiDateString } from "../../domain/format";
import { archiveWorkbook, getEnterpriseArchive } from "../../services/insurance-archive.server";
import { requireAccess } from "../../utils/access.server";
import { orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

/** GET /insurer/enterprises/:enterpriseId/archive.xlsx — the 一企一档 archive as one workbook. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  const archive = await orErrorPage(() =>
    getEnterpriseArchive(
      context.db,
      org.id,
      uuidOrNotFound(params.enterpriseId),
      shanghaiDateString(new Date()) as IsoDate,
    ),
  );
  return archiveWorkbook(archive);
}
