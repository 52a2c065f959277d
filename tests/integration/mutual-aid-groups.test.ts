// Mutual-aid groups (docs/domain.md "Mutual-aid groups", decisions 013 and 020): invitations,
// unclaimed members, staff, cycle planning and storage (the recorded seed gives the same plan),
// progress, re-planning, inter-group rounds, and scoping (a group sees only its own; a member
// only its groups).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupMembers, inspections, memberships, organisations, rotationAssignments } from "../../db/schema";
import type { Organisation } from "../../db/schema";
import {
  addStaff,
  addUnclaimedMember,
  groupDashboard,
  inviteMember,
  listGroupMembers,
  listGroupSessions,
  listMemberStaff,
  memberOverview,
  recordGroupSession,
  removeMember,
  removeStaff,
  respondToInvitation,
} from "../../app/services/groups.server";
import { createCycle, getCycle, planCycle, replanCycle } from "../../app/services/rotation.server";
import { AppError } from "../../app/utils/errors";
import { createOrgWithOwner, makeUscc } from "../factories/accounts";
import { verifiedOrg } from "../factories/engagements";
import { createTestDb, type TestDb } from "../setup/test-db";

const NOW = new Date("2026-03-02T02:00:00Z");
const TODAY = "2026-03-02";
let t: TestDb;
let group: Organisation;
let otherGroup: Organisation;
let coordinator: { id: string };
const firms: Organisation[] = [];
const actorOf = (orgId: string, userId = coordinator.id) => ({ orgId, userId, ip: "203.0.113.9" });

async function refusal(work: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  t = await createTestDb();
  const g = await createOrgWithOwner(t.db, { kind: "group", regionCode: "330702", name: "婺城工业园互助组" });
  group = g.org;
  coordinator = g.user;
  otherGroup = (await createOrgWithOwner(t.db, { kind: "group", regionCode: "330702", name: "另一互助组" })).org;
  for (let i = 0; i < 4; i++)
    firms.push((await verifiedOrg(t.db, { kind: "enterprise", name: `互助成员${i}号有限公司` })).org);
});
afterAll(async () => {
  await t?.close();
});

