import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import type { Database, Executor } from "../db";
import type { StaffRole } from "../directory/schema";
import { apiToken } from "./schema";
import { hashToken, newToken } from "./tokens";

// Recognisable in a leaked-secret scan, and long enough to be unguessable.
const TOKEN_PREFIX = "tdm_";

export type ApiTokenSummary = Pick<
  typeof apiToken.$inferSelect,
  "id" | "name" | "createdAt" | "expiresAt" | "lastUsedAt" | "revokedAt"
>;

export async function issueApiToken(
  db: Database,
  clock: Clock,
  owner: { staffId: string; role: StaffRole; organisationId: string },
  name: string,
  validDays: number,
  ipAddress: string,
): Promise<string> {
  const token = `${TOKEN_PREFIX}${newToken()}`;
  const now = clock.now();
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiToken)
      .values({
        staffId: owner.staffId,
        name,
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + validDays * 86_400_000),
      })
      .returning({ id: apiToken.id });
    await recordAuditEvent(tx, clock, {
      actor: { id: owner.staffId, role: owner.role },
      action: "account.api_token_issued",
      subject: { type: "api_token", id: created!.id },
      organisationId: owner.organisationId,
      ipAddress,
      outcome: "succeeded",
      detail: { validDays },
    });
  });
  return token;
}

/** The owner of a presented bearer token, if it is live; records when it was last used. */
export async function staffIdForApiToken(executor: Executor, clock: Clock, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const now = clock.now();
  const [row] = await executor
    .update(apiToken)
    .set({ lastUsedAt: now })
    .where(
      and(eq(apiToken.tokenHash, hashToken(token)), isNull(apiToken.revokedAt), gt(apiToken.expiresAt, now)),
    )
    .returning({ staffId: apiToken.staffId });
  return row?.staffId;
}

export function listApiTokens(executor: Executor, staffId: string): Promise<ApiTokenSummary[]> {
  return executor
    .select({
      id: apiToken.id,
      name: apiToken.name,
      createdAt: apiToken.createdAt,
      expiresAt: apiToken.expiresAt,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .where(eq(apiToken.staffId, staffId))
    .orderBy(desc(apiToken.createdAt));
}

export async function revokeApiToken(
  db: Database,
  clock: Clock,
  owner: { staffId: string; role: StaffRole; organisationId: string },
  tokenId: string,
  ipAddress: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiToken)
      .set({ revokedAt: clock.now() })
      .where(and(eq(apiToken.id, tokenId), eq(apiToken.staffId, owner.staffId), isNull(apiToken.revokedAt)))
      .returning({ id: apiToken.id });
    if (revoked.length === 0) return false;
    await recordAuditEvent(tx, clock, {
      actor: { id: owner.staffId, role: owner.role },
      action: "account.api_token_revoked",
      subject: { type: "api_token", id: tokenId },
      organisationId: owner.organisationId,
      ipAddress,
      outcome: "succeeded",
    });
    return true;
  });
}
