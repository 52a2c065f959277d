/**
 * Response-time targets of remote guidance (远程指导), issue 8: each channel has a target for
 * the first answer (e.g. within 2 hours for the 24-hour guidance that the Qingdao "6+3" model
 * lists among an insurer's services, 24小时远程指导), and the threads that breach it are shown.
 *
 * Targets run on the clock, not on working hours: 24-hour guidance promises an answer at any
 * hour, and the slower channels are measured in whole days so that nights and weekends do not
 * need a holiday calendar. A thread breaches when it is still unanswered at its due time, or
 * was first answered after it (kept, so monthly reports count late answers too).
 */

export const GUIDANCE_CHANNELS = ["guidance_24h", "insurer", "provider", "expert"] as const;
export type GuidanceChannel = (typeof GUIDANCE_CHANNELS)[number];

/** Minutes to the first answer, per channel (the default; an organisation may promise faster). */
export const FIRST_RESPONSE_TARGET_MINUTES: Record<GuidanceChannel, number> = {
  guidance_24h: 120,
  insurer: 24 * 60,
  provider: 24 * 60,
  expert: 48 * 60,
};

export const GUIDANCE_CHANNEL_LABELS: Record<GuidanceChannel, { zh: string; en: string }> = {
  guidance_24h: { zh: "24小时远程指导（2小时内首次答复）", en: "24-hour guidance (first answer within 2 h)" },
  insurer: { zh: "保险机构远程指导（24小时内答复）", en: "Insurer guidance (answer within 24 h)" },
  provider: { zh: "服务机构远程指导（24小时内答复）", en: "Provider guidance (answer within 24 h)" },
  expert: { zh: "专家远程指导（48小时内答复）", en: "Expert guidance (answer within 48 h)" },
};

export type GuidanceThread = {
  id: string;
  channel: GuidanceChannel;
  openedAt: Date;
  /** The first message from the answering side, or null. */
  firstAnsweredAt: Date | null;
  /** A target agreed for this thread, overriding the channel's default (minutes). */
  targetMinutes?: number;
};

export type ResponseState = "waiting" | "met" | "breached_waiting" | "answered_late";

export type ResponseStatus = {
  state: ResponseState;
  dueAt: Date;
  /** Minutes past due (so far, or at the answer); 0 when in time. */
  lateMinutes: number;
};

const MINUTE = 60_000;

export function responseStatus(thread: GuidanceThread, now: Date): ResponseStatus {
  const target = thread.targetMinutes ?? FIRST_RESPONSE_TARGET_MINUTES[thread.channel];
  const dueAt = new Date(thread.openedAt.getTime() + target * MINUTE);
  const late = (at: Date) => Math.max(0, Math.floor((at.getTime() - dueAt.getTime()) / MINUTE));
  if (thread.firstAnsweredAt) {
    const inTime = thread.firstAnsweredAt.getTime() <= dueAt.getTime();
    return { state: inTime ? "met" : "answered_late", dueAt, lateMinutes: late(thread.firstAnsweredAt) };
  }
  // At the due instant itself the answer is still in time.
  const overdue = now.getTime() > dueAt.getTime();
  return { state: overdue ? "breached_waiting" : "waiting", dueAt, lateMinutes: overdue ? late(now) : 0 };
}

export function isBreach(status: ResponseStatus): boolean {
  return status.state === "breached_waiting" || status.state === "answered_late";
}

/** The breaching threads, still-waiting first, then the latest. */
export function breachedThreads(
  threads: readonly GuidanceThread[],
  now: Date,
): Array<GuidanceThread & { status: ResponseStatus }> {
  return threads
    .map((thread) => ({ ...thread, status: responseStatus(thread, now) }))
    .filter((t) => isBreach(t.status))
    .sort(
      (a, b) =>
        Number(b.status.state === "breached_waiting") - Number(a.status.state === "breached_waiting") ||
        b.status.lateMinutes - a.status.lateMinutes,
    );
}

/** Share of answered threads that were answered in time, in basis points (null: none answered). */
export function onTimeRateBp(threads: readonly GuidanceThread[], now: Date): number | null {
  const answered = threads.filter((t) => t.firstAnsweredAt !== null);
  if (answered.length === 0) return null;
  const met = answered.filter((t) => responseStatus(t, now).state === "met").length;
  return Math.floor((met * 10_000) / answered.length);
}
