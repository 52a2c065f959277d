import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { attachmentDisposition } from "../../domain/file-types";
import { shanghaiDateString } from "../../domain/format";
import { openStoredFile } from "../../services/files.server";
import { inspectionActorOf } from "../../services/inspection-actor.server";
import { inspectionPhotoFor } from "../../services/inspections.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { uuidOrNotFound } from "../../utils/ids";

/**
 * GET /inspections/:inspectionId/photos/:fileId — a photo of an inspection for whoever may see
 * the inspection (the bureau, insurer, group or serving provider too, not only the uploader);
 * anyone else gets the 404 of a missing file.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const membership = await requireAccess(request, context, ACCESS.inspections, "view");
  try {
    const inspectionId = uuidOrNotFound(params.inspectionId);
    const fileId = uuidOrNotFound(params.fileId);
    const row = await inspectionPhotoFor(context.db, inspectionActorOf(membership), {
      inspectionId,
      fileId,
      today: shanghaiDateString(new Date()),
    });
    const opened = await openStoredFile(context.env, row);
    return new Response(opened.stream, {
      headers: {
        "Content-Type": opened.mimeType,
        "Content-Length": String(opened.size),
        "Content-Disposition": attachmentDisposition(opened.filename),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) {
      throw new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
