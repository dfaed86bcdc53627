import { and, eq, inArray } from "drizzle-orm";
import type { Clock } from "../clock";
import type { Database, Executor, Transaction } from "../db";
import { verifyAgainstDecoy, verifyPassword } from "./passwords";
import { knownDevice, signInThrottle } from "./schema";
import { hashToken, newToken } from "./tokens";

export type ThrottlePolicy = {
  maxFailures: number;
  maxFailuresPerAddress: number;
  lockMinutes: number;
  /** Added before answering each failed attempt, growing with the count: the "slowed" part. */
  delayStepMs: number;
};

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
/** Consecutive failures on an account from browsers it does not know, across lock windows. */
const streakKey = (account: string) => `streak:${account}`;
/** NIST SP 800-63B 5.2.2: no more than 100 consecutive failed attempts on one account. */
export const MAX_CONSECUTIVE_FAILURES = 100;
const STREAK_LOCK_MS = 24 * 3_600_000;
export const addressKey = (ipAddress: string) => `address:${ipAddress}`;
/** Wrong second-factor codes are counted per account, apart from passwords, staff and participants apart. */
export const secondFactorKey = (kind: "staff" | "participant", accountId: string) =>
  `second-factor:${kind}:${accountId}`;

/** Whole minutes until a lock ends, at least one, for telling the person how long to wait. */
export const minutesUntil = (clock: Clock, until: Date) =>
  Math.max(1, Math.ceil((until.getTime() - clock.now().getTime()) / 60_000));

/** The latest lock among the keys, if any is locked now. */
export async function lockedUntil(
  executor: Executor,
  clock: Clock,
  keys: string[],
): Promise<Date | undefined> {
  const rows = await executor.select().from(signInThrottle).where(inArray(signInThrottle.key, keys));
  const now = clock.now().getTime();
  const locks = rows
    .map((row) => row.lockedUntil)
    .filter((until): until is Date => until !== null && until.getTime() > now)
    .sort((a, b) => b.getTime() - a.getTime());
  return locks[0];
}

/**
 * Counts a failure against the account and (when given) the address; returns the delay to apply
 * and any new lock.
 */
export async function recordFailure(
  executor: Executor,
  clock: Clock,
  policy: ThrottlePolicy,
  keys: { account: string; address?: string },
): Promise<{ delayMs: number; lockedUntil?: Date }> {
  const now = clock.now();
  const windowMs = policy.lockMinutes * 60_000;
  let delayMs = 0;
  let lock: Date | undefined;
  const counted: [string, number][] = [[keys.account, policy.maxFailures]];
  if (keys.address) counted.push([keys.address, policy.maxFailuresPerAddress]);
  for (const [key, limit] of counted) {
    const [existing] = await executor.select().from(signInThrottle).where(eq(signInThrottle.key, key));
    // Failures older than the window, or from before a lock that has passed, start a fresh count.
    const stale =
      !existing ||
      now.getTime() - existing.firstFailureAt.getTime() > windowMs ||
      (existing.lockedUntil !== null && existing.lockedUntil.getTime() <= now.getTime());
    const failures = stale ? 1 : existing.failures + 1;
    const lockedUntil = failures >= limit ? new Date(now.getTime() + windowMs) : null;
    await executor
      .insert(signInThrottle)
      .values({ key, failures, firstFailureAt: now, lockedUntil })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: stale ? { failures, firstFailureAt: now, lockedUntil } : { failures, lockedUntil },
      });
    if (key === keys.account) delayMs = Math.min(policy.delayStepMs * failures, 2000);
    if (lockedUntil && (!lock || lockedUntil > lock)) lock = lockedUntil;
  }
  return lock ? { delayMs, lockedUntil: lock } : { delayMs };
}

/**
 * Counts a failure in the account's streak, which only a success ends: past the cap, browsers the
 * account does not know wait a day between attempts; its own known browsers still get in.
 */
async function recordStreak(executor: Executor, clock: Clock, account: string) {
  const key = streakKey(account);
  const now = clock.now();
  const [existing] = await executor.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  const failures = (existing?.failures ?? 0) + 1;
  const lockedUntil = failures >= MAX_CONSECUTIVE_FAILURES ? new Date(now.getTime() + STREAK_LOCK_MS) : null;
  await executor
    .insert(signInThrottle)
    .values({ key, failures, firstFailureAt: now, lockedUntil })
    .onConflictDoUpdate({ target: signInThrottle.key, set: { failures, lockedUntil } });
  return lockedUntil ?? undefined;
}

