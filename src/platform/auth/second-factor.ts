import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { AuditAction } from "../audit/actions";
import { recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import type { Database, Executor, Transaction } from "../db";
import { staffAccount } from "../directory/schema";
import { acceptedStep, hashRecoveryCode, newRecoveryCodes } from "./mfa";
import { verifyPassword } from "./passwords";
import { mfaRecoveryCode } from "./schema";
import { type FactorChange, queueFactorChangeNotice } from "./second-factor-notice";
import { endAllSessionsOf } from "./sessions";
import { type CodeCheck, secondFactorKey, type ThrottlePolicy, throttledCodeCheck } from "./throttle";

// A member of staff's second factor: giving it at sign-in (counted and locked like the password),
// setting up the first one, and replacing it or its recovery codes, which needs the password and
// the current factor again. The rules of when each may happen are in sign-in-states.ts.

type StaffRow = typeof staffAccount.$inferSelect;

/** The lock policy for second-factor codes, from the configuration. */
export function codeThrottle(
  secondFactor: { maxFailures: number; lockMinutes: number },
  delayStepMs: number,
): ThrottlePolicy {
  // Codes are counted per account only: the address is limited by the route's rate limit.
  return { ...secondFactor, maxFailuresPerAddress: secondFactor.maxFailures, delayStepMs };
}

/** An authenticator code (each time step once) or an unused recovery code, which is then spent. */
async function acceptStaffCode(
  tx: Transaction,
  clock: Clock,
  staff: StaffRow,
  code: string,
): Promise<{ accepted: boolean; method: string }> {
  if (!staff.mfaSecret) return { accepted: false, method: "no second factor" };
  const step = acceptedStep(staff.mfaSecret, code, clock.now());
  if (step !== undefined) {
    const fresh = staff.mfaLastStep === null || step > staff.mfaLastStep;
    if (fresh) await tx.update(staffAccount).set({ mfaLastStep: step }).where(eq(staffAccount.id, staff.id));
    return { accepted: fresh, method: "authenticator code" };
  }
  const [recovery] = await tx
    .update(mfaRecoveryCode)
    .set({ usedAt: clock.now() })
    .where(
      and(
        eq(mfaRecoveryCode.staffId, staff.id),
        eq(mfaRecoveryCode.codeHash, hashRecoveryCode(code)),
        isNull(mfaRecoveryCode.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCode.id });
  return { accepted: recovery !== undefined, method: "recovery code" };
}

/** The code check with the account's lock, in the caller's transaction, audited as `action`. */
async function throttledStaffCode(
  tx: Transaction,
  clock: Clock,
  policy: ThrottlePolicy,
  staff: StaffRow,
  action: AuditAction,
  ipAddress: string,
  check: () => Promise<{ accepted: boolean; method: string }>,
): Promise<CodeCheck> {
  let method = "";
  return throttledCodeCheck(
    tx,
    clock,
    policy,
    secondFactorKey("staff", staff.id),
    async () => {
      const result = await check();
      method = result.method;
      return result.accepted;
    },
    (outcome) =>
      recordAuditEvent(tx, clock, {
        actor: { id: staff.id, role: staff.role },
        action: outcome === "locked" ? "sign_in.second_factor_locked" : action,
        subject: { type: "staff", id: staff.id },
        organisationId: staff.organisationId,
        ipAddress,
        outcome: outcome === "locked" ? "refused" : outcome,
        reason:
          outcome === "locked"
            ? `codes locked for ${policy.lockMinutes} minutes after ${policy.maxFailures} wrong codes`
            : outcome === "refused"
              ? "codes locked after repeated wrong codes"
              : method,
      }),
  );
}

/** Checks a code for someone part-way through signing in; refused while the account's codes are locked. */
export async function verifySecondFactor(
  db: Database,
  clock: Clock,
  policy: ThrottlePolicy,
  staffId: string,
  code: string,
  ipAddress: string,
): Promise<CodeCheck> {
  return db.transaction(async (tx) => {
    const [staff] = await tx.select().from(staffAccount).where(eq(staffAccount.id, staffId)).for("update");
    if (!staff?.mfaSecret) return { kind: "refused" as const, delayMs: 0 };
    return throttledStaffCode(tx, clock, policy, staff, "sign_in.second_factor", ipAddress, () =>
      acceptStaffCode(tx, clock, staff, code),
    );
  });
}

export async function replaceRecoveryCodes(
  executor: Executor,
  clock: Clock,
  staffId: string,
): Promise<string[]> {
  await executor.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.staffId, staffId));
  const codes = newRecoveryCodes();
  await executor
    .insert(mfaRecoveryCode)
    .values(codes.map((code) => ({ staffId, codeHash: hashRecoveryCode(code), createdAt: clock.now() })));
  return codes;
}

export type EnrolmentOutcome =
  | { kind: "enrolled"; codes: string[] }
  | { kind: "wrong_code" }
  | { kind: "already_enrolled" };

/**
 * Sets up the first second factor once the person proves their authenticator works, and returns
 * fresh recovery codes (shown once; only their hashes are kept). Only an account with no factor:
 * the update itself says so, so no route can forget it and no race slips a second one in.
 */
