import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton, ValidatedForm } from "../../components/forms";
import { VisibilityStatus } from "../../components/listing-bits";
import { ListingFormFields } from "../../components/listing-form-fields";
import { ACCESS } from "../../domain/access";
import { collapseMultiValues, IdSchema, ListingSchema, MULTI_VALUE_FIELDS, stringValues } from "../../forms/provider";
import { getOwnListing, updateListing } from "../../services/listings.server";
import { requireAccess } from "../../utils/access.server";
import { parseForm } from "../../utils/forms";
import { formFailure, orErrorPage } from "../../utils/http.server";
import { regionNamesOf } from "../../domain/regions";
import { readFormData } from "../../utils/form-data.server";
import { shanghaiDateString } from "../../domain/format";

function listingIdOf(params: { listingId?: string }): string {
  const id = IdSchema.safeParse(params.listingId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  return id.data;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.providerWorkspace, "view");
  const listingId = listingIdOf(params);
  const listing = await orErrorPage(() =>
    getOwnListing(context.db, { providerId: org.id, listingId, today: shanghaiDateString(new Date()) }),
  );
  // Yuan text for the input, by integer arithmetic: money never goes through a float.
  const price = `${Math.floor(listing.priceFen / 100)}.${String(listing.priceFen % 100).padStart(2, "0")}`;
  return { listing, price, regionNames: regionNamesOf(listing.regionCodes) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.providerWorkspace, "edit");
  const listingId = listingIdOf(params);
  const form = collapseMultiValues(await readFormData(request), MULTI_VALUE_FIELDS);
  const parsed = parseForm(ListingSchema, form);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  try {
    await updateListing(
      context.db,
      { userId: user.id, orgId: org.id, ip: context.clientIp },
      listingId,
      parsed.data,
      new Date(),
    );
  } catch (error) {
    return formFailure(error, stringValues(form));
  }
  return redirect("/provider/listings?saved=1");
}

export default function EditListingPage() {
  const { listing, price, regionNames } = useLoaderData<typeof loader>();
  const { t } = useTranslation("provider");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Link to="/provider/listings" className="link text-sm">
        ← {t("listingsTitle")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("editListing")}</h1>
      <VisibilityStatus visibility={listing.visibility} />
      <section className="card">
        <ValidatedForm schema={ListingSchema}>
          {({ errors, values }) => (
            <>
              <ListingFormFields errors={errors} values={values} defaults={{ ...listing, price, regionNames }} />
              <SubmitButton>{t("saveListing")}</SubmitButton>
            </>
          )}
        </ValidatedForm>
      </section>
    </div>
  );
}
