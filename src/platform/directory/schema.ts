import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// Who works where. The access policy reads these, so they live in platform/, not in a feature.

export const region = pgTable(
  "region",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [uniqueIndex("region_name_unique").on(sql`lower(${table.name})`)],
);

export const organisationKinds = [
  "nhs_trust",
  "gp_federation",
  "ips_provider",
  "local_authority",
  "voluntary_sector",
  "welfare_office",
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisation = pgTable(
  "organisation",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind", { enum: organisationKinds }).notNull(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    /** Every member must use a second factor, whatever their role. */
    requireMfa: boolean("require_mfa").notNull().default(false),
    /** Where to get urgent help, shown to staff after a safety concern; a UK default shows when empty. */
    crisisInformation: text("crisis_information"),
    /** Participants see who opened their record by role and date; by name only if this is on. */
    showStaffNamesToParticipants: boolean("show_staff_names_to_participants").notNull().default(false),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    uniqueIndex("organisation_name_unique").on(sql`lower(${table.name})`),
    index("organisation_region_idx").on(table.regionId),
  ],
);

export const teamKinds = [
  "ips_team",
  "gp_practice",
  "community_mental_health_team",
  "talking_therapies",
] as const;
export type TeamKind = (typeof teamKinds)[number];

export const team = pgTable(
  "team",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: teamKinds }).notNull(),
    /** How the people the team supports reach it: printed on their support plan. Both optional. */
    phone: text("phone"),
    email: text("email"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    uniqueIndex("team_name_unique").on(table.organisationId, sql`lower(${table.name})`),
    index("team_organisation_idx").on(table.organisationId),
  ],
);

export const staffRoles = [
  "employment_specialist",
  "clinician",
  "peer_worker",
  "team_leader",
  "manager",
  "advocate",
  "evaluator",
  "admin",
] as const;
export type StaffRole = (typeof staffRoles)[number];

export const professions = [
  "general_practitioner",
  "nurse",
  "care_coordinator",
  "psychiatrist",
  "psychologist",
  "occupational_therapist",
  "physiotherapist",
  "pharmacist",
  "employment_specialist",
  "peer_support_worker",
  "manager",
  "other",
] as const;
export type Profession = (typeof professions)[number];

export const staffStatuses = ["invited", "active", "deactivated"] as const;
export type StaffStatus = (typeof staffStatuses)[number];

export const staffAccount = pgTable(
  "staff_account",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    fullName: text("full_name").notNull(),
    role: text("role", { enum: staffRoles }).notNull(),
    profession: text("profession", { enum: professions }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisation.id),
    status: text("status", { enum: staffStatuses }).notNull().default("invited"),
    passwordHash: text("password_hash"),
    mfaSecret: text("mfa_secret"),
    mfaEnrolledAt: timestamp("mfa_enrolled_at", { withTimezone: true }),
    /** The last TOTP time step accepted, so a code cannot be replayed. */
    mfaLastStep: bigint("mfa_last_step", { mode: "number" }),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [
    uniqueIndex("staff_account_email_unique").on(sql`lower(${table.email})`),
    index("staff_account_organisation_idx").on(table.organisationId),
    index("staff_account_name_idx").on(sql`lower(${table.fullName})`),
  ],
);

export const teamMembership = pgTable(
  "team_membership",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => team.id),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffAccount.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.teamId, table.staffId] }),
    index("team_membership_staff_idx").on(table.staffId),
  ],
);
