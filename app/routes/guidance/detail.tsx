import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "../../components/forms";
import { IntentForm } from "../../components/engagement/intent-form";
import { GuidanceStatusBadge } from "../../components/guidance-status";
import { ACCESS } from "../../domain/access";
import { formatDateTime } from "../../domain/format";
import { FIRST_RESPONSE_TARGET_MINUTES } from "../../domain/response-time";
import { GuidanceMessageSchema } from "../../forms/training";
import { toLanguage } from "../../i18n/config";
import { parseUploadForm } from "../../services/files.server";
import { closeThread, getThread, postGuidanceMessage } from "../../services/guidance.server";
import { requireAccess } from "../../utils/access.server";
import { AppError } from "../../utils/errors";
import { assertNoNulBytes, readFormData } from "../../utils/form-data.server";
import { parseForm } from "../../utils/forms";
import { orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "远程指导 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.guidance, "view");
  return orErrorPage(async () => getThread(context.db, org, uuidOrNotFound(params.threadId), new Date()));
}

function problem(intent: string, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  return data(
    { intent, problem: { formError: { key: error.messageKey, params: error.params } } },
    { status: error.status, headers: error.headers },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.guidance, "edit");
  const threadId = await orErrorPage(async () => uuidOrNotFound(params.threadId));
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  let form: FormData;
  try {
    form = multipart ? await parseUploadForm(request) : await readFormData(request);
    assertNoNulBytes(form);
  } catch (error) {
    return problem("message", error);
  }
  const intent = String(form.get("intent") ?? "");
  const actor = { userId: user.id, org };
  try {
    if (intent === "message") {
      const parsed = parseForm(GuidanceMessageSchema, form);
      if (!parsed.ok) {
        return data({ intent, problem: { fieldErrors: parsed.fieldErrors, values: parsed.values } }, { status: 400 });
      }
      const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
      await postGuidanceMessage(
        context.db,
        context.env,
        actor,
        { threadId, body: parsed.data.body, files },
        new Date(),
      );
      return redirect(`/guidance/${threadId}#messages`);
    }
    if (intent === "close") {
      await closeThread(context.db, actor, threadId, new Date());
      return redirect(`/guidance/${threadId}`);
    }
    return data({ intent, problem: { formError: { key: "invalid_input" } } }, { status: 400 });
  } catch (error) {
    return problem(intent, error);
  }
}

export default function GuidanceThreadPage() {
  const { thread, messages, viewerSide } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("training");
  const lang = toLanguage(i18n.language);
  const target = thread.targetMinutes ?? FIRST_RESPONSE_TARGET_MINUTES[thread.channel];
  return (
    <div className="space-y-4">
      <Link to="/guidance" className="link text-sm">
        ← {t("guidance.back")}
      </Link>
      <header>
        <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
          {thread.subject}
          <GuidanceStatusBadge
            state={thread.status.state}
            lateMinutes={thread.status.lateMinutes}
            closed={Boolean(thread.closedAt)}
          />
        </h1>
        <p className="mt-1 text-slate-600">
          {thread.enterpriseName} ⇄ {thread.counterpartName ?? ""}
          {thread.expertName ? ` · ${thread.expertName}` : ""}
        </p>
        <p className="mt-1 text-sm text-slate-500">
          {t(`guidance.channels.${thread.channel}`)} · {t("guidance.target", { minutes: target })} ·{" "}
          {t("guidance.dueAt")} {formatDateTime(new Date(thread.status.dueAt), lang)} ·{" "}
          {thread.firstAnsweredAt
            ? t("guidance.firstAnswer", { at: formatDateTime(new Date(thread.firstAnsweredAt), lang) })
            : t("guidance.notAnswered")}
        </p>
      </header>
      <section className="card" id="messages" aria-labelledby="messages-title">
        <h2 id="messages-title" className="mb-3 text-lg font-semibold">
          {t("guidance.messages")}
        </h2>
        <ul className="space-y-3">
          {messages.map((m) => (
            <li
              key={m.id}
              data-testid="guidance-message"
              className={`rounded-md p-3 text-sm ${m.authorOrgId === thread.enterpriseId ? "bg-slate-50" : "bg-brand-50"}`}
            >
              <p className="text-slate-600">
                {m.authorOrgName}
                {m.authorUserName ? ` · ${m.authorUserName}` : ""} ·{" "}
                <time dateTime={new Date(m.at).toISOString()}>{formatDateTime(new Date(m.at), lang)}</time>
              </p>
              <p className="whitespace-pre-line break-words">{m.body}</p>
              {m.files.length > 0 ? (
                <ul className="mt-1 list-disc pl-5">
                  {m.files.map((f) => (
                    <li key={f.id}>
                      <a className="link" href={`/guidance/${thread.id}/files/${f.id}`}>
                        {f.originalName}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
        {thread.closedAt ? (
          <p className="mt-4 text-sm text-slate-600">{t("guidance.closedNote")}</p>
        ) : (
          <IntentForm
            key={messages.length}
            intent="message"
            schema={GuidanceMessageSchema}
            encType="multipart/form-data"
            className="mt-4"
          >
            {({ errors, values }) => (
              <>
                <label htmlFor="field-body" className="label">
                  {t("guidance.reply")}
                </label>
                <textarea
                  id="field-body"
                  name="body"
                  rows={3}
                  className="input"
                  defaultValue={values.body}
                  aria-invalid={errors.body ? true : undefined}
                  aria-describedby={errors.body ? "field-body-error" : undefined}
                />
                {errors.body ? (
                  <p id="field-body-error" className="field-error">
                    {t(`errors:${errors.body}`)}
                  </p>
                ) : null}
                <label htmlFor="field-files" className="label mt-2">
                  {t("guidance.attach")}
                </label>
                <input id="field-files" name="files" type="file" multiple className="input" />
                <div className="mt-2">
                  <SubmitButton>{t("guidance.send")}</SubmitButton>
                </div>
              </>
            )}
          </IntentForm>
        )}
      </section>
      {viewerSide === "enterprise" && !thread.closedAt ? (
        <Form
          method="post"
          onSubmit={(event) => {
            if (!window.confirm(t("guidance.closeConfirm"))) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="close" />
          <button type="submit" className="btn-secondary">
            {t("guidance.close")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
