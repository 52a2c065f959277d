import { and, asc, eq, or } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { engagementMessages, engagements, organisations, users } from "../../db/schema";
import { AppError, notFound } from "../utils/errors";
import { visibleTo } from "./engagements.server";
import { messageBatchKey } from "../domain/notification-types";
import { notifyEngagementParties } from "./notify-recipients.server";

type Party = { orgId: string; userId: string };

export const MESSAGE_MAX_LENGTH = 2000;

/** Only the two parties talk on an engagement; anyone else gets the same 404 as a missing one. */
async function assertParty(db: DbOrTx, engagementId: string, orgId: string) {
  const [row] = await db
    .select({ id: engagements.id })
    .from(engagements)
    .where(
      and(eq(engagements.id, engagementId), or(eq(engagements.enterpriseId, orgId), eq(engagements.providerId, orgId))),
    );
  if (!row) throw notFound();
}

export async function postMessage(db: Db, party: Party, params: { engagementId: string; body: string; now: Date }) {
  const body = params.body.trim();
  if (!body) throw new AppError(400, "required", "required");
  if (body.length > MESSAGE_MAX_LENGTH) throw new AppError(400, "too_long", "too_long");
  return db.transaction(async (tx) => {
    await assertParty(tx, params.engagementId, party.orgId);
    const [row] = await tx
      .insert(engagementMessages)
      .values({
        engagementId: params.engagementId,
        senderOrgId: party.orgId,
        senderUserId: party.userId,
        body,
        createdAt: params.now,
      })
      .returning();
    await notifyEngagementParties(tx, {
      engagementId: params.engagementId,
      exceptOrgId: party.orgId,
      type: "message_received",
      key: messageBatchKey(params.engagementId, params.now),
      now: params.now,
    });
    return row;
  });
}

/**
 * The conversation, oldest first, each message with its sender's organisation and name. The
 * platform may read it (not write) once the engagement has been disputed: pass `orgKind`.
 */
export async function listMessages(db: DbOrTx, params: { engagementId: string; orgId: string; orgKind?: string }) {
  const viewer = { orgId: params.orgId, orgKind: params.orgKind ?? "party" };
  const [visible] = await db
    .select({ id: engagements.id })
    .from(engagements)
    .where(and(eq(engagements.id, params.engagementId), visibleTo(viewer)));
  if (!visible) throw notFound();
  return db
    .select({
      id: engagementMessages.id,
      body: engagementMessages.body,
      senderOrgId: engagementMessages.senderOrgId,
      senderOrgName: organisations.name,
      senderUserName: users.name,
      createdAt: engagementMessages.createdAt,
    })
    .from(engagementMessages)
    .innerJoin(engagements, eq(engagements.id, engagementMessages.engagementId))
    .innerJoin(organisations, eq(organisations.id, engagementMessages.senderOrgId))
    .leftJoin(users, eq(users.id, engagementMessages.senderUserId))
    .where(and(eq(engagementMessages.engagementId, params.engagementId), visibleTo(viewer)))
    .orderBy(asc(engagementMessages.createdAt), asc(engagementMessages.id));
}
