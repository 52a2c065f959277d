import type { ActionFunctionArgs } from "@remix-run/node";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { shanghaiDateString } from "../../domain/format";
import { parseUploadForm, uploadedFile } from "../../services/files.server";
import { runPolicyImport, type PolicyImportProgress } from "../../services/insurer-policies.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { errorResponse } from "../../utils/http.server";

/**
 * Writes a policy import and streams its progress as NDJSON lines ({type:"progress",done,total}
 * after each batch, then {type:"done",written,planItems} or {type:"error",key,params}). The page
 * posts the same file it previewed; it is checked again inside the one transaction, so nothing
 * is written unless every row is valid. No state is kept between the preview and this.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerPolicies, "edit");
  let form: FormData;
  try {
    form = await parseUploadForm(request);
  } catch (error) {
    errorResponse(error);
  }
  const file = uploadedFile(form, "file");
  if (!file) errorResponse(new AppError(422, "file_required", "policies:errors.file_required"));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: Record<string, unknown>) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const now = new Date();
        const result = await runPolicyImport(context.db, {
          insurerId: org.id,
          actor: { userId: user.id, ip: context.clientIp },
          filename: file.name,
          bytes,
          today: shanghaiDateString(now) as IsoDate,
          now,
          onProgress: (p: PolicyImportProgress) => send({ type: "progress", ...p }),
        });
        send({ type: "done", ...result });
      } catch (error) {
        if (!(error instanceof AppError)) console.error("policy import failed", error);
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
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