describe("members", () => {
  it("invites a registered enterprise by USCC (invited) and by exact name; it accepts or declines on its side", async () => {
    const a = await inviteMember(t.db, actorOf(group.id), firms[0]!.uscc!, NOW);
    expect(a.status).toBe("invited");
    const b = await inviteMember(t.db, actorOf(group.id), firms[1]!.name, NOW);
    expect(b).toMatchObject({ enterpriseId: firms[1]!.id, status: "invited" });
    await inviteMember(t.db, actorOf(group.id), firms[2]!.name, NOW);
    await inviteMember(t.db, actorOf(group.id), firms[3]!.name, NOW);
    expect(await refusal(inviteMember(t.db, actorOf(group.id), firms[0]!.name, NOW))).toEqual({
      status: 409,
      code: "already_member",
    });
    expect(await refusal(inviteMember(t.db, actorOf(group.id), "没有这家公司", NOW))).toMatchObject({ status: 404 });

    // The member sees the invitation, and nobody else can answer it.
    const overview = await memberOverview(t.db, { enterpriseId: firms[0]!.id, today: TODAY });
    expect(overview.invitations.map((i) => i.groupId)).toEqual([group.id]);
    expect(
      await refusal(respondToInvitation(t.db, actorOf(firms[3]!.id), { groupId: otherGroup.id, accept: true }, NOW)),
    ).toMatchObject({ status: 404 });

    for (const f of firms.slice(0, 3))
      await respondToInvitation(t.db, actorOf(f.id), { groupId: group.id, accept: true }, NOW);
    await respondToInvitation(t.db, actorOf(firms[3]!.id), { groupId: group.id, accept: false }, NOW);
    expect(
      await refusal(respondToInvitation(t.db, actorOf(firms[0]!.id), { groupId: group.id, accept: true }, NOW)),
    ).toEqual({
      status: 409,
      code: "not_invited",
    });
    const members = await listGroupMembers(t.db, { groupId: group.id });
    expect(
      members.rows
        .filter((m) => m.status === "active")
        .map((m) => m.enterpriseId)
        .sort(),
    ).toEqual(
      firms
        .slice(0, 3)
        .map((f) => f.id)
        .sort(),
    );
    expect(members.rows.find((m) => m.enterpriseId === firms[3]!.id)?.status).toBe("left");
  });

  it("adds an unclaimed enterprise by USCC, name and region: active at once; a registered USCC is refused", async () => {
    const uscc = makeUscc("330702");
    const { enterpriseId } = await addUnclaimedMember(
      t.db,
      actorOf(group.id),
      { uscc, name: "婺城区未注册机械厂", regionCode: "330702", industryCode: "34" },
      NOW,
    );
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, enterpriseId));
    expect(org).toMatchObject({ kind: "enterprise", unclaimed: true, uscc });
    const [row] = await t.db.select().from(groupMembers).where(eq(groupMembers.enterpriseId, enterpriseId));
    expect(row?.status).toBe("active");
    firms.push(org!);
    expect(
      await refusal(
        addUnclaimedMember(
          t.db,
          actorOf(group.id),
          { uscc: firms[0]!.uscc!, name: "冒名", regionCode: "330702", industryCode: undefined },
          NOW,
        ),
      ),
    ).toEqual({ status: 409, code: "uscc_registered" });
    // The same unclaimed enterprise can join another group without a second organisation.
    const again = await addUnclaimedMember(
      t.db,
      actorOf(otherGroup.id),
      { uscc, name: "婺城区未注册机械厂", regionCode: "330702", industryCode: undefined },
      NOW,
    );
    expect(again.enterpriseId).toBe(enterpriseId);
  });

  it("only a group organisation manages members", async () => {
    expect(await refusal(inviteMember(t.db, actorOf(firms[0]!.id), firms[1]!.name, NOW))).toMatchObject({
      status: 404,
    });
  });
});

describe("staff", () => {
  it("the coordinator or the member itself adds and removes the member's staff; nobody else", async () => {
    const [a, b, c, unclaimed] = [firms[0]!, firms[1]!, firms[2]!, firms[4]!];
    await addStaff(
      t.db,
      actorOf(group.id),
      { groupId: group.id, enterpriseId: a.id, staff: { name: "张工", title: "注册安全工程师", phone: undefined } },
      NOW,
    );
    await addStaff(
      t.db,
      actorOf(b.id),
      { groupId: group.id, enterpriseId: b.id, staff: { name: "李工", title: undefined, phone: "13800000000" } },
      NOW,
    );
    await addStaff(
      t.db,
      actorOf(group.id),
      { groupId: group.id, enterpriseId: unclaimed.id, staff: { name: "王师傅", title: undefined, phone: undefined } },
      NOW,
    );
    const extra = await addStaff(
      t.db,
      actorOf(c.id),
      { groupId: group.id, enterpriseId: c.id, staff: { name: "赵工", title: undefined, phone: undefined } },
      NOW,
    );
    // A member cannot touch another member's staff, another group cannot either.
    expect(
      await refusal(
        addStaff(
          t.db,
          actorOf(a.id),
          { groupId: group.id, enterpriseId: b.id, staff: { name: "x", title: undefined, phone: undefined } },
          NOW,
        ),
      ),
    ).toMatchObject({ status: 404 });
    expect(
      await refusal(removeStaff(t.db, actorOf(otherGroup.id), { groupId: group.id, staffId: extra.id }, NOW)),
    ).toMatchObject({ status: 404 });
    expect(
      await refusal(listMemberStaff(t.db, { actingOrgId: a.id, groupId: group.id, enterpriseId: b.id })),
    ).toMatchObject({ status: 404 });
    // A member that left has no staff management.
    expect(
      await refusal(
        addStaff(
          t.db,
          actorOf(group.id),
          { groupId: group.id, enterpriseId: firms[3]!.id, staff: { name: "x", title: undefined, phone: undefined } },
          NOW,
        ),
      ),
    ).toEqual({ status: 409, code: "member_not_active" });

    await removeStaff(t.db, actorOf(c.id), { groupId: group.id, staffId: extra.id }, NOW);
    expect(
      (await listMemberStaff(t.db, { actingOrgId: group.id, groupId: group.id, enterpriseId: c.id })).staff,
    ).toEqual([]);
    await addStaff(
      t.db,
      actorOf(group.id),
      { groupId: group.id, enterpriseId: c.id, staff: { name: "钱工", title: undefined, phone: undefined } },
      NOW,
    );
    expect(
      (await listMemberStaff(t.db, { actingOrgId: a.id, groupId: group.id, enterpriseId: a.id })).staff.map(
        (s) => s.name,
      ),
    ).toEqual(["张工"]);
  });
});

