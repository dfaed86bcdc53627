import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { staffAccount } from "../directory/schema";

/** A signed-in browser or API client. The cookie holds a random token; only its SHA-256 is stored. */
export const staffSession = pgTable(
  "staff_session",
  {
    tokenHash: text("token_hash").primaryKey(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffAccount.id),
    /** False until the second factor is given (or enrolled) where one is required. */
    mfaSatisfied: boolean("mfa_satisfied").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address").notNull(),
  },
  (table) => [index("staff_session_staff_idx").on(table.staffId)],
);

/**
 * A browser that has signed in to an account before (its cookie holds a random token; only the
 * SHA-256 is kept). Its attempts on that account are not held up by a lock that failures from
 * elsewhere caused, so nobody can lock a person out by guessing at their account (decision 62).
 */
export const knownDevice = pgTable(
  "known_device",
  {
    tokenHash: text("token_hash").primaryKey(),
    /** The throttle's account key ("account:<email>" or "account:participant:<name>"). */
    accountKey: text("account_key").notNull(),
    /** Wrong passwords from this browser since its last success; at the account limit it is forgotten. */
    failures: integer("failures").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("known_device_account_idx").on(table.accountKey)],
);

/**
 * Failed sign-ins counted per key ("account:<email>" or "address:<ip>") so that every app node
 * sees the same count. Keys exist for unknown emails too, so a lockout reveals nothing.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  firstFailureAt: timestamp("first_failure_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

export const mfaRecoveryCode = pgTable(
  "mfa_recovery_code",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffAccount.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("mfa_recovery_code_staff_idx").on(table.staffId)],
);

export const apiToken = pgTable(
  "api_token",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffAccount.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("api_token_staff_idx").on(table.staffId)],
);

/** A one-time link an admin gives a new colleague to set their password. */
export const staffInvitation = pgTable(
  "staff_invitation",
  {
    /**
     * The hash of the link's token. An emailed invitation starts with the hash of a token nobody
     * was given; the mail sender replaces it as it mints the link (see platform/mail).
     */
    tokenHash: text("token_hash").primaryKey(),
    /** Names the invitation to the outbox, which mints its link when the email goes. */
    id: uuid("id").notNull().unique().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffAccount.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("staff_invitation_staff_idx").on(table.staffId).where(sql`${table.usedAt} is null`)],
);

// Participants' own accounts for the portal. platform/ imports no feature, so `participant_id`
// carries no foreign key here; the portal feature only ever writes ids it read from participant.

export const participantAccountStatuses = ["active", "withdrawn"] as const;
export type ParticipantAccountStatus = (typeof participantAccountStatuses)[number];

/** A participant's sign-in to their own pages: one per participant, never shared with staff. */
export const participantAccount = pgTable(
  "participant_account",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id").notNull().unique(),
    organisationId: uuid("organisation_id").notNull(),
    /** Their email, or a name they chose when invited by a printed code. */
    signInName: text("sign_in_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    mfaSecret: text("mfa_secret"),
    mfaEnrolledAt: timestamp("mfa_enrolled_at", { withTimezone: true }),
    mfaLastStep: integer("mfa_last_step"),
    /** "withdrawn": access ended at the person's request; a new invitation opens it again. */
    status: text("status", { enum: participantAccountStatuses }).notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("participant_account_sign_in_name_unique").on(sql`lower(${table.signInName})`)],
);

export const participantInvitationMethods = ["email", "printed"] as const;
export type ParticipantInvitationMethod = (typeof participantInvitationMethods)[number];

/** A one-time link (email) or printed code a care-team member gives the person. Only its hash is kept. */
export const participantInvitation = pgTable(
  "participant_invitation",
  {
    /** As for staff invitations: an emailed one holds a placeholder hash until the sender mints its link. */
    tokenHash: text("token_hash").primaryKey(),
    id: uuid("id").notNull().unique().defaultRandom(),
    participantId: uuid("participant_id").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => staffAccount.id),
    method: text("method", { enum: participantInvitationMethods }).notNull(),
    /** For an emailed link, the address it went to, which becomes the sign-in name. */
    email: text("email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [
    index("participant_invitation_participant_idx")
      .on(table.participantId)
      .where(sql`${table.usedAt} is null`),
  ],
);

/** A participant's signed-in browser: the same idea as staff_session, kept apart so the two never mix. */
export const participantSession = pgTable(
  "participant_session",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => participantAccount.id),
    mfaSatisfied: boolean("mfa_satisfied").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address").notNull(),
  },
  (table) => [index("participant_session_account_idx").on(table.accountId)],
);
