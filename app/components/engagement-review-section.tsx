import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../domain/format";
import { ClientReviewSchema, ProviderReviewSchema, ReviewReplySchema } from "../forms/credit";
import { toLanguage } from "../i18n/config";
import type { ReviewSectionData, ReviewView } from "../domain/reviews";
import type { FieldErrors } from "../utils/forms";
import { FormErrorMessage } from "./forms";
import { useValidatedFetcher } from "./validated-fetcher";

/** Exactly what loadReviewSection(db, { engagementId, orgId }) returns; spread it in. */
export type EngagementReviewSectionProps = ReviewSectionData;

/**
 * The review block of an engagement page. Its forms post to /engagements/:id/reviews with a
 * fetcher, so the engagement page's own action is untouched; Remix revalidates the page after.
 */
export function EngagementReviewSection(props: EngagementReviewSectionProps) {
  const { t, i18n } = useTranslation("credit");
  const lang = toLanguage(i18n.language);
  const windowEnd = props.windowClosesAt ? formatDateTime(new Date(props.windowClosesAt), lang) : "";
  return (
    <section className="card space-y-4" aria-labelledby="reviews-title" id="reviews">
      <h2 id="reviews-title" className="text-lg font-semibold">
        {t("section.title")}
      </h2>
      {!props.reviewable ? (
        <p className="text-sm text-slate-600">{t("section.notYet")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("section.blindNote", { date: windowEnd })}</p>
          {props.own ? <ReviewBlock title={t("section.yourReview")} review={props.own} /> : null}
          {props.canReview ? <ReviewForm engagementId={props.engagementId} side={props.viewerSide} /> : null}
          {!props.own && !props.canReview && props.refusal === "window_closed" ? (
            <p className="text-sm text-slate-600">{t("section.closed")}</p>
          ) : null}
          {props.other ? (
            <ReviewBlock title={t("section.theirReview")} review={props.other}>
              {props.canReply ? <ReplyForm engagementId={props.engagementId} /> : null}
            </ReviewBlock>
          ) : (
            <p className="text-sm text-slate-600">
              {props.otherSubmitted ? t("section.theirPending") : t("section.theirMissing")}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function ReviewBlock({ title, review, children }: { title: string; review: ReviewView; children?: ReactNode }) {
  const { t, i18n } = useTranslation("credit");
  const lang = toLanguage(i18n.language);
  const criteria = (["professionalism", "timeliness", "effect"] as const).filter((c) => review[c] !== null);
  return (
    <div className="rounded-md border border-slate-200 p-3">
      <h3 className="font-medium">
        {title}
        <span className="ml-2 text-xs font-normal text-slate-500">
          {review.publishedAt
            ? t("section.publishedAt", { date: formatDate(new Date(review.publishedAt), lang) })
            : t("section.hidden")}
        </span>
      </h3>
      <p className="mt-1 text-sm">
        {t("criteria.overall")} {t("scoreOf", { score: review.overall })}
        {criteria.map((c) => (
          <span key={c} className="ml-3 text-slate-600">
            {t(`criteria.${c}`)} {t("scoreOf", { score: review[c] })}
          </span>
        ))}
      </p>
      {review.body ? <p className="mt-1 whitespace-pre-line text-slate-800">{review.body}</p> : null}
      {review.reply ? (
        <div className="mt-2 rounded-md bg-slate-50 px-3 py-2 text-sm">
          <p className="font-medium text-slate-700">{t("providerReply")}</p>
          <p className="whitespace-pre-line">{review.reply}</p>
        </div>
      ) : null}
      {children}
    </div>
  );
}

function ScoreField({ name, label, errors }: { name: string; label: string; errors: FieldErrors }) {
  const { t } = useTranslation("credit");
  const error = errors[name];
  const errorId = `review-${name}-error`;
  return (
    <fieldset className="mb-3" aria-describedby={error ? errorId : undefined}>
      <legend className="label">{label}</legend>
      <div className="flex flex-wrap gap-3">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="inline-flex items-center gap-1 text-sm">
            <input type="radio" name={name} value={n} aria-invalid={error ? true : undefined} />
            {t("section.stars", { n })}
          </label>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {t(`errors:${error}`)}
        </p>
      ) : null}
    </fieldset>
  );
}

function ReviewForm({ engagementId, side }: { engagementId: string; side: "enterprise" | "provider" }) {
  const { t } = useTranslation("credit");
  const schema = side === "enterprise" ? ClientReviewSchema : ProviderReviewSchema;
  const { fetcher, errors, onSubmit, pending } = useValidatedFetcher(schema);
  return (
    <fetcher.Form
      method="post"
      action={`/engagements/${engagementId}/reviews`}
      noValidate
      onSubmit={onSubmit}
      className="rounded-md border border-slate-200 p-3"
    >
      <h3 className="mb-2 font-medium">
        {side === "enterprise" ? t("section.enterpriseFormTitle") : t("section.providerFormTitle")}
      </h3>
      {fetcher.data?.formError ? <FormErrorMessage error={fetcher.data.formError} /> : null}
      <input type="hidden" name="intent" value="submit" />
      {side === "enterprise" ? (
        <>
          <ScoreField name="professionalism" label={t("criteria.professionalism")} errors={errors} />
          <ScoreField name="timeliness" label={t("criteria.timeliness")} errors={errors} />
          <ScoreField name="effect" label={t("criteria.effect")} errors={errors} />
        </>
      ) : (
        <ScoreField name="overall" label={`${t("criteria.overall")}（${t("section.overallHint")}）`} errors={errors} />
      )}
      <label htmlFor={`review-body-${engagementId}`} className="label">
        {t("section.body")}
      </label>
      <textarea
        id={`review-body-${engagementId}`}
        name="body"
        rows={3}
        maxLength={2000}
        className="input"
        aria-invalid={errors.body ? true : undefined}
      />
      {errors.body ? <p className="field-error">{t(`errors:${errors.body}`)}</p> : null}
      <button type="submit" className="btn-primary mt-3" disabled={pending} aria-busy={pending}>
        {pending ? t("common:working") : t("section.submit")}
      </button>
    </fetcher.Form>
  );
}

function ReplyForm({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation("credit");
  const { fetcher, errors, onSubmit, pending } = useValidatedFetcher(ReviewReplySchema);
  const id = `review-reply-${engagementId}`;
  return (
    <fetcher.Form
      method="post"
      action={`/engagements/${engagementId}/reviews`}
      noValidate
      onSubmit={onSubmit}
      className="mt-3"
    >
      {fetcher.data?.formError ? <FormErrorMessage error={fetcher.data.formError} /> : null}
      <input type="hidden" name="intent" value="reply" />
      <label htmlFor={id} className="label">
        {t("section.replyLabel")}
      </label>
      <textarea
        id={id}
        name="reply"
        rows={2}
        maxLength={1000}
        className="input"
        aria-invalid={errors.reply ? true : undefined}
        aria-describedby={errors.reply ? `${id}-error` : undefined}
      />
      {errors.reply ? (
        <p id={`${id}-error`} className="field-error">
          {t(`errors:${errors.reply}`)}
        </p>
      ) : null}
      <button type="submit" className="btn-secondary mt-2" disabled={pending} aria-busy={pending}>
        {pending ? t("common:working") : t("section.replySubmit")}
      </button>
    </fetcher.Form>
  );
}
