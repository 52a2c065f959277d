import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attendeesFromSheet,
  checkupProgress,
  checkupState,
  mayRecordTraining,
  parseAttendeeLines,
  summariseCoverage,
  TRAINING_KINDS,
  usccsFromSheet,
} from "./training";

describe("attendee lists (pasted lines and sheets)", () => {
  it("reads name, role and USCC with any of the usual separators; blank lines keep their numbers", () => {
    const parsed = parseAttendeeLines("张三\n\n李四，班组长\n王五\t电工\t91330702mA2a00000X\n" + "长".repeat(61));
    expect(parsed.attendees).toEqual([
      { name: "张三" },
      { name: "李四", role: "班组长" },
      { name: "王五", role: "电工", uscc: "91330702MA2A00000X" },
    ]);
    expect(parsed.errors).toEqual([{ row: 5, code: "name_too_long" }]);
  });

  it("skips a header row of a sheet and counts rows as Excel does", () => {
    const parsed = attendeesFromSheet([
      ["姓名", "岗位"],
      ["甲", ""],
      ["", ""],
      ["乙", "x", "123"],
    ]);
    expect(parsed.attendees).toEqual([{ name: "甲" }]);
    expect(parsed.errors).toEqual([{ row: 4, code: "uscc_invalid_shape" }]);
  });
});

describe("who may record training (decision 022)", () => {
  const E = "e";
  it.each([
    [{ kind: "enterprise", id: E }, { enterpriseId: E, relates: true }, true],
    [{ kind: "enterprise", id: "other" }, { enterpriseId: E, relates: false }, false],
    [{ kind: "provider", id: "p" }, { enterpriseId: E, relates: true }, true],
    [{ kind: "provider", id: "p" }, { enterpriseId: E, relates: false }, false],
    [{ kind: "insurer", id: "i" }, { enterpriseId: E, relates: true }, true],
    [{ kind: "group", id: "g" }, { enterpriseId: E, relates: true }, true],
    [{ kind: "bureau", id: "b" }, { enterpriseId: E, relates: true }, false],
    [{ kind: "platform", id: "x" }, { enterpriseId: E, relates: true }, false],
    [{ kind: "group", id: "g" }, { groupId: "g" }, true],
    [{ kind: "group", id: "g" }, { groupId: "h" }, false],
    [{ kind: "provider", id: "g" }, { groupId: "g" }, false],
  ] as const)("%j for %j → %s", (actor, target, expected) => {
    expect(mayRecordTraining(actor, target)).toBe(expected);
  });
});

describe("summariseCoverage", () => {
  const session = fc.record({
    kind: fc.constantFrom(...TRAINING_KINDS),
    hours: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
    attendeeCount: fc.integer({ min: 0, max: 500 }),
  });
  it("all-staff parts never exceed the totals, and totals add up", () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 30 }), (sessions) => {
        const c = summariseCoverage(sessions);
        expect(c.sessions).toBe(sessions.length);
        expect(c.attendees).toBe(sessions.reduce((s, x) => s + x.attendeeCount, 0));
        expect(c.allStaffSessions).toBeLessThanOrEqual(c.sessions);
        expect(c.allStaffAttendees).toBeLessThanOrEqual(c.attendees);
      }),
    );
  });
  it("a shared session counts only with the enterprise's own attendees", () => {
    const c = summariseCoverage([
      { kind: "exchange_meeting", hours: 3, attendeeCount: 40, sharedAttendeesFromEnterprise: 2 },
      { kind: "all_staff", hours: 2, attendeeCount: 40, sharedAttendeesFromEnterprise: 0 },
    ]);
    expect(c).toEqual({
      sessions: 1,
      allStaffSessions: 0,
      attendees: 2,
      allStaffAttendees: 0,
      hours: 3,
      sharedSessions: 1,
    });
  });
});

describe("check-up lists and progress", () => {
  it("reads USCCs from the first column or the headed one, with Excel row numbers", () => {
    expect(
      usccsFromSheet([
        ["名称", "统一社会信用代码"],
        ["甲", " 91330702mA2a00000x "],
        ["", ""],
        ["乙", "X"],
      ]),
    ).toEqual([
      { row: 2, uscc: "91330702MA2A00000X" },
      { row: 4, uscc: "X" },
    ]);
    expect(usccsFromSheet([["91330702MA2A00000X"], ["91330702MA2A00001X"]]).map((r) => r.row)).toEqual([1, 2]);
  });
  it("counts done and issued plans", () => {
    const places = [
      { inspectionId: null, planIssuedAt: null },
      { inspectionId: "i", planIssuedAt: null },
      { inspectionId: "j", planIssuedAt: "2026-06-01T00:00:00Z" },
    ];
    expect(checkupProgress(places)).toEqual({ planned: 3, done: 2, plansIssued: 1, doneBp: 6666 });
    expect(places.map(checkupState)).toEqual(["planned", "inspected", "plan_issued"]);
    expect(checkupProgress([])).toMatchObject({ doneBp: 0 });
  });
});
