import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { PARTICIPANT_ROLE } from "../access/self";
import { recordAuditEvent } from "../audit/service";
import type { Clock } from "../clock";
import type { Database, Executor } from "../db";
import { looksLikeCode, newPrintedCode, normaliseCode } from "./invitation-codes";
import { unmintedTokenHash } from "./invitation-links";
import { createParticipantSession } from "./participant-sessions";
import { hashPassword } from "./passwords";
import {
  type ParticipantInvitationMethod,
  participantAccount,
  participantInvitation,
  participantSession,
} from "./schema";
import { hashToken } from "./tokens";

// Invitations to a participant's own pages, accepting one, and the care team's view of access.

/**
 * How long an invitation stays usable. A week covers a printed code handed over at one
 * appointment and used before the next (usually weekly in IPS), while a forgotten link or a
 * lost sheet of paper stops working soon.
 */
export const PARTICIPANT_INVITATION_DAYS = 7;

const actorOf = (accountId: string) => ({ id: accountId, role: PARTICIPANT_ROLE });

export type StaffInviter = { staffId: string; role: string };

/**
 * A new invitation for one participant, replacing any not yet used (they expire now, so an old
 * link says plainly that it has expired). A printed invitation returns its code to print, and only
 * the code's hash is kept. An emailed one has no link yet: the mail sender mints it when the email
 * goes (decision 48), so the caller queues the email with the invitation's id and never sees a link.
 */
export async function createParticipantInvitation(
  executor: Executor,
  clock: Clock,
  invitation: {
    participantId: string;
    organisationId: string;
    method: ParticipantInvitationMethod;
    email: string | null;
    invitedBy: StaffInviter;
    ipAddress: string;
  },
): Promise<{ invitationId: string; code: string | null; expiresAt: Date }> {
  const now = clock.now();
  await executor
    .update(participantInvitation)
    .set({ expiresAt: now })
    .where(
      and(
        eq(participantInvitation.participantId, invitation.participantId),
        isNull(participantInvitation.usedAt),
        gt(participantInvitation.expiresAt, now),
      ),
    );
  const code = invitation.method === "printed" ? newPrintedCode() : null;
  const expiresAt = new Date(now.getTime() + PARTICIPANT_INVITATION_DAYS * 86_400_000);
  const [created] = await executor
    .insert(participantInvitation)
    .values({
      tokenHash: code ? hashToken(normaliseCode(code)) : unmintedTokenHash(),
      participantId: invitation.participantId,
      organisationId: invitation.organisationId,
      createdBy: invitation.invitedBy.staffId,
      method: invitation.method,
      email: invitation.method === "email" ? invitation.email : null,
      createdAt: now,
      expiresAt,
    })
    .returning({ id: participantInvitation.id });
  await recordAuditEvent(executor, clock, {
    actor: { id: invitation.invitedBy.staffId, role: invitation.invitedBy.role },
    action: "participant_portal.invitation_created",
    subject: { type: "participant_portal", id: invitation.participantId },
    organisationId: invitation.organisationId,
    ipAddress: invitation.ipAddress,
    outcome: "succeeded",
    detail: { method: invitation.method },
  });
  return { invitationId: created!.id, code, expiresAt };
}

export type ParticipantInvitationLookup =
  | {
      kind: "valid";
      tokenHash: string;
      participantId: string;
      organisationId: string;
      method: ParticipantInvitationMethod;
      email: string | null;
    }
  | { kind: "used" }
  | { kind: "expired" }
  | { kind: "unknown" };

/** A link's token or a typed code, whichever the person has. */
export async function lookUpParticipantInvitation(
  executor: Executor,
  clock: Clock,
  secret: string,
): Promise<ParticipantInvitationLookup> {
  const trimmed = secret.trim();
  if (!trimmed) return { kind: "unknown" };
  const tokenHash = hashToken(looksLikeCode(trimmed) ? normaliseCode(trimmed) : trimmed);
  const [row] = await executor
    .select()
    .from(participantInvitation)
    .where(eq(participantInvitation.tokenHash, tokenHash))
    .limit(1);
  if (!row) return { kind: "unknown" };
  if (row.usedAt) return { kind: "used" };
  if (row.expiresAt.getTime() <= clock.now().getTime()) return { kind: "expired" };
  return {
    kind: "valid",
    tokenHash,
    participantId: row.participantId,
    organisationId: row.organisationId,
    method: row.method,
    email: row.email,
  };
}

