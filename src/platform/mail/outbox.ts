import { z } from "zod";
import type { Clock } from "../clock";
import type { Executor } from "../db";
import { type OneTimeLinkKind, oneTimeLinkKinds, outboundEmail } from "./schema";

/**
 * Where a one-time link goes in an email's text. The outbox stores the text with this placeholder
 * and the sender mints the link into it as the email leaves (decision 48), so no link that grants
 * access is ever at rest in the outbox, readable by an admin or anyone with the database.
 */
export const ONE_TIME_LINK = "{one-time link}";

/**
 * A link whose query carries a secret. Such a link must be minted by the sender, never written into
 * a queued email: refusing it here catches the whole class, not one feature's invitation.
 */
const secretInQuery = /[?&](token|code|secret|key)=/i;

/**
 * One email to send. **No health information, ever**: emails leave the service's control, sit
 * in inboxes that others may read and cross networks in plain text. Say that something happened
 * and give a link to Tandem, where the reader signs in and the access rules apply — "You have a
 * new alert to review: <link>", never the alert's content, a participant's name, a score or a
 * diagnosis. The same holds for `subject`, which mail clients show in notifications.
 */
export type OutgoingEmail = {
  organisationId: string | null;
  to: string;
  subject: string;
  text: string;
  /** What the email is for, as `area.event`: `participant.invitation`, `alert.raised`. */
  purpose: string;
  /**
   * The one-time link the sender mints at `{one-time link}` in `text`, and the invitation it is
   * minted for. The link itself is never given here.
   */
  oneTimeLink?: { kind: OneTimeLinkKind; for: string };
};

const outgoingEmail = z
  .object({
    organisationId: z.uuid().nullable(),
    to: z.email(),
    // A subject is one line: a line break would let text leak into other headers.
    subject: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .refine((subject) => !/[\r\n]/.test(subject)),
    text: z
      .string()
      .trim()
      .min(1)
      .max(20_000)
      .refine(
        (text) => !secretInQuery.test(text),
        "An email may not carry a secret: mint it with oneTimeLink.",
      ),
    purpose: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/),
    oneTimeLink: z.object({ kind: z.enum(oneTimeLinkKinds), for: z.uuid() }).optional(),
  })
  // The placeholder is there exactly once when a link is to be minted, and never otherwise.
  .refine((email) => email.text.split(ONE_TIME_LINK).length - 1 === (email.oneTimeLink ? 1 : 0), {
    message: "An email with a one-time link holds its placeholder exactly once.",
  });

/**
 * Queues an email in the caller's transaction: if the action rolls back, no email goes.
 * A sender on some app node delivers it shortly after the transaction commits (or, with no mail
 * server configured, leaves it on the admins' outbox page).
 */
export async function queueEmail(executor: Executor, clock: Clock, email: OutgoingEmail): Promise<void> {
  await queueEmails(executor, clock, [email]);
}

/**
 * Queues many emails in one statement, in the caller's transaction: a sweep that raises
 * thousands of alerts would otherwise spend most of its time on one round trip per email.
 */
export async function queueEmails(
  executor: Executor,
  clock: Clock,
  emails: readonly OutgoingEmail[],
): Promise<void> {
  if (emails.length === 0) return;
  const now = clock.now();
  const rows = emails.map((email) => {
    const valid = outgoingEmail.parse(email);
    return {
      organisationId: valid.organisationId,
      recipient: valid.to,
      subject: valid.subject,
      body: valid.text,
      purpose: valid.purpose,
      oneTimeLink: valid.oneTimeLink?.kind ?? null,
      oneTimeLinkFor: valid.oneTimeLink?.for ?? null,
      status: "pending" as const,
      nextAttemptAt: now,
      createdAt: now,
    };
  });
  // PostgreSQL takes at most 65,535 parameters in one statement; ten a row.
  for (let start = 0; start < rows.length; start += 5000)
    await executor.insert(outboundEmail).values(rows.slice(start, start + 5000));
}
