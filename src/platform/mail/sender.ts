import { randomUUID } from "node:crypto";
import { and, asc, eq, gte, lt, lte, ne, or, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../config";
import type { Clock } from "../clock";
import type { Database } from "../db";
import { mintOneTimeLink } from "./one-time-links";
import { describeFailure, isPermanentRejection, isServerWideFailure, retryDelayMs } from "./retry";
import { type OneTimeLinkKind, outboundEmail } from "./schema";

export type MailSettings = Config["mail"];
type Logger = {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
};

/**
 * How long a node may hold a claim. Far longer than one SMTP exchange (each step times out in
 * 30 s), so a live node never loses its claim; past it the node is presumed gone.
 */
export const CLAIM_MS = 5 * 60_000;
const BATCH_SIZE = 20;
const SMTP_TIMEOUT_MS = 30_000;

export function createMailTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
}

/**
 * The same Message-ID every time a row is sent, so that if a node crashes between the server
 * accepting a message and the row being marked sent, the resend is recognisably the same
 * message to any receiver that deduplicates on it.
 */
export const messageIdFor = (emailId: string, domain: string) => `<${emailId}@${domain}>`;

export type ClaimedEmail = {
  id: string;
  recipient: string;
  subject: string;
  /** As stored: with `{one-time link}` still in it if a link is to be minted. */
  body: string;
  oneTimeLink: OneTimeLinkKind | null;
  oneTimeLinkFor: string | null;
  attempts: number;
  claimToken: string;
};

/**
 * Claims up to `limit` due emails for this node: pending ones whose time has come, and ones
 * still `sending` under a claim that has run out (their node crashed). `FOR UPDATE SKIP LOCKED`
 * lets every node claim at once without waiting on or taking each other's rows; the claim is
 * one statement, committed before anything is sent, so no transaction stays open over SMTP.
 */
