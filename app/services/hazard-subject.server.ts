import { and, eq, type SQL } from "drizzle-orm";
import { hazardEvents, hazardFiles, hazards, type Hazard } from "../../db/schema";
import { HAZARD_MACHINE, type HazardActor, type HazardStamp, type HazardState } from "../domain/hazard-machine";
import { AppError } from "../utils/errors";
import type { Subject } from "./transitions.server";

/**
 * How the one executor (transitions.server.ts) locks, writes and records a hazard. The
 * timeline row is written first; evidence files that came with the step (`data.evidenceFileIds`,
 * stored by the service in `prepare`) are tied to that row, so each file names the step it proves.
 */
export const HAZARD_SUBJECT: Subject<HazardState, HazardActor, HazardStamp, Hazard> = {
  machine: HAZARD_MACHINE,
  auditSubject: "hazard",
  async lock(tx, id, scope?: SQL) {
    const [row] = await tx
      .select()
      .from(hazards)
      .where(and(eq(hazards.id, id), scope))
      .for("update");
    return row;
  },
  async write(tx, row, set) {
    const [updated] = await tx
      .update(hazards)
      .set({ ...set.changes, ...set.stamps, status: set.status, version: row.version + 1 })
      .where(and(eq(hazards.id, row.id), eq(hazards.version, row.version)))
      .returning();
    return updated ?? null;
  },
  async recordEvent(tx, e) {
    const { evidenceFileIds, ...data } = e.data as { evidenceFileIds?: string[] } & Record<string, unknown>;
    const [event] = await tx
      .insert(hazardEvents)
      .values({
        hazardId: e.subjectId,
        event: e.event,
        fromStatus: e.from,
        toStatus: e.to,
        actorOrgId: e.actor.orgId,
        actorUserId: e.actor.userId,
        reason: e.reason,
        data: { ...data, evidenceCount: evidenceFileIds?.length ?? 0 },
        at: e.at,
      })
      .returning({ id: hazardEvents.id });
    if (evidenceFileIds?.length) {
      await tx.insert(hazardFiles).values(
        evidenceFileIds.map((fileId) => ({
          hazardId: e.subjectId,
          fileId,
          role: "evidence" as const,
          eventId: event!.id,
        })),
      );
    }
  },
  auditData: (row) => ({ grade: row.grade, enterpriseId: row.enterpriseId }),
  refusal: (code) => new AppError(409, code, `hazard.${code}`),
};
