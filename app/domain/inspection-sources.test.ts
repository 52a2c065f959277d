import { describe, expect, it } from "vitest";
import {
  allowedSources,
  confirmationStatus,
  findingsEditable,
  INSPECTION_SOURCES,
  mayConfirm,
  mayInspect,
  type InspectionRelations,
  type InspectionSource,
} from "./inspection-sources";

/**
 * Issue 8 "Bad input": an inspection of an enterprise the inspector has no relation to is
 * refused. Each source needs its own relation (written out here by hand).
 */
const NEEDED: Array<[InspectionSource, keyof InspectionRelations]> = [
  ["self_check", "isEnterpriseItself"],
  ["mutual_aid", "hasMutualAidAssignment"],
  ["insurer", "insuresEnterprise"],
  ["provider", "servesEnterprise"],
  ["expert", "expertAssigned"],
  ["government", "isEnterpriseBureau"],
  ["free_checkup", "inFreeCheckupProgram"],
];
const ALL_RELATIONS = NEEDED.map(([, r]) => r);

describe("mayInspect: every source × every single relation", () => {
  it("covers every source", () => {
    expect(NEEDED.map(([s]) => s).sort()).toEqual([...INSPECTION_SOURCES].sort());
  });
  const combos = NEEDED.flatMap(([source, needs]) => ALL_RELATIONS.map((held) => [source, needs, held] as const));
  it.each(combos)("%s (needs %s) with only %s", (source, needs, held) => {
    const got = mayInspect({ [held]: true }, source);
    if (held === needs) expect(got).toEqual({ ok: true });
    else if (held === "isEnterpriseItself") expect(got).toEqual({ ok: false, code: "own_enterprise", needs });
    else expect(got).toEqual({ ok: false, code: "no_relation", needs });
  });
  it("refuses everything without any relation", () => {
    for (const source of INSPECTION_SOURCES) expect(mayInspect({}, source).ok).toBe(false);
  });
  it("an enterprise that also serves itself still records only a self-check", () => {
    expect(allowedSources({ isEnterpriseItself: true, servesEnterprise: true })).toEqual(["self_check"]);
  });
  it("an insurer commissioned for a free check-up may record either", () => {
    expect(allowedSources({ insuresEnterprise: true, inFreeCheckupProgram: true })).toEqual([
      "insurer",
      "free_checkup",
    ]);
  });
});

describe("confirmation (AQ 9010 style: inspecting side confirms, enterprise acknowledges)", () => {
  const t1 = new Date("2026-05-10T09:00:00+08:00");
  const t2 = new Date("2026-05-10T15:00:00+08:00");
  const cases: Array<[Date | null, Date | null, string]> = [
    [null, null, "draft"],
    [t1, null, "confirmed"],
    [t1, t2, "complete"],
    [null, t2, "draft"], // an acknowledgement of nothing signed does not count
  ];
  it.each(cases)("confirmed %s, acknowledged %s → %s", (inspectorConfirmedAt, enterpriseAcknowledgedAt, status) => {
    expect(confirmationStatus({ inspectorConfirmedAt, enterpriseAcknowledgedAt })).toBe(status);
  });

  it("orders the steps and refuses repeats", () => {
    const none = { inspectorConfirmedAt: null, enterpriseAcknowledgedAt: null };
    const confirmed = { inspectorConfirmedAt: t1, enterpriseAcknowledgedAt: null };
    const both = { inspectorConfirmedAt: t1, enterpriseAcknowledgedAt: t2 };
    expect(mayConfirm(none, "enterprise_acknowledge")).toEqual({ ok: false, code: "not_confirmed_yet" });
    expect(mayConfirm(none, "inspector_confirm")).toEqual({ ok: true });
    expect(mayConfirm(confirmed, "inspector_confirm")).toEqual({ ok: false, code: "already_confirmed" });
    expect(mayConfirm(confirmed, "enterprise_acknowledge")).toEqual({ ok: true });
    expect(mayConfirm(both, "enterprise_acknowledge")).toEqual({ ok: false, code: "already_acknowledged" });
    expect(findingsEditable(none)).toBe(true);
    expect(findingsEditable(confirmed)).toBe(false);
  });
});
