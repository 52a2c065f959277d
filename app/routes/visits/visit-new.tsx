import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrorMessage } from "../../components/forms";
import { ACCESS } from "../../domain/access";
import type { IsoDate } from "../../domain/calendar-date";
import { shanghaiDateString } from "../../domain/format";
import { toLanguage } from "../../i18n/config";
import { templateChoices } from "../../services/checklists.server";
import { parseUploadForm } from "../../services/files.server";
import { recordVisit } from "../../services/insurance-visit-record.server";
import { getPlanItem } from "../../services/insurance-visits.server";
import { requireAccess } from "../../utils/access.server";
import { AppError, notFound } from "../../utils/errors";
import { errorResponse, orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "记录上门服务 · 安服市集" }];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A datetime-local value read as Beijing time; null when it is not one. */
function beijingTime(value: FormDataEntryValue | null): Date | null {
  const s = typeof value === "string" ? value.trim() : "";
  if (!LOCAL_TIME.test(s)) return null;
  const d = new Date(`${s}:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A moment as a datetime-local value in Beijing time. */
function beijingLocal(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
}

function returnOfParam(request: Request): string | null {
  const v = new URL(request.url).searchParams.get("returnOf");
  return v && UUID.test(v) ? v : null;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.insurerDesk, "edit");
  const view = await orErrorPage(() =>
    getPlanItem(context.db, org.id, uuidOrNotFound(params.itemId), shanghaiDateString(new Date()) as IsoDate),
  );
  const returnOf = returnOfParam(request);
  if (returnOf && !view.returnVisitsDue.some((d) => d.visitId === returnOf)) errorResponse(notFound());
  return {
    item: { id: view.item.id, service: view.item.service, sequence: view.item.sequence },
    enterprise: view.enterprise,
    staff: view.staff,
    checking: view.checking && !returnOf,
    returnOf,
    templates: await templateChoices(context.db, org.id),
    // The form proposes the hour just past (Beijing time): a record is written after the visit.
    defaultStart: beijingLocal(new Date(Date.now() - 3600_000)),
    defaultEnd: beijingLocal(new Date()),
  };
}

type ActionResult = { formError: { key: string; params?: Record<string, string | number> } };
const fail = (key: string, status = 422) => data<ActionResult>({ formError: { key } }, { status });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, org } = await requireAccess(request, context, ACCESS.insurerDesk, "edit");
  let itemId: string;
  try {
    itemId = uuidOrNotFound(params.itemId);
  } catch (error) {
    errorResponse(error);
  }
  let form: FormData;
  try {
    form = await parseUploadForm(request);
  } catch (error) {
    if (error instanceof AppError)
      return data<ActionResult>({ formError: { key: error.messageKey } }, { status: error.status });
    throw error;
  }
  const startedAt = beijingTime(form.get("startedAt"));
  const endedAt = beijingTime(form.get("endedAt"));
  if (!startedAt || !endedAt) return fail("visits:errors.invalid_time");
  const latRaw = String(form.get("lat") ?? "").trim();
  const lngRaw = String(form.get("lng") ?? "").trim();
  const lat = latRaw ? Number(latRaw) : null;
  const lng = lngRaw ? Number(lngRaw) : null;
  if (
    (lat === null) !== (lng === null) ||
    (lat !== null && (!Number.isFinite(lat) || Math.abs(lat) > 90)) ||
    (lng !== null && (!Number.isFinite(lng) || Math.abs(lng) > 180))
  ) {
    return fail("visits:errors.invalid_position");
  }
  const staffUserIds = [...new Set(form.getAll("staffUserIds").map(String))];
  if (staffUserIds.some((id) => !UUID.test(id))) return fail("visits:errors.not_staff");
  const staffNames = String(form.get("staffNames") ?? "")
    .split(/[\n,，、]/)
    .map((s) => s.trim().slice(0, 60))
    .filter(Boolean)
    .slice(0, 30);
  const photos = form.getAll("photos").filter((v): v is File => v instanceof File && v.size > 0);
  const returnOf = returnOfParam(request);
  let returnInput;
  if (returnOf) {
    const satisfaction = Number(form.get("satisfaction"));
    if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5) {
      return fail("visits:errors.satisfaction_range");
    }
    returnInput = {
      visitId: returnOf,
      fixVerified: form.get("fixVerified") === "yes",
      satisfaction,
      comments: String(form.get("comments") ?? "").slice(0, 2000),
    };
  }
  const templateKey = String(form.get("templateKey") ?? "").trim() || undefined;
  try {
    const { visit, inspectionId } = await recordVisit(
      context.db,
      context.env,
      { orgId: org.id, userId: user.id, orgKind: "insurer", regionCode: org.regionCode },
      {
        itemId,
        startedAt,
        endedAt,
        place: String(form.get("place") ?? "").slice(0, 300),
        lat,
        lng,
        staffUserIds,
        staffNames,
        summary: String(form.get("summary") ?? "").slice(0, 4000),
        photos,
        templateKey,
        returnOf: returnInput,
        now: new Date(),
      },
    );
    return redirect(inspectionId ? `/inspections/${inspectionId}` : `/insurer/visits/${visit.id}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.status === 404) errorResponse(error);
    return data<ActionResult>({ formError: { key: error.messageKey, params: error.params } }, { status: error.status });
  }
}

