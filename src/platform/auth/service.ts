import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Actor } from "../access/policy";
import { roleTemplates } from "../access/roles";
import { recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import { type Database, type Executor, preparedRowsOf } from "../db";
import { organisation, type StaffRole, staffAccount, teamMembership } from "../directory/schema";
import { hashPassword, verifyPassword } from "./passwords";
import { mfaRecoveryCode, staffInvitation, staffSession } from "./schema";
import {
  createSession,
  endAllSessionsOf,
  removeSession,
  type SessionPolicy,
  sessionFreshness,
  touchSession,
} from "./sessions";
import { isFullySignedIn, passwordAcceptedEvent, transition } from "./sign-in-states";
import { accountKey, addressKey, type ThrottlePolicy, throttledPasswordCheck } from "./throttle";
import { hashToken } from "./tokens";

export type SignedInStaff = Actor & {
  fullName: string;
  email: string;
  mfaEnrolled: boolean;
  mfaRequired: boolean;
};

/** Whether this person must give a second factor at sign-in. */
export function mustUseSecondFactor(
  staff: { role: StaffRole; mfaEnrolled: boolean },
  organisationRequiresMfa: boolean,
  demoMode: boolean,
): boolean {
  if (staff.mfaEnrolled) return true;
  if (organisationRequiresMfa) return true;
  return roleTemplates[staff.role].requiresMfa && !demoMode;
}

/** The person behind a session or token, with what the access policy needs; undefined if not active. */
export async function loadSignedInStaff(
  executor: Executor,
  staffId: string,
  demoMode: boolean,
): Promise<SignedInStaff | undefined> {
  const [row] = await executor
    .select({ staff: staffAccount, organisationRequiresMfa: organisation.requireMfa })
    .from(staffAccount)
    .innerJoin(organisation, eq(organisation.id, staffAccount.organisationId))
    .where(and(eq(staffAccount.id, staffId), eq(staffAccount.status, "active")))
    .limit(1);
  if (!row) return undefined;
  const memberships = await executor
    .select({ teamId: teamMembership.teamId })
    .from(teamMembership)
    .where(eq(teamMembership.staffId, staffId));
  return {
    staffId: row.staff.id,
    role: row.staff.role,
    organisationId: row.staff.organisationId,
    teamIds: memberships.map((membership) => membership.teamId),
    fullName: row.staff.fullName,
    email: row.staff.email,
    mfaEnrolled: row.staff.mfaEnrolledAt !== null,
    mfaRequired: mustUseSecondFactor(
      { role: row.staff.role, mfaEnrolled: row.staff.mfaEnrolledAt !== null },
      row.organisationRequiresMfa,
      demoMode,
    ),
  };
}

export type SignedInSession = { staff: SignedInStaff; mfaSatisfied: boolean };

/**
 * The live session for a cookie and the person behind it, in one statement because every signed-in
 * request starts here: undefined if the session is unknown, idle too long or too old (it is then
 * removed), or its person is no longer active.
 */
export async function findSignedInSession(
  executor: Executor,
  clock: Clock,
  policy: SessionPolicy,
  token: string,
  demoMode: boolean,
): Promise<SignedInSession | undefined> {
  // Times travel as epoch milliseconds: the two drivers hand back timestamps in different shapes.
  const [row] = await preparedRowsOf<{
    token_hash: string;
    mfa_satisfied: boolean;
    created_at_ms: number;
    last_seen_at_ms: number;
    staff_id: string | null;
    role: StaffRole;
    organisation_id: string;
    full_name: string;
    email: string;
    mfa_enrolled: boolean;
    organisation_requires_mfa: boolean;
    team_ids: string[];
  }>(
    executor,
    sql`select session.token_hash, session.mfa_satisfied,
          (extract(epoch from session.created_at) * 1000)::float8 as created_at_ms,
          (extract(epoch from session.last_seen_at) * 1000)::float8 as last_seen_at_ms,
          staff.id as staff_id, staff.role, staff.organisation_id, staff.full_name, staff.email,
          staff.mfa_enrolled_at is not null as mfa_enrolled, org.require_mfa as organisation_requires_mfa,
          array(select membership.team_id from ${teamMembership} membership
            where membership.staff_id = staff.id) as team_ids
        from ${staffSession} session
        left join ${staffAccount} staff on staff.id = session.staff_id and staff.status = 'active'
        left join ${organisation} org on org.id = staff.organisation_id
        where session.token_hash = ${hashToken(token)}
        limit 1`,
  );
  if (!row) return undefined;
  const freshness = sessionFreshness(policy, clock.now().getTime(), {
    createdAtMs: Number(row.created_at_ms),
    lastSeenAtMs: Number(row.last_seen_at_ms),
  });
  if (freshness === "expired") {
    await removeSession(executor, row.token_hash);
    return undefined;
  }
  if (freshness === "touch") await touchSession(executor, clock, row.token_hash);
  if (!row.staff_id) return undefined;
  const role = row.role;
  return {
    mfaSatisfied: row.mfa_satisfied,
    staff: {
      staffId: row.staff_id,
      role,
      organisationId: row.organisation_id,
      teamIds: row.team_ids ?? [],
      fullName: row.full_name,
      email: row.email,
      mfaEnrolled: row.mfa_enrolled,
      mfaRequired: mustUseSecondFactor(
        { role, mfaEnrolled: row.mfa_enrolled },
        row.organisation_requires_mfa,
        demoMode,
      ),
    },
  };
}

export type SignInResult =
  | { kind: "locked"; until: Date; delayMs: number }
  | { kind: "refused"; delayMs: number }
  | {
      kind: "signed_in";
      token: string;
      staffId: string;
      next: "home" | "verify_second_factor" | "enrol_second_factor";
      /** For the known-device cookie (decision 62). */
      deviceToken: string;
    };

export type SignInContext = {
  db: Database;
  clock: Clock;
  throttle: ThrottlePolicy;
  demoMode: boolean;
};

/**
 * Email and password. The answer is the same for an unknown email and a wrong password, and a
 * lock applies to an email whether or not an account has it, so nothing reveals who has one.
 */
export async function signInWithPassword(
  context: SignInContext,
  attempt: { email: string; password: string; ipAddress: string; deviceToken?: string },
): Promise<SignInResult> {
  const { db, clock } = context;
  const keys = { account: accountKey(attempt.email), address: addressKey(attempt.ipAddress) };
  const [row] = await db
    .select({ staff: staffAccount, organisationRequiresMfa: organisation.requireMfa })
    .from(staffAccount)
    .innerJoin(organisation, eq(organisation.id, staffAccount.organisationId))
    .where(eq(sql`lower(${staffAccount.email})`, attempt.email.trim().toLowerCase()))
    .limit(1);
  const audit = (executor: Executor, outcome: "succeeded" | "failed" | "refused", reason: string) =>
    recordAuditEvent(executor, clock, {
      actor: row ? { id: row.staff.id, role: row.staff.role } : null,
      action: "sign_in",
      subject: row ? { type: "staff", id: row.staff.id } : undefined,
      organisationId: row?.staff.organisationId ?? null,
      ipAddress: attempt.ipAddress,
      outcome,
      reason,
    });

  const usable = row && row.staff.status === "active" && row.staff.passwordHash;
  return throttledPasswordCheck(
    context,
    keys,
    {
      passwordHash: usable ? row.staff.passwordHash : null,
      unusableReason: !row ? "unknown email" : `account ${row.staff.status}`,
    },
    attempt.password,
    audit,
    async (tx) => {
      // A usable account is the only way here.
      const staff = row!.staff;
      const secondFactor = mustUseSecondFactor(
        { role: staff.role, mfaEnrolled: staff.mfaEnrolledAt !== null },
        row!.organisationRequiresMfa,
        context.demoMode,
      );
      const event = passwordAcceptedEvent({
        factorEnrolled: staff.mfaEnrolledAt !== null,
        factorRequired: secondFactor,
      });
      const verdict = transition("signed_out", event);
      // The table allows every password event from signed_out; a change that did not would land here.
      if (!verdict.allowed) throw new Error(`sign-in state machine refused ${event}`);
      const fully = isFullySignedIn(verdict.to);
      const token = await createSession(tx, clock, staff.id, fully, attempt.ipAddress);
      await tx.update(staffAccount).set({ lastSignInAt: clock.now() }).where(eq(staffAccount.id, staff.id));
      await audit(tx, "succeeded", fully ? "password accepted" : "password accepted; second factor next");
      return {
        kind: "signed_in" as const,
        token,
        staffId: staff.id,
        next: fully ? "home" : verdict.to === "must_enrol" ? "enrol_second_factor" : "verify_second_factor",
      } as const;
    },
    attempt.deviceToken,
  );
}

export async function unusedRecoveryCodeCount(executor: Executor, staffId: string): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(mfaRecoveryCode)
    .where(and(eq(mfaRecoveryCode.staffId, staffId), isNull(mfaRecoveryCode.usedAt)));
  return row?.count ?? 0;
}

