import { describe, expect, it } from "vitest";
import {
  availableHazardEvents,
  HAZARD_ACTORS,
  HAZARD_EVENTS,
  HAZARD_GRADES,
  HAZARD_STATES,
  hazardEventNeeds,
  hazardRolesOf,
  hazardTransition,
  isOverdue,
  isSelfReported,
  majorHazardRecipients,
  majorReportState,
  notABasisForPenalty,
  overdueDays,
  type HazardActor,
  type HazardGrade,
  type HazardState,
} from "./hazard-machine";

/**
 * The expected loop written out by hand from issue 8 ("open → rectifying → rectified (evidence
 * required) → verified (by the finder's side or a return visit) → closed") and the choices of
 * docs/decisions/013-inspection-rules.md. [state, event, to, actors for general, actors for major].
 */
const LEGAL: Array<[HazardState, string, HazardState, HazardActor[], HazardActor[]]> = [
  ["open", "start_rectification", "rectifying", ["enterprise"], ["enterprise"]],
  ["open", "rectify_on_spot", "rectified", ["enterprise"], []], // 立查立改: general hazards only
  ["rectifying", "submit_rectification", "rectified", ["enterprise"], ["enterprise"]],
  ["rectified", "verify", "verified", ["finder", "bureau"], ["finder", "bureau"]],
  ["rectified", "reject_rectification", "rectifying", ["finder", "bureau"], ["finder", "bureau"]],
  ["verified", "close", "closed", ["finder", "bureau", "system"], ["bureau"]], // major: 销号 by the bureau
];
const NEEDS_EVIDENCE = new Set(["rectify_on_spot", "submit_rectification"]);
const NEEDS_NOTE = new Set(["verify", "reject_rectification"]);

const combos = HAZARD_STATES.flatMap((state) =>
  HAZARD_EVENTS.flatMap((event) =>
    HAZARD_ACTORS.flatMap((actor) => HAZARD_GRADES.map((grade) => [state, event, actor, grade] as const)),
  ),
);

describe("hazard machine: every state × event × actor × grade", () => {
  it("knows exactly the events of the expected loop", () => {
    expect([...HAZARD_EVENTS].sort()).toEqual([...new Set(LEGAL.map(([, e]) => e))].sort());
  });

  it.each(combos)("%s + %s by %s (%s)", (state, event, actor, grade) => {
    const edge = LEGAL.find(([s, e]) => s === state && e === event);
    const got = hazardTransition(state, event, actor, { grade, evidenceCount: 2, note: "整改到位" });
    if (!edge) return expect(got).toEqual({ ok: false, code: "illegal_transition" });
    const allowed = grade === "major" ? edge[4] : edge[3];
    if (allowed.includes(actor)) return expect(got).toEqual({ ok: true, to: edge[2] });
    expect(got.ok).toBe(false);
    // Refusals name the actual rule: wrong actor, or a major-hazard restriction.
    if (edge[3].includes(actor)) expect(["major_needs_bureau", "general_only"]).toContain(!got.ok && got.code);
    else expect(got).toEqual({ ok: false, code: "actor_not_allowed" });
  });

  it("refuses names outside the graph, including prototype keys", () => {
    for (const event of ["approve", "toString", "__proto__", "constructor"]) {
      expect(hazardTransition("open", event, "enterprise", { grade: "general" })).toEqual({
        ok: false,
        code: "illegal_transition",
      });
    }
  });
});

