import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { HealthInformationKind } from "../../platform/access/policy";
import { organisation, staffAccount, team } from "../../platform/directory/schema";

// The journey's stages. A referral is "referred" until it ends as engaged, declined or not reached
// (IPS zero exclusion: there is no "rejected"). "paused" is always the participant's own choice.
export const participantStages = [
  "referred",
  "engaged",
  "job_seeking",
  "in_work",
  "paused",
  "closed",
] as const;
export type ParticipantStage = (typeof participantStages)[number];

export const workSituations = ["employed_off_sick", "unemployed", "never_worked", "in_education"] as const;
export type WorkSituation = (typeof workSituations)[number];

export const contactMethods = ["phone", "sms", "email", "letter"] as const;

/**
 * The columns every row about one participant starts with: its id, and the organisation and
 * participant it belongs to (every participant-data row carries its organisation, DESIGN.md).
 */
export const participantOwned = () => ({
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisation.id),
  participantId: uuid("participant_id")
    .notNull()
    .references(() => participant.id),
});

export const participant = pgTable(
  "participant",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Every participant-data row carries its organisation so the schema can be distributed by tenant.
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    nhsNumber: text("nhs_number"),
    phone: text("phone"),
    email: text("email"),
    address: text("address"),
    preferredLanguage: text("preferred_language").notNull().default("English"),
    preferredContactMethod: text("preferred_contact_method", { enum: contactMethods }),
    workSituation: text("work_situation", { enum: workSituations }),
    /** Only for people employed and off sick: whose job they hold and since when they are off. */
    employerName: text("employer_name"),
    absenceStartDate: date("absence_start_date", { mode: "string" }),
    /** What the person hopes for, in their own words. */
    hopes: text("hopes"),
    stage: text("stage", { enum: participantStages }).notNull(),
    /** Where support resumes after the participant's pause. */
    stageBeforePause: text("stage_before_pause", { enum: participantStages }),
    /** Engaged: the vocational profile was started; the IPS episode starts then (domain.md). */
    engagedAt: timestamp("engaged_at", { withTimezone: true }),
    /** Why the record is closed, in neutral words: engaged elsewhere, stopped by the participant … */
    closedReason: text("closed_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
    /**
     * Set when this record was merged into another record of the same person (merge.ts): its
     * rows moved there, this row stays so old addresses and the audit trail still resolve.
     */
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => participant.id),
    mergedAt: timestamp("merged_at", { withTimezone: true }),
    mergedBy: uuid("merged_by").references(() => staffAccount.id),
  },
  (table) => [
    index("participant_team_idx").on(table.teamId),
    index("participant_organisation_idx").on(table.organisationId),
    index("participant_nhs_number_idx").on(table.nhsNumber),
    index("participant_name_idx").on(sql`lower(${table.familyName})`, sql`lower(${table.givenName})`),
    // Name search is a prefix match on either name (caseload.ts searchCondition): pattern-ops btrees
    // serve `lower(name) like 'smi%'` under any database collation, the index above only under "C".
    index("participant_family_name_prefix_idx").on(sql`lower(${table.familyName}) text_pattern_ops`),
    index("participant_given_name_prefix_idx").on(sql`lower(${table.givenName}) text_pattern_ops`),
    index("participant_birth_idx").on(table.organisationId, table.dateOfBirth),
  ],
);

export const careTeamRoles = [
  "lead_employment_specialist",
  "care_coordinator",
  "clinician",
  "general_practitioner",
  "peer_worker",
] as const;
export type CareTeamRole = (typeof careTeamRoles)[number];

export const careTeamMember = pgTable(
  "care_team_member",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffAccount.id),
    careTeamRole: text("care_team_role", { enum: careTeamRoles }).notNull(),
    /** In plain words, what this person is responsible for (seed 003: clearly divided roles). */
    responsibility: text("responsibility").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (table) => [
    index("care_team_member_participant_idx").on(table.participantId),
    index("care_team_member_staff_idx").on(table.staffId).where(sql`${table.removedAt} is null`),
  ],
);

