import { describe, expect, it } from "vitest";
import { assignmentStatus, cycleProgress, mayReplan, rangesOverlap } from "./rotation-progress";

const cycle = { startsOn: "2026-03-01", endsOn: "2026-03-31" };

describe("assignment status (decision 020: done when its inspection is recorded, overdue after the cycle end)", () => {
  it.each([
    ["recorded inspection is done, even after the end", "insp-1", "2026-05-01", "done"],
    ["recorded inspection is done before the start too", "insp-1", "2026-02-01", "done"],
    ["before the start", null, "2026-02-28", "upcoming"],
    ["first day", null, "2026-03-01", "open"],
    ["last day is still in time", null, "2026-03-31", "open"],
    ["the day after the end", null, "2026-04-01", "overdue"],
  ] as const)("%s", (_why, inspectionId, today, expected) => {
    expect(assignmentStatus({ inspectionId }, cycle, today)).toBe(expected);
  });

  it("progress counts each status once", () => {
    expect(cycleProgress(["done", "done", "overdue", "open", "upcoming"])).toEqual({
      done: 2,
      overdue: 1,
      open: 2,
      total: 5,
    });
    expect(cycleProgress([])).toEqual({ done: 0, overdue: 0, open: 0, total: 0 });
  });
});

describe("re-planning a cycle", () => {
  it.each([
    ["nothing done, cycle running", [{ inspectionId: null }], "2026-03-10", { ok: true }],
    ["nothing done, last day", [{ inspectionId: null }], "2026-03-31", { ok: true }],
    [
      "one inspection done",
      [{ inspectionId: null }, { inspectionId: "x" }],
      "2026-03-10",
      { ok: false, reason: "inspection_done" },
    ],
    ["cycle ended", [{ inspectionId: null }], "2026-04-01", { ok: false, reason: "cycle_ended" }],
  ] as const)("%s", (_why, assignments, today, expected) => {
    expect(mayReplan(cycle, assignments, today)).toEqual(expected);
  });
});

describe("cycle date ranges", () => {
  it.each([
    [{ startsOn: "2026-04-01", endsOn: "2026-04-30" }, false],
    [{ startsOn: "2026-03-31", endsOn: "2026-04-30" }, true],
    [{ startsOn: "2026-02-01", endsOn: "2026-03-01" }, true],
    [{ startsOn: "2026-03-10", endsOn: "2026-03-12" }, true],
    [{ startsOn: "2026-01-01", endsOn: "2026-02-28" }, false],
  ] as const)("%o overlaps March: %s", (other, expected) => {
    expect(rangesOverlap(cycle, other)).toBe(expected);
    expect(rangesOverlap(other, cycle)).toBe(expected);
  });
});