describe("what each edge requires (issue 8: a hazard cannot be closed without evidence and verification)", () => {
  const cases: Array<[string, HazardState, string, HazardActor, HazardGrade, number, string | null, string]> = [
    [
      "rectified needs evidence",
      "rectifying",
      "submit_rectification",
      "enterprise",
      "general",
      0,
      null,
      "evidence_required",
    ],
    ["one file is enough", "rectifying", "submit_rectification", "enterprise", "major", 1, null, "ok:rectified"],
    [
      "on-the-spot fix needs evidence",
      "open",
      "rectify_on_spot",
      "enterprise",
      "general",
      0,
      null,
      "evidence_required",
    ],
    ["no on-the-spot fix of a major hazard", "open", "rectify_on_spot", "enterprise", "major", 3, null, "general_only"],
    ["verification needs a note", "rectified", "verify", "finder", "general", 0, null, "note_required"],
    ["a blank note is no note", "rectified", "verify", "bureau", "major", 0, "  \n ", "note_required"],
    ["return visit by the bureau", "rectified", "verify", "bureau", "major", 0, "复查：已更换防爆电机", "ok:verified"],
    ["sending back needs a reason", "rectified", "reject_rectification", "finder", "general", 0, "", "note_required"],
    [
      "the enterprise cannot verify itself",
      "rectified",
      "verify",
      "enterprise",
      "general",
      0,
      "ok",
      "actor_not_allowed",
    ],
    ["cannot skip verification", "rectified", "close", "bureau", "general", 0, null, "illegal_transition"],
    ["cannot close an open hazard", "open", "close", "bureau", "general", 5, "x", "illegal_transition"],
    ["major closed by the finder", "verified", "close", "finder", "major", 0, null, "major_needs_bureau"],
    ["major closed by the system", "verified", "close", "system", "major", 0, null, "major_needs_bureau"],
    ["general closed by the system", "verified", "close", "system", "general", 0, null, "ok:closed"],
  ];
  it.each(cases)("%s", (_label, state, event, actor, grade, evidenceCount, note, outcome) => {
    const got = hazardTransition(state, event, actor, { grade, evidenceCount, note });
    if (outcome.startsWith("ok:")) expect(got).toEqual({ ok: true, to: outcome.slice(3) });
    else expect(got).toEqual({ ok: false, code: outcome });
  });

  it("tells the form what to ask for", () => {
    for (const [state, event] of LEGAL) {
      expect(hazardEventNeeds(state, event)).toEqual({
        evidence: NEEDS_EVIDENCE.has(event),
        note: NEEDS_NOTE.has(event),
      });
    }
  });
});

describe("roles and buttons", () => {
  it("a self-check makes the enterprise both enterprise and finder", () => {
    expect(
      hazardRolesOf({ actingOrgId: "e", enterpriseOrgId: "e", finderOrgId: "e", isEnterpriseBureau: false }),
    ).toEqual(["enterprise", "finder"]);
    expect(
      hazardRolesOf({ actingOrgId: "p", enterpriseOrgId: "e", finderOrgId: "p", isEnterpriseBureau: false }),
    ).toEqual(["finder"]);
    expect(
      hazardRolesOf({ actingOrgId: "x", enterpriseOrgId: "e", finderOrgId: "p", isEnterpriseBureau: false }),
    ).toEqual([]);
  });
  it("lists the events the roles may fire", () => {
    expect(availableHazardEvents("open", ["enterprise"], "general").sort()).toEqual([
      "rectify_on_spot",
      "start_rectification",
    ]);
    expect(availableHazardEvents("open", ["enterprise"], "major")).toEqual(["start_rectification"]);
    expect(availableHazardEvents("rectified", ["enterprise", "finder"], "general").sort()).toEqual([
      "reject_rectification",
      "verify",
    ]);
    expect(availableHazardEvents("verified", ["finder"], "major")).toEqual([]);
    expect(availableHazardEvents("closed", ["bureau"], "major")).toEqual([]);
  });
});

describe("overdue is derived from the deadline and the status (domain.md)", () => {
  const cases: Array<[HazardState, string, string, boolean, number]> = [
    ["open", "2026-05-10", "2026-05-10", false, 0], // the deadline day itself is still in time
    ["open", "2026-05-10", "2026-05-11", true, 1],
    ["rectifying", "2026-05-10", "2026-06-09", true, 30],
    ["rectifying", "2026-05-10", "2026-05-01", false, 0],
    ["rectified", "2026-05-10", "2026-07-01", false, 0], // awaiting verification is not the enterprise's delay
    ["verified", "2026-05-10", "2026-07-01", false, 0],
    ["closed", "2026-05-10", "2026-07-01", false, 0],
  ];
  it.each(cases)("%s, deadline %s, today %s → %s", (status, deadline, today, overdue, days) => {
    expect(isOverdue({ status, deadline }, today)).toBe(overdue);
    expect(overdueDays({ status, deadline }, today)).toBe(days);
  });
});

