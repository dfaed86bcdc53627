import { and, asc, eq, isNull } from "drizzle-orm";
import { recordAuditEvent } from "../../platform/audit/service";
import { staffInvitationLink, unmintedTokenHash } from "../../platform/auth/invitation-links";
import { staffInvitation } from "../../platform/auth/schema";
import { hashToken, newToken } from "../../platform/auth/tokens";
import type { Clock } from "../../platform/clock";
import type { Database, Transaction } from "../../platform/db";
import { organisation, region, staffAccount } from "../../platform/directory/schema";
import { ONE_TIME_LINK, queueEmail } from "../../platform/mail/outbox";
import { type Duplicate, duplicate, isUniqueViolation } from "./service";

// A colleague's invitation: the one-time link they open to choose a password, how it reaches them,
// and the first administrator of a new installation, invited from the command line.

export const INVITATION_VALID_DAYS = 7;

/** The one-time link a new colleague opens; the token rides in the query, which is never logged. */
export const invitationLink = staffInvitationLink;

/**
 * How a new colleague's invitation reaches them (decision 48). With a mail server it is emailed
 * and its link is minted by the sender as the email leaves: nobody else ever sees it, the inviting
 * admin included. Without one the link is made now and shown once to the inviting admin to pass
 * on; it is never stored, only its hash.
 */
export type InvitationDelivery = { by: "email"; formatDate: (date: Date) => string } | { by: "link" };

export type IssuedInvitation = { by: "email"; to: string } | { by: "link"; token: string };

/** Like the participant's, the email says only that an account is waiting: no role, team or name. */
export function staffInvitationEmailText(link: string, expiresOn: string): string {
  return [
    "You have been given an account on Tandem.",
    "",
    "Open this link to choose your password:",
    link,
    "",
    `The link works once and stops working on ${expiresOn}. If it has expired, ask your administrator for a new one.`,
    "",
    "If you were not expecting this email, you can ignore it.",
  ].join("\n");
}

export async function issueInvitation(
  tx: Transaction,
  clock: Clock,
  staff: { id: string; email: string; organisationId: string },
  delivery: InvitationDelivery,
): Promise<IssuedInvitation> {
  // Any earlier link stops working: only the newest invitation can be used.
  await tx
    .update(staffInvitation)
    .set({ usedAt: clock.now() })
    .where(and(eq(staffInvitation.staffId, staff.id), isNull(staffInvitation.usedAt)));
  const token = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000);
  const [created] = await tx
    .insert(staffInvitation)
    .values({
      tokenHash: delivery.by === "link" ? hashToken(token) : unmintedTokenHash(),
      staffId: staff.id,
      createdAt: now,
      expiresAt,
    })
    .returning({ id: staffInvitation.id });
  if (delivery.by === "link") return { by: "link", token };
  await queueEmail(tx, clock, {
    organisationId: staff.organisationId,
    to: staff.email,
    subject: "Your invitation to Tandem",
    text: staffInvitationEmailText(ONE_TIME_LINK, delivery.formatDate(expiresAt)),
    purpose: "staff.invitation",
    oneTimeLink: { kind: "staff_invitation", for: created!.id },
  });
  return { by: "email", to: staff.email };
}

/**
 * The first administrator of a new installation, from the command line: there is nobody yet to
 * invite them. Creates a region and organisation too if the database has none.
 */
export async function bootstrapAdministrator(
  db: Database,
  clock: Clock,
  form: { email: string; fullName: string; organisationName: string },
): Promise<{ kind: "invited"; invitationToken: string } | Duplicate> {
  try {
    return await db.transaction(async (tx) => {
      const now = clock.now();
      let [home] = await tx.select().from(organisation).orderBy(asc(organisation.createdAt)).limit(1);
      if (!home) {
        const [firstRegion] = await tx
          .insert(region)
          .values({ name: "Default region", createdAt: now })
          .returning();
        [home] = await tx
          .insert(organisation)
          .values({
            name: form.organisationName,
            kind: "ips_provider",
            regionId: firstRegion!.id,
            createdAt: now,
          })
          .returning();
      }
      const [created] = await tx
        .insert(staffAccount)
        .values({
          email: form.email.trim().toLowerCase(),
          fullName: form.fullName,
          role: "admin",
          organisationId: home!.id,
          status: "invited",
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: staffAccount.id, email: staffAccount.email });
      // The command line prints the link to the operator at the terminal; only its hash is kept.
      const invitation = await issueInvitation(
        tx,
        clock,
        { ...created!, organisationId: home!.id },
        { by: "link" },
      );
      const invitationToken = invitation.by === "link" ? invitation.token : "";
      await recordAuditEvent(tx, clock, {
        actor: null,
        action: "staff.invite",
        subject: { type: "staff", id: created!.id },
        organisationId: home!.id,
        outcome: "succeeded",
        reason: "first administrator, from the command line",
        detail: { role: "admin" },
      });
      return { kind: "invited" as const, invitationToken };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return duplicate;
    throw error;
  }
}
