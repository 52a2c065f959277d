import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { attachmentNotFound, attachmentResponse } from "../../services/safety-attachments.server";
import { getTraining } from "../../services/training.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /training/:sessionId/files/:fileId — a material of a session the viewer may see; else 404. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.training, "view");
  const { sessionId = "", fileId = "" } = params;
  if (!UUID.test(sessionId) || !UUID.test(fileId)) return attachmentNotFound();
  try {
    const { session } = await getTraining(context.db, org, sessionId, shanghaiDateString(new Date()));
    if (!session.materialFileIds.includes(fileId)) return attachmentNotFound();
  } catch (error) {
    if (error instanceof AppError) return attachmentNotFound();
    throw error;
  }
  return (await attachmentResponse(context.db, context.env, fileId)) ?? attachmentNotFound();
}