export type InvitationLookup =
  | { kind: "valid"; staffId: string; fullName: string; email: string }
  | { kind: "used" }
  | { kind: "expired" }
  | { kind: "unknown" };

export async function lookUpInvitation(
  executor: Executor,
  clock: Clock,
  token: string,
): Promise<InvitationLookup> {
  const [row] = await executor
    .select({ invitation: staffInvitation, staff: staffAccount })
    .from(staffInvitation)
    .innerJoin(staffAccount, eq(staffAccount.id, staffInvitation.staffId))
    .where(eq(staffInvitation.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return { kind: "unknown" };
  if (row.invitation.usedAt || row.staff.status !== "invited") return { kind: "used" };
  if (row.invitation.expiresAt.getTime() <= clock.now().getTime()) return { kind: "expired" };
  return { kind: "valid", staffId: row.staff.id, fullName: row.staff.fullName, email: row.staff.email };
}

/** Sets the new colleague's password and activates the account; the link then stops working. */
export async function acceptInvitation(
  db: Database,
  clock: Clock,
  token: string,
  password: string,
  ipAddress: string,
): Promise<InvitationLookup> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const invitation = await lookUpInvitation(tx, clock, token);
    if (invitation.kind !== "valid") return invitation;
    const [staff] = await tx
      .update(staffAccount)
      .set({
        passwordHash,
        status: "active",
        updatedAt: clock.now(),
        version: sql`${staffAccount.version} + 1`,
      })
      .where(and(eq(staffAccount.id, invitation.staffId), eq(staffAccount.status, "invited")))
      .returning();
    await tx
      .update(staffInvitation)
      .set({ usedAt: clock.now() })
      .where(
        and(eq(staffInvitation.tokenHash, hashToken(token)), gt(staffInvitation.expiresAt, clock.now())),
      );
    await recordAuditEvent(tx, clock, {
      actor: staff ? { id: staff.id, role: staff.role } : null,
      action: "account.invitation_accepted",
      subject: { type: "staff", id: invitation.staffId },
      organisationId: staff?.organisationId ?? null,
      ipAddress,
      outcome: "succeeded",
    });
    return invitation;
  });
}

