import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton, ValidatedForm } from "../../components/forms";
import { ListingFormFields } from "../../components/listing-form-fields";
import { ACCESS } from "../../domain/access";
import { collapseMultiValues, ListingSchema, MULTI_VALUE_FIELDS, stringValues } from "../../forms/provider";
import { createListing } from "../../services/listings.server";
import { getOwnProfile } from "../../services/providers.server";
import { requireAccess } from "../../utils/access.server";
import { parseForm } from "../../utils/forms";
import { formFailure } from "../../utils/http.server";
import { regionNamesOf } from "../../domain/regions";
import { readFormData } from "../../utils/form-data.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  const { profile } = await getOwnProfile(context.db, { orgId: org.id, now: new Date() });
  // A new listing starts from what the profile says the provider does and where.
  return {
    defaults: {
      category: profile.categories[0],
      regionCodes: profile.regionCodes,
      regionNames: regionNamesOf(profile.regionCodes),
      industryCodes: profile.industryCodes,
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  const form = collapseMultiValues(await readFormData(request), MULTI_VALUE_FIELDS);
  const parsed = parseForm(ListingSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    await createListing(context.db, { userId: user.id, orgId: org.id, ip: context.clientIp }, parsed.data, new Date());
  } catch (error) {
    return formFailure(error, stringValues(form));
  }
  return redirect("/provider/listings?saved=1");
}

export default function NewListingPage() {
  const { defaults } = useLoaderData<typeof loader>();
  const { t } = useTranslation("provider");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/provider/listings" className="link text-sm">
        ← {t("listingsTitle")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("newListing")}</h1>
      <section className="card">
        <ValidatedForm schema={ListingSchema}>
          {({ errors, values }) => (
            <>
              <ListingFormFields errors={errors} values={values} defaults={defaults} />
              <SubmitButton>{t("saveListing")}</SubmitButton>
            </>
          )}
        </ValidatedForm>
      </section>
    </div>
  );
}
