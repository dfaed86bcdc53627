import type { FieldError } from "./components";
import { type DatePart, dateParts, partId, partName, partsOfDate, type TypedDate } from "./date-parts";
import type { Translator } from "./i18n";

// The NHS.UK date input: day, month and year fields in a fieldset, the one way a person types a
// date anywhere in Tandem. Markup follows nhsuk-frontend v10's date-input template (fieldset with
// role="group", hint, error message, `nhsuk-date-input` with three `nhsuk-date-input__item`s), so
// the design system's CSS applies unchanged. The form posts `field[day]`, `field[month]` and
// `field[year]`; `formBody` turns them into one YYYY-MM-DD field for the feature's schema.

const widths: Record<DatePart, 2 | 4> = { day: 2, month: 2, year: 4 };
const labels = { day: "date.day", month: "date.month", year: "date.year" } as const;

/**
 * What the three fields show: the parts as typed when the form comes back with errors, or else
 * the saved date (YYYY-MM-DD) split into its parts.
 */
export function typedDate(values: Record<string, unknown>, name: string): TypedDate {
  const typed = dateParts.map((part) => values[partName(name, part)]);
  if (typed.some((value) => typeof value === "string")) {
    const [day, month, year] = typed.map((value) => (typeof value === "string" ? value : ""));
    return { day, month, year };
  }
  return partsOfDate(values[name]);
}

export function DateInput(props: {
  t: Translator;
  name: string;
  legend: string;
  hint?: string;
  values: Record<string, unknown>;
  errors?: FieldError[];
  /** "bday": the person's own date of birth, which the browser may fill in; "off": someone else's. */
  autocomplete?: "bday" | "off";
}) {
  const { t, name, legend, hint } = props;
  const error = props.errors?.find((candidate) => candidate.field === name);
  const typed = typedDate(props.values, name);
  // A problem with one part marks that part; one with the whole date (in the past, after another) all three.
  const inError = (part: DatePart) =>
    Boolean(error) && (!error?.parts || error.parts.length === 0 || error.parts.includes(part));
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset class="nhsuk-fieldset" role="group" aria-describedby={describedBy || undefined}>
        <legend class="nhsuk-fieldset__legend">{legend}</legend>
        {hint && (
          <div class="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        )}
        {error && (
          <span class="nhsuk-error-message" id={`${name}-error`}>
            <span class="nhsuk-u-visually-hidden">Error:</span> {error.message}
          </span>
        )}
        <div class="nhsuk-date-input" id={name}>
          {dateParts.map((part) => (
            <div class="nhsuk-date-input__item" key={part}>
              <div class={`nhsuk-form-group${inError(part) ? " nhsuk-form-group--error" : ""}`}>
                <label class="nhsuk-label nhsuk-date-input__label" for={partId(name, part)}>
                  {t.t(labels[part])}
                </label>
                <input
                  class={`nhsuk-input${inError(part) ? " nhsuk-input--error" : ""} nhsuk-input--width-${widths[part]} nhsuk-date-input__input`}
                  id={partId(name, part)}
                  name={partName(name, part)}
                  type="text"
                  inputMode="numeric"
                  value={typed[part] ?? ""}
                  autocomplete={props.autocomplete === "bday" ? `bday-${part}` : props.autocomplete}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