describe("自查自改自报 (Fujian §19: self-check, self-rectify, self-report)", () => {
  const cases: Array<[string, string, string | null, boolean]> = [
    ["self_check", "2026-05-10", "2026-05-03", true],
    ["self_check", "2026-05-10", "2026-05-10", true],
    ["self_check", "2026-05-10", "2026-05-11", false], // started after the deadline
    ["self_check", "2026-05-10", null, false], // not in rectification yet
    ["insurer", "2026-05-10", "2026-05-03", false], // found by someone else
    ["mutual_aid", "2026-05-10", "2026-05-03", false],
  ];
  it.each(cases)("%s, deadline %s, started %s → %s", (source, deadline, started, expected) => {
    expect(isSelfReported({ source, deadline, rectificationStartedOn: started })).toBe(expected);
  });
});

describe("major-hazard report escalation (issue 8: not acknowledged within 2 hours → escalated)", () => {
  const reportedAt = new Date("2026-05-10T09:00:00+08:00");
  const at = (s: string) => new Date(s);
  const cases: Array<[string, Date | null, string, string]> = [
    ["just reported", null, "2026-05-10T09:00:00+08:00", "awaiting"],
    ["one second short", null, "2026-05-10T10:59:59+08:00", "awaiting"],
    ["exactly two hours", null, "2026-05-10T11:00:00+08:00", "escalated"],
    ["acknowledged in time", at("2026-05-10T10:30:00+08:00"), "2026-05-11T00:00:00+08:00", "acknowledged"],
    ["acknowledged at the limit", at("2026-05-10T11:00:00+08:00"), "2026-05-11T00:00:00+08:00", "acknowledged"],
    ["acknowledged late", at("2026-05-10T11:00:01+08:00"), "2026-05-11T00:00:00+08:00", "acknowledged_late"],
  ];
  it.each(cases)("%s", (_label, acknowledgedAt, now, state) => {
    const got = majorReportState({ reportedAt, acknowledgedAt }, new Date(now));
    expect(got.state).toBe(state);
    expect(got.escalateAt.toISOString()).toBe("2026-05-10T03:00:00.000Z");
  });
});

describe("不作为处罚依据 (Jiangxi: free check-up findings are not a basis for penalty)", () => {
  it.each([
    ["free_checkup", true],
    ["government", false],
    ["self_check", false],
    ["insurer", false],
  ] as const)("%s → %s", (source, expected) => {
    expect(notABasisForPenalty({ source })).toBe(expected);
  });
});

describe("双报告 (Fujian §19): who is told of a major hazard", () => {
  it("tells the bureau, the enterprise and the finder", () => {
    expect(
      majorHazardRecipients({ grade: "major", enterpriseOrgId: "e", finderOrgId: "p", enterpriseBureauOrgId: "b" }),
    ).toEqual({
      recipients: [
        { orgId: "b", parties: ["bureau"] },
        { orgId: "e", parties: ["enterprise"] },
        { orgId: "p", parties: ["finder"] },
      ],
      missing: [],
    });
  });
  it("sends a self-check one notice and says when no bureau is on the platform", () => {
    expect(
      majorHazardRecipients({ grade: "major", enterpriseOrgId: "e", finderOrgId: "e", enterpriseBureauOrgId: null }),
    ).toEqual({
      recipients: [{ orgId: "e", parties: ["enterprise", "finder"] }],
      missing: ["bureau"],
    });
  });
  it("the bureau finding it itself is told once", () => {
    const got = majorHazardRecipients({
      grade: "major",
      enterpriseOrgId: "e",
      finderOrgId: "b",
      enterpriseBureauOrgId: "b",
    });
    expect(got.recipients).toEqual([
      { orgId: "b", parties: ["bureau", "finder"] },
      { orgId: "e", parties: ["enterprise"] },
    ]);
  });
  it("a general hazard is not reported", () => {
    expect(
      majorHazardRecipients({ grade: "general", enterpriseOrgId: "e", finderOrgId: "p", enterpriseBureauOrgId: "b" }),
    ).toEqual({
      recipients: [],
      missing: [],
    });
  });
});
