import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../../domain/access";
import { openStoredFile } from "../../../services/files.server";
import { regionVisitPhoto } from "../../../services/insurance-oversight.server";
import { requireAccess } from "../../../utils/access.server";
import { AppError } from "../../../utils/errors";
import { uuidOrNotFound } from "../../../utils/ids";

const INLINE_TYPES = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

/**
 * GET /bureau/insurance/visits/:visitId/photos/:fileId — a visit photo for a bureau whose region
 * holds the visited enterprise; anyone else gets the 404 of a missing file. Shown inline (an
 * image the page embeds), sandboxed and never cached.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insuranceOversight, "view");
  try {
    const row = await regionVisitPhoto(context.db, org, {
      visitId: uuidOrNotFound(params.visitId),
      fileId: uuidOrNotFound(params.fileId),
    });
    const opened = await openStoredFile(context.env, row);
    return new Response(opened.stream, {
      headers: {
        "Content-Type": INLINE_TYPES.has(opened.mimeType) ? opened.mimeType : "application/octet-stream",
        "Content-Length": String(opened.size),
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
