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
import { z } from "zod";
import { isYearInRange } from "../../platform/calendar-date";
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

// Forms. Messages are catalogue keys (en-validation.ts holds the words).

const requiredText = (required: string, max = 2000) =>
  z.string({ message: required }).trim().min(1, required).max(max, "validation.tooLong");

const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((value) => (value ? value : null));

const version = z.coerce.number({ message: "validation.reload" }).int().min(1, "validation.reload");

/** A calendar date as YYYY-MM-DD, or as 15/12/2026 the way people in the UK write it. */
export function parseCalendarDate(input: string): string | undefined {
  const trimmed = input.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const british = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(trimmed);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (british) [day, month, year] = [Number(british[1]), Number(british[2]), Number(british[3])];
  else return undefined;
  const candidate = new Date(Date.UTC(year, month - 1, day));
  if (
    candidate.getUTCFullYear() !== year ||
    candidate.getUTCMonth() !== month - 1 ||
    candidate.getUTCDate() !== day
  )
    return undefined;
  if (!isYearInRange(year)) return undefined;
  return candidate.toISOString().slice(0, 10);
}

const calendarDate = (message: string) =>
  z
    .string({ message })
    .trim()
    .min(1, message)
    .transform((value, context) => {
      const parsed = parseCalendarDate(value);
      if (!parsed) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return parsed;
    });

const optionalUuid = (message: string) =>
  z
    .union([z.literal(""), z.uuid({ message })], { message })
    .optional()
    .transform((value) => (value ? value : null));

const list = <Values extends readonly [string, ...string[]]>(values: Values, message: string) =>
  z
    .union([z.enum(values, { message }), z.array(z.enum(values, { message }))], { message })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const goalForm = z.object({
  goal: requiredText("validation.plan.goal"),
  successLooksLike: optionalText(),
  status: z.enum(goalStatuses, { message: "validation.plan.goalStatus" }).default("active"),
});

export const actionForm = z
  .object({
    description: requiredText("validation.plan.actionDescription"),
    ownerKind: z.enum(actionOwnerKinds, { message: "validation.plan.ownerKind" }),
    ownerStaffId: optionalUuid("validation.plan.ownerStaff"),
    dueDate: calendarDate("validation.plan.dueDate"),
    status: z.enum(actionStatuses, { message: "validation.plan.actionStatus" }).default("to_do"),
    goalId: optionalUuid("validation.plan.goalLink"),
  })
  .superRefine((form, context) => {
    if (form.ownerKind === "staff" && !form.ownerStaffId)
      context.addIssue({ code: "custom", path: ["ownerStaffId"], message: "validation.plan.ownerStaff" });
  })
  .transform((form) => ({ ...form, ownerStaffId: form.ownerKind === "staff" ? form.ownerStaffId : null }));

export const supportForm = z
  .object({
    kind: z.enum(supportKinds, { message: "validation.plan.supportKind" }),
    otherKind: optionalText(200),
    status: z.enum(supportStatuses, { message: "validation.plan.supportStatus" }).default("suggested"),
    notes: optionalText(),
  })
  .superRefine((form, context) => {
    if (form.kind === "other" && !form.otherKind)
      context.addIssue({ code: "custom", path: ["otherKind"], message: "validation.plan.otherKind" });
  })
  .transform((form) => ({ ...form, otherKind: form.kind === "other" ? form.otherKind : null }));

/** The check-in answers a personal rule can watch, and the values each may take. */
export const personalRuleLimits = {
  sleep: { min: 0, max: 24 },
  mood: { min: 0, max: 10 },
  stress: { min: 0, max: 10 },
  energy: { min: 0, max: 10 },
} as const;
const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const warningSignForm = z
  .object({
    sign: requiredText("validation.plan.sign"),
    whatIWillDo: requiredText("validation.plan.whatIWillDo"),
    whatMyTeamWillDo: requiredText("validation.plan.whatMyTeamWillDo"),
    checkInField: z
      .union([z.literal(""), z.enum(checkInFields)], { message: "validation.chooseFromList" })
      .optional()
      .transform((value) => (value ? value : null)),
    ruleComparison: z.preprocess(
      blank,
      z.enum(personalRuleComparisons, { message: "validation.chooseFromList" }).optional(),
    ),
    ruleThreshold: z.preprocess(
      blank,
      z.coerce.number({ message: "validation.plan.ruleThreshold" }).optional(),
    ),
    ruleRunLength: z.preprocess(
      blank,
      z.coerce
        .number({ message: "validation.plan.ruleRunLength" })
        .int("validation.plan.ruleRunLength")
        .min(1, "validation.plan.ruleRunLength")
        .max(14, "validation.plan.ruleRunLength")
        .optional(),
    ),
  })
  .superRefine((form, context) => {
    const given = [form.ruleComparison, form.ruleThreshold, form.ruleRunLength].filter(
      (part) => part !== undefined,
    ).length;
    if (given === 0) return;
    const limits =
      form.checkInField && form.checkInField in personalRuleLimits
        ? personalRuleLimits[form.checkInField as keyof typeof personalRuleLimits]
        : undefined;
    if (!limits) {
      context.addIssue({ code: "custom", path: ["checkInField"], message: "validation.plan.ruleField" });
      return;
    }
    if (form.ruleComparison === undefined)
      context.addIssue({
        code: "custom",
        path: ["ruleComparison"],
        message: "validation.plan.ruleComparison",
      });
    if (
      form.ruleThreshold === undefined ||
      form.ruleThreshold < limits.min ||
      form.ruleThreshold > limits.max
    )
      context.addIssue({
        code: "custom",
        path: ["ruleThreshold"],
        message:
          form.checkInField === "sleep"
            ? "validation.plan.ruleThresholdSleep"
            : "validation.plan.ruleThresholdScale",
      });
    if (form.ruleRunLength === undefined)
      context.addIssue({ code: "custom", path: ["ruleRunLength"], message: "validation.plan.ruleRunLength" });
  })
  .transform((form) => {
    const complete =
      form.ruleComparison !== undefined &&
      form.ruleThreshold !== undefined &&
      form.ruleRunLength !== undefined;
    return {
      sign: form.sign,
      whatIWillDo: form.whatIWillDo,
      whatMyTeamWillDo: form.whatMyTeamWillDo,
      checkInField: form.checkInField,
      ruleComparison: complete ? form.ruleComparison! : null,
      ruleThreshold: complete ? form.ruleThreshold! : null,
      ruleRunLength: complete ? form.ruleRunLength! : null,
    };
  });

