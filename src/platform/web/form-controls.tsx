import type { ComponentChildren } from "preact";

// NHS.UK form controls (error summary, text input, select, checkboxes, radios, textarea) as typed
// Preact functions, following nhsuk-frontend v10's templates. Re-exported from components.tsx.

export type FieldError = {
  field: string;
  message: string;
  /** The element the error summary links to, when not the field's own id (a date's first part in error). */
  anchor?: string;
  /** A date's parts in error; none named means the whole date. */
  parts?: readonly ("day" | "month" | "year")[];
};

export const errorFor = (errors: FieldError[] | undefined, field: string) =>
  errors?.find((error) => error.field === field)?.message;

export function ErrorSummary({ errors, title }: { errors?: FieldError[]; title: string }) {
  if (!errors || errors.length === 0) return null;
  return (
    <div class="nhsuk-error-summary" data-module="nhsuk-error-summary">
      <div role="alert">
        <h2 class="nhsuk-error-summary__title">{title}</h2>
        <div class="nhsuk-error-summary__body">
          <ul class="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.field}:${error.message}`}>
                <a href={`#${error.anchor ?? error.field}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** The page's one question: the label is the page heading. */
  labelAsHeading?: boolean;
};

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

function FieldFrame({
  name,
  label,
  hint,
  error,
  labelAsHeading,
  children,
}: FieldProps & { children: ComponentChildren }) {
  const labelElement = (
    <label class={`nhsuk-label${labelAsHeading ? " nhsuk-label--l" : ""}`} for={name}>
      {label}
    </label>
  );
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      {labelAsHeading ? <h1 class="nhsuk-label-wrapper">{labelElement}</h1> : labelElement}
      {hint && (
        <div class="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span class="nhsuk-error-message" id={`${name}-error`}>
          <span class="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      {children}
    </div>
  );
}

export function TextInput(
  props: FieldProps & {
    value?: unknown;
    type?: "text" | "email" | "password" | "search" | "tel" | "date" | "number";
    autocomplete?: string;
    width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
    inputmode?: "numeric" | "text" | "email";
    spellcheck?: boolean;
  },
) {
  const { name, error, hint, type = "text", width } = props;
  const widthClass = width ? ` nhsuk-input--width-${width}` : "";
  return (
    <FieldFrame {...props}>
      <input
        class={`nhsuk-input${widthClass}${error ? " nhsuk-input--error" : ""}`}
        id={name}
        name={name}
        type={type}
        value={props.value === undefined || props.value === null ? "" : String(props.value)}
        autocomplete={props.autocomplete}
        inputMode={props.inputmode}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldFrame>
  );
}

export type Option = { value: string; label: string };

export function Select(props: FieldProps & { value?: unknown; options: Option[]; emptyOption?: string }) {
  const { name, error, hint, options } = props;
  const selected = props.value === undefined || props.value === null ? "" : String(props.value);
  return (
    <FieldFrame {...props}>
      <select
        class={`nhsuk-select${error ? " nhsuk-select--error" : ""}`}
        id={name}
        name={name}
        aria-describedby={describedBy(name, hint, error)}
      >
        {props.emptyOption !== undefined && (
          <option value="" selected={selected === ""}>
            {props.emptyOption}
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === selected}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes (or one) in a fieldset; the first box carries the field's id for the error link. */
export function Checkboxes(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: Option[];
  checked: readonly string[];
  small?: boolean;
}) {
  const { name, legend, hint, error, options, checked } = props;
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div class="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        )}
        {error && (
          <span class="nhsuk-error-message" id={`${name}-error`}>
            <span class="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <div
          class={`nhsuk-checkboxes${props.small ? " nhsuk-checkboxes--small" : ""}`}
          data-module="nhsuk-checkboxes"
        >
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div class="nhsuk-checkboxes__item" key={option.value}>
                <input
                  class="nhsuk-checkboxes__input"
                  id={id}
                  name={name}
                  type="checkbox"
                  value={option.value}
                  checked={checked.includes(option.value)}
                />
                <label class="nhsuk-label nhsuk-checkboxes__label" for={id}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** One choice from a few, as NHS.UK radios in a fieldset; the first radio carries the field's id. */
export function Radios(props: {
  name: string;
  legend: ComponentChildren;
  hint?: string;
  error?: string;
  /** A hint under an option explains what choosing it means. */
  options: (Option & { hint?: string })[];
  value?: unknown;
  small?: boolean;
  inline?: boolean;
  /** The legend is the page's heading-sized question (one per fieldset on long questionnaires). */
  legendSize?: "s" | "m";
}) {
  const { name, hint, error, options } = props;
  const selected = props.value === undefined || props.value === null ? "" : String(props.value);
  const modifiers = `${props.small ? " nhsuk-radios--small" : ""}${props.inline ? " nhsuk-radios--inline" : ""}`;
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend class={`nhsuk-fieldset__legend nhsuk-fieldset__legend--${props.legendSize ?? "s"}`}>
          {props.legend}
        </legend>
        {hint && (
          <div class="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        )}
        {error && (
          <span class="nhsuk-error-message" id={`${name}-error`}>
            <span class="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <div class={`nhsuk-radios${modifiers}`} data-module="nhsuk-radios">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div class="nhsuk-radios__item" key={option.value}>
                <input
                  class="nhsuk-radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={option.value}
                  checked={option.value === selected}
                  aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                />
                <label class="nhsuk-label nhsuk-radios__label" for={id}>
                  {option.label}
                </label>
                {option.hint && (
                  <div class="nhsuk-hint nhsuk-radios__hint" id={`${id}-item-hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Textarea(props: FieldProps & { value?: unknown; rows?: number }) {
  const { name, error, hint } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        class={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
        id={name}
        name={name}
        rows={props.rows ?? 5}
        aria-describedby={describedBy(name, hint, error)}
      >
        {props.value === undefined || props.value === null ? "" : String(props.value)}
      </textarea>
    </FieldFrame>
  );
}