/** Changing a password ends every other session, so a leaked one stops working everywhere. */
export async function changePassword(
  db: Database,
  clock: Clock,
  actor: { staffId: string; role: StaffRole; organisationId: string },
  current: string,
  next: string,
  ipAddress: string,
): Promise<"changed" | "wrong_current_password"> {
  const [staff] = await db.select().from(staffAccount).where(eq(staffAccount.id, actor.staffId));
  if (!staff?.passwordHash || !(await verifyPassword(staff.passwordHash, current))) {
    await recordAuditEvent(db, clock, {
      actor: { id: actor.staffId, role: actor.role },
      action: "account.password_changed",
      subject: { type: "staff", id: actor.staffId },
      organisationId: actor.organisationId,
      ipAddress,
      outcome: "failed",
      reason: "current password wrong",
    });
    return "wrong_current_password";
  }
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(staffAccount)
      .set({ passwordHash, updatedAt: clock.now() })
      .where(eq(staffAccount.id, actor.staffId));
    await endAllSessionsOf(tx, actor.staffId);
    await recordAuditEvent(tx, clock, {
      actor: { id: actor.staffId, role: actor.role },
      action: "account.password_changed",
      subject: { type: "staff", id: actor.staffId },
      organisationId: actor.organisationId,
      ipAddress,
      outcome: "succeeded",
    });
  });
  return "changed";
}