export const referralSources = [
  "gp",
  "other_clinician",
  "community_mental_health_team",
  "talking_therapies",
  "self_referral",
  "other",
] as const;
export type ReferralSource = (typeof referralSources)[number];

// How a referral ends. Zero exclusion: the service never turns a person away.
export const referralStatuses = ["open", "engaged", "declined_by_person", "not_reached"] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const referral = pgTable(
  "referral",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    source: text("source", { enum: referralSources }).notNull(),
    /** The referring member of staff, where they use Tandem. */
    referrerStaffId: uuid("referrer_staff_id").references(() => staffAccount.id),
    referrerName: text("referrer_name"),
    referrerOrganisation: text("referrer_organisation"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: referralStatuses }).notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => staffAccount.id),
    closingNote: text("closing_note"),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    index("referral_queue_idx").on(table.teamId, table.status, table.receivedAt),
    index("referral_participant_idx").on(table.participantId),
  ],
);

export const contactAttemptMethods = ["phone", "sms", "email", "letter", "face_to_face", "video"] as const;
export const contactAttemptOutcomes = [
  "met_face_to_face",
  "spoke",
  "left_message",
  "no_answer",
  "wrong_details",
] as const;

export const referralContactAttempt = pgTable(
  "referral_contact_attempt",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    referralId: uuid("referral_id")
      .notNull()
      .references(() => referral.id),
    attemptedOn: date("attempted_on", { mode: "string" }).notNull(),
    method: text("method", { enum: contactAttemptMethods }).notNull(),
    outcome: text("outcome", { enum: contactAttemptOutcomes }).notNull(),
    note: text("note"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffAccount.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("referral_contact_attempt_referral_idx").on(table.referralId)],
);

/**
 * Two records that look alike (duplicates.ts) but that staff have judged are two different
 * people: once recorded, neither is flagged as a possible duplicate of the other again. The pair
 * is kept in one order (lower id first) so it is recorded once whichever record it was seen from.
 */
export const participantNotDuplicate = pgTable(
  "participant_not_duplicate",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    otherParticipantId: uuid("other_participant_id")
      .notNull()
      .references(() => participant.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffAccount.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("participant_not_duplicate_pair_unique").on(table.participantId, table.otherParticipantId),
    index("participant_not_duplicate_other_idx").on(table.otherParticipantId),
  ],
);

// Each purpose is consented to (or not) on its own; the latest decision per purpose is in force.
export const consentPurposes = [
  "employment_support",
  "share_health_information",
  "contact_employers",
  "contact_by_sms",
  "contact_by_email",
  "contact_by_phone",
  "evaluation_data",
] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** The kinds of health information a person may agree to share with their employment specialist. */
export { healthInformationKinds as sharedHealthInformationKinds } from "../../platform/access/policy";

export const consentDecisions = ["given", "declined", "withdrawn"] as const;
export const consentMethods = ["verbal", "written", "portal"] as const;

export const consentRecord = pgTable(
  "consent_record",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    purpose: text("purpose", { enum: consentPurposes }).notNull(),
    decision: text("decision", { enum: consentDecisions }).notNull(),
    /** For sharing health information: which kinds the person agreed to share. */
    scope: jsonb("scope").$type<HealthInformationKind[]>().notNull().default([]),
    method: text("method", { enum: consentMethods }).notNull(),
    note: text("note"),
    /** Null when the participant recorded it themselves on the portal. */
    recordedBy: uuid("recorded_by").references(() => staffAccount.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("consent_record_participant_idx").on(table.participantId, table.purpose, table.recordedAt),
  ],
);

/**
 * A search someone typed (a name or NHS number), kept server-side for a few hours so the list's
 * address carries an opaque handle instead of participant details.
 */
export const participantSearch = pgTable(
  "participant_search",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffAccount.id),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("participant_search_created_idx").on(table.createdAt)],
);

/** Break-glass: a time-limited grant to open one record, with the reason stated at the time. */
export const emergencyAccessGrant = pgTable(
  "emergency_access_grant",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => participant.id),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffAccount.id),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("emergency_access_grant_lookup_idx").on(table.participantId, table.staffId, table.expiresAt),
  ],
);
