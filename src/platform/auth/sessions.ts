import { eq, lt, or } from "drizzle-orm";
import type { Clock } from "../clock";
import type { Executor } from "../db";
import { staffSession } from "./schema";
import { hashToken, newToken } from "./tokens";

export type SessionPolicy = { idleMinutes: number; maxHours: number };

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

/**
 * Whether a session is still usable at `nowMs`: too idle or too old ends it; one last seen more
 * than a minute ago is touched (writing on every request would make each page view a write, and
 * a minute's precision is enough).
 */
export function sessionFreshness(
  policy: SessionPolicy,
  nowMs: number,
  session: { createdAtMs: number; lastSeenAtMs: number },
): "expired" | "touch" | "fresh" {
  const idleFor = nowMs - session.lastSeenAtMs;
  const age = nowMs - session.createdAtMs;
  if (idleFor > policy.idleMinutes * 60_000 || age > policy.maxHours * 3_600_000) return "expired";
  return idleFor > 60_000 ? "touch" : "fresh";
}

export async function touchSession(executor: Executor, clock: Clock, tokenHash: string): Promise<void> {
  await executor
    .update(staffSession)
    .set({ lastSeenAt: clock.now() })
    .where(eq(staffSession.tokenHash, tokenHash));
}

export async function removeSession(executor: Executor, tokenHash: string): Promise<void> {
  await executor.delete(staffSession).where(eq(staffSession.tokenHash, tokenHash));
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
