import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMAIL_RETENTION_DAYS, READ_IN_APP_RETENTION_DAYS, retentionCutoffs } from "./notification-retention";
import { dueQualificationReminder, MAIL_RETRY_MINUTES } from "./notification-types";

const day = (iso: string, offset: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

describe("notification retention (docs/architecture.md, Notifications: digest and retention)", () => {
  it.each<[string, string, string]>([
    ["2026-12-03T17:00:00Z", "2026-06-06T17:00:00.000Z", "2026-09-04T17:00:00.000Z"],
    ["2027-03-01T00:00:00Z", "2026-09-02T00:00:00.000Z", "2026-12-01T00:00:00.000Z"],
  ])("at %s read in-app rows before %s and mail before %s go", (now, readInApp, email) => {
    const cut = retentionCutoffs(new Date(now));
    expect(cut.readInApp.toISOString()).toBe(readInApp);
    expect(cut.email.toISOString()).toBe(email);
  });

  it("keeps in-app rows at least as long as mail, and both for months", () => {
    expect(READ_IN_APP_RETENTION_DAYS).toBeGreaterThanOrEqual(EMAIL_RETENTION_DAYS);
    expect(EMAIL_RETENTION_DAYS).toBeGreaterThanOrEqual(60);
  });

  it("a mail's retries end long before its row may go", () => {
    const retryMinutes = MAIL_RETRY_MINUTES.reduce((a, b) => a + b, 0);
    expect(retryMinutes / (24 * 60)).toBeLessThan(EMAIL_RETENTION_DAYS);
  });

  // The event key of a qualification reminder is the only one that fires on a schedule: once
  // its row is gone, the key could notify again — so no reminder may fall due that late.
  it("no qualification reminder falls due once the rows of its first reminder may be pruned", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: -60, max: 60 }),
        (validToOffset, todayOffset) => {
          const validTo = day("2024-01-01", validToOffset);
          const today = day(validTo, todayOffset);
          const due = dueQualificationReminder(validTo, today);
          if (due === null) return true;
          // Every day on which a reminder of this certificate can be due lies within 40 days.
          return todayOffset >= -40 && todayOffset <= 40 && 40 < EMAIL_RETENTION_DAYS;
        },
      ),
    );
  });
});
