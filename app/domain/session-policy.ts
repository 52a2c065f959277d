/**
 * Session lifetime rules (Lucia's design, with two limits):
 * - idle: a session unused for 12 hours ends;
 * - absolute: no session lives longer than 7 days, however busy.
 * To keep writes rare, the idle deadline is pushed forward at most once an hour.
 */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
const EXTEND_AFTER_MS = 60 * 60 * 1000;

export type SessionTimes = { createdAt: Date; idleExpiresAt: Date; absoluteExpiresAt: Date };

export function newSessionTimes(now: Date): SessionTimes {
  const absoluteExpiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  return {
    createdAt: now,
    idleExpiresAt: new Date(Math.min(now.getTime() + SESSION_IDLE_MS, absoluteExpiresAt.getTime())),
    absoluteExpiresAt,
  };
}

export type SessionVerdict =
  { status: "expired"; reason: "idle" | "absolute" } | { status: "valid" } | { status: "extend"; idleExpiresAt: Date };

export function judgeSession(session: SessionTimes, now: Date): SessionVerdict {
  const t = now.getTime();
  if (t >= session.absoluteExpiresAt.getTime()) return { status: "expired", reason: "absolute" };
  if (t >= session.idleExpiresAt.getTime()) return { status: "expired", reason: "idle" };
  const fresh = Math.min(t + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime());
  if (fresh - session.idleExpiresAt.getTime() >= EXTEND_AFTER_MS) {
    return { status: "extend", idleExpiresAt: new Date(fresh) };
  }
  return { status: "valid" };
}