export default function NewVisitPage() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const busy = useNavigation().state !== "idle";
  const { t, i18n } = useTranslation("visits");
  const lang = toLanguage(i18n.language);
  const title = view.returnOf ? t("visits:visit.returnTitle") : t("visits:visit.title");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to={`/insurer/plan-items/${view.item.id}`} className="link text-sm">
        {t("visits:item.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="text-slate-600">
          {t("visits:item.title", {
            service: t(`insurance:service.${view.item.service}`),
            sequence: view.item.sequence,
          })}{" "}
          · {view.enterprise.name}
        </p>
      </header>
      <Form method="post" encType="multipart/form-data" className="card space-y-4">
        {result ? <FormErrorMessage error={result.formError} /> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="block">
            <span className="text-sm">{t("visits:visit.start")}</span>
            <input type="datetime-local" name="startedAt" required className="input" defaultValue={view.defaultStart} />
          </label>
          <label className="block">
            <span className="text-sm">{t("visits:visit.end")}</span>
            <input type="datetime-local" name="endedAt" required className="input" defaultValue={view.defaultEnd} />
          </label>
        </div>
        <label className="block">
          <span className="text-sm">{t("visits:visit.place")}</span>
          <input name="place" required maxLength={300} className="input" defaultValue={view.enterprise.address} />
        </label>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="text-sm">{t("visits:visit.position")}</legend>
          <label className="block">
            <span className="text-sm">{t("visits:visit.lat")}</span>
            <input name="lat" inputMode="decimal" className="input" />
          </label>
          <label className="block">
            <span className="text-sm">{t("visits:visit.lng")}</span>
            <input name="lng" inputMode="decimal" className="input" />
          </label>
        </fieldset>
        <fieldset>
          <legend className="text-sm">{t("visits:visit.staffMembers")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {view.staff.map((s) => (
              <label key={s.id} className="inline-flex items-center gap-1">
                <input type="checkbox" name="staffUserIds" value={s.id} />
                {s.name}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block">
          <span className="text-sm">{t("visits:visit.staffNames")}</span>
          <textarea name="staffNames" rows={2} className="input" />
        </label>
        <label className="block">
          <span className="text-sm">{t("visits:visit.summary")}</span>
          <textarea name="summary" rows={4} maxLength={4000} className="input" />
        </label>
        {view.checking ? (
          <label className="block">
            <span className="text-sm">{t("visits:visit.template")}</span>
            <select name="templateKey" className="input" required defaultValue="general_industry_trade">
              {view.templates.map((tpl) => (
                <option key={tpl.value} value={tpl.value}>
                  {lang === "en" ? tpl.en : tpl.zh}
                </option>
              ))}
            </select>
            <span className="text-xs text-slate-500">{t("visits:visit.templateHint")}</span>
          </label>
        ) : null}
        {view.returnOf ? (
          <div className="space-y-3">
            <fieldset>
              <legend className="text-sm">{t("visits:visit.fixVerified")}</legend>
              <label className="mr-4 inline-flex items-center gap-1">
                <input type="radio" name="fixVerified" value="yes" defaultChecked /> {t("visits:visit.yes")}
              </label>
              <label className="inline-flex items-center gap-1">
                <input type="radio" name="fixVerified" value="no" /> {t("visits:visit.no")}
              </label>
            </fieldset>
            <label className="block">
              <span className="text-sm">{t("visits:visit.satisfaction")}</span>
              <select name="satisfaction" className="input" defaultValue="5">
                {[5, 4, 3, 2, 1].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label className="block">
              <span className="text-sm">{t("visits:visit.comments")}</span>
              <textarea name="comments" rows={2} maxLength={2000} className="input" />
            </label>
          </div>
        ) : null}
        <label className="block">
          <span className="text-sm">{t("visits:visit.photos")}</span>
          <input type="file" name="photos" multiple accept="image/jpeg,image/png" className="block w-full text-sm" />
          <span className="text-xs text-slate-500">{t("visits:visit.photosHint")}</span>
        </label>
        <button type="submit" className="btn-primary" disabled={busy}>
          {view.returnOf ? t("visits:visit.submitReturn") : t("visits:visit.submit")}
        </button>
      </Form>
    </div>
  );
}
