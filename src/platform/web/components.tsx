import type { ComponentChildren, JSX } from "preact";

// NHS.UK frontend components as typed Preact functions. Markup follows nhsuk-frontend v10's own
// templates, so the design system's CSS and JavaScript apply unchanged.

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

export function Button({
  children,
  variant = "primary",
  type = "submit",
  name,
  value,
}: {
  children: ComponentChildren;
  variant?: "primary" | "secondary" | "warning";
  type?: "submit" | "button";
  name?: string;
  value?: string;
}) {
  const modifier = variant === "primary" ? "" : ` nhsuk-button--${variant}`;
  return (
    <button
      class={`nhsuk-button${modifier}`}
      data-module="nhsuk-button"
      type={type}
      name={name}
      value={value}
    >
      {children}
    </button>
  );
}

export function ButtonLink({
  href,
  children,
  variant = "primary",
}: {
  href: string;
  children: ComponentChildren;
  variant?: "primary" | "secondary";
}) {
  return (
    <a
      class={`nhsuk-button${variant === "secondary" ? " nhsuk-button--secondary" : ""}`}
      data-module="nhsuk-button"
      href={href}
      role="button"
      draggable={false}
    >
      {children}
    </a>
  );
}

/** The search-and-filter box above a list: a GET form, so every filtered view has its own address. */
export function FilterForm({
  action,
  submitLabel,
  clearLabel,
  children,
}: {
  action: string;
  submitLabel: string;
  clearLabel: string;
  children: ComponentChildren;
}) {
  return (
    <form action={action} method="get" class="app-filter" novalidate>
      {children}
      <Button variant="secondary">{submitLabel}</Button> <a href={action}>{clearLabel}</a>
    </form>
  );
}

/** A form that posts with its CSRF token; `novalidate` so our messages, not the browser's, show. */
export function Form({
  action,
  csrfToken,
  children,
  method = "post",
}: {
  action: string;
  csrfToken: string;
  children: ComponentChildren;
  method?: "post" | "get";
}) {
  return (
    <form action={action} method={method} novalidate>
      {method === "post" && <input type="hidden" name="_csrf" value={csrfToken} />}
      {children}
    </form>
  );
}

