import { z } from "zod";
import type { Clock } from "../clock";
import type { Executor } from "../db";
import { outboundEmail } from "./schema";

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
};

const outgoingEmail = z.object({
  organisationId: z.uuid().nullable(),
  to: z.email(),
  // A subject is one line: a line break would let text leak into other headers.
  subject: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((subject) => !/[\r\n]/.test(subject)),
  text: z.string().trim().min(1).max(20_000),
  purpose: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/),
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
      status: "pending" as const,
      nextAttemptAt: now,
      createdAt: now,
    };
  });
  // PostgreSQL takes at most 65,535 parameters in one statement; eight a row.
  for (let start = 0; start < rows.length; start += 5000)
    await executor.insert(outboundEmail).values(rows.slice(start, start + 5000));
}
