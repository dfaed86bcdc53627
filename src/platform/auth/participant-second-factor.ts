import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { ParticipantSelf } from "../access/self";
import type { AuditAction } from "../audit/actions";
import { recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import type { Database, Transaction } from "../db";
import { acceptedStep } from "./mfa";
import { actorOf, auditAccountChange } from "./participant-accounts";
import { createParticipantSession, endAllParticipantSessionsOf } from "./participant-sessions";
import { verifyPassword } from "./passwords";
import { participantAccount } from "./schema";
import { queueFactorChangeNotice } from "./second-factor-notice";
import { type CodeCheck, secondFactorKey, type ThrottlePolicy, throttledCodeCheck } from "./throttle";

// A participant's optional authenticator: the code at sign-in (counted and locked as staff codes
// are), setting one up where there is none, and removing it with the password and a code from it.
// The rules of when each may happen are in sign-in-states.ts, shared with staff.

type AccountRow = typeof participantAccount.$inferSelect;

/** An authenticator code, each time step usable once (participants have no recovery codes). */
async function acceptParticipantCode(tx: Transaction, clock: Clock, account: AccountRow, code: string) {
  if (!account.mfaSecret) return false;
  const step = acceptedStep(account.mfaSecret, code, clock.now());
  const accepted = step !== undefined && (account.mfaLastStep === null || step > account.mfaLastStep);
  if (accepted)
    await tx
      .update(participantAccount)
      .set({ mfaLastStep: step })
      .where(eq(participantAccount.id, account.id));
  return accepted;
}

function throttledParticipantCode(
  tx: Transaction,
  clock: Clock,
  policy: ThrottlePolicy,
  account: AccountRow,
  action: AuditAction,
  ipAddress: string,
  check: () => Promise<boolean>,
): Promise<CodeCheck> {
  return throttledCodeCheck(tx, clock, policy, secondFactorKey("participant", account.id), check, (outcome) =>
    recordAuditEvent(tx, clock, {
      actor: actorOf(account.id),
      action: outcome === "locked" ? "participant_portal.sign_in.second_factor_locked" : action,
      subject: { type: "participant_account", id: account.id },
      organisationId: account.organisationId,
      ipAddress,
      outcome: outcome === "locked" ? "refused" : outcome,
      reason:
        outcome === "locked"
          ? `codes locked for ${policy.lockMinutes} minutes after ${policy.maxFailures} wrong codes`
          : outcome === "refused"
            ? "codes locked after repeated wrong codes"
            : null,
    }),
  );
}

/** Checks an authenticator code at sign-in; refused while the account's codes are locked. */
export async function verifyParticipantSecondFactor(
  db: Database,
  clock: Clock,
  policy: ThrottlePolicy,
  accountId: string,
  code: string,
  ipAddress: string,
): Promise<CodeCheck> {
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(participantAccount)
      .where(eq(participantAccount.id, accountId))
      .for("update");
    if (!account?.mfaSecret) return { kind: "refused" as const, delayMs: 0 };
    return throttledParticipantCode(
      tx,
      clock,
      policy,
      account,
      "participant_portal.sign_in.second_factor",
      ipAddress,
      () => acceptParticipantCode(tx, clock, account, code),
    );
  });
}

/**
 * Turns on the authenticator once the person shows it gives the right code, for an account with
 * none: the update itself says so, so a second one never overwrites the first.
 */
export async function enrolFirstParticipantSecondFactor(
  db: Database,
  clock: Clock,
  self: ParticipantSelf,
  secret: string,
  code: string,
  ipAddress: string,
): Promise<"enrolled" | "wrong_code" | "already_enrolled"> {
  const step = acceptedStep(secret, code, clock.now());
  if (step === undefined) return "wrong_code";
  return db.transaction(async (tx) => {
    const [enrolled] = await tx
      .update(participantAccount)
      .set({ mfaSecret: secret, mfaEnrolledAt: clock.now(), mfaLastStep: step, updatedAt: clock.now() })
      .where(and(eq(participantAccount.id, self.accountId), isNull(participantAccount.mfaEnrolledAt)))
      .returning({ id: participantAccount.id });
    await auditAccountChange(
      tx,
      clock,
      self,
      "participant_portal.second_factor_enrolled",
      ipAddress,
      enrolled ? "succeeded" : "failed",
    );
    return enrolled ? "enrolled" : "already_enrolled";
  });
}

export type RemovalOutcome =
  | { kind: "removed"; sessionToken: string }
  | { kind: "wrong_password"; delayMs: number }
  | { kind: "wrong_current_code"; delayMs: number }
  | { kind: "locked"; until: Date }
  | { kind: "no_factor" };

/**
 * Removes the authenticator, with the password and a code from it in the same request, so neither
 * a borrowed unlocked phone nor a stolen session can. Wrong attempts count towards the code lock.
 * Every other session ends; the person is emailed at `notifyTo` when they have an address and
 * agreed to email (the caller decides, from their record), and it is audited either way.
 */
export async function removeParticipantSecondFactor(
  db: Database,
  clock: Clock,
  policy: ThrottlePolicy,
  self: ParticipantSelf,
  proof: { password: string; currentCode: string },
  ipAddress: string,
  notifyTo: string | undefined,
): Promise<RemovalOutcome> {
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(participantAccount)
      .where(eq(participantAccount.id, self.accountId))
      .for("update");
    if (!account?.mfaSecret) return { kind: "no_factor" as const };
    let passwordRight = false;
    const check = await throttledParticipantCode(
      tx,
      clock,
      policy,
      account,
      "participant_portal.second_factor_removed.proof",
      ipAddress,
      async () => {
        passwordRight = await verifyPassword(account.passwordHash, proof.password);
        return passwordRight && (await acceptParticipantCode(tx, clock, account, proof.currentCode));
      },
    );
    if (check.kind === "locked") return { kind: "locked" as const, until: check.until };
    if (check.kind === "refused")
      return passwordRight
        ? { kind: "wrong_current_code" as const, delayMs: check.delayMs }
        : { kind: "wrong_password" as const, delayMs: check.delayMs };
    await tx
      .update(participantAccount)
      .set({ mfaSecret: null, mfaEnrolledAt: null, mfaLastStep: null, updatedAt: clock.now() })
      .where(and(eq(participantAccount.id, self.accountId), isNotNull(participantAccount.mfaEnrolledAt)));
    await endAllParticipantSessionsOf(tx, self.accountId);
    await recordAuditEvent(tx, clock, {
      actor: actorOf(self.accountId),
      action: "participant_portal.second_factor_removed",
      subject: { type: "participant_account", id: self.accountId },
      organisationId: self.organisationId,
      ipAddress,
      outcome: "succeeded",
      reason: notifyTo
        ? "password and code given; emailed"
        : "password and code given; no email address or consent",
    });
    if (notifyTo)
      await queueFactorChangeNotice(tx, clock, {
        organisationId: self.organisationId,
        to: notifyTo,
        change: "removed",
        audience: "participant",
      });
    // This browser carries on with a fresh session; every other one has ended.
    return {
      kind: "removed" as const,
      sessionToken: await createParticipantSession(tx, clock, self.accountId, true, ipAddress),
    };
  });
}