export function SummaryList({
  rows,
}: {
  rows: { key: string; value: ComponentChildren; action?: { href: string; label: string } }[];
}) {
  return (
    <dl class="nhsuk-summary-list">
      {rows.map((row) => (
        <div class="nhsuk-summary-list__row" key={row.key}>
          <dt class="nhsuk-summary-list__key">{row.key}</dt>
          <dd class="nhsuk-summary-list__value">{row.value}</dd>
          {row.action && (
            <dd class="nhsuk-summary-list__actions">
              <a href={row.action.href}>
                {row.action.label}
                <span class="nhsuk-u-visually-hidden"> {row.key.toLowerCase()}</span>
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

export type TableColumn = {
  label: string;
  sortHref?: string;
  sorted?: "ascending" | "descending" | "none";
  numeric?: boolean;
};

export function Table({
  caption,
  columns,
  rows,
  responsive,
}: {
  caption: string;
  columns: TableColumn[];
  rows: ComponentChildren[][];
  /** NHS.UK's responsive table: on a phone each row stacks as a card, each value under its heading. */
  responsive?: boolean;
}) {
  if (responsive) return <ResponsiveTable caption={caption} columns={columns} rows={rows} />;
  // A wide table scrolls sideways on a phone: the scrolling region takes focus so a keyboard can
  // scroll it too, and is named by the table's caption.
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (axe scrollable-region-focusable, WCAG 2.1.1).
    <div class="app-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption">{caption}</caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                class={`nhsuk-table__header${column.numeric ? " nhsuk-table__header--numeric" : ""}`}
                aria-sort={column.sortHref ? (column.sorted ?? "none") : undefined}
              >
                {column.sortHref ? <a href={column.sortHref}>{column.label}</a> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {rows.map((cells, rowIndex) => (
            <tr class="nhsuk-table__row" key={rowIndex}>
              {cells.map((cell, cellIndex) => (
                <td
                  key={cellIndex}
                  class={`nhsuk-table__cell${columns[cellIndex]?.numeric ? " nhsuk-table__cell--numeric" : ""}`}
                >
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The NHS.UK responsive table: nothing scrolls sideways on a narrow screen; each cell carries its
 * column heading, shown only when the rows stack. The ARIA roles keep it a table for screen
 * readers once the stacking CSS changes its display.
 */
function ResponsiveTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: TableColumn[];
  rows: ComponentChildren[][];
}) {
  return (
    <table class="nhsuk-table-responsive" role="table">
      <caption class="nhsuk-table__caption">{caption}</caption>
      <thead class="nhsuk-table__head" role="rowgroup">
        <tr class="nhsuk-table__row" role="row">
          {columns.map((column) => (
            <th
              key={column.label}
              scope="col"
              role="columnheader"
              class={`nhsuk-table__header${column.numeric ? " nhsuk-table__header--numeric" : ""}`}
            >
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body" role="rowgroup">
        {rows.map((cells, rowIndex) => (
          <tr class="nhsuk-table__row" role="row" key={rowIndex}>
            {cells.map((cell, cellIndex) => (
              <td
                key={cellIndex}
                role="cell"
                class={`nhsuk-table__cell${columns[cellIndex]?.numeric ? " nhsuk-table__cell--numeric" : ""}`}
              >
                <span class="nhsuk-table-responsive__heading" aria-hidden="true">
                  {columns[cellIndex]?.label}{" "}
                </span>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Previous and next links with the page position, as NHS.UK's pagination component. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  labels,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  labels: { previous: string; next: string; position: string; navigation: string };
}) {
  if (pageCount <= 1) return null;
  return (
    <nav class="nhsuk-pagination" role="navigation" aria-label={labels.navigation}>
      <ul class="nhsuk-list nhsuk-pagination__list">
        {page > 1 && (
          <li class="nhsuk-pagination-item--previous">
            <a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href={hrefFor(page - 1)}>
              <span class="nhsuk-pagination__title">{labels.previous}</span>
              <span class="nhsuk-u-visually-hidden">:</span>
              <span class="nhsuk-pagination__page">{labels.position}</span>
            </a>
          </li>
        )}
        {page < pageCount && (
          <li class="nhsuk-pagination-item--next">
            <a class="nhsuk-pagination__link nhsuk-pagination__link--next" href={hrefFor(page + 1)}>
              <span class="nhsuk-pagination__title">{labels.next}</span>
              <span class="nhsuk-u-visually-hidden">:</span>
              <span class="nhsuk-pagination__page">{labels.position}</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function Tag({
  children,
  colour,
}: {
  children: ComponentChildren;
  colour?: "grey" | "green" | "red" | "orange" | "blue" | "yellow";
}) {
  return <strong class={`nhsuk-tag${colour ? ` nhsuk-tag--${colour}` : ""}`}>{children}</strong>;
}

export function InsetText({ children }: { children: ComponentChildren }) {
  return (
    <div class="nhsuk-inset-text">
      <span class="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

export function WarningCallout({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <div class="nhsuk-card nhsuk-card--warning">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading">{heading}</h2>
        {children}
      </div>
    </div>
  );
}

export function NotificationBanner({
  title,
  children,
  success,
}: {
  title: string;
  children: ComponentChildren;
  success?: boolean;
}) {
  return (
    <div
      class={`nhsuk-notification-banner${success ? " nhsuk-notification-banner--success" : ""}`}
      data-module="nhsuk-notification-banner"
      role={success ? "alert" : "region"}
      aria-labelledby="nhsuk-notification-banner-title"
    >
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id="nhsuk-notification-banner-title">
          {title}
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content">{children}</div>
    </div>
  );
}

export function Card({
  heading,
  href,
  children,
}: {
  heading: string;
  href?: string;
  children?: ComponentChildren;
}) {
  return (
    <div class={`nhsuk-card${href ? " nhsuk-card--clickable" : ""}`}>
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading nhsuk-heading-m">
          {href ? (
            <a class="nhsuk-card__link" href={href}>
              {heading}
            </a>
          ) : (
            heading
          )}
        </h2>
        {children}
      </div>
    </div>
  );
}

/** SVG drawn by our own code (QR codes, charts): the one place raw markup reaches a page. */
export function TrustedSvg({ svg, label }: { svg: string; label: string }) {
  const props: JSX.HTMLAttributes<HTMLDivElement> = { role: "img", "aria-label": label };
  // The SVG is generated by our code (QR codes, charts), never from input.
  return <div class="app-svg" {...props} dangerouslySetInnerHTML={{ __html: svg }} />;
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
