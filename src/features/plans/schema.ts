import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { staffAccount } from "../../platform/directory/schema";
import { participantOwned } from "../participants/schema";

// The support and rehabilitation plan (seeds 001 and 003): one living plan per participant, its
// goals, actions, referrals to other supports, early-warning signs and contingency, and the
// versions the person agreed to.

export const goalStatuses = ["active", "achieved", "no_longer_wanted"] as const;
export const actionOwnerKinds = ["participant", "staff", "employer", "peer_worker"] as const;
export const actionStatuses = ["to_do", "in_progress", "done", "no_longer_needed"] as const;
/** Still to be done: only these can be overdue or be the "next action due". */
export const openActionStatuses = ["to_do", "in_progress"] as const;
export const supportKinds = [
  "fitness_programme",
  "career_coaching",
  "employer_liaison",
  "peer_support_group",
  "clubhouse",
  "courses_education",
  "benefits_counselling",
  "talking_therapy",
  "other",
] as const;
export const supportStatuses = ["suggested", "referred", "taking_part", "finished", "declined"] as const;
/** The check-in field an early-warning sign maps to, for the monitoring feature's rules. */
export const checkInFields = ["sleep", "mood", "stress", "energy", "contact", "other"] as const;
/** How a personal rule compares a check-in answer with the person's own threshold. */
export const personalRuleComparisons = ["below", "above"] as const;
export type PersonalRuleComparison = (typeof personalRuleComparisons)[number];
/** What can happen instead if job coaching is not right for now: never a plain discharge. */
export const contingencyAlternatives = [
  "outpatient_groups",
  "clubhouse",
  "courses",
  "peer_support",
  "talking_therapy",
  "exercise_group",
  "pause_with_check_back",
] as const;
export const participantAgreements = [
  "agreed_in_person",
  "agreed_by_phone",
  "agreed_by_video",
  "wants_changes",
] as const;

export type GoalStatus = (typeof goalStatuses)[number];
export type ActionOwnerKind = (typeof actionOwnerKinds)[number];
export type ActionStatus = (typeof actionStatuses)[number];
export type SupportKind = (typeof supportKinds)[number];
export type SupportStatus = (typeof supportStatuses)[number];
export type CheckInField = (typeof checkInFields)[number];
export type ContingencyAlternative = (typeof contingencyAlternatives)[number];
export type ParticipantAgreement = (typeof participantAgreements)[number];

const created = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  version: integer("version").notNull().default(1),
});

const owners = participantOwned;

