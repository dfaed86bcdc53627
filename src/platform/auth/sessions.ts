import { eq, lt, or } from "drizzle-orm";
import type { Clock } from "../clock";
import type { Executor } from "../db";
import { staffSession } from "./schema";
import { hashToken, newToken } from "./tokens";

export type SessionPolicy = { idleMinutes: number; maxHours: number };

export type StaffSessionRow = typeof staffSession.$inferSelect;

export async function createSession(
  executor: Executor,
  clock: Clock,
  staffId: string,
  mfaSatisfied: boolean,
  ipAddress: string,
): Promise<string> {
  const token = newToken();
  const now = clock.now();
  await executor.insert(staffSession).values({
    tokenHash: hashToken(token),
    staffId,
    mfaSatisfied,
    createdAt: now,
    lastSeenAt: now,
    ipAddress,
  });
  return token;
}

/** The live session for a cookie, or undefined if it is unknown, idle too long or too old. */
export async function findLiveSession(
  executor: Executor,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
): Promise<StaffSessionRow | undefined> {
  const [session] = await executor
    .select()
    .from(staffSession)
    .where(eq(staffSession.tokenHash, hashToken(token)))
    .limit(1);
  if (!session) return undefined;
  const now = clock.now().getTime();
  const idleFor = now - session.lastSeenAt.getTime();
  const age = now - session.createdAt.getTime();
  if (idleFor > policy.idleMinutes * 60_000 || age > policy.maxHours * 3_600_000) {
    await executor.delete(staffSession).where(eq(staffSession.tokenHash, session.tokenHash));
    return undefined;
  }
  // Writing on every request would make each page view a write; a minute's precision is enough.
  if (idleFor > 60_000) {
    await executor
      .update(staffSession)
      .set({ lastSeenAt: clock.now() })
      .where(eq(staffSession.tokenHash, session.tokenHash));
  }
  return session;
}

export async function markSecondFactorGiven(executor: Executor, token: string): Promise<void> {
  await executor
    .update(staffSession)
    .set({ mfaSatisfied: true })
    .where(eq(staffSession.tokenHash, hashToken(token)));
}

export async function endSession(executor: Executor, token: string): Promise<void> {
  await executor.delete(staffSession).where(eq(staffSession.tokenHash, hashToken(token)));
}

export async function endAllSessionsOf(executor: Executor, staffId: string): Promise<void> {
  await executor.delete(staffSession).where(eq(staffSession.staffId, staffId));
}

/** Housekeeping: sessions past either limit are removed in bulk. */
export async function removeExpiredSessions(executor: Executor, clock: Clock, policy: SessionPolicy) {
  const now = clock.now().getTime();
  await executor
    .delete(staffSession)
    .where(
      or(
        lt(staffSession.lastSeenAt, new Date(now - policy.idleMinutes * 60_000)),
        lt(staffSession.createdAt, new Date(now - policy.maxHours * 3_600_000)),
      ),
    );
}
