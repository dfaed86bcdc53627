import { type FieldError, type FormBody, fieldErrors } from "../../../platform/web/forms";
import type { Translator } from "../../../platform/web/i18n";
import { participantStage } from "../../participants/service";
import { type CheckInAnswerField, type CheckInStep, carriedAnswers, moveCheckIn, stepsFor } from "./form";
import type { CheckInSource } from "./schema";
import { type CheckInTarget, saveCheckIn } from "./service";

/** A question page to show: which question, of which steps, with the answers so far. */
export type CheckInPageState = {
  step: CheckInStep;
  steps: readonly CheckInStep[];
  answers: Partial<Record<CheckInAnswerField, string>>;
  errors?: FieldError[];
  status: 200 | 400;
};

/** Only the last page saves; the question pages before it only read the record. */
export const checkInPurpose = (body: FormBody): "read" | "write" =>
  body.step === "check" && body.go === "save" ? "write" : "read";

/**
 * One step of the check-in on an open record, for staff and for the person alike: the page to
 * show next, or the check-in saved (with the alerts it raised).
 */
export async function checkInStep(
  target: CheckInTarget,
  form: { body: FormBody; submitted: boolean },
  by: { source: CheckInSource; staffId: string | null },
  t: Translator,
  now: Date,
): Promise<{ kind: "page"; state: CheckInPageState } | { kind: "saved"; raised: number }> {
  const inWork = (await participantStage(target)) === "in_work";
  const steps = stepsFor(inWork);
  const move = form.submitted ? moveCheckIn(form.body, inWork) : ({ kind: "show", step: steps[0]! } as const);
  const page = (step: CheckInStep, errors?: FieldError[]) => ({
    kind: "page" as const,
    state: {
      step,
      steps,
      answers: carriedAnswers(form.body),
      errors,
      status: errors ? (400 as const) : (200 as const),
    },
  });
  if (move.kind === "show") return page(move.step);
  if (move.kind === "invalid") return page(move.step, fieldErrors(move.issues, t));
  if (move.kind === "nothing_answered")
    return page("check", [{ field: "form", message: t.t("checkIns.nothingAnswered") }]);
  const saved = await saveCheckIn(target, move.answers, by, now);
  return { kind: "saved", raised: saved.raised.length };
}
