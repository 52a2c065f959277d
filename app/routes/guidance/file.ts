import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { threadHasFile } from "../../services/guidance.server";
import { attachmentNotFound, attachmentResponse } from "../../services/safety-attachments.server";
import { requireAccess } from "../../utils/access.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /guidance/:threadId/files/:fileId — an attachment of a thread the viewer is a party to; else 404. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.guidance, "view");
  const { threadId = "", fileId = "" } = params;
  if (!UUID.test(threadId) || !UUID.test(fileId)) return attachmentNotFound();
  if (!(await threadHasFile(context.db, org, threadId, fileId))) return attachmentNotFound();
  return (await attachmentResponse(context.db, context.env, fileId)) ?? attachmentNotFound();
}