describe("cycles", () => {
  let cycleId: string;

  it("plans every active member, records the seed, and saves exactly the previewed plan", async () => {
    const request = { groupId: group.id, userId: coordinator.id, startsOn: "2026-03-01", seed: "seed-one" };
    const preview = await planCycle(t.db, request);
    const active = [firms[0]!, firms[1]!, firms[2]!, firms[4]!].map((f) => f.id).sort();
    expect(preview.pairs.map((p) => p.inspectedId).sort()).toEqual(active);
    for (const p of preview.pairs) expect(p.inspectorId).not.toBe(p.inspectedId);
    expect(await planCycle(t.db, request)).toEqual(preview); // deterministic from the seed

    const cycle = await createCycle(
      t.db,
      actorOf(group.id),
      {
        label: "2026年3月",
        startsOn: "2026-03-01",
        endsOn: "2026-03-31",
        seed: "seed-one",
        fingerprint: preview.fingerprint,
      },
      NOW,
    );
    cycleId = cycle.id;
    expect(cycle.seed).toBe("seed-one");
    const stored = await t.db.select().from(rotationAssignments).where(eq(rotationAssignments.cycleId, cycle.id));
    const key = (p: { inspectorId: string; inspectedId: string }) => `${p.inspectorId}>${p.inspectedId}`;
    expect(
      stored.map((s) => key({ inspectorId: s.inspectorEnterpriseId, inspectedId: s.inspectedEnterpriseId })).sort(),
    ).toEqual(preview.pairs.map(key).sort());
    // The recorded seed reproduces the stored plan (the previous cycle is the same one as before).
    const replay = await planCycle(t.db, { ...request, seed: cycle.seed, exceptCycleId: cycle.id });
    expect(replay.pairs.map(key).sort()).toEqual(
      stored.map((s) => `${s.inspectorEnterpriseId}>${s.inspectedEnterpriseId}`).sort(),
    );
  });

  it("refuses a stale preview, an overlapping cycle and a partner group that has not agreed", async () => {
    expect(
      await refusal(
        createCycle(
          t.db,
          actorOf(group.id),
          { label: "x", startsOn: "2026-04-01", endsOn: "2026-04-30", seed: "s2", fingerprint: "0".repeat(64) },
          NOW,
        ),
      ),
    ).toEqual({ status: 409, code: "plan_changed" });
    const overlapping = await planCycle(t.db, {
      groupId: group.id,
      userId: coordinator.id,
      startsOn: "2026-03-15",
      seed: "s3",
    });
    expect(
      await refusal(
        createCycle(
          t.db,
          actorOf(group.id),
          {
            label: "x",
            startsOn: "2026-03-15",
            endsOn: "2026-04-15",
            seed: "s3",
            fingerprint: overlapping.fingerprint,
          },
          NOW,
        ),
      ),
    ).toEqual({ status: 409, code: "cycle_overlaps" });
    expect(
      await refusal(
        planCycle(t.db, {
          groupId: group.id,
          userId: coordinator.id,
          otherGroupId: otherGroup.id,
          startsOn: "2026-05-01",
          seed: "s",
        }),
      ),
    ).toEqual({ status: 422, code: "partner_not_agreed" });
  });

  it("the next cycle avoids last cycle's pairs where the group size allows", async () => {
    const first = await t.db.select().from(rotationAssignments).where(eq(rotationAssignments.cycleId, cycleId));
    const before = new Set(first.map((a) => `${a.inspectorEnterpriseId}>${a.inspectedEnterpriseId}`));
    for (const seed of ["a", "b", "c"]) {
      const next = await planCycle(t.db, { groupId: group.id, userId: coordinator.id, startsOn: "2026-04-01", seed });
      expect(next.previousCycleId).toBe(cycleId);
      expect(next.pairs.filter((p) => before.has(`${p.inspectorId}>${p.inspectedId}`))).toEqual([]);
    }
  });

  it("progress: done when the inspection is recorded, overdue after the end; re-planning stops once one is done", async () => {
    const view = await getCycle(t.db, { orgId: group.id, cycleId, today: TODAY });
    expect(view.mayReplan).toBe(true);
    const preview = await planCycle(t.db, {
      groupId: group.id,
      userId: coordinator.id,
      startsOn: "2026-03-01",
      seed: "again",
      exceptCycleId: cycleId,
    });
    await replanCycle(
      t.db,
      actorOf(group.id),
      { cycleId, seed: "again", fingerprint: preview.fingerprint, today: TODAY },
      NOW,
    );
    const replanned = await getCycle(t.db, { orgId: group.id, cycleId, today: TODAY });
    expect(replanned.cycle.seed).toBe("again");

    const first = replanned.assignments[0]!;
    const [inspection] = await t.db
      .insert(inspections)
      .values({
        enterpriseId: first.inspectedId,
        inspectorOrgId: first.inspectorId,
        source: "mutual_aid",
        inspectedOn: TODAY,
      })
      .returning();
    await t.db
      .update(rotationAssignments)
      .set({ inspectionId: inspection!.id })
      .where(eq(rotationAssignments.id, first.id));

    const dashboard = await groupDashboard(t.db, { groupId: group.id, today: TODAY });
    expect(dashboard.current?.id).toBe(cycleId);
    expect(dashboard.progress).toEqual({ done: 1, overdue: 0, open: 3, total: 4 });
    expect(dashboard.members).toEqual({ active: 4, invited: 0, left: 1 });
    expect(dashboard.staff).toEqual({ total: 4, staffedMembers: 4 });
    const later = await groupDashboard(t.db, { groupId: group.id, today: "2026-04-01" });
    expect(later.progress).toEqual({ done: 1, overdue: 3, open: 0, total: 4 });

    expect(
      await refusal(
        replanCycle(
          t.db,
          actorOf(group.id),
          { cycleId, seed: "x", fingerprint: preview.fingerprint, today: TODAY },
          NOW,
        ),
      ),
    ).toEqual({ status: 409, code: "replan_inspection_done" });
    expect((await getCycle(t.db, { orgId: group.id, cycleId, today: TODAY })).mayReplan).toBe(false);
  });

  it("a member sees whom it inspects and who inspects it; the start link needs only the enterprise id", async () => {
    const a = firms[0]!;
    const overview = await memberOverview(t.db, { enterpriseId: a.id, today: TODAY });
    expect(overview.groups.map((g) => g.groupId)).toEqual([group.id]);
    expect(overview.myAssignments.length).toBeGreaterThanOrEqual(1);
    for (const m of overview.myAssignments) expect(m.inspectorId).toBe(a.id);
    expect(overview.inspectedBy.map((m) => m.inspectedId)).toEqual([a.id]);
  });

  it("inter-group round: allowed when the acting user manages both groups; the other group's members are inspected", async () => {
    await t.db.insert(memberships).values({ userId: coordinator.id, orgId: otherGroup.id, role: "owner" });
    // The other group has the unclaimed firm (added above) and one more.
    const extra = (await verifiedOrg(t.db, { kind: "enterprise" })).org;
    await t.db.insert(groupMembers).values({ groupId: otherGroup.id, enterpriseId: extra.id, status: "active" });
    const preview = await planCycle(t.db, {
      groupId: group.id,
      userId: coordinator.id,
      otherGroupId: otherGroup.id,
      startsOn: "2026-05-01",
      seed: "x",
    });
    expect(preview.pairs.map((p) => p.inspectedId).sort()).toEqual([firms[4]!.id, extra.id].sort());
    for (const p of preview.pairs) expect(p.inspectorId).not.toBe(p.inspectedId);
    const round = await createCycle(
      t.db,
      actorOf(group.id),
      {
        label: "跨组互查",
        startsOn: "2026-05-01",
        endsOn: "2026-05-31",
        otherGroupId: otherGroup.id,
        seed: "x",
        fingerprint: preview.fingerprint,
      },
      NOW,
    );
    // The other group sees the round too; a stranger group does not.
    expect((await getCycle(t.db, { orgId: otherGroup.id, cycleId: round.id, today: TODAY })).mayReplan).toBe(false);
    const stranger = (await createOrgWithOwner(t.db, { kind: "group", regionCode: "330702" })).org;
    expect(await refusal(getCycle(t.db, { orgId: stranger.id, cycleId: round.id, today: TODAY }))).toMatchObject({
      status: 404,
    });
  });
});

