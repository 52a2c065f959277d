import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MAIL_MAX_ATTEMPTS,
  MESSAGE_BATCH_MINUTES,
  NOTIFICATION_TYPE_NAMES,
  NOTIFICATION_TYPES,
  dueQualificationReminder,
  effectiveMode,
  messageBatchKey,
  nextMailAttempt,
} from "./notification-types";
import { resources } from "../i18n/resources";

describe("qualification reminders (30 and 7 days before validTo, then the day listings hide)", () => {
  // Listings hide the day after validTo (listing-visibility.ts: expired when validTo < today).
  it.each([
    ["2026-06-30", "2026-05-30", null, "31 days left: nothing yet"],
    ["2026-06-30", "2026-05-31", "30", "30 days left"],
    ["2026-06-30", "2026-06-15", "30", "15 days left: the 30-day reminder (sent once by its key)"],
    ["2026-06-30", "2026-06-23", "7", "7 days left"],
    ["2026-06-30", "2026-06-30", "7", "last valid day"],
    ["2026-06-30", "2026-07-01", "hidden", "the day the listings hide"],
    ["2026-06-30", "2026-07-03", "hidden", "a schedule down for two days still tells"],
    ["2026-06-30", "2026-07-04", null, "long expired: no more reminders"],
  ])("validTo %s seen on %s → %s (%s)", (validTo, today, expected, _why) => {
    expect(dueQualificationReminder(validTo, today)).toBe(expected);
  });
});

describe("mail retries", () => {
  it("waits longer after each failure and gives up after the last try", () => {
    const now = new Date("2026-05-20T00:00:00Z");
    const waits = [1, 2, 3, 4].map((n) => nextMailAttempt(n, now)!.getTime() - now.getTime());
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(new Set(waits).size).toBe(4);
    expect(nextMailAttempt(MAIL_MAX_ATTEMPTS, now)).toBeNull();
  });
});

describe("message batching", () => {
  it("gives at most one key per thread within any window and a new one after it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 2 * MESSAGE_BATCH_MINUTES * 60_000 }),
        (t0, dt) => {
          const a = messageBatchKey("e1", new Date(t0));
          const b = messageBatchKey("e1", new Date(t0 + dt));
          if (dt >= MESSAGE_BATCH_MINUTES * 60_000) expect(a).not.toBe(b);
          expect(messageBatchKey("e2", new Date(t0))).not.toBe(a);
        },
      ),
    );
  });
});

describe("the catalogue", () => {
  it("has a zh-CN and an en label, title and body for every type", () => {
    for (const lang of ["zh-CN", "en"] as const) {
      const types = resources[lang].notifications.types as Record<string, Record<string, string>>;
      for (const type of NOTIFICATION_TYPE_NAMES) {
        expect(Object.keys(types[type] ?? {}).sort(), `${lang} ${type}`).toEqual(["body", "label", "title"]);
      }
    }
  });

  it("lets the user's choice override the type's default", () => {
    expect(effectiveMode("quote_received", undefined)).toBe(NOTIFICATION_TYPES.quote_received.defaultMode);
    expect(effectiveMode("quote_received", "digest")).toBe("digest");
  });
});