export async function claimDueEmails(
  db: Database,
  clock: Clock,
  settings: Pick<MailSettings, "maxAttempts">,
  limit = BATCH_SIZE,
): Promise<ClaimedEmail[]> {
  const now = clock.now();
  // A lost claim on the last attempt is not tried again: it may well have been delivered.
  await db
    .update(outboundEmail)
    .set({
      status: "failed",
      claimedUntil: null,
      claimToken: null,
      lastError: "No answer from the app node sending it; it may or may not have been delivered.",
    })
    .where(
      and(
        eq(outboundEmail.status, "sending"),
        lte(outboundEmail.claimedUntil, now),
        gte(outboundEmail.attempts, settings.maxAttempts),
      ),
    );
  const claimToken = randomUUID();
  const due = db
    .select({ id: outboundEmail.id })
    .from(outboundEmail)
    .where(
      or(
        and(eq(outboundEmail.status, "pending"), lte(outboundEmail.nextAttemptAt, now)),
        and(
          eq(outboundEmail.status, "sending"),
          lte(outboundEmail.claimedUntil, now),
          lt(outboundEmail.attempts, settings.maxAttempts),
        ),
      ),
    )
    .orderBy(asc(outboundEmail.nextAttemptAt), asc(outboundEmail.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(outboundEmail)
    .set({
      status: "sending",
      attempts: sql`${outboundEmail.attempts} + 1`,
      claimedUntil: new Date(now.getTime() + CLAIM_MS),
      claimToken,
    })
    // any(array(…)) runs the locking scan exactly once, as an init plan; `in (…)` may be re-run.
    .where(sql`${outboundEmail.id} = any(array(${due}))`)
    .returning({
      id: outboundEmail.id,
      recipient: outboundEmail.recipient,
      subject: outboundEmail.subject,
      body: outboundEmail.body,
      oneTimeLink: outboundEmail.oneTimeLink,
      oneTimeLinkFor: outboundEmail.oneTimeLinkFor,
      attempts: outboundEmail.attempts,
      nextAttemptAt: outboundEmail.nextAttemptAt,
    });
  return claimed
    .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() || a.id.localeCompare(b.id))
    .map(({ nextAttemptAt: _due, ...email }) => ({ ...email, claimToken }));
}

/**
 * Hands one email to the mail server, its one-time link (if any) already minted into `body`;
 * resolves with the server's reply.
 */
export async function deliverEmail(
  transport: Transporter,
  settings: Pick<MailSettings, "from" | "messageIdDomain">,
  email: Pick<ClaimedEmail, "id" | "recipient" | "subject" | "body">,
): Promise<{ messageId: string; response: string }> {
  const messageId = messageIdFor(email.id, settings.messageIdDomain);
  const info = await transport.sendMail({
    from: settings.from,
    to: email.recipient,
    subject: email.subject,
    text: email.body,
    messageId,
    // Asks auto-responders (out-of-office replies) not to answer a machine (RFC 3834).
    headers: { "Auto-Submitted": "auto-generated" },
  });
  return { messageId, response: String(info.response ?? "").slice(0, 300) };
}

async function markSent(
  db: Database,
  clock: Clock,
  email: ClaimedEmail,
  accepted: { messageId: string; response: string },
) {
  // Whoever delivered it, it went: even a node whose claim was taken over records the success.
  await db
    .update(outboundEmail)
    .set({
      status: "sent",
      sentAt: clock.now(),
      messageId: accepted.messageId,
      smtpResponse: accepted.response,
      lastError: null,
      claimedUntil: null,
      claimToken: null,
    })
    .where(and(eq(outboundEmail.id, email.id), ne(outboundEmail.status, "sent")));
}

async function markFailedAttempt(
  db: Database,
  clock: Clock,
  settings: Pick<MailSettings, "maxAttempts">,
  email: ClaimedEmail,
  error: unknown,
) {
  // A server that can't reach us gets every attempt; one that refuses the address won't change its mind.
  const givingUp = email.attempts >= settings.maxAttempts || isPermanentRejection(error);
  await db
    .update(outboundEmail)
    .set({
      status: givingUp ? "failed" : "pending",
      nextAttemptAt: givingUp
        ? sql`${outboundEmail.nextAttemptAt}`
        : new Date(clock.now().getTime() + retryDelayMs(email.attempts)),
      lastError: describeFailure(error),
      claimedUntil: null,
      claimToken: null,
    })
    .where(
      and(
        eq(outboundEmail.id, email.id),
        eq(outboundEmail.status, "sending"),
        eq(outboundEmail.claimToken, email.claimToken),
      ),
    );
}

/**
 * The invitation behind a one-time link was used, replaced or has expired: sending would deliver a
 * dead link (or, had it worked, a second way in), so the email is closed as failed and says why.
 */
async function markLinkUnusable(db: Database, email: ClaimedEmail) {
  await db
    .update(outboundEmail)
    .set({
      status: "failed",
      lastError: "Not sent: the invitation was used, replaced by a newer one or has expired.",
      claimedUntil: null,
      claimToken: null,
    })
    .where(
      and(
        eq(outboundEmail.id, email.id),
        eq(outboundEmail.status, "sending"),
        eq(outboundEmail.claimToken, email.claimToken),
      ),
    );
}

/** Gives back claimed emails that were never tried (the server went away first): no attempt used. */
async function releaseUntried(db: Database, emails: ClaimedEmail[]) {
  for (const email of emails) {
    await db
      .update(outboundEmail)
      .set({
        status: "pending",
        attempts: sql`${outboundEmail.attempts} - 1`,
        claimedUntil: null,
        claimToken: null,
      })
      .where(
        and(
          eq(outboundEmail.id, email.id),
          eq(outboundEmail.status, "sending"),
          eq(outboundEmail.claimToken, email.claimToken),
        ),
      );
  }
}

export type SendReport = { sent: number; failed: number };

/**
 * Sends everything due, batch by batch, until nothing is due or the mail server stops answering.
 * Delivery is at least once: a node that crashes after the server accepted a message but before
 * marking it sent leaves a claim that another node takes over and sends again, with the same
 * Message-ID. Nothing is lost and nothing is sent twice in any other case.
 */
export async function sendDueEmails(
  db: Database,
  clock: Clock,
  transport: Transporter,
  settings: MailSettings,
  logger?: Logger,
): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: 0 };
  for (;;) {
    const batch = await claimDueEmails(db, clock, settings);
    if (batch.length === 0) return report;
    for (const [index, email] of batch.entries()) {
      // Minted now, at each attempt, and committed before SMTP: only the hash is kept, and only
      // the link in this attempt's email works. A database failure here is the round's, not the email's.
      const body = await mintOneTimeLink(db, clock, settings, email);
      if (body === undefined) {
        await markLinkUnusable(db, email);
        report.failed += 1;
        logger?.info({ emailId: email.id }, "email not sent: its invitation can no longer be used");
        continue;
      }
      try {
        const accepted = await deliverEmail(transport, settings, { ...email, body });
        await markSent(db, clock, email, accepted);
        report.sent += 1;
      } catch (error) {
        await markFailedAttempt(db, clock, settings, email, error);
        report.failed += 1;
        const code = (error as { code?: string }).code;
        // Identifiers only: the recipient and the message stay out of the logs.
        logger?.error({ emailId: email.id, attempt: email.attempts, code }, "email not accepted");
        if (isServerWideFailure(code)) {
          await releaseUntried(db, batch.slice(index + 1));
          return report;
        }
      }
    }
  }
}

/**
 * With no mail server configured, emails are kept for admins to read on the outbox page and hand
 * over. They stay unsent if a server is configured later: by then they have been dealt with. An
 * email with a one-time link is held too, but its link is never made, so it cannot be handed over:
 * the outbox page says to give a printed code or invite again instead.
 */
export async function holdEmailsWithoutMailServer(db: Database, clock: Clock): Promise<number> {
  const held = await db
    .update(outboundEmail)
    .set({ status: "not_sent", claimedUntil: null, claimToken: null })
    .where(
      or(
        eq(outboundEmail.status, "pending"),
        and(eq(outboundEmail.status, "sending"), lte(outboundEmail.claimedUntil, clock.now())),
      ),
    )
    .returning({ id: outboundEmail.id });
  return held.length;
}

/**
 * Runs on every app node beside the audit sealer: each round claims and sends what is due.
 * Returns a stop function that waits for the round in flight to finish.
 */
export function startMailSender(db: Database, clock: Clock, settings: MailSettings, logger: Logger) {
  const transport = settings.smtpUrl ? createMailTransport(settings.smtpUrl) : undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return; // A slow round (a mail server timing out) is not stacked upon.
    running = (async () => {
      try {
        if (transport) await sendDueEmails(db, clock, transport, settings, logger);
        else await holdEmailsWithoutMailServer(db, clock);
      } catch (error) {
        logger.error({ err: error }, "mail sender failed; will retry");
      } finally {
        running = undefined;
      }
    })();
  };
  const timer = setInterval(tick, settings.sendIntervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
    transport?.close();
  };
}
