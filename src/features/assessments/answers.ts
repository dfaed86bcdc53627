import type { FieldError } from "../../platform/web/components";
import type { Translator } from "../../platform/web/i18n";
import type { MeasureDefinition } from "./measures";
import type { ItemProblem } from "./scoring";

// A questionnaire's answers as its form posts them (`item1`, `item2` …), and what is wrong with
// them in the reader's words: the same for staff, for the person in their own pages and for the API.

/** The answers by item number, from the form's `item<number>` fields. */
export const postedAnswers = (definition: MeasureDefinition, body: Record<string, unknown>) =>
  Object.fromEntries(definition.items.map((item) => [item.id, body[`item${item.id}`]]));

/** A message for each unanswered or wrongly answered question, with its item number. */
export function itemMessages(problems: ItemProblem[], t: Translator) {
  return problems.map((problem) => ({
    itemId: problem.itemId,
    message: t.t(
      problem.problem === "missing"
        ? "validation.assessment.itemMissing"
        : "validation.assessment.itemInvalid",
      { number: problem.itemId },
    ),
  }));
}

/** A message beside each unanswered or wrongly answered question. */
export const itemErrors = (problems: ItemProblem[], t: Translator): FieldError[] =>
  itemMessages(problems, t).map(({ itemId, message }) => ({ field: `item${itemId}`, message }));
