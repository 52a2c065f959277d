import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { apiTokens, organisations } from "../../db/schema";
import { notFound } from "../utils/errors";
import { generateSecretToken, sha256Hex } from "../utils/crypto.server";
import { writeAudit } from "./audit.server";
import type { Actor } from "./actor";

export const API_TOKEN_PREFIX = "anfu_";
const TOKEN_SHAPE = /^anfu_[a-z0-9_]{20,100}$/;

/** Returns the secret exactly once; only its SHA-256 is kept. */
export async function createApiToken(db: Db, actor: Actor, name: string) {
  const secret = `${API_TOKEN_PREFIX}${generateSecretToken(25)}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        orgId: actor.orgId,
        name,
        tokenHash: sha256Hex(secret),
        displayPrefix: secret.slice(0, 10),
        createdByUserId: actor.userId,
      })
      .returning({ id: apiTokens.id });
    await writeAudit(tx, {
      action: "api_token.created",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "api_token",
      subjectId: row.id,
      data: { name },
      ip: actor.ip,
    });
    return { id: row.id, secret };
  });
}

export async function listApiTokens(db: DbOrTx, params: { orgId: string }) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      displayPrefix: apiTokens.displayPrefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.orgId, params.orgId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(db: Db, actor: Actor, tokenId: string, now: Date) {
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.orgId, actor.orgId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) throw notFound("api_token_not_found");
    await writeAudit(tx, {
      action: "api_token.revoked",
      actorUserId: actor.userId,
      orgId: actor.orgId,
      subjectType: "api_token",
      subjectId: tokenId,
      ip: actor.ip,
    });
  });
}

/** The organisation a bearer token acts for, or null for a missing, unknown or revoked token. */
export async function authenticateApiToken(db: Db, secret: string | null, now: Date) {
  if (!secret || !TOKEN_SHAPE.test(secret)) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      org: {
        id: organisations.id,
        kind: organisations.kind,
        name: organisations.name,
        uscc: organisations.uscc,
        regionCode: organisations.regionCode,
        industryCode: organisations.industryCode,
        verificationStatus: organisations.verificationStatus,
        suspendedAt: organisations.suspendedAt,
      },
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
    .where(and(eq(apiTokens.tokenHash, sha256Hex(secret)), isNull(apiTokens.revokedAt)));
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  return row.org;
}
