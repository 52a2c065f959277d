import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ACCESS } from "../../domain/access";
import { shanghaiDateString } from "../../domain/format";
import { getTraining } from "../../services/training.server";
import { requireAccess } from "../../utils/access.server";
import { orErrorPage } from "../../utils/http.server";
import { uuidOrNotFound } from "../../utils/ids";

export const meta: MetaFunction = () => [{ title: "培训记录 · 安服市集" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { org } = await requireAccess(request, context, ACCESS.training, "view");
  return orErrorPage(async () => {
    const id = uuidOrNotFound(params.sessionId);
    const found = await getTraining(context.db, org, id, shanghaiDateString(new Date()));
    return found;
  });
}

export default function TrainingDetail() {
  const { session, enterpriseName, organiserName, groupName, materials } = useLoaderData<typeof loader>();
  const { t } = useTranslation("training");
  return (
    <div className="space-y-4">
      <Link to="/training" className="link text-sm">
        ← {t("training.back")}
      </Link>
      <header>
        <p className="text-sm text-slate-500">{t("training.detailTitle")}</p>
        <h1 className="text-2xl font-semibold">{session.topic}</h1>
      </header>
      <section className="card">
        <dl className="grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="label">{t("training.kind")}</dt>
            <dd>{t(`training.kinds.${session.kind}`)}</dd>
          </div>
          <div>
            <dt className="label">{t("training.heldOn")}</dt>
            <dd>
              {session.heldOn}
              {session.hours ? ` · ${t("training.hoursValue", { hours: session.hours })}` : ""}
            </dd>
          </div>
          <div>
            <dt className="label">{t("training.enterprise")}</dt>
            <dd>{enterpriseName ?? `${t("training.group")}：${groupName ?? ""}`}</dd>
          </div>
          <div>
            <dt className="label">{t("training.organiser")}</dt>
            <dd>{organiserName}</dd>
          </div>
          <div>
            <dt className="label">{t("training.attendeeCount")}</dt>
            <dd>{session.attendeeCount}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="materials-title">
        <h2 id="materials-title" className="mb-2 text-lg font-semibold">
          {t("training.materials")}
        </h2>
        {materials.length === 0 ? (
          <p className="text-sm text-slate-500">{t("training.noMaterials")}</p>
        ) : (
          <ul className="list-disc pl-5">
            {materials.map((f) => (
              <li key={f.id}>
                <a className="link" href={`/training/${session.id}/files/${f.id}`}>
                  {f.originalName}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card overflow-x-auto" aria-labelledby="attendees-title">
        <h2 id="attendees-title" className="mb-2 text-lg font-semibold">
          {t("training.attendeeList", { listed: session.attendees.length })}
        </h2>
        {session.attendees.length === 0 ? (
          <p className="text-sm text-slate-500">{t("training.noAttendeeList")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("training.name")}</th>
                <th scope="col">{t("training.role")}</th>
              </tr>
            </thead>
            <tbody>
              {session.attendees.map((a, i) => (
                <tr key={i}>
                  <td data-label="#">{i + 1}</td>
                  <td data-label={t("training.name")}>{a.name}</td>
                  <td data-label={t("training.role")}>{a.role ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