export const supportPlan = pgTable(
  "support_plan",
  {
    ...owners(),
    /** The contingency section, kept on the plan row: free text in the person's words. */
    contingencyText: text("contingency_text"),
    contingencyAlternatives: jsonb("contingency_alternatives")
      .$type<ContingencyAlternative[]>()
      .notNull()
      .default([]),
    /** When a pause is chosen, the date the team checks back in: nobody is simply discharged. */
    checkBackDate: date("check_back_date", { mode: "string" }),
    /** The contingency section's own edit version; `version` counts every change to the plan. */
    contingencyVersion: integer("contingency_version").notNull().default(1),
    /** How often PHQ-9 and GAD-7 are asked with the person's check-ins; null: not with check-ins. */
    measuresEveryWeeks: smallint("measures_every_weeks"),
    measuresVersion: integer("measures_version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => staffAccount.id),
    ...created(),
  },
  (table) => [uniqueIndex("support_plan_participant_unique").on(table.participantId)],
);

export const planGoal = pgTable(
  "plan_goal",
  {
    ...owners(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => supportPlan.id),
    /** In the person's own words. */
    goal: text("goal").notNull(),
    successLooksLike: text("success_looks_like"),
    status: text("status", { enum: goalStatuses }).notNull().default("active"),
    ...created(),
  },
  (table) => [index("plan_goal_participant_idx").on(table.participantId)],
);

export const planAction = pgTable(
  "plan_action",
  {
    ...owners(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => supportPlan.id),
    description: text("description").notNull(),
    ownerKind: text("owner_kind", { enum: actionOwnerKinds }).notNull(),
    /** Only for a named member of staff, chosen from the participant's care team. */
    ownerStaffId: uuid("owner_staff_id").references(() => staffAccount.id),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: text("status", { enum: actionStatuses }).notNull().default("to_do"),
    goalId: uuid("goal_id").references(() => planGoal.id),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    ...created(),
  },
  (table) => [
    index("plan_action_participant_idx").on(table.participantId),
    // The caseload page's "next action due" reads open actions by participant and date.
    index("plan_action_open_due_idx")
      .on(table.participantId, table.dueDate)
      .where(sql`${table.status} in ('to_do', 'in_progress')`),
  ],
);

export const planSupportReferral = pgTable(
  "plan_support_referral",
  {
    ...owners(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => supportPlan.id),
    kind: text("kind", { enum: supportKinds }).notNull(),
    /** What the support is, when it is "other". */
    otherKind: text("other_kind"),
    status: text("status", { enum: supportStatuses }).notNull().default("suggested"),
    notes: text("notes"),
    ...created(),
  },
  (table) => [index("plan_support_referral_participant_idx").on(table.participantId)],
);

export const planWarningSign = pgTable(
  "plan_warning_sign",
  {
    ...owners(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => supportPlan.id),
    /** Named by the person, e.g. "my sleep times start drifting". */
    sign: text("sign").notNull(),
    whatIWillDo: text("what_i_will_do").notNull(),
    whatMyTeamWillDo: text("what_my_team_will_do").notNull(),
    checkInField: text("check_in_field", { enum: checkInFields }),
    /**
     * The person's own rule for this sign, where it maps to a check-in answer: "sleep below 6
     * hours, 3 check-ins running". All three are set together, or none.
     */
    ruleComparison: text("rule_comparison", { enum: personalRuleComparisons }),
    ruleThreshold: numeric("rule_threshold", { precision: 4, scale: 1, mode: "number" }),
    ruleRunLength: smallint("rule_run_length"),
    ...created(),
  },
  (table) => [
    index("plan_warning_sign_participant_idx").on(table.participantId),
    // The early-warning rules read only the signs with a rule; most have none, and without this
    // the planner scans the whole table for each batch of the sweep.
    index("plan_warning_sign_rule_idx")
      .on(table.participantId)
      .where(sql`${table.ruleComparison} is not null`),
  ],
);

/** What a plan looked like when it was agreed, kept whole so later edits never rewrite it. */
export type PlanSnapshot = {
  goals: { id: string; goal: string; successLooksLike: string | null; status: GoalStatus }[];
  actions: {
    id: string;
    description: string;
    ownerKind: ActionOwnerKind;
    ownerName: string | null;
    dueDate: string;
    status: ActionStatus;
    goalId: string | null;
  }[];
  supports: {
    id: string;
    kind: SupportKind;
    otherKind: string | null;
    status: SupportStatus;
    notes: string | null;
  }[];
  warningSigns: {
    id: string;
    sign: string;
    whatIWillDo: string;
    whatMyTeamWillDo: string;
    checkInField: CheckInField | null;
    /** Absent in versions agreed before personal rules existed. */
    ruleComparison?: PersonalRuleComparison | null;
    ruleThreshold?: number | null;
    ruleRunLength?: number | null;
  }[];
  contingency: { text: string | null; alternatives: ContingencyAlternative[]; checkBackDate: string | null };
};

export const supportPlanVersion = pgTable(
  "support_plan_version",
  {
    ...owners(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => supportPlan.id),
    number: integer("number").notNull(),
    snapshot: jsonb("snapshot").$type<PlanSnapshot>().notNull(),
    reviewDate: date("review_date", { mode: "string" }).notNull(),
    /** The care team members present when it was agreed. */
    agreedByStaffIds: jsonb("agreed_by_staff_ids").$type<string[]>().notNull(),
    agreedByNames: jsonb("agreed_by_names").$type<string[]>().notNull(),
    participantAgreement: text("participant_agreement", { enum: participantAgreements }).notNull(),
    participantComment: text("participant_comment"),
    agreedAt: timestamp("agreed_at", { withTimezone: true }).notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => staffAccount.id),
  },
  (table) => [uniqueIndex("support_plan_version_number_unique").on(table.planId, table.number)],
);

/**
 * The contingency plan put to use (seed 003's safety valve): which alternatives were offered and
 * which the person took up, so that nobody is simply discharged. Never edited: a later use is a
 * new row. The alert that led to it is kept by id only (monitoring reads plans, not the reverse).
 */
export const contingencyActivation = pgTable(
  "contingency_activation",
  {
    ...owners(),
    activatedAt: timestamp("activated_at", { withTimezone: true }).notNull(),
    activatedBy: uuid("activated_by")
      .notNull()
      .references(() => staffAccount.id),
    offered: jsonb("offered").$type<ContingencyAlternative[]>().notNull(),
    takenUp: jsonb("taken_up").$type<ContingencyAlternative[]>().notNull(),
    note: text("note"),
    alertId: uuid("alert_id"),
  },
  (table) => [index("contingency_activation_participant_idx").on(table.participantId, table.activatedAt)],
);
