/**
 * Training, remote guidance and free check-ups (issue 8; decision 022): the pure parts. The
 * services read the tables and call these; nothing here reads a clock or a database.
 */
import type { OrgKind } from "./org-kinds";
import { normaliseUscc } from "./uscc";

export const TRAINING_KINDS = ["all_staff", "principals", "special_operations", "exchange_meeting"] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** Most names a session may list; a bigger session is recorded as a count (the list is proof, not a register). */
export const MAX_ATTENDEES = 2000;
export const MAX_ATTENDEE_NAME = 60;

export type Attendee = { name: string; role?: string; uscc?: string };

export type AttendeeParse = { attendees: Attendee[]; errors: Array<{ row: number; code: AttendeeErrorCode }> };
export type AttendeeErrorCode = "name_too_long" | "too_many" | "uscc_invalid_shape";

const SPLIT = /[,，\t;；]/;

function attendeeOf(cells: string[]): Attendee | null {
  const [name = "", role = "", uscc = ""] = cells.map((c) => c.trim());
  if (!name) return null;
  const out: Attendee = { name };
  if (role) out.role = role;
  if (uscc) out.uscc = normaliseUscc(uscc);
  return out;
}

function collect(rows: Array<{ row: number; cells: string[] }>): AttendeeParse {
  const attendees: Attendee[] = [];
  const errors: AttendeeParse["errors"] = [];
  for (const { row, cells } of rows) {
    const a = attendeeOf(cells);
    if (!a) continue;
    if (a.name.length > MAX_ATTENDEE_NAME || (a.role?.length ?? 0) > MAX_ATTENDEE_NAME) {
      errors.push({ row, code: "name_too_long" });
      continue;
    }
    if (a.uscc !== undefined && !/^[0-9A-Z]{18}$/.test(a.uscc)) {
      errors.push({ row, code: "uscc_invalid_shape" });
      continue;
    }
    attendees.push(a);
  }
  if (attendees.length > MAX_ATTENDEES) errors.push({ row: 0, code: "too_many" });
  return { attendees, errors };
}

/**
 * Pasted lines: one attendee a line, "姓名", "姓名，岗位" or "姓名，岗位，统一社会信用代码" (comma,
 * full-width comma, tab or semicolon). Blank lines are skipped; line numbers count them.
 */
export function parseAttendeeLines(text: string): AttendeeParse {
  return collect(text.split(/\r?\n/).map((line, i) => ({ row: i + 1, cells: line.split(SPLIT) })));
}

const NAME_HEADERS = new Set(["姓名", "name", "参训人员", "人员"]);

/**
 * A sheet of attendees (readSpreadsheet rows): name, role, USCC in the first three columns. A
 * first row whose first cell is a header word (姓名 / name) is skipped; row numbers are Excel's.
 */
export function attendeesFromSheet(rows: string[][]): AttendeeParse {
  const first = (rows[0]?.[0] ?? "").replace(/\s+/g, "").toLowerCase();
  const start = NAME_HEADERS.has(first) ? 1 : 0;
  return collect(rows.slice(start).map((cells, i) => ({ row: start + i + 1, cells })));
}

/**
 * Who may record a session for an enterprise (decision 022): the enterprise itself; a trainer
 * (provider, insurer) that relates to it (the same relation that shows it the records); the group
 * coordinating it. A group's shared session has no single enterprise: only the group records it.
 */
export function mayRecordTraining(
  actor: { kind: OrgKind; id: string },
  target: { enterpriseId: string; relates: boolean } | { groupId: string },
): boolean {
  if ("groupId" in target) return actor.kind === "group" && actor.id === target.groupId;
  if (actor.kind === "enterprise") return actor.id === target.enterpriseId;
  if (actor.kind === "provider" || actor.kind === "insurer" || actor.kind === "group") return target.relates;
  return false;
}

