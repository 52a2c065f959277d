import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { planFileFor } from "../../services/checkups.server";
import { attachmentNotFound, attachmentResponse } from "../../services/safety-attachments.server";
import { requireAccess } from "../../utils/access.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /checkups/:programId/plans/:enterpriseId — the 一企一策 file, for the runner, the carrier and the enterprise. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.checkups, "view");
  const { programId = "", enterpriseId = "" } = params;
  if (!UUID.test(programId) || !UUID.test(enterpriseId)) return attachmentNotFound();
  const fileId = await planFileFor(context.db, org, programId, enterpriseId);
  if (!fileId) return attachmentNotFound();
  return (await attachmentResponse(context.db, context.env, fileId)) ?? attachmentNotFound();
}
