import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { attachmentDisposition } from "../../domain/file-types";
import { openStoredFile } from "../../services/files.server";
import { visitPhotoFor } from "../../services/insurance-visit-confirm.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { uuidOrNotFound } from "../../utils/ids";

/** GET /insurer/visits/:visitId/photos/:fileId — a visit photo for its insurer; anyone else gets 404. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "view");
  try {
    const row = await visitPhotoFor(
      context.db,
      "insurer",
      org.id,
      uuidOrNotFound(params.visitId),
      uuidOrNotFound(params.fileId),
    );
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