export const contingencyForm = z
  .object({
    contingencyText: optionalText(4000),
    alternatives: list(contingencyAlternatives, "validation.chooseFromList"),
    checkBackDate: z
      .string()
      .trim()
      .optional()
      .transform((value, context) => {
        if (!value) return null;
        const parsed = parseCalendarDate(value);
        if (!parsed) {
          context.addIssue({ code: "custom", message: "validation.plan.checkBackDate" });
          return z.NEVER;
        }
        return parsed;
      }),
  })
  .superRefine((form, context) => {
    if (!form.contingencyText && form.alternatives.length === 0)
      context.addIssue({ code: "custom", path: ["contingencyText"], message: "validation.plan.contingency" });
    if (form.alternatives.includes("pause_with_check_back") && !form.checkBackDate)
      context.addIssue({
        code: "custom",
        path: ["checkBackDate"],
        message: "validation.plan.checkBackNeeded",
      });
  });

/** Agreeing a version: the review date must be after `today` (the service's date, from the clock). */
export const agreementForm = (today: string) =>
  z
    .object({
      reviewDate: calendarDate("validation.plan.reviewDate").refine(
        (value) => value > today,
        "validation.plan.reviewDateFuture",
      ),
      agreedBy: z
        .union([
          z.uuid({ message: "validation.plan.agreedBy" }),
          z.array(z.uuid({ message: "validation.plan.agreedBy" })),
        ])
        .optional()
        .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
        .refine((value) => value.length > 0, "validation.plan.agreedBy"),
      participantAgreement: z.enum(participantAgreements, {
        message: "validation.plan.participantAgreement",
      }),
      participantComment: optionalText(),
    })
    .superRefine((form, context) => {
      if (form.participantAgreement === "wants_changes" && !form.participantComment)
        context.addIssue({
          code: "custom",
          path: ["participantComment"],
          message: "validation.plan.wantsChangesComment",
        });
    });

export type GoalForm = z.infer<typeof goalForm>;
export type ActionForm = z.infer<typeof actionForm>;
export type SupportForm = z.infer<typeof supportForm>;
export type WarningSignForm = z.infer<typeof warningSignForm>;
export type ContingencyForm = z.infer<typeof contingencyForm>;
export type AgreementForm = z.infer<ReturnType<typeof agreementForm>>;

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

export const contingencyActivationForm = z
  .object({
    offered: list(contingencyAlternatives, "validation.chooseFromList"),
    takenUp: list(contingencyAlternatives, "validation.chooseFromList"),
    note: optionalText(),
    alertId: z.preprocess((value) => (value === "" ? undefined : value), z.uuid().optional()),
  })
  .superRefine((form, context) => {
    if (form.offered.length === 0)
      context.addIssue({ code: "custom", path: ["offered"], message: "validation.plan.contingencyOffered" });
    if (form.takenUp.some((alternative) => !form.offered.includes(alternative)))
      context.addIssue({ code: "custom", path: ["takenUp"], message: "validation.plan.contingencyTakenUp" });
  });

/** How often the questionnaires come with check-ins: choices a team would agree with the person. */
export const measureIntervals = ["2", "4", "6", "8", "12"] as const;

export const measuresIntervalForm = z.object({
  measuresEveryWeeks: z
    .union([z.literal("none"), z.enum(measureIntervals)], { message: "validation.plan.measuresEveryWeeks" })
    .transform((value) => (value === "none" ? null : Number(value))),
  version,
});
