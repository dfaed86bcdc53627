import { eq, lt, or } from "drizzle-orm";
import type { Clock } from "../clock";
import type { Executor } from "../db";
import { participantSession } from "./schema";
import type { SessionPolicy } from "./sessions";
import { hashToken, newToken } from "./tokens";

// Participants' sessions follow the staff rules (idle and maximum age from the same policy) in a
// table of their own, so a participant's cookie can never be taken for a member of staff's.

export const PARTICIPANT_SESSION_COOKIE = "tandem_participant_session";

export type ParticipantSessionRow = typeof participantSession.$inferSelect;

export async function createParticipantSession(
  executor: Executor,
  clock: Clock,
  accountId: string,
  mfaSatisfied: boolean,
  ipAddress: string,
): Promise<string> {
  const token = newToken();
  const now = clock.now();
  await executor.insert(participantSession).values({
    tokenHash: hashToken(token),
    accountId,
    mfaSatisfied,
    createdAt: now,
    lastSeenAt: now,
    ipAddress,
  });
  return token;
}

/** The live session for a cookie, or undefined if it is unknown, idle too long or too old. */
export async function findLiveParticipantSession(
  executor: Executor,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
): Promise<ParticipantSessionRow | undefined> {
  const [session] = await executor
    .select()
    .from(participantSession)
    .where(eq(participantSession.tokenHash, hashToken(token)))
    .limit(1);
  if (!session) return undefined;
  const now = clock.now().getTime();
  const idleFor = now - session.lastSeenAt.getTime();
  if (
    idleFor > policy.idleMinutes * 60_000 ||
    now - session.createdAt.getTime() > policy.maxHours * 3_600_000
  ) {
    await executor.delete(participantSession).where(eq(participantSession.tokenHash, session.tokenHash));
    return undefined;
  }
  // As for staff: a minute's precision is enough, so not every page view is a write.
  if (idleFor > 60_000) {
    await executor
      .update(participantSession)
      .set({ lastSeenAt: clock.now() })
      .where(eq(participantSession.tokenHash, session.tokenHash));
  }
  return session;
}

export async function endParticipantSession(executor: Executor, token: string): Promise<void> {
  await executor.delete(participantSession).where(eq(participantSession.tokenHash, hashToken(token)));
}

export async function endAllParticipantSessionsOf(executor: Executor, accountId: string): Promise<void> {
  await executor.delete(participantSession).where(eq(participantSession.accountId, accountId));
}

export async function removeExpiredParticipantSessions(
  executor: Executor,
  clock: Clock,
  policy: SessionPolicy,
) {
  const now = clock.now().getTime();
  await executor
    .delete(participantSession)
    .where(
      or(
        lt(participantSession.lastSeenAt, new Date(now - policy.idleMinutes * 60_000)),
        lt(participantSession.createdAt, new Date(now - policy.maxHours * 3_600_000)),
      ),
    );
}
