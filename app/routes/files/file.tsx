import type { LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition } from "../../domain/file-types";
import { getReadableFile, openStoredFile } from "../../services/files.server";
import { requireUser } from "../../utils/auth.server";
import { AppError } from "../../utils/errors";

/**
 * GET /files/:fileId — a stored upload, for the organisations allowed to read it.
 * Anyone else gets the same 404 as for a file that does not exist. Always a download,
 * never rendered inline, and never sniffed by the browser.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireUser(request, context);
  if (!org) throw notFound();
  const row = await getReadableFile(context.db, { fileId: params.fileId ?? "", orgId: org.id, orgKind: org.kind });
  if (!row) throw notFound();
  try {
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
