import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { enterpriseProfiles, groupMembers, groupStaff, organisations } from "../../db/schema";
import { usccCheckCharacter } from "../domain/uscc";

const uscc = (first17: string) => first17 + usccCheckCharacter(first17);

/** The demo group (wujin@group.anfu.demo) and its members: two registered, three unclaimed. */
const GROUP_NAME = "金华市五金行业安全生产协作组";
const REGISTERED = [
  { name: "金华市婺城区鑫达五金制品有限公司", staff: [{ name: "陈志远", title: "注册安全工程师（中级）" }] },
  { name: "义乌市佳美喷涂有限公司", staff: [{ name: "吴建华", title: "安全管理员" }] },
];
const UNCLAIMED = [
  {
    name: "金华市婺城区恒通机械配件厂",
    uscc: uscc("91330702MA2GHT101"),
    staff: [{ name: "楼国平", title: "设备主管" }],
  },
  {
    name: "金华市婺城区永盛铝业有限公司",
    uscc: uscc("91330702MA2GYC102"),
    staff: [{ name: "方晓东", title: "安全员" }],
  },
  {
    name: "金华市婺城区金锐工具有限公司",
    uscc: uscc("91330702MA2GJR103"),
    staff: [{ name: "邵美玲", title: "安全员" }],
  },
];

/** Idempotent: members by (group, enterprise), unclaimed enterprises by USCC, staff by name. */
export async function seedGroupsDemo(db: Db, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [group] = await tx.select().from(organisations).where(eq(organisations.name, GROUP_NAME));
    if (!group) return;
    const members: Array<{ id: string; staff: Array<{ name: string; title: string }> }> = [];
    for (const r of REGISTERED) {
      const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, r.name));
      if (org) members.push({ id: org.id, staff: r.staff });
    }
    for (const u of UNCLAIMED) {
      let [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.uscc, u.uscc));
      org ??= (
        await tx
          .insert(organisations)
          .values({
            kind: "enterprise",
            name: u.name,
            uscc: u.uscc,
            regionCode: "330702",
            industryCode: "33",
            unclaimed: true,
          })
          .returning({ id: organisations.id })
      )[0];
      await tx.insert(enterpriseProfiles).values({ orgId: org!.id, addedByOrgId: group.id }).onConflictDoNothing();
      members.push({ id: org!.id, staff: u.staff });
    }
    for (const m of members) {
      await tx
        .insert(groupMembers)
        .values({ groupId: group.id, enterpriseId: m.id, status: "active", invitedAt: now, joinedAt: now })
        .onConflictDoNothing();
      for (const s of m.staff) {
        const [exists] = await tx
          .select({ id: groupStaff.id })
          .from(groupStaff)
          .where(
            and(
              eq(groupStaff.groupId, group.id),
              eq(groupStaff.enterpriseId, m.id),
              eq(groupStaff.name, s.name),
              isNull(groupStaff.removedAt),
            ),
          );
        if (!exists)
          await tx.insert(groupStaff).values({ groupId: group.id, enterpriseId: m.id, ...s, createdAt: now });
      }
    }
  });
}
