import { layoutProps, type PageContext } from "../http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  NotificationBanner,
  TextInput,
  WarningCallout,
} from "../web/components";
import { AuthenticatorSetup, NewPasswordFields, OneTimeCodeField } from "../web/form-fields";
import { Layout } from "../web/layout";
import type { InvitationLookup } from "./service";

type Page<Extra> = PageContext & Extra & { errors?: FieldError[] };

export function SignInPage(
  props: Page<{
    values: { email?: string; next?: string };
    notice?: "signed_out" | "expired" | "invitation_accepted";
    locked?: boolean;
  }>,
) {
  const { t, errors, values, notice } = props;
  return (
    <Layout {...layoutProps(props, t.t("signIn.title"), errors)} user={undefined} navigation={[]}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {notice && (
        <NotificationBanner
          title={t.t(notice === "expired" ? "signIn.noticeTitle" : "signIn.successTitle")}
          success={notice !== "expired"}
        >
          <p class="nhsuk-notification-banner__heading">{t.t(`signIn.notice.${notice}`)}</p>
        </NotificationBanner>
      )}
      <h1>{t.t("signIn.title")}</h1>
      <Form action="/sign-in" csrfToken={props.csrfToken}>
        {values.next && <input type="hidden" name="next" value={values.next} />}
        <TextInput
          name="email"
          label={t.t("signIn.email")}
          type="email"
          autocomplete="username"
          spellcheck={false}
          value={values.email}
          error={errorFor(errors, "email")}
        />
        <TextInput
          name="password"
          label={t.t("signIn.password")}
          type="password"
          autocomplete="current-password"
          error={errorFor(errors, "password")}
        />
        <Button>{t.t("signIn.submit")}</Button>
      </Form>
      <InsetText>
        <p>{t.t("signIn.help")}</p>
      </InsetText>
    </Layout>
  );
}

export function SecondFactorPage(props: Page<{ next?: string }>) {
  const { t, errors } = props;
  return (
    <Layout {...layoutProps(props, t.t("secondFactor.title"), errors)} navigation={[]}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <Form action="/sign-in/second-factor" csrfToken={props.csrfToken}>
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <OneTimeCodeField
          label={t.t("secondFactor.title")}
          labelAsHeading
          hint={t.t("secondFactor.hint")}
          error={errorFor(errors, "code")}
        />
        <Button>{t.t("secondFactor.submit")}</Button>
      </Form>
      <p>{t.t("secondFactor.lostDevice")}</p>
    </Layout>
  );
}

export function SetUpSecondFactorPage(props: Page<{ secret: string; qrSvg: string }>) {
  const { t, errors, secret } = props;
  return (
    <Layout {...layoutProps(props, t.t("setUpSecondFactor.title"), errors)}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("setUpSecondFactor.title")}</h1>
      <p>{t.t("setUpSecondFactor.why")}</p>
      <AuthenticatorSetup
        t={t}
        secret={secret}
        qrSvg={props.qrSvg}
        action="/sign-in/set-up-second-factor"
        csrfToken={props.csrfToken}
        codeError={errorFor(errors, "code") ?? errorFor(errors, "secret")}
      />
    </Layout>
  );
}

/**
 * A first second factor asked for where one already exists (or before the code is given): said
 * plainly, with where the person can replace it properly.
 */
export function EnrolmentRefusedPage(props: PageContext & { partly: boolean }) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, t.t("secondFactorRefused.title"))}>
      <h1>{t.t("secondFactorRefused.title")}</h1>
      <p>{t.t("secondFactorRefused.body")}</p>
      <p>
        {props.partly ? (
          <a href="/sign-in/second-factor">{t.t("secondFactorRefused.giveCode")}</a>
        ) : (
          <a href="/account/second-factor">{t.t("secondFactorRefused.replace")}</a>
        )}
      </p>
    </Layout>
  );
}

export function RecoveryCodesPage(props: Page<{ codes: string[] }>) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, t.t("recoveryCodes.title"))}>
      <h1>{t.t("recoveryCodes.title")}</h1>
      <p>{t.t("recoveryCodes.intro")}</p>
      <WarningCallout heading={t.t("recoveryCodes.onceHeading")}>
        <p>{t.t("recoveryCodes.onceBody")}</p>
      </WarningCallout>
      <ul class="nhsuk-list app-recovery-codes" aria-label={t.t("recoveryCodes.listLabel")}>
        {props.codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <a class="nhsuk-button" data-module="nhsuk-button" href="/" role="button" draggable={false}>
        {t.t("recoveryCodes.continue")}
      </a>
    </Layout>
  );
}

export function InvitationPage(
  props: Page<{ token: string; invitation: Extract<InvitationLookup, { kind: "valid" }> }>,
) {
  const { t, errors, invitation } = props;
  return (
    <Layout {...layoutProps(props, t.t("invitation.title"), errors)} user={undefined} navigation={[]}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("invitation.title")}</h1>
      <p>{t.t("invitation.welcome", { name: invitation.fullName, email: invitation.email })}</p>
      <Form action="/accept-invitation" csrfToken={props.csrfToken}>
        <input type="hidden" name="token" value={props.token} />
        <NewPasswordFields t={t} errors={errors} />
        <Button>{t.t("invitation.submit")}</Button>
      </Form>
    </Layout>
  );
}

export function InvitationUnusablePage(props: PageContext & { reason: "used" | "expired" | "unknown" }) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, t.t(`invitation.${props.reason}.title`))} user={undefined} navigation={[]}>
      <h1>{t.t(`invitation.${props.reason}.title`)}</h1>
      <p>{t.t(`invitation.${props.reason}.body`)}</p>
      <p>
        <a href="/sign-in">{t.t("error.goSignIn")}</a>
      </p>
    </Layout>
  );
}