/** Whether another account already signs in with this name (names are unique, whatever the case). */
export async function signInNameTaken(executor: Executor, name: string, participantId: string) {
  const [row] = await executor
    .select({ id: participantAccount.id })
    .from(participantAccount)
    .where(
      and(
        eq(sql`lower(${participantAccount.signInName})`, name.trim().toLowerCase()),
        ne(participantAccount.participantId, participantId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export type AcceptOutcome =
  | { kind: "accepted"; sessionToken: string }
  | { kind: "name_taken" }
  | Exclude<ParticipantInvitationLookup, { kind: "valid" }>;

/**
 * Opens (or reopens, after a withdrawal) the person's account with the password they chose, and
 * signs them in. The invitation then stops working.
 */
export async function acceptParticipantInvitation(
  db: Database,
  clock: Clock,
  secret: string,
  chosen: { signInName?: string; password: string },
  ipAddress: string,
): Promise<AcceptOutcome> {
  const passwordHash = await hashPassword(chosen.password);
  return db.transaction(async (tx) => {
    const invitation = await lookUpParticipantInvitation(tx, clock, secret);
    if (invitation.kind !== "valid") return invitation;
    const signInName = (invitation.method === "email" ? invitation.email : chosen.signInName)?.trim() ?? "";
    if (!signInName || (await signInNameTaken(tx, signInName, invitation.participantId)))
      return { kind: "name_taken" as const };
    const used = await tx
      .update(participantInvitation)
      .set({ usedAt: clock.now() })
      .where(
        and(eq(participantInvitation.tokenHash, invitation.tokenHash), isNull(participantInvitation.usedAt)),
      )
      .returning({ tokenHash: participantInvitation.tokenHash });
    if (used.length === 0) return { kind: "used" as const };
    const now = clock.now();
    const fresh = {
      signInName,
      passwordHash,
      status: "active" as const,
      // A new start: any authenticator from before a withdrawal no longer applies.
      mfaSecret: null,
      mfaEnrolledAt: null,
      mfaLastStep: null,
      withdrawnAt: null,
      updatedAt: now,
      lastSignInAt: now,
    };
    const [account] = await tx
      .insert(participantAccount)
      .values({
        participantId: invitation.participantId,
        organisationId: invitation.organisationId,
        createdAt: now,
        ...fresh,
      })
      .onConflictDoUpdate({ target: participantAccount.participantId, set: fresh })
      .returning();
    await recordAuditEvent(tx, clock, {
      actor: actorOf(account!.id),
      action: "participant_portal.invitation_accepted",
      subject: { type: "participant_account", id: account!.id },
      organisationId: account!.organisationId,
      ipAddress,
      outcome: "succeeded",
    });
    return {
      kind: "accepted" as const,
      sessionToken: await createParticipantSession(tx, clock, account!.id, true, ipAddress),
    };
  });
}

export type PortalAccess =
  | { state: "none" }
  | { state: "invited"; method: ParticipantInvitationMethod; invitedAt: Date; expiresAt: Date }
  | { state: "active"; since: Date; lastSignInAt: Date | null; mfaEnrolled: boolean }
  | { state: "withdrawn"; withdrawnAt: Date | null };

/** Whether the person can use their own pages, for their care team. An unused invitation shows over a withdrawal. */
export async function portalAccess(
  executor: Executor,
  clock: Clock,
  participantId: string,
): Promise<PortalAccess> {
  const [account] = await executor
    .select()
    .from(participantAccount)
    .where(eq(participantAccount.participantId, participantId));
  if (account?.status === "active")
    return {
      state: "active",
      since: account.createdAt,
      lastSignInAt: account.lastSignInAt,
      mfaEnrolled: account.mfaEnrolledAt !== null,
    };
  const [pending] = await executor
    .select()
    .from(participantInvitation)
    .where(
      and(
        eq(participantInvitation.participantId, participantId),
        isNull(participantInvitation.usedAt),
        gt(participantInvitation.expiresAt, clock.now()),
      ),
    )
    .limit(1);
  if (pending)
    return {
      state: "invited",
      method: pending.method,
      invitedAt: pending.createdAt,
      expiresAt: pending.expiresAt,
    };
  return account ? { state: "withdrawn", withdrawnAt: account.withdrawnAt } : { state: "none" };
}

/**
 * Ends the person's access at their request: the account is closed, every session ends and any
 * unused invitation stops working. Their record is untouched.
 */
export async function withdrawPortalAccess(
  executor: Executor,
  clock: Clock,
  participantId: string,
  by: StaffInviter,
  ipAddress: string,
): Promise<"withdrawn" | "nothing_to_withdraw"> {
  const now = clock.now();
  await executor
    .update(participantInvitation)
    .set({ expiresAt: now })
    .where(
      and(
        eq(participantInvitation.participantId, participantId),
        isNull(participantInvitation.usedAt),
        gt(participantInvitation.expiresAt, now),
      ),
    );
  const [account] = await executor
    .update(participantAccount)
    .set({ status: "withdrawn", withdrawnAt: now, updatedAt: now })
    .where(and(eq(participantAccount.participantId, participantId), eq(participantAccount.status, "active")))
    .returning();
  if (account) await executor.delete(participantSession).where(eq(participantSession.accountId, account.id));
  await recordAuditEvent(executor, clock, {
    actor: { id: by.staffId, role: by.role },
    action: "participant_portal.access_withdrawn",
    subject: { type: "participant_portal", id: participantId },
    organisationId: account?.organisationId ?? null,
    ipAddress,
    outcome: "succeeded",
    detail: { hadAccount: account !== undefined },
  });
  return account ? "withdrawn" : "nothing_to_withdraw";
}
