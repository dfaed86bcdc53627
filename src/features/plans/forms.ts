import { z } from "zod";
import { isYearInRange } from "../../platform/calendar-date";
import {
  actionOwnerKinds,
  actionStatuses,
  checkInFields,
  contingencyAlternatives,
  goalStatuses,
  participantAgreements,
  personalRuleComparisons,
  supportKinds,
  supportStatuses,
} from "./schema";

// The plan's forms, shared by the pages and the API; the tables and their choices are in
// schema.ts. Messages are catalogue keys (en-validation.ts holds the words).

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