describe("scoping and shared sessions", () => {
  it("a group sees only its own members and cycles; a member only its groups", async () => {
    const stranger = (await createOrgWithOwner(t.db, { kind: "group", regionCode: "330702" })).org;
    expect((await listGroupMembers(t.db, { groupId: stranger.id })).rows).toEqual([]);
    const dashboard = await groupDashboard(t.db, { groupId: stranger.id, today: TODAY });
    expect(dashboard.current).toBeNull();
    expect(dashboard.assignments).toEqual([]);
    const outsider = (await verifiedOrg(t.db, { kind: "enterprise" })).org;
    const overview = await memberOverview(t.db, { enterpriseId: outsider.id, today: TODAY });
    expect(overview).toMatchObject({ invitations: [], groups: [], myAssignments: [], inspectedBy: [], sessions: [] });
    // A member that declined sees nothing of the group.
    const declined = await memberOverview(t.db, { enterpriseId: firms[3]!.id, today: TODAY });
    expect(declined.groups).toEqual([]);
  });

  it("the coordinator records a shared session; its members see it, others do not", async () => {
    await recordGroupSession(
      t.db,
      actorOf(group.id),
      {
        topic: "有限空间作业交流会",
        kind: "exchange_meeting",
        heldOn: "2026-03-05",
        hours: 2,
        attendeeCount: 12,
        attendees: "张三\n李四",
      },
      NOW,
    );
    expect((await listGroupSessions(t.db, { groupId: group.id })).rows.map((s) => s.topic)).toEqual([
      "有限空间作业交流会",
    ]);
    expect((await listGroupSessions(t.db, { groupId: otherGroup.id })).rows).toEqual([]);
    expect(
      (await memberOverview(t.db, { enterpriseId: firms[0]!.id, today: TODAY })).sessions.map((s) => s.topic),
    ).toEqual(["有限空间作业交流会"]);
    expect((await memberOverview(t.db, { enterpriseId: firms[3]!.id, today: TODAY })).sessions).toEqual([]);
    expect(
      await refusal(
        recordGroupSession(
          t.db,
          actorOf(firms[0]!.id),
          { topic: "x", kind: "all_staff", heldOn: TODAY, hours: undefined, attendeeCount: 1, attendees: undefined },
          NOW,
        ),
      ),
    ).toMatchObject({ status: 404 });
  });

  it("removing a member keeps its history and leaves it out of the next plan", async () => {
    await removeMember(t.db, actorOf(group.id), firms[2]!.id, NOW);
    expect(await refusal(removeMember(t.db, actorOf(group.id), firms[2]!.id, NOW))).toEqual({
      status: 409,
      code: "already_left",
    });
    const next = await planCycle(t.db, {
      groupId: group.id,
      userId: coordinator.id,
      startsOn: "2026-06-01",
      seed: "z",
    });
    expect(next.pairs.some((p) => p.inspectedId === firms[2]!.id || p.inspectorId === firms[2]!.id)).toBe(false);
  });
});
