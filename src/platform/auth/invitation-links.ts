import { and, eq, gt, isNull } from "drizzle-orm";
import type { Clock } from "../clock";
import type { Executor } from "../db";
import { participantInvitation, staffInvitation } from "./schema";
import { hashToken, newToken } from "./tokens";

// One-time links that grant access: a participant's invitation to their own pages and a new
// colleague's invitation to set a password. Their tokens are never at rest in readable form
// (decision 48): an emailed invitation is stored with the hash of a token nobody holds, and the
// mail sender mints the real one as it hands the email to the mail server.

const base = (publicUrl: string) => publicUrl.replace(/\/$/, "");

/** Where a participant accepts an invitation: the link's page, or the page to type a printed code on. */
export const PARTICIPANT_INVITATION_PATH = "/my/invitation";

export function participantInvitationLink(publicUrl: string, token: string) {
  return `${base(publicUrl)}${PARTICIPANT_INVITATION_PATH}?token=${encodeURIComponent(token)}`;
}

/** The link a new colleague opens; request logs keep the path only, never the query. */
export function staffInvitationLink(publicUrl: string, token: string) {
  return `${base(publicUrl)}/accept-invitation?token=${encodeURIComponent(token)}`;
}

/**
 * The hash to store for an invitation whose link is not made yet: the hash of a token that is
 * thrown away at once, so no link works until the sender mints one.
 */
export function unmintedTokenHash(): string {
  return hashToken(newToken());
}

export type InvitationKind = "participant_invitation" | "staff_invitation";

/**
 * Mints a fresh link for a still-usable invitation, replacing its stored hash so that only the
 * newest link works (an earlier attempt's link, if it ever arrived, stops working). Undefined if
 * the invitation was used, replaced by a newer one or has expired: then nothing should be sent.
 * One statement, committed on its own, so the link works by the time the email arrives.
 */
export async function mintInvitationLink(
  executor: Executor,
  clock: Clock,
  publicUrl: string,
  kind: InvitationKind,
  invitationId: string,
): Promise<string | undefined> {
  const token = newToken();
  const now = clock.now();
  const table = kind === "participant_invitation" ? participantInvitation : staffInvitation;
  const minted = await executor
    .update(table)
    .set({ tokenHash: hashToken(token) })
    .where(and(eq(table.id, invitationId), isNull(table.usedAt), gt(table.expiresAt, now)))
    .returning({ id: table.id });
  if (minted.length === 0) return undefined;
  return kind === "participant_invitation"
    ? participantInvitationLink(publicUrl, token)
    : staffInvitationLink(publicUrl, token);
}
