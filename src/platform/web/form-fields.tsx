import type { ComponentChildren } from "preact";
import {
  Button,
  errorFor,
  type FieldError,
  Form,
  Pagination,
  SummaryList,
  TextInput,
  TrustedSvg,
  WarningCallout,
} from "./components";
import type { Translator } from "./i18n";

// What several features' forms and lists share: the conflict warning shown on a stale save, and
// pagination that keeps the list's filters.

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

/**
 * A list page's address with its filters kept and some changed: empty filters are left out, a
 * list of values repeats its key, and the page number comes last and only past the first page.
 */
export function listHref(
  base: string,
  query: Record<string, unknown>,
  changes: Record<string, unknown> = {},
) {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (key === "page" || value === undefined || value === null || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const page = Number(merged.page ?? 1);
  if (page > 1) params.set("page", String(page));
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

/**
 * Choosing a new password: the password and its confirmation, with the strength rule as a hint.
 * One component for every place a password is set (invitations, changing it), staff or participant.
 */
export function NewPasswordFields({
  t,
  errors,
  changing = false,
  width,
}: {
  t: Translator;
  errors?: FieldError[];
  /** Changing an existing password: the labels say "new". */
  changing?: boolean;
  width?: 20;
}) {
  return (
    <>
      <TextInput
        name="password"
        label={t.t(changing ? "account.newPassword" : "invitation.password")}
        hint={t.t(changing ? "account.newPasswordHint" : "invitation.passwordHint")}
        type="password"
        autocomplete="new-password"
        error={errorFor(errors, "password")}
        width={width}
      />
      <TextInput
        name="confirmPassword"
        label={t.t(changing ? "account.confirmPassword" : "invitation.confirmPassword")}
        type="password"
        autocomplete="new-password"
        error={errorFor(errors, "confirmPassword")}
        width={width}
      />
    </>
  );
}

/** A six-digit code from an authenticator app: the field every second-factor form asks for. */
export function OneTimeCodeField(props: {
  label: string;
  hint: string;
  error?: string;
  labelAsHeading?: boolean;
}) {
  return (
    <TextInput
      name="code"
      label={props.label}
      labelAsHeading={props.labelAsHeading}
      hint={props.hint}
      autocomplete="one-time-code"
      inputmode="numeric"
      spellcheck={false}
      width={10}
      error={props.error}
    />
  );
}

/**
 * Setting up an authenticator app, staff or participant: scan the QR code (or type the secret),
 * then confirm with a code from the app.
 */
export function AuthenticatorSetup(props: {
  t: Translator;
  secret: string;
  qrSvg: string;
  action: string;
  csrfToken: string;
  codeError?: string;
  /** Fields the form asks for before the new code (replacing a factor asks for the password and current code). */
  children?: preact.ComponentChildren;
  codeLabel?: string;
}) {
  const { t, secret } = props;
  return (
    <>
      <h2>{t.t("setUpSecondFactor.step1")}</h2>
      <TrustedSvg svg={props.qrSvg} label={t.t("setUpSecondFactor.qrLabel")} />
      <p>{t.t("setUpSecondFactor.manual")}</p>
      <p class="app-monospace" id="secret">
        {secret.match(/.{1,4}/g)?.join(" ") ?? secret}
      </p>
      <h2>{t.t("setUpSecondFactor.step2")}</h2>
      <Form action={props.action} csrfToken={props.csrfToken}>
        <input type="hidden" name="secret" value={secret} />
        {props.children}
        <OneTimeCodeField
          label={props.codeLabel ?? t.t("setUpSecondFactor.codeLabel")}
          hint={t.t("setUpSecondFactor.codeHint")}
          error={props.codeError}
        />
        <Button>{t.t("setUpSecondFactor.submit")}</Button>
      </Form>
    </>
  );
}
