import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrorMessage, SuccessNote } from "../../components/forms";
import { ListingPrice, VisibilityStatus } from "../../components/listing-bits";
import { ACCESS } from "../../domain/access";
import { categoryLabel } from "../../domain/service-categories";
import { IdSchema } from "../../forms/provider";
import { toLanguage } from "../../i18n/config";
import { deleteListing, listOwnListings, setListingStatus } from "../../services/listings.server";
import { requireAccess } from "../../utils/access.server";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";
import { shanghaiDateString } from "../../domain/format";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.providerWorkspace, "view");
  const rows = await listOwnListings(context.db, { providerId: org.id, today: shanghaiDateString(new Date()) });
  return { rows, canEdit };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  const actor = { userId: user.id, orgId: org.id, ip: context.clientIp };
  const form = await readFormData(request);
  const id = IdSchema.safeParse(form.get("listingId"));
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  const intent = form.get("intent");
  try {
    if (intent === "pause" || intent === "resume")
      await setListingStatus(context.db, actor, id.data, intent === "pause" ? "paused" : "active", new Date());
    else if (intent === "delete") await deleteListing(context.db, actor, id.data);
    else return data({ formError: { key: "invalid_input" } }, { status: 400 });
    return { done: true };
  } catch (error) {
    return formFailure(error);
  }
}

export default function ListingsPage() {
  const { rows, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<{ formError?: { key: string; params?: Record<string, string | number> } }>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("listingsTitle")}</h1>
        {canEdit ? (
          <Link to="/provider/listings/new" className="btn-primary">
            {t("newListing")}
          </Link>
        ) : null}
      </header>
      <p className="text-sm text-slate-600">{t("listingsIntro")}</p>
      {params.get("saved") ? <SuccessNote>{t("listingSaved")}</SuccessNote> : null}
      {result?.formError ? <FormErrorMessage error={result.formError} /> : null}
      <section className="card overflow-x-auto">
        {rows.length === 0 ? (
          <p className="text-slate-500">{t("noListings")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("listingTitle")}</th>
                <th scope="col">{t("listingCategory")}</th>
                <th scope="col">{t("price")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id}>
                  <td data-label={t("listingTitle")}>
                    {l.visibility.visible ? (
                      <Link to={`/listings/${l.id}`} className="link">
                        {l.title}
                      </Link>
                    ) : (
                      l.title
                    )}
                  </td>
                  <td data-label={t("listingCategory")}>{categoryLabel(l.category, lang)}</td>
                  <td data-label={t("price")} className="whitespace-nowrap">
                    <ListingPrice priceFen={l.priceFen} priceModel={l.priceModel} />
                  </td>
                  <td data-label={t("status")}>
                    <span className="mb-1 block text-xs text-slate-500">{t(`listingStatus.${l.status}`)}</span>
                    <VisibilityStatus visibility={l.visibility} />
                  </td>
                  <td data-label={t("actions")}>
                    {canEdit ? (
                      <div className="flex flex-wrap gap-2">
                        <Link to={`/provider/listings/${l.id}`} className="btn-secondary py-1">
                          {t("edit")}
                        </Link>
                        <Form method="post" className="flex gap-2">
                          <input type="hidden" name="listingId" value={l.id} />
                          <button
                            type="submit"
                            name="intent"
                            value={l.status === "active" ? "pause" : "resume"}
                            className="btn-secondary py-1"
                          >
                            {t(l.status === "active" ? "pause" : "resume")}
                          </button>
                          <button type="submit" name="intent" value="delete" className="btn-danger py-1">
                            {t("delete")}
                          </button>
                        </Form>
                      </div>
                    ) : null}
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
