import type { ParticipantRecord } from "../../platform/access/door";
import {
  createParticipantInvitation,
  PARTICIPANT_INVITATION_DAYS,
  portalAccess,
  signInNameTaken,
  withdrawPortalAccess,
} from "../../platform/auth/participant-invitations";
import type { Clock } from "../../platform/clock";
import { ONE_TIME_LINK, queueEmail } from "../../platform/mail/outbox";
import { participantDetails } from "../participants/service";
import type { inviteForm } from "./schema";

// The care team's side: whether the person has access to their own pages, inviting them, and
// ending access at their request. Each runs inside the door, with the participant.write check.

export async function portalAccessFor(record: ParticipantRecord, clock: Clock) {
  const details = await participantDetails(record);
  return { access: await portalAccess(record.tx, clock, record.participantId), email: details.email };
}

/**
 * The email carries the link and nothing else: no name, no service beyond "Tandem", nothing about
 * health or support, because an inbox is not a private place.
 */
export function invitationEmailText(link: string, expiresOn: string): string {
  return [
    "You have been invited to set up your account on Tandem.",
    "",
    "Open this link to choose your password:",
    link,
    "",
    `The link works once and stops working on ${expiresOn}. If it has expired, ask the person who invited you for a new one.`,
    "",
    "If you were not expecting this email, you can ignore it.",
  ].join("\n");
}

export type InviteOutcome =
  | { kind: "emailed"; expiresAt: Date }
  | { kind: "printed"; code: string; expiresAt: Date }
  | { kind: "email_in_use" };

export async function inviteToPortal(
  record: ParticipantRecord,
  clock: Clock,
  form: ReturnType<typeof inviteForm.parse>,
  context: { ipAddress: string; formatDate: (date: Date) => string },
): Promise<InviteOutcome> {
  if (form.method === "email" && (await signInNameTaken(record.tx, form.email!, record.participantId)))
    return { kind: "email_in_use" };
  const { invitationId, code, expiresAt } = await createParticipantInvitation(record.tx, clock, {
    participantId: record.participantId,
    organisationId: record.organisationId,
    method: form.method,
    email: form.email,
    invitedBy: { staffId: record.actor.staffId, role: record.actor.role },
    ipAddress: context.ipAddress,
  });
  if (code) return { kind: "printed", code, expiresAt };
  // The link is minted by the mail sender as the email leaves, never stored (decision 48): the
  // outbox holds the text with a placeholder, so no admin or database reader can use it.
  await queueEmail(record.tx, clock, {
    organisationId: record.organisationId,
    to: form.email!,
    subject: "Your invitation to Tandem",
    text: invitationEmailText(ONE_TIME_LINK, context.formatDate(expiresAt)),
    purpose: "participant.invitation",
    oneTimeLink: { kind: "participant_invitation", for: invitationId },
  });
  return { kind: "emailed", expiresAt };
}

export function withdrawAccess(record: ParticipantRecord, clock: Clock, ipAddress: string) {
  return withdrawPortalAccess(record.tx, clock, record.participantId, record.actor, ipAddress);
}

export { PARTICIPANT_INVITATION_DAYS };
