import type { Option } from "../../platform/web/components";

// NHS.UK textarea and radios, as nhsuk-frontend v10 marks them up. Kept in this feature until the
// shared components gain them, so the design system's CSS applies unchanged.

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

function Message({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <span class="nhsuk-error-message" id={`${name}-error`}>
      <span class="nhsuk-u-visually-hidden">Error:</span> {error}
    </span>
  );
}

export function Textarea(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: unknown;
  rows?: number;
}) {
  const { name, hint, error } = props;
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label class="nhsuk-label" for={name}>
        {props.label}
      </label>
      {hint && (
        <div class="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      <Message name={name} error={error} />
      <textarea
        class={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
        id={name}
        name={name}
        rows={props.rows ?? 6}
        aria-describedby={describedBy(name, hint, error)}
      >
        {props.value === undefined || props.value === null ? "" : String(props.value)}
      </textarea>
    </div>
  );
}

/** One choice from a few, in a fieldset; the first radio carries the field's id for the error link. */
export function Radios(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: (Option & { hint?: string })[];
  value?: unknown;
  inline?: boolean;
}) {
  const { name, hint, error } = props;
  const selected = props.value === undefined || props.value === null ? "" : String(props.value);
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{props.legend}</legend>
        {hint && (
          <div class="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        )}
        <Message name={name} error={error} />
        <div class={`nhsuk-radios${props.inline ? " nhsuk-radios--inline" : ""}`} data-module="nhsuk-radios">
          {props.options.map((option, index) => {
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
