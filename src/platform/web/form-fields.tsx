import type { ComponentChildren } from "preact";
import { type Option, Pagination, SummaryList, WarningCallout } from "./components";
import type { Translator } from "./i18n";

// Form fields and list helpers that several features share: radios, text areas, the conflict
// warning shown on a stale save, and pagination that keeps the list's filters.

const describedBy = (name: string, hint?: string, error?: string) =>
  [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;

function ErrorMessage({ name, error }: { name: string; error?: string }) {
  if (!error) return null;
  return (
    <span class="nhsuk-error-message" id={`${name}-error`}>
      <span class="nhsuk-u-visually-hidden">Error:</span> {error}
    </span>
  );
}

/** NHS.UK radios in a fieldset; the first radio carries the field's id so the error summary links to it. */
export function Radios(props: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: (Option & { hint?: string })[];
  value?: unknown;
  inline?: boolean;
  small?: boolean;
  legendSize?: "s" | "m" | "l";
}) {
  const { name, legend, hint, error, options } = props;
  const selected = props.value === undefined || props.value === null ? "" : String(props.value);
  const modifiers = `${props.inline ? " nhsuk-radios--inline" : ""}${props.small ? " nhsuk-radios--small" : ""}`;
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset class="nhsuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend class={`nhsuk-fieldset__legend nhsuk-fieldset__legend--${props.legendSize ?? "s"}`}>
          {legend}
        </legend>
        {hint && (
          <div class="nhsuk-hint" id={`${name}-hint`}>
            {hint}
          </div>
        )}
        <ErrorMessage name={name} error={error} />
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

export function Textarea(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: unknown;
  rows?: number;
}) {
  const { name, label, hint, error } = props;
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label class="nhsuk-label" for={name}>
        {label}
      </label>
      {hint && (
        <div class="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      <ErrorMessage name={name} error={error} />
      <textarea
        class={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
        id={name}
        name={name}
        rows={props.rows ?? 4}
        aria-describedby={describedBy(name, hint, error)}
      >
        {props.value === undefined || props.value === null ? "" : String(props.value)}
      </textarea>
    </div>
  );
}

/** Shown on a 409: what is saved now, beside the form that still holds what this person typed. */
export function SavedVersionWarning({
  t,
  saved,
}: {
  t: Translator;
  saved: { key: string; value: ComponentChildren }[];
}) {
  return (
    <WarningCallout heading={t.t("common.conflictHeading")}>
      <p>{t.t("common.conflictBody")}</p>
      <h3 class="nhsuk-heading-s">{t.t("common.savedVersion")}</h3>
      <SummaryList rows={saved} />
    </WarningCallout>
  );
}

/** A list page's address with its filters kept and the page number changed. */
export function listHref(
  base: string,
  query: Record<string, unknown>,
  changes: Record<string, unknown> = {},
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value === undefined || value === "" || value === null) continue;
    if (key === "page" && Number(value) <= 1) continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

export function PagedResults({
  t,
  base,
  query,
  page,
  pageCount,
  total,
}: {
  t: Translator;
  base: string;
  query: Record<string, unknown>;
  page: number;
  pageCount: number;
  total: number;
}) {
  return (
    <>
      <p class="nhsuk-body-s">{t.plural("common.resultCount", total)}</p>
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(target) => listHref(base, query, { page: target })}
        labels={{
          previous: t.t("common.previous"),
          next: t.t("common.next"),
          position: t.t("common.pageOf", { page, count: pageCount }),
          navigation: t.t("common.pagination"),
        }}
      />
    </>
  );
}
