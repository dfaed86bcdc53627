import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisation, staffAccount, team } from "../../platform/directory/schema";

export const participantStages = [
  "referred",
  "engaged",
  "job_seeking",
  "in_work",
  "paused",
  "closed",
] as const;
export type ParticipantStage = (typeof participantStages)[number];

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
    stage: text("stage", { enum: participantStages }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    index("participant_team_idx").on(table.teamId),
    index("participant_organisation_idx").on(table.organisationId),
    index("participant_nhs_number_idx").on(table.nhsNumber),
    index("participant_name_idx").on(sql`lower(${table.familyName})`, sql`lower(${table.givenName})`),
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
