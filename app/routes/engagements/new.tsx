import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, SubmitButton, ValidatedForm } from "../../components/forms";
import { formatFen } from "../../domain/format";
import { categoryLabel, type ServiceCategoryCode } from "../../domain/service-categories";
import { DirectOfferSchema } from "../../forms/engagements";
import { toLanguage } from "../../i18n/config";
import { createDirectOffer, getListingForOffer } from "../../services/engagement-offers.server";
import { requireMembership } from "../../utils/auth.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { readFormData } from "../../utils/form-data.server";

export const meta: MetaFunction = () => [{ title: "发起委托 · 安服市集" }];

/** /engagements/new?listingId=… — an enterprise proposes terms on a provider's active listing. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireMembership(request, context, { kinds: ["enterprise"] });
  const listingId = z.string().uuid().safeParse(new URL(request.url).searchParams.get("listingId"));
  if (!listingId.success) throw data({ messageKey: "not_found" }, { status: 404 });
  const listing = await getListingForOffer(context.db, { listingId: listingId.data, now: new Date() });
  if (!listing) throw data({ messageKey: "not_found" }, { status: 404 });
  return { listing };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireMembership(request, context, { kinds: ["enterprise"] });
  const parsed = parseForm(DirectOfferSchema, await readFormData(request));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const { price, ...rest } = parsed.data;
  try {
    const engagement = await createDirectOffer(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      { ...rest, priceFen: price },
      new Date(),
    );
    return redirect(`/engagements/${engagement.id}`);
  } catch (error) {
    return formFailure(error);
  }
}

export default function NewOffer() {
  const { listing } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("engagements");
  const lang = toLanguage(i18n.language);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link to="/engagements" className="link text-sm">
        ← {t("back")}
      </Link>
      <div className="card">
        <h1 className="mb-2 text-2xl font-semibold">{t("offer.title")}</h1>
        <p className="mb-1 text-slate-700">
          {listing.providerName} · {categoryLabel(listing.category as ServiceCategoryCode, lang)} · {listing.title} ·{" "}
          {formatFen(listing.priceFen, lang)}
        </p>
        <p className="mb-6 text-sm text-slate-600">{t("offer.note")}</p>
        <ValidatedForm schema={DirectOfferSchema}>
          {({ errors, values }) => (
            <>
              <input type="hidden" name="listingId" value={listing.id} />
              <Field
                name="title"
                label={t("offer.name")}
                errors={errors}
                defaultValue={values.title ?? listing.title}
              />
              <Field name="scope" label={t("offer.scope")} errors={errors}>
                <textarea
                  id="field-scope"
                  name="scope"
                  rows={4}
                  className="input"
                  defaultValue={values.scope ?? listing.scope}
                  aria-invalid={errors.scope ? true : undefined}
                />
              </Field>
              <Field
                name="price"
                label={t("offer.price")}
                errors={errors}
                defaultValue={values.price ?? (listing.priceFen / 100).toFixed(2)}
                inputMode="decimal"
              />
              <div className="grid gap-3 sm:grid-cols-2">
                <Field
                  name="startDate"
                  type="date"
                  label={t("counter.startDate")}
                  errors={errors}
                  defaultValue={values.startDate}
                />
                <Field
                  name="endDate"
                  type="date"
                  label={t("counter.endDate")}
                  errors={errors}
                  defaultValue={values.endDate}
                />
              </div>
              <SubmitButton>{t("offer.submit")}</SubmitButton>
            </>
          )}
        </ValidatedForm>
      </div>
    </div>
  );
}
