import type { ActionFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import { getStagedImport, runRegisterImport, type ImportProgress } from "../../services/enterprise-register.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { errorResponse, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

/**
 * Writes a previewed register import and streams its progress as NDJSON lines
 * ({type:"progress",done,total} after each batch, then {type:"done"} or {type:"error"}).
 * Whatever can be refused (wrong bureau, unknown or finished import) is refused before the
 * stream starts, with its status; a failure during the write rolls the whole import back.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.bureauDesk, "edit");
  const importId = await orErrorPage(async () => uuidOrNotFound(params.importId));
  const staged = await orErrorPage(() => getStagedImport(context.db, { bureauId: org.id, importId }));
  if (staged.status !== "previewed") errorResponse(new AppError(409, "import_done", "register.import_done"));
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: Record<string, unknown>) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const result = await runRegisterImport(context.db, {
          bureau: { id: org.id, regionCode: org.regionCode },
          actor: { userId: user.id, ip: context.clientIp },
          importId,
          now: new Date(),
          onProgress: (p: ImportProgress) => send({ type: "progress", ...p }),
        });
        send({ type: "done", ...result });
      } catch (error) {
        if (!(error instanceof AppError)) console.error("register import failed", error);
        send(
          error instanceof AppError
            ? { type: "error", key: error.messageKey, params: error.params }
            : { type: "error", key: "page.server.title" },
        );
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      // no-transform: the compression middleware would hold the lines back until the end.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
