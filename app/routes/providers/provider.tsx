import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CategoryList } from "../../components/category-checkboxes";
import { joinNames, ListingPrice } from "../../components/listing-bits";
import { industryName } from "../../domain/industries";
import { qualificationTypeName } from "../../domain/qualification-types";
import { regionNamesOf } from "../../domain/regions";
import { categoryLabel } from "../../domain/service-categories";
import { IdSchema } from "../../forms/provider";
import { toLanguage } from "../../i18n/config";
import { getPublicProviderProfile } from "../../services/providers.server";
import { orErrorPage } from "../../utils/http.server";
import { shanghaiDateString } from "../../domain/format";
import { SpecialtyBadges, useExpertLabels } from "../../components/expert-badges";

/** Public: anyone may read a provider's published profile; nothing private is loaded. */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const id = IdSchema.safeParse(params.providerId);
  if (!id.success) throw data({ messageKey: "not_found" }, { status: 404 });
  const found = await orErrorPage(() =>
    getPublicProviderProfile(context.db, { providerId: id.data, today: shanghaiDateString(new Date()) }),
  );
  return { ...found, regionNames: regionNamesOf([found.org.regionCode, ...(found.profile?.regionCodes ?? [])]) };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.org.name} · 安服市集` : "安服市集" },
];

export default function PublicProviderPage() {
  const { org, profile, experts, qualifications, listings, today, regionNames } = useLoaderData<typeof loader>();
  const expertLabel = useExpertLabels();
  const regionName = (code: string) => regionNames[code] ?? "";
  const { t, i18n } = useTranslation("provider");
  const lang = toLanguage(i18n.language);
  const regions = profile?.regionCodes ?? [];
  const industries = profile?.industryCodes ?? [];
  return (
    <div className="space-y-6">
      <header className="card space-y-2">
        <h1 className="text-2xl font-semibold">{org.name}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          {t("publicIntro", { region: regionName(org.regionCode), staff: profile?.staffCount ?? 0 })}
          {org.verificationStatus === "verified" ? (
            <span className="badge bg-brand-50 text-brand-700">{t("common:verification.verified")}</span>
          ) : (
            <span className="badge bg-amber-50 text-amber-800">{t("unverifiedOrg")}</span>
          )}
          {profile?.creditGrade ? (
            <Link
              to={`/credit/${org.id}`}
              className="badge bg-sky-50 text-sky-800"
              aria-label={`${t("creditGrade", { grade: profile.creditGrade })} · ${t("creditDetails")}`}
            >
              {t("creditGrade", { grade: profile.creditGrade })}
            </Link>
          ) : null}
        </p>
        {profile?.categories.length ? <CategoryList codes={profile.categories} /> : null}
        {profile?.description ? <p className="whitespace-pre-line text-slate-800">{profile.description}</p> : null}
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="font-medium text-slate-700">{t("regionsServed")}</dt>
            <dd>
              {regions.length
                ? joinNames(
                    regions.map((c) => regionName(c)),
                    lang,
                  )
                : t("anyRegion")}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">{t("industries")}</dt>
            <dd>
              {industries.length
                ? joinNames(
                    industries.map((c) => industryName(c, lang) ?? c),
                    lang,
                  )
                : t("anyIndustry")}
            </dd>
          </div>
          {profile?.contactName || profile?.contactPhone || profile?.contactEmail ? (
            <div>
              <dt className="font-medium text-slate-700">{t("contact")}</dt>
              <dd>{[profile.contactName, profile.contactPhone, profile.contactEmail].filter(Boolean).join(" · ")}</dd>
            </div>
          ) : null}
        </dl>
      </header>

      <section className="card" aria-labelledby="listings-heading">
        <h2 id="listings-heading" className="mb-3 text-lg font-semibold">
          {t("listingsOffered")}
        </h2>
        {listings.length === 0 ? (
          <p className="text-slate-500">{t("noVisibleListings")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {listings.map((l) => (
              <li key={l.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <span>
                  <Link to={`/listings/${l.id}`} className="link font-medium">
                    {l.title}
                  </Link>
                  <span className="ml-2 text-xs text-slate-500">{categoryLabel(l.category, lang)}</span>
                </span>
                <ListingPrice priceFen={l.priceFen} priceModel={l.priceModel} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card overflow-x-auto" aria-labelledby="qualifications-heading">
        <h2 id="qualifications-heading" className="mb-3 text-lg font-semibold">
          {t("verifiedQualifications")}
        </h2>
        {qualifications.length === 0 ? (
          <p className="text-slate-500">{t("noVerifiedQualifications")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("qualificationType")}</th>
                <th scope="col">{t("certificateNo")}</th>
                <th scope="col">{t("issuer")}</th>
                <th scope="col">{t("validity")}</th>
              </tr>
            </thead>
            <tbody>
              {qualifications.map((q) => (
                <tr key={q.id}>
                  <td data-label={t("qualificationType")}>{qualificationTypeName(q.type, lang)}</td>
                  <td data-label={t("certificateNo")} className="font-mono text-xs">
                    {q.certificateNo}
                  </td>
                  <td data-label={t("issuer")}>{q.issuer}</td>
                  <td data-label={t("validity")} className="whitespace-nowrap">
                    {t("validityRange", { from: q.validFrom, to: q.validTo })}{" "}
                    {q.inForce ? (
                      <span className="badge bg-brand-50 text-brand-700">{t("inForce")}</span>
                    ) : (
                      <span className="badge bg-red-50 text-red-800">
                        {q.validFrom > today ? t("notYetValid") : t("expired")}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {experts.length ? (
        <section className="card" aria-labelledby="experts-heading">
          <h2 id="experts-heading" className="mb-3 text-lg font-semibold">
            {t("expertsTitle")}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-2">
            {experts.map((e) => (
              <li key={e.id} className="rounded border border-slate-200 p-3 text-sm">
                <p className="font-medium">
                  <Link to={`/experts/${e.id}`} className="link">
                    {e.name}
                  </Link>
                  <span className="ml-2 text-slate-600">
                    {[expertLabel.title(e.title), expertLabel.level(e.safetyEngineerLevel)].filter(Boolean).join(" · ")}
                  </span>
                </p>
                <SpecialtyBadges codes={e.specialties} />
                {e.certificateNo ? (
                  <p className="font-mono text-xs text-slate-500">
                    {t("expertCertificate")}：{e.certificateNo}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