export async function enrolFirstSecondFactor(
  db: Database,
  clock: Clock,
  staffId: string,
  secret: string,
  code: string,
  ipAddress: string,
): Promise<EnrolmentOutcome> {
  const step = acceptedStep(secret, code, clock.now());
  if (step === undefined) return { kind: "wrong_code" };
  return db.transaction(async (tx) => {
    const [staff] = await tx
      .update(staffAccount)
      .set({ mfaSecret: secret, mfaEnrolledAt: clock.now(), mfaLastStep: step, updatedAt: clock.now() })
      .where(and(eq(staffAccount.id, staffId), isNull(staffAccount.mfaEnrolledAt)))
      .returning();
    const [who] = staff ? [staff] : await tx.select().from(staffAccount).where(eq(staffAccount.id, staffId));
    if (!who) return { kind: "already_enrolled" as const };
    await recordAuditEvent(tx, clock, {
      actor: { id: who.id, role: who.role },
      action: "account.second_factor_enrolled",
      subject: { type: "staff", id: who.id },
      organisationId: who.organisationId,
      ipAddress,
      outcome: staff ? "succeeded" : "refused",
      reason: staff ? null : "a second factor is already set up",
    });
    if (!staff) return { kind: "already_enrolled" as const };
    return { kind: "enrolled" as const, codes: await replaceRecoveryCodes(tx, clock, staffId) };
  });
}

export type FactorProof = { password: string; currentCode: string };

export type ProvenChangeOutcome<Result> =
  | { kind: "done"; result: Result }
  | { kind: "wrong_password"; delayMs: number }
  | { kind: "wrong_current_code"; delayMs: number }
  | { kind: "locked"; until: Date }
  | { kind: "no_factor" };

/**
 * A change to the factor itself (replacing it, or its recovery codes) for someone fully signed in:
 * their password and their current factor (an authenticator code or an unused recovery code) in
 * the same request. A wrong password or code counts towards the same lock as wrong codes at
 * sign-in, so the form is no way round it. On success the change runs in the same transaction,
 * every other session of the account ends, the person is emailed, and it is all audited.
 */
async function provenFactorChange<Result>(
  db: Database,
  clock: Clock,
  policy: ThrottlePolicy,
  staffId: string,
  proof: FactorProof,
  ipAddress: string,
  change: FactorChange,
  work: (tx: Transaction, staff: StaffRow) => Promise<Result>,
): Promise<ProvenChangeOutcome<Result>> {
  const action = change === "replaced" ? "account.second_factor_replaced" : "account.recovery_codes_replaced";
  return db.transaction(async (tx) => {
    const [staff] = await tx.select().from(staffAccount).where(eq(staffAccount.id, staffId)).for("update");
    if (!staff?.mfaSecret || !staff.mfaEnrolledAt) return { kind: "no_factor" as const };
    let passwordRight = false;
    const check = await throttledStaffCode(
      tx,
      clock,
      policy,
      staff,
      change === "replaced"
        ? "account.second_factor_replaced.proof"
        : "account.recovery_codes_replaced.proof",
      ipAddress,
      async () => {
        passwordRight =
          staff.passwordHash !== null && (await verifyPassword(staff.passwordHash, proof.password));
        if (!passwordRight) return { accepted: false, method: "password wrong" };
        return acceptStaffCode(tx, clock, staff, proof.currentCode);
      },
    );
    if (check.kind === "locked") return { kind: "locked" as const, until: check.until };
    if (check.kind === "refused")
      return passwordRight
        ? { kind: "wrong_current_code" as const, delayMs: check.delayMs }
        : { kind: "wrong_password" as const, delayMs: check.delayMs };
    const result = await work(tx, staff);
    await endAllSessionsOf(tx, staff.id);
    await recordAuditEvent(tx, clock, {
      actor: { id: staff.id, role: staff.role },
      action,
      subject: { type: "staff", id: staff.id },
      organisationId: staff.organisationId,
      ipAddress,
      outcome: "succeeded",
      reason: "password and current second factor given",
    });
    await queueFactorChangeNotice(tx, clock, {
      organisationId: staff.organisationId,
      to: staff.email,
      change,
      audience: "staff",
    });
    return { kind: "done" as const, result };
  });
}

/** Replaces the authenticator: the new one must give a right code, the old one and the password too. */
export async function replaceSecondFactor(
  db: Database,
  clock: Clock,
  policy: ThrottlePolicy,
  staffId: string,
  proof: FactorProof,
  next: { secret: string; code: string },
  ipAddress: string,
): Promise<ProvenChangeOutcome<string[]> | { kind: "wrong_new_code" }> {
  const step = acceptedStep(next.secret, next.code, clock.now());
  if (step === undefined) return { kind: "wrong_new_code" };
  return provenFactorChange(db, clock, policy, staffId, proof, ipAddress, "replaced", async (tx, staff) => {
    await tx
      .update(staffAccount)
      .set({ mfaSecret: next.secret, mfaEnrolledAt: clock.now(), mfaLastStep: step, updatedAt: clock.now() })
      .where(and(eq(staffAccount.id, staff.id), isNotNull(staffAccount.mfaEnrolledAt)));
    return replaceRecoveryCodes(tx, clock, staff.id);
  });
}

/** New recovery codes in place of the old: a second factor too, so the same proof. */
export async function replaceRecoveryCodesWithProof(
  db: Database,
  clock: Clock,
  policy: ThrottlePolicy,
  staffId: string,
  proof: FactorProof,
  ipAddress: string,
): Promise<ProvenChangeOutcome<string[]>> {
  return provenFactorChange(
    db,
    clock,
    policy,
    staffId,
    proof,
    ipAddress,
    "recovery_codes_replaced",
    (tx, staff) => replaceRecoveryCodes(tx, clock, staff.id),
  );
}
