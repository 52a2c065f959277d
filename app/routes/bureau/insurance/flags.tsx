import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmSubmit } from "../../../components/expert-badges";
import { Field, SuccessNote, ValidatedForm } from "../../../components/forms";
import { ACCESS } from "../../../domain/access";
import { formatDateTime, shanghaiDateString } from "../../../domain/format";
import type { OversightFlag } from "../../../domain/oversight-flags";
import { toLanguage } from "../../../i18n/config";
import { FlagsQuerySchema, OversightSettingsSchema } from "../../../forms/oversight";
import { flagWindow, regionFlags, saveOversightConfig } from "../../../services/insurance-oversight.server";
import { requireAccess } from "../../../utils/access.server";
import { parseQuery, readFormData } from "../../../utils/form-data.server";
import { parseForm } from "../../../utils/forms";
import { orErrorPage } from "../../../utils/http.server";

export const meta: MetaFunction = () => [{ title: "服务异常线索 · 安服市集" }];

/** Flags over the region's visits in a window (default: the last 90 days) and the thresholds form. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { org, canEdit } = await requireAccess(request, context, ACCESS.insuranceOversight, "view");
  const query = parseQuery(FlagsQuerySchema, request);
  const today = shanghaiDateString(new Date());
  const result = await orErrorPage(async () =>
    regionFlags(context.db, org, { window: flagWindow(query, today), today }),
  );
  const flags = query.kind ? result.flags.filter((f) => f.kind === query.kind) : result.flags;
  return { ...result, flags, kind: query.kind ?? "", canEdit };
}

/** Saves the bureau's thresholds (managers only). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insuranceOversight, "edit");
  const parsed = parseForm(OversightSettingsSchema, await readFormData(request));
  if (!parsed.ok)
    return data({ fieldErrors: parsed.fieldErrors, values: parsed.values, saved: false }, { status: 400 });
  await saveOversightConfig(context.db, org, parsed.data, new Date());
  return { saved: true };
}

function VisitLink({
  id,
  visits,
}: {
  id: string;
  visits: Record<string, { enterpriseName: string; startedAt: string | Date }>;
}) {
  const { t, i18n } = useTranslation("oversight");
  const v = visits[id];
  return (
    <Link className="link" to={`/bureau/insurance/visits/${id}`}>
      {v
        ? t("flags.visitLink", {
            enterprise: v.enterpriseName,
            time: formatDateTime(new Date(v.startedAt), toLanguage(i18n.language)),
          })
        : id.slice(0, 8)}
    </Link>
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function FlagBody({ flag, d }: { flag: OversightFlag; d: Data }) {
  const { t } = useTranslation("oversight");
  const visitLinks = (ids: string[]) => (
    <ul className="mt-1 list-disc pl-5 text-sm">
      {ids.map((id) => (
        <li key={id}>
          <VisitLink id={id} visits={d.visits} />
        </li>
      ))}
    </ul>
  );
  switch (flag.kind) {
    case "photo_reused":
      return (
        <>
          <p>
            {t(`flags.match.${flag.match}`)} ·{" "}
            {t("flags.photoReused", {
              photos: flag.photoIds.length,
              visits: flag.visitIds.length,
              enterprises: flag.enterpriseIds.length,
            })}
          </p>
          {visitLinks(flag.visitIds)}
          <p className="mt-1 flex flex-wrap gap-2 text-sm">
            {flag.photoIds.map((p, i) => (
              <a key={p} className="link" href={`/bureau/insurance/visits/${p.replace("/", "/photos/")}`}>
                {t("flags.photoLink")} {i + 1}
              </a>
            ))}
          </p>
        </>
      );
    case "short_visit":
      return (
        <>
          <p>{t("flags.shortVisit", { minutes: flag.minutes, minimum: flag.minimumMinutes })}</p>
          {visitLinks(flag.visitIds)}
        </>
      );
    case "impossible_travel":
      return (
        <>
          <p>
            {t("flags.travel", {
              person: d.people[flag.personId] ?? t("flags.unknownPerson"),
              km: flag.distanceKm,
              hours: flag.hours,
            })}
            {flag.speedKmh === null ? t("flags.travelOverlap") : t("flags.travelSpeed", { speed: flag.speedKmh })}
          </p>
          {visitLinks(flag.visitIds)}
        </>
      );
    case "below_frequency": {
      const p = d.policies[flag.policyId];
      return (
        <>
          <p>
            {t("flags.belowFrequency", {
              service: t(`insurance:service.${flag.service}`),
              due: flag.dueCount,
              done: flag.doneCount,
            })}
          </p>
          <p className="text-sm">
            <Link className="link" to={`/bureau/insurance/policies/${flag.policyId}`}>
              {p ? `${p.insurerName} · ${p.enterpriseName} · ${p.policyNumber}` : flag.policyId.slice(0, 8)}
            </Link>
          </p>
        </>
      );
    }
  }
}

export default function OversightFlags() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("oversight");
  return (
    <div className="space-y-6">
      <header>
        <Link className="link text-sm" to="/bureau/insurance">
          {t("insurer.back")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("flags.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("flags.lead")}</p>
      </header>
      <Form method="get" className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="from" className="label">
            {t("flags.from")}
          </label>
          <input id="from" name="from" type="date" className="input" defaultValue={d.window.from} />
        </div>
        <div>
          <label htmlFor="to" className="label">
            {t("flags.to")}
          </label>
          <input id="to" name="to" type="date" className="input" defaultValue={d.window.to} />
        </div>
        <div>
          <label htmlFor="kind" className="label">
            {t("flags.kind")}
          </label>
          <select id="kind" name="kind" className="input" defaultValue={d.kind}>
            <option value="">{t("common:all")}</option>
            {(["photo_reused", "short_visit", "impossible_travel", "below_frequency"] as const).map((k) => (
              <option key={k} value={k}>
                {t(`flags.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("flags.apply")}
        </button>
      </Form>
      <section className="card" aria-labelledby="flags-title">
        <h2 id="flags-title" className="mb-3 text-lg font-semibold">
          {t("flags.count", { count: d.flags.length, from: d.window.from, to: d.window.to })}
        </h2>
        {d.flags.length === 0 ? (
          <p className="text-sm text-slate-500">{t("flags.none")}</p>
        ) : (
          <ul className="space-y-3">
            {d.flags.map((flag, i) => (
              <li key={i} className="rounded border border-amber-200 bg-amber-50 p-3" data-flag-kind={flag.kind}>
                <p className="font-semibold text-amber-900">{t(`flags.kinds.${flag.kind}`)}</p>
                <FlagBody flag={flag} d={d} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title" className="text-lg font-semibold">
          {t("settings.title")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("settings.lead")}</p>
        {result && "saved" in result && result.saved ? <SuccessNote>{t("settings.saved")}</SuccessNote> : null}
        {d.canEdit ? (
          <ValidatedForm schema={OversightSettingsSchema} className="max-w-md">
            {({ errors, values }) => (
              <>
                <Field
                  name="minVisitMinutes"
                  label={t("settings.minVisitMinutes")}
                  errors={errors}
                  inputMode="numeric"
                  defaultValue={values.minVisitMinutes ?? d.config.minVisitMinutes}
                />
                <Field
                  name="maxTravelKmh"
                  label={t("settings.maxTravelKmh")}
                  errors={errors}
                  inputMode="numeric"
                  defaultValue={values.maxTravelKmh ?? d.config.maxTravelKmh}
                />
                <Field
                  name="photoHammingMax"
                  label={t("settings.photoHammingMax")}
                  errors={errors}
                  inputMode="numeric"
                  defaultValue={values.photoHammingMax ?? d.config.photoHammingMax}
                />
                <ConfirmSubmit message={t("settings.confirm")}>{t("settings.save")}</ConfirmSubmit>
              </>
            )}
          </ValidatedForm>
        ) : (
          <dl className="text-sm">
            <dt>{t("settings.minVisitMinutes")}</dt>
            <dd className="mb-2 font-semibold">{d.config.minVisitMinutes}</dd>
            <dt>{t("settings.maxTravelKmh")}</dt>
            <dd className="mb-2 font-semibold">{d.config.maxTravelKmh}</dd>
            <dt>{t("settings.photoHammingMax")}</dt>
            <dd className="font-semibold">{d.config.photoHammingMax}</dd>
          </dl>
        )}
      </section>
    </div>
  );
}