export async function clearFailures(executor: Executor, key: string): Promise<void> {
  await executor.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/** A browser is remembered this long after it last signed in. */
export const KNOWN_DEVICE_DAYS = 180;

/** The known-device record for this cookie, if it belongs to this account and is still fresh. */
async function knownDeviceFor(executor: Executor, clock: Clock, token: string | undefined, account: string) {
  if (!token || token.length > 128) return undefined;
  const [row] = await executor
    .select()
    .from(knownDevice)
    .where(and(eq(knownDevice.tokenHash, hashToken(token)), eq(knownDevice.accountKey, account)));
  const freshSince = clock.now().getTime() - KNOWN_DEVICE_DAYS * 86_400_000;
  return row && row.lastUsedAt.getTime() > freshSince ? row : undefined;
}

/** A new token for this browser (the old one, if any, stops working). */
async function rememberDevice(executor: Executor, clock: Clock, account: string, previousHash?: string) {
  if (previousHash) await executor.delete(knownDevice).where(eq(knownDevice.tokenHash, previousHash));
  const token = newToken();
  await executor.insert(knownDevice).values({
    tokenHash: hashToken(token),
    accountKey: account,
    createdAt: clock.now(),
    lastUsedAt: clock.now(),
  });
  return token;
}

/**
 * A wrong password from a known browser counts against that browser only; at the account's limit
 * the browser is forgotten, and its later attempts are throttled like anyone's.
 */
async function recordDeviceFailure(
  executor: Executor,
  policy: ThrottlePolicy,
  device: { tokenHash: string; failures: number },
) {
  const failures = device.failures + 1;
  if (failures >= policy.maxFailures) {
    await executor.delete(knownDevice).where(eq(knownDevice.tokenHash, device.tokenHash));
  } else {
    await executor.update(knownDevice).set({ failures }).where(eq(knownDevice.tokenHash, device.tokenHash));
  }
  return { delayMs: Math.min(policy.delayStepMs * failures, 2000) };
}

export type RefusedPasswordCheck =
  | { kind: "locked"; until: Date; delayMs: number }
  | { kind: "refused"; delayMs: number };

type AuditOutcome = (
  executor: Executor,
  outcome: "succeeded" | "failed" | "refused",
  reason: string,
) => Promise<unknown>;

/**
 * The password check every sign-in makes, staff or participant: refused while the account or the
 * address is locked, unless this browser signed in to the account before (decision 62); an
 * unusable account is checked against a decoy hash so the time taken says nothing; a failure is
 * counted and audited in one transaction. On success the failures are cleared, the browser is
 * remembered (a new device token comes back for its cookie) and `succeed` runs in the same
 * transaction (it writes its own audit event).
 */
export async function throttledPasswordCheck<Success extends object>(
  context: { db: Database; clock: Clock; throttle: ThrottlePolicy },
  keys: { account: string; address: string },
  candidate: { passwordHash: string | null; unusableReason: string },
  password: string,
  audit: AuditOutcome,
  succeed: (tx: Transaction) => Promise<Success>,
  deviceToken?: string,
): Promise<RefusedPasswordCheck | (Success & { deviceToken: string })> {
  const { db, clock } = context;
  const device = await knownDeviceFor(db, clock, deviceToken, keys.account);
  if (!device) {
    const lock = await lockedUntil(db, clock, [keys.account, keys.address, streakKey(keys.account)]);
    if (lock) {
      await audit(db, "refused", "locked after repeated failures");
      return { kind: "locked", until: lock, delayMs: 0 };
    }
  }
  const matches = candidate.passwordHash
    ? await verifyPassword(candidate.passwordHash, password)
    : await verifyAgainstDecoy(password);
  if (!candidate.passwordHash || !matches) {
    return db.transaction(async (tx) => {
      const reason = candidate.passwordHash ? "wrong password" : candidate.unusableReason;
      if (device) {
        const failure = await recordDeviceFailure(tx, context.throttle, device);
        await audit(tx, "failed", `${reason} (from a browser that signed in before)`);
        return { kind: "refused" as const, delayMs: failure.delayMs };
      }
      const failure = await recordFailure(tx, clock, context.throttle, keys);
      const streakLock = await recordStreak(tx, clock, keys.account);
      await audit(tx, "failed", reason);
      const until = [failure.lockedUntil, streakLock]
        .filter((date): date is Date => date !== undefined)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      return until
        ? { kind: "locked" as const, until, delayMs: failure.delayMs }
        : { kind: "refused" as const, delayMs: failure.delayMs };
    });
  }
  return db.transaction(async (tx) => {
    await clearFailures(tx, keys.account);
    await clearFailures(tx, streakKey(keys.account));
    const token = await rememberDevice(tx, clock, keys.account, device?.tokenHash);
    return { ...(await succeed(tx)), deviceToken: token };
  });
}

export type CodeCheck = { kind: "accepted" } | RefusedPasswordCheck;

/**
 * The second-factor check every sign-in makes, staff or participant, counted per account as the
 * password check is: refused while the account's codes are locked, even for the right code; a
 * wrong code is counted, and the one that reaches the limit locks; the right one clears the count.
 * Runs in the caller's transaction (which holds the account row), so the count and the audit
 * events commit with the check.
 */
export async function throttledCodeCheck(
  tx: Transaction,
  clock: Clock,
  policy: ThrottlePolicy,
  key: string,
  check: () => Promise<boolean>,
  audit: (outcome: "succeeded" | "failed" | "refused" | "locked") => Promise<unknown>,
): Promise<CodeCheck> {
  const lock = await lockedUntil(tx, clock, [key]);
  if (lock) {
    await audit("refused");
    return { kind: "locked", until: lock, delayMs: 0 };
  }
  if (await check()) {
    await clearFailures(tx, key);
    await audit("succeeded");
    return { kind: "accepted" };
  }
  const failure = await recordFailure(tx, clock, policy, { account: key });
  await audit("failed");
  if (!failure.lockedUntil) return { kind: "refused", delayMs: failure.delayMs };
  await audit("locked");
  return { kind: "locked", until: failure.lockedUntil, delayMs: failure.delayMs };
}
