import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { joinNames, ListingPrice } from "../../components/listing-bits";
import { industryName } from "../../domain/industries";
import { qualificationTypeName } from "../../domain/qualification-types";
import { regionNamesOf } from "../../domain/regions";
import { categoryLabel } from "../../domain/service-categories";
import { IdSchema } from "../../forms/provider";
import { toLanguage } from "../../i18n/config";
import { getPublicListing } from "../../services/listings.server";
import { orErrorPage } from "../../utils/http.server";
import { shanghaiDateString } from "../../domain/format";

/** Public listing detail; a hidden listing is a 404, whoever asks. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const id = IdSchema.safeParse(params.listingId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  const listing = await orErrorPage(() =>
    getPublicListing(context.db, { listingId: id.data, today: shanghaiDateString(new Date()) }),
  );
  return { ...listing, regionNames: regionNamesOf([listing.providerRegion, ...listing.regionCodes]) };
}

export const meta: MetaFunction<typeof loader> = ({ data: listing }) => [
  { title: listing ? `${listing.title} · 安服市集` : "安服市集" },
];

export default function PublicListingPage() {
  const listing = useLoaderData<typeof loader>();
  const { regionNames } = listing;
  const regionName = (code: string) => regionNames[code] ?? "";
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  return (
    <article className="mx-auto max-w-3xl space-y-4">
      <header className="card space-y-2">
        <p className="text-sm text-slate-600">{categoryLabel(listing.category, lang)}</p>
        <h1 className="text-2xl font-semibold">{listing.title}</h1>
        <p className="text-xl text-brand-700">
          <ListingPrice priceFen={listing.priceFen} priceModel={listing.priceModel} />
        </p>
        <p className="text-sm">
          {t("offeredBy")}：
          <Link to={`/providers/${listing.providerId}`} className="link">
            {listing.providerName}
          </Link>
          <span className="ml-2 text-slate-500">{regionName(listing.providerRegion)}</span>
        </p>
      </header>
      <section className="card space-y-4">
        <div>
          <h2 className="mb-1 font-semibold">{t("listingScope")}</h2>
          <p className="whitespace-pre-line">{listing.scope}</p>
        </div>
        {listing.deliverables ? (
          <div>
            <h2 className="mb-1 font-semibold">{t("deliverables")}</h2>
            <p className="whitespace-pre-line">{listing.deliverables}</p>
          </div>
        ) : null}
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-slate-700">{t("listingRegions")}</dt>
            <dd>
              {listing.regionCodes.length
                ? joinNames(
                    listing.regionCodes.map((c) => regionName(c)),
                    lang,
                  )
                : t("anyRegion")}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">{t("industries")}</dt>
            <dd>
              {listing.industryCodes.length
                ? joinNames(
                    listing.industryCodes.map((c) => industryName(c, lang) ?? c),
                    lang,
                  )
                : t("anyIndustry")}
            </dd>
          </div>
          {listing.requiredQualificationType ? (
            <div>
              <dt className="font-medium text-slate-700">{t("requiredQualification")}</dt>
              <dd>
                {qualificationTypeName(listing.requiredQualificationType, lang)} · {t("inForce")}
              </dd>
            </div>
          ) : null}
        </dl>
        <Link to={`/providers/${listing.providerId}`} className="btn-secondary">
          {t("viewProvider")}
        </Link>
      </section>
    </article>
  );
}
