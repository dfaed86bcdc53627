import { z } from "zod";
import type { FormBody } from "../../../platform/web/forms";

/**
 * The check-in asks one question per page (NHS.UK "question pages"), then shows the answers to
 * check before anything is saved. Answers so far travel in hidden fields of the next page's form,
 * so nothing is half-written, nothing lands in an address, and it works without JavaScript.
 */
export const checkInSteps = ["sleep", "mood", "stress", "energy", "work", "check"] as const;
export type CheckInStep = (typeof checkInSteps)[number];

/** Every field a check-in can carry, as typed; what each step asks. */
export const checkInAnswerFields = [
  "sleepHours",
  "bedtime",
  "wakeTime",
  "mood",
  "stress",
  "energy",
  "hoursWorked",
  "howWorkIsGoing",
] as const;
export type CheckInAnswerField = (typeof checkInAnswerFields)[number];

export const fieldsOfStep: Record<Exclude<CheckInStep, "check">, readonly CheckInAnswerField[]> = {
  sleep: ["sleepHours", "bedtime", "wakeTime"],
  mood: ["mood"],
  stress: ["stress"],
  energy: ["energy"],
  work: ["hoursWorked", "howWorkIsGoing"],
};

/** The steps for a person: hours worked and how work is going are asked of people in work. */
export function stepsFor(inWork: boolean): CheckInStep[] {
  return checkInSteps.filter((step) => step !== "work" || inWork);
}

/**
 * A clock time as people type it: "23:30", "2330", "9.15", "11:30pm", "7am". Returns "HH:MM" in
 * 24 hours, or undefined if it is not a time of day.
 */
export function parseClockTime(input: string): string | undefined {
  const text = input.trim().toLowerCase().replace(/\s+/g, "");
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?(am|pm)?$/.exec(text);
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const suffix = match[3];
  // Digits without a separator ("2330", "930") are read as H(H)MM; a bare "23" as an hour.
  if (minutes > 59) return undefined;
  if (suffix) {
    if (hours < 1 || hours > 12) return undefined;
    if (suffix === "am" && hours === 12) hours = 0;
    if (suffix === "pm" && hours !== 12) hours += 12;
  } else if (hours > 23) return undefined;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const scale = (
  message: "validation.checkIn.mood" | "validation.checkIn.stress" | "validation.checkIn.energy",
) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ message }).int(message).min(0, message).max(10, message).optional(),
  );

const clockTime = (message: "validation.checkIn.bedtime" | "validation.checkIn.wakeTime") =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((value, context) => {
        if (value === undefined) return undefined;
        const parsed = parseClockTime(value);
        if (!parsed) {
          context.addIssue({ code: "custom", message });
          return z.NEVER;
        }
        return parsed;
      }),
  );

const decimal = (message: "validation.checkIn.sleepHours" | "validation.checkIn.hoursWorked", max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message })
      .min(0, message)
      .max(max, message)
      .refine((value) => Math.round(value * 10) === value * 10, message)
      .optional(),
  );

/** Every answer is optional: the person may skip any question. At least one must be given. */
export const checkInAnswers = z.object({
  sleepHours: decimal("validation.checkIn.sleepHours", 24),
  bedtime: clockTime("validation.checkIn.bedtime"),
  wakeTime: clockTime("validation.checkIn.wakeTime"),
  mood: scale("validation.checkIn.mood"),
  stress: scale("validation.checkIn.stress"),
  energy: scale("validation.checkIn.energy"),
  hoursWorked: decimal("validation.checkIn.hoursWorked", 100),
  howWorkIsGoing: z.preprocess(
    blankToUndefined,
    z.string().trim().max(2000, "validation.tooLong").optional(),
  ),
});
export type CheckInAnswers = z.infer<typeof checkInAnswers>;

const stepSchemas = {
  sleep: checkInAnswers.pick({ sleepHours: true, bedtime: true, wakeTime: true }),
  mood: checkInAnswers.pick({ mood: true }),
  stress: checkInAnswers.pick({ stress: true }),
  energy: checkInAnswers.pick({ energy: true }),
  work: checkInAnswers.pick({ hoursWorked: true, howWorkIsGoing: true }),
};

export const hasAnyAnswer = (answers: CheckInAnswers) =>
  checkInAnswerFields.some((field) => answers[field] !== undefined);

/** Where the person is going from here: the next question, back, a question to change, or save. */
export type CheckInMove =
  | { kind: "show"; step: CheckInStep }
  | { kind: "invalid"; step: CheckInStep; issues: z.ZodError }
  | { kind: "save"; answers: CheckInAnswers }
  | { kind: "nothing_answered" };

const isStep = (value: unknown): value is CheckInStep =>
  typeof value === "string" && (checkInSteps as readonly string[]).includes(value);

/** The answers carried in a form body, as typed (strings), for hidden fields and re-showing. */
export function carriedAnswers(body: FormBody): Partial<Record<CheckInAnswerField, string>> {
  const carried: Partial<Record<CheckInAnswerField, string>> = {};
  for (const field of checkInAnswerFields) {
    const value = body[field];
    if (typeof value === "string" && value.trim() !== "") carried[field] = value;
  }
  return carried;
}

/**
 * One pure step of the check-in: from the page the person was on (`step`), what they pressed
 * (`go`: "next", "back", or a step to change from the check page, or "save") and the answers.
 */
export function moveCheckIn(body: FormBody, inWork: boolean): CheckInMove {
  const steps = stepsFor(inWork);
  const step = isStep(body.step) && steps.includes(body.step) ? body.step : steps[0]!;
  const go = typeof body.go === "string" ? body.go : "next";
  const index = steps.indexOf(step);
  if (go === "back") return { kind: "show", step: steps[Math.max(0, index - 1)]! };
  if (isStep(go) && steps.includes(go)) return { kind: "show", step: go };
  if (step !== "check") {
    const parsed = stepSchemas[step].safeParse(body);
    if (!parsed.success) return { kind: "invalid", step, issues: parsed.error };
    return { kind: "show", step: steps[index + 1]! };
  }
  // Saving re-checks everything carried, so a tampered hidden field is caught, never stored.
  const parsed = checkInAnswers.safeParse(body);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    const wrongStep = steps.find((candidate) =>
      candidate === "check" ? false : fieldsOfStep[candidate].includes(field as CheckInAnswerField),
    );
    return { kind: "invalid", step: wrongStep ?? steps[0]!, issues: parsed.error };
  }
  if (!hasAnyAnswer(parsed.data)) return { kind: "nothing_answered" };
  return { kind: "save", answers: parsed.data };
}
