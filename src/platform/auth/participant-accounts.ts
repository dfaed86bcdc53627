import { and, eq, sql } from "drizzle-orm";
import { PARTICIPANT_ROLE, type ParticipantSelf } from "../access/self";
import { type AuditAction, recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import type { Database, Executor } from "../db";
import { createParticipantSession, endAllParticipantSessionsOf } from "./participant-sessions";
import { hashPassword, verifyPassword } from "./passwords";
import { participantAccount } from "./schema";
import { isFullySignedIn, passwordAcceptedEvent, transition } from "./sign-in-states";
import { accountKey, addressKey, type ThrottlePolicy, throttledPasswordCheck } from "./throttle";

// A participant's own account: signing in, the optional authenticator, the password.

export type SignedInParticipant = ParticipantSelf & {
  signInName: string;
  mfaEnrolled: boolean;
  /** Password given, authenticator code still to give. */
  secondFactorPending: boolean;
};

type AccountRow = typeof participantAccount.$inferSelect;

const selfOf = (account: AccountRow): ParticipantSelf => ({
  accountId: account.id,
  participantId: account.participantId,
  organisationId: account.organisationId,
});

export const actorOf = (accountId: string) => ({ id: accountId, role: PARTICIPANT_ROLE });

/** The person behind a session, or undefined if their access has been withdrawn. */
export async function loadSignedInParticipant(
  executor: Executor,
  accountId: string,
  mfaSatisfied: boolean,
): Promise<SignedInParticipant | undefined> {
  const [account] = await executor
    .select()
    .from(participantAccount)
    .where(and(eq(participantAccount.id, accountId), eq(participantAccount.status, "active")))
    .limit(1);
  if (!account) return undefined;
  return {
    ...selfOf(account),
    signInName: account.signInName,
    mfaEnrolled: account.mfaEnrolledAt !== null,
    secondFactorPending: !mfaSatisfied,
  };
}

export type ParticipantSignInResult =
  | { kind: "locked"; until: Date; delayMs: number }
  | { kind: "refused"; delayMs: number }
  | { kind: "signed_in"; token: string; next: "home" | "second_factor"; deviceToken: string };

/**
 * Sign-in name and password, throttled like staff sign-in. The answer is the same for an unknown
 * name and a wrong password, so nothing reveals who has an account.
 */
export async function signInParticipant(
  context: { db: Database; clock: Clock; throttle: ThrottlePolicy },
  attempt: { signInName: string; password: string; ipAddress: string; deviceToken?: string },
): Promise<ParticipantSignInResult> {
  const { db, clock } = context;
  // Their own key space: a participant's name never shares a count with a staff email.
  const keys = {
    account: accountKey(`participant:${attempt.signInName}`),
    address: addressKey(attempt.ipAddress),
  };
  const [account] = await db
    .select()
    .from(participantAccount)
    .where(eq(sql`lower(${participantAccount.signInName})`, attempt.signInName.trim().toLowerCase()))
    .limit(1);
  const audit = (executor: Executor, outcome: "succeeded" | "failed" | "refused", reason: string) =>
    recordAuditEvent(executor, clock, {
      actor: account ? actorOf(account.id) : null,
      action: "participant_portal.sign_in",
      subject: account ? { type: "participant_account", id: account.id } : undefined,
      organisationId: account?.organisationId ?? null,
      ipAddress: attempt.ipAddress,
      outcome,
      reason,
    });
  const usable = account?.status === "active";
  return throttledPasswordCheck(
    context,
    keys,
    {
      passwordHash: usable ? account.passwordHash : null,
      unusableReason: !account ? "unknown sign-in name" : "access withdrawn",
    },
    attempt.password,
    audit,
    async (tx) => {
      // A usable account is the only way here.
      const signedIn = account!;
      // Participants choose whether to use an authenticator: none is ever required of them.
      const verdict = transition(
        "signed_out",
        passwordAcceptedEvent({ factorEnrolled: signedIn.mfaEnrolledAt !== null, factorRequired: false }),
      );
      if (!verdict.allowed) throw new Error("sign-in state machine refused a right password");
      const secondFactor = !isFullySignedIn(verdict.to);
      const token = await createParticipantSession(tx, clock, signedIn.id, !secondFactor, attempt.ipAddress);
      await tx
        .update(participantAccount)
        .set({ lastSignInAt: clock.now() })
        .where(eq(participantAccount.id, signedIn.id));
      await audit(
        tx,
        "succeeded",
        secondFactor ? "password accepted; second factor next" : "password accepted",
      );
      return {
        kind: "signed_in" as const,
        token,
        next: secondFactor ? ("second_factor" as const) : ("home" as const),
      };
    },
    attempt.deviceToken,
  );
}

export async function auditAccountChange(
  executor: Executor,
  clock: Clock,
  self: ParticipantSelf,
  action: AuditAction,
  ipAddress: string,
  outcome: "succeeded" | "failed" = "succeeded",
) {
  await recordAuditEvent(executor, clock, {
    actor: actorOf(self.accountId),
    action,
    subject: { type: "participant_account", id: self.accountId },
    organisationId: self.organisationId,
    ipAddress,
    outcome,
  });
}

/** Changing the password ends every session, this one included; the caller signs this browser in again. */
export async function changeParticipantPassword(
  db: Database,
  clock: Clock,
  self: ParticipantSelf,
  current: string,
  next: string,
  ipAddress: string,
): Promise<{ kind: "changed"; sessionToken: string } | { kind: "wrong_current_password" }> {
  const [account] = await db
    .select()
    .from(participantAccount)
    .where(eq(participantAccount.id, self.accountId));
  if (!account || !(await verifyPassword(account.passwordHash, current))) {
    await auditAccountChange(db, clock, self, "participant_portal.password_changed", ipAddress, "failed");
    return { kind: "wrong_current_password" };
  }
  const passwordHash = await hashPassword(next);
  return db.transaction(async (tx) => {
    await tx
      .update(participantAccount)
      .set({ passwordHash, updatedAt: clock.now() })
      .where(eq(participantAccount.id, self.accountId));
    await endAllParticipantSessionsOf(tx, self.accountId);
    await auditAccountChange(tx, clock, self, "participant_portal.password_changed", ipAddress);
    return {
      kind: "changed" as const,
      sessionToken: await createParticipantSession(tx, clock, self.accountId, true, ipAddress),
    };
  });
}

export async function recordParticipantSignOut(
  executor: Executor,
  clock: Clock,
  self: ParticipantSelf,
  ipAddress: string,
) {
  await auditAccountChange(executor, clock, self, "participant_portal.sign_out", ipAddress);
}
