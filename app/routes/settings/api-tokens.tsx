import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import { formatDateTime } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { ApiTokenSchema } from "../../forms/organisation";
import { createApiToken, listApiTokens, revokeApiToken } from "../../services/api-tokens.server";
import { requireAccess } from "../../utils/access.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";
import { uuidOrNotFound } from "../../utils/ids";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.apiTokens, "edit");
  return { tokens: await listApiTokens(context.db, { orgId: org.id }) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.apiTokens, "edit");
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  const form = await readFormData(request);
  try {
    if (form.get("intent") === "revoke") {
      await revokeApiToken(context.db, actor, uuidOrNotFound(form.get("tokenId"), "api_token_not_found"), new Date());
      return { secret: null };
    }
    const parsed = parseForm(ApiTokenSchema, form);
    if (!parsed.ok)
      return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, secret: null }, { status: 400 });
    const { secret } = await createApiToken(context.db, actor, parsed.data.name);
    return { secret };
  } catch (error) {
    return formFailure(error);
  }
}

export default function ApiTokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const result = useActionData<{ secret?: string | null }>();
  const { t, i18n } = useTranslation("settings");
  const lang = toLanguage(i18n.language);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("apiTokensTitle")}</h1>
      <p className="text-sm text-slate-600">{t("tokensIntro")}</p>
      {result?.secret ? (
        <div role="status" className="card border-brand-600">
          <p className="font-medium">{t("newTokenTitle")}</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-slate-100 p-3 font-mono text-sm">
            {result.secret}
          </code>
        </div>
      ) : null}
      <section className="card">
        <ValidatedForm schema={ApiTokenSchema}>
          {({ errors }) => (
            <div className="flex flex-wrap items-end gap-3">
              <div className="flex-1">
                <Field name="name" label={t("tokenName")} hint={t("tokenNameHint")} errors={errors} />
              </div>
              <div className="mb-4">
                <SubmitButton>{t("createToken")}</SubmitButton>
              </div>
            </div>
          )}
        </ValidatedForm>
      </section>
      <section className="card overflow-x-auto">
        {tokens.length === 0 ? (
          <p className="text-slate-500">{t("common:empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("tokenName")}</th>
                <th scope="col">{t("createdAt")}</th>
                <th scope="col">{t("lastUsed")}</th>
                <th scope="col">
                  <span className="sr-only">{t("common:actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td data-label={t("tokenName")}>
                    {token.name} <code className="text-xs text-slate-500">{token.displayPrefix}…</code>
                  </td>
                  <td data-label={t("createdAt")}>{formatDateTime(new Date(token.createdAt), lang)}</td>
                  <td data-label={t("lastUsed")}>
                    {token.lastUsedAt ? formatDateTime(new Date(token.lastUsedAt), lang) : t("never")}
                  </td>
                  <td data-label={t("common:actions")} className="text-right">
                    {token.revokedAt ? (
                      <span className="badge bg-slate-100 text-slate-600">{t("revoked")}</span>
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" name="intent" value="revoke" className="btn-secondary py-1">
                          {t("revoke")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
