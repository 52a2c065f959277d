import type { LoaderFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { attachmentDisposition } from "../../domain/file-types";
import { shanghaiDateString } from "../../domain/format";
import { openStoredFile } from "../../services/files.server";
import { hazardFileFor } from "../../services/hazards.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";

/**
 * GET /hazards/:hazardId/files/:fileId — a photo or evidence file of a hazard, for whoever may
 * see the hazard (its own rule, not the uploader's); anyone else gets the 404 of a missing file.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.hazards, "view");
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!UUID.test(params.hazardId ?? "") || !UUID.test(params.fileId ?? "")) throw notFound();
  try {
    const row = await hazardFileFor(
      context.db,
      { id: org.id, kind: org.kind, regionCode: org.regionCode },
      { hazardId: params.hazardId!, fileId: params.fileId!, today: shanghaiDateString(new Date()) },
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
    if (error instanceof AppError) throw notFound();
    throw error;
  }
}

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