export type CoverageSession = {
  kind: TrainingKind;
  hours: number | null;
  attendeeCount: number;
  /** Set for a group's shared session: how many of its attendees came from the enterprise. */
  sharedAttendeesFromEnterprise?: number;
};

export type TrainingCoverage = {
  sessions: number;
  allStaffSessions: number;
  attendees: number;
  allStaffAttendees: number;
  hours: number;
  sharedSessions: number;
};

/**
 * The sums an insurer's training duty and the coverage report read (issue 9): sessions held for
 * the enterprise, all-staff ones, attendee totals and hours. A group's shared session counts for
 * a member only when someone from that member attended, and then with that member's attendees.
 */
export function summariseCoverage(sessions: readonly CoverageSession[]): TrainingCoverage {
  const out: TrainingCoverage = {
    sessions: 0,
    allStaffSessions: 0,
    attendees: 0,
    allStaffAttendees: 0,
    hours: 0,
    sharedSessions: 0,
  };
  for (const s of sessions) {
    const shared = s.sharedAttendeesFromEnterprise !== undefined;
    const count = shared ? s.sharedAttendeesFromEnterprise! : s.attendeeCount;
    if (shared && count === 0) continue;
    out.sessions += 1;
    if (shared) out.sharedSessions += 1;
    out.attendees += count;
    out.hours += s.hours ?? 0;
    if (s.kind === "all_staff") {
      out.allStaffSessions += 1;
      out.allStaffAttendees += count;
    }
  }
  return out;
}

/** The filters of a guidance list (the states come from response-time.ts). */
export const GUIDANCE_FILTERS = ["waiting", "breached", "answered", "closed"] as const;
export type GuidanceFilter = (typeof GUIDANCE_FILTERS)[number];

// ---------------------------------------------------------------- free check-ups

export type CheckupPlace = { inspectionId: string | null; planIssuedAt: Date | string | null };
export type CheckupProgress = { planned: number; done: number; plansIssued: number; doneBp: number };

/** Progress of a program: check-ups done (an inspection linked) and 一企一策 plans issued, of those planned. */
export function checkupProgress(places: readonly CheckupPlace[]): CheckupProgress {
  const planned = places.length;
  const done = places.filter((p) => p.inspectionId !== null).length;
  const plansIssued = places.filter((p) => p.planIssuedAt !== null).length;
  return { planned, done, plansIssued, doneBp: planned === 0 ? 0 : Math.floor((done * 10_000) / planned) };
}

/** The state of one enterprise's check-up, for badges and filters. */
export type CheckupState = "planned" | "inspected" | "plan_issued";
export function checkupState(place: CheckupPlace): CheckupState {
  if (place.planIssuedAt !== null) return "plan_issued";
  return place.inspectionId !== null ? "inspected" : "planned";
}

/** Who runs a free check-up program: a bureau (its region's register) or an insurer (those it insures). */
export const CHECKUP_RUNNER_KINDS = ["bureau", "insurer"] as const satisfies readonly OrgKind[];

/**
 * The USCC list of an uploaded sheet: the first column (or a column headed 统一社会信用代码 /
 * USCC), blank rows skipped, row numbers as Excel shows them.
 */
export function usccsFromSheet(rows: string[][]): Array<{ row: number; uscc: string }> {
  const header = (rows[0] ?? []).map((c) => c.replace(/\s+/g, "").toLowerCase());
  let column = header.findIndex((h) => h === "统一社会信用代码" || h === "uscc" || h === "信用代码");
  const hasHeader = column >= 0 || (header[0] !== undefined && !/^[0-9a-z]{18}$/.test(header[0]));
  if (column < 0) column = 0;
  const out: Array<{ row: number; uscc: string }> = [];
  rows.forEach((cells, i) => {
    if (hasHeader && i === 0) return;
    const value = normaliseUscc(cells[column] ?? "");
    if (value) out.push({ row: i + 1, uscc: value });
  });
  return out;
}
