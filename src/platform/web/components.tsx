import type { ComponentChildren, JSX } from "preact";

// NHS.UK frontend components as typed Preact functions. Markup follows nhsuk-frontend v10's own
// templates, so the design system's CSS and JavaScript apply unchanged.

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

// Form controls and tables live in their own files; pages import every component from here.
export * from "./form-controls";
export * from "./tables";
