import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisation } from "../directory/schema";

/**
 * Where an email stands. `pending` waits for its next attempt; `sending` is claimed by one app
 * node until `claimed_until`; `not_sent` was queued while no mail server was configured, so an
 * admin reads it on the outbox page and hands it over; `failed` gave up after the last attempt.
 */
export const outboundEmailStatuses = ["pending", "sending", "sent", "failed", "not_sent"] as const;
export type OutboundEmailStatus = (typeof outboundEmailStatuses)[number];

/**
 * The one-time links an email can carry. Such a link grants access, so it is never stored: the
 * row keeps the body with a placeholder and which invitation to mint the link for, and the sender
 * mints a fresh token (keeping only its hash on the invitation) as it hands the email to SMTP.
 */
export const oneTimeLinkKinds = ["participant_invitation", "staff_invitation"] as const;
export type OneTimeLinkKind = (typeof oneTimeLinkKinds)[number];

/**
 * The outbox: every email Tandem sends is a row here first, written in the transaction of the
 * action that caused it, then sent by whichever app node claims it. The row is kept after
 * sending so admins can see what went out and when.
 */
export const outboundEmail = pgTable(
  "outbound_email",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for installation-wide mail (for example to an administrator of a new installation). */
    organisationId: uuid("organisation_id").references(() => organisation.id),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** What the email is for, as `area.event`: `participant.invitation`, `alert.raised`. */
    purpose: text("purpose").notNull(),
    /** The one-time link the sender mints into the body at `{one-time link}`, if any; never the link itself. */
    oneTimeLink: text("one_time_link", { enum: oneTimeLinkKinds }),
    /** The invitation the link is minted for. */
    oneTimeLinkFor: uuid("one_time_link_for"),
    status: text("status", { enum: outboundEmailStatuses }).notNull().default("pending"),
    /** Attempts started, counted when a node claims the row, so a crash still counts. */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** While `sending`: past this instant the claiming node is presumed gone and any node may reclaim. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    /** Identifies the latest claim, so a node whose claim was taken over records nothing. */
    claimToken: uuid("claim_token"),
    /** Why the last attempt failed: an error code and the server's reply, never the message. */
    lastError: text("last_error"),
    /** The Message-ID header sent: derived from the row's id, so a resend carries the same one. */
    messageId: text("message_id"),
    /** The mail server's reply on acceptance (usually its queue id), to trace a message there. */
    smtpResponse: text("smtp_response"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    // The sender's scan: only unfinished rows, in the order they fall due.
    index("outbound_email_due_idx")
      .on(table.nextAttemptAt)
      .where(sql`${table.status} in ('pending', 'sending')`),
    index("outbound_email_newest_idx").on(table.createdAt.desc(), table.id.desc()),
    index("outbound_email_status_idx").on(table.status, table.createdAt.desc()),
    check(
      "outbound_email_one_time_link_for",
      sql`(${table.oneTimeLink} is null) = (${table.oneTimeLinkFor} is null)`,
    ),
  ],
);

export type OutboundEmailRow = typeof outboundEmail.$inferSelect;
