import type { ParticipantInvitationLookup } from "../../platform/auth/participant-invitations";
import { layoutProps } from "../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  NotificationBanner,
  SummaryList,
  TextInput,
} from "../../platform/web/components";
import { AuthenticatorSetup, NewPasswordFields, OneTimeCodeField } from "../../platform/web/form-fields";
import { Layout } from "../../platform/web/layout";
import { OwnPagesLayout as PortalLayout } from "../../platform/web/own-pages-layout";
import type { PortalContext } from "./navigation";

type Page<Extra = object> = PortalContext & Extra & { errors?: FieldError[] };

/** Pages before signing in: no navigation, the participant's own header links. */
function SignedOutLayout(props: Page<{ title: string; children: preact.ComponentChildren }>) {
  return (
    <Layout
      {...layoutProps(props, props.title, props.errors)}
      user={undefined}
      navigation={[]}
      links={props.links}
    >
      <ErrorSummary errors={props.errors} title={props.t.t("error.summaryTitle")} />
      {props.children}
    </Layout>
  );
}

export function SignInPage(
  props: Page<{ values: { signInName?: string; next?: string }; notice?: "signed_out" | "expired" }>,
) {
  const { t, errors, values } = props;
  return (
    <SignedOutLayout {...props} title={t.t("portal.signIn.title")}>
      {props.notice && (
        <NotificationBanner title={t.t("portal.noticeTitle")} success={props.notice === "signed_out"}>
          <p class="nhsuk-notification-banner__heading">{t.t(`portal.signIn.notice.${props.notice}`)}</p>
        </NotificationBanner>
      )}
      <h1>{t.t("portal.signIn.title")}</h1>
      <Form action="/my/sign-in" csrfToken={props.csrfToken}>
        {values.next && <input type="hidden" name="next" value={values.next} />}
        <TextInput
          name="signInName"
          label={t.t("portal.signIn.name")}
          hint={t.t("portal.signIn.nameHint")}
          autocomplete="username"
          spellcheck={false}
          value={values.signInName}
          error={errorFor(errors, "signInName")}
        />
        <TextInput
          name="password"
          label={t.t("portal.signIn.password")}
          type="password"
          autocomplete="current-password"
          error={errorFor(errors, "password")}
        />
        <Button>{t.t("portal.signIn.submit")}</Button>
      </Form>
      <InsetText>
        <p>{t.t("portal.signIn.help")}</p>
        <p>
          <a href="/my/invitation">{t.t("portal.signIn.haveCode")}</a>
        </p>
      </InsetText>
    </SignedOutLayout>
  );
}

export function SecondFactorPage(props: Page<{ next?: string }>) {
  const { t, errors } = props;
  return (
    <SignedOutLayout {...props} title={t.t("portal.secondFactor.title")}>
      <Form action="/my/sign-in/second-factor" csrfToken={props.csrfToken}>
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <OneTimeCodeField
          label={t.t("portal.secondFactor.title")}
          labelAsHeading
          hint={t.t("portal.secondFactor.hint")}
          error={errorFor(errors, "code")}
        />
        <Button>{t.t("portal.secondFactor.submit")}</Button>
      </Form>
      <p>{t.t("portal.secondFactor.lost")}</p>
    </SignedOutLayout>
  );
}

export function InvitationCodePage(props: Page<{ values: { code?: string } }>) {
  const { t, errors } = props;
  return (
    <SignedOutLayout {...props} title={t.t("portal.invitation.codeTitle")}>
      <Form action="/my/invitation/code" csrfToken={props.csrfToken}>
        <TextInput
          name="code"
          label={t.t("portal.invitation.codeTitle")}
          labelAsHeading
          hint={t.t("portal.invitation.codeHint")}
          autocomplete="off"
          spellcheck={false}
          width={20}
          value={props.values.code}
          error={errorFor(errors, "code")}
        />
        <Button>{t.t("portal.invitation.continue")}</Button>
      </Form>
    </SignedOutLayout>
  );
}

export function InvitationAcceptPage(
  props: Page<{
    secret: string;
    invitation: Extract<ParticipantInvitationLookup, { kind: "valid" }>;
    values: { signInName?: string };
  }>,
) {
  const { t, errors, invitation } = props;
  return (
    <SignedOutLayout {...props} title={t.t("portal.invitation.title")}>
      <h1>{t.t("portal.invitation.title")}</h1>
      <p>{t.t("portal.invitation.lead")}</p>
      <Form action="/my/invitation" csrfToken={props.csrfToken}>
        <input type="hidden" name="secret" value={props.secret} />
        {invitation.method === "printed" ? (
          <TextInput
            name="signInName"
            label={t.t("portal.invitation.signInName")}
            hint={t.t("portal.invitation.signInNameHint")}
            autocomplete="username"
            spellcheck={false}
            value={props.values.signInName}
            error={errorFor(errors, "signInName")}
          />
        ) : (
          <p>{t.t("portal.invitation.emailIsName", { email: invitation.email ?? "" })}</p>
        )}
        <NewPasswordFields t={t} errors={errors} />
        <Button>{t.t("portal.invitation.submit")}</Button>
      </Form>
    </SignedOutLayout>
  );
}

export function InvitationUnusablePage(props: Page<{ reason: "used" | "expired" | "unknown" }>) {
  const { t } = props;
  return (
    <SignedOutLayout {...props} title={t.t(`portal.invitation.${props.reason}.title`)}>
      <h1>{t.t(`portal.invitation.${props.reason}.title`)}</h1>
      <p>{t.t(`portal.invitation.${props.reason}.body`)}</p>
      <p>{t.t("portal.invitation.whoToAsk")}</p>
      <p>
        <a href="/my/sign-in">{t.t("portal.invitation.goSignIn")}</a>
      </p>
    </SignedOutLayout>
  );
}

export function AccountPage(
  props: Page<{ signInName: string; mfaEnrolled: boolean; notice?: string; removeErrors?: FieldError[] }>,
) {
  const { t, errors } = props;
  return (
    <PortalLayout {...props} title={t.t("portal.account.title")}>
      <ErrorSummary
        errors={[...(errors ?? []), ...(props.removeErrors ?? [])]}
        title={t.t("error.summaryTitle")}
      />
      <h1>{t.t("portal.account.title")}</h1>
      <SummaryList
        rows={[
          { key: t.t("portal.account.signInName"), value: props.signInName },
          {
            key: t.t("portal.account.authenticator"),
            value: t.t(
              props.mfaEnrolled ? "portal.account.authenticatorOn" : "portal.account.authenticatorOff",
            ),
          },
        ]}
      />
      <h2>{t.t("portal.account.changePassword")}</h2>
      <Form action="/my/account/password" csrfToken={props.csrfToken}>
        <TextInput
          name="currentPassword"
          label={t.t("account.currentPassword")}
          type="password"
          autocomplete="current-password"
          error={errorFor(errors, "currentPassword")}
        />
        <NewPasswordFields t={t} errors={errors} changing />
        <Button>{t.t("portal.account.changePassword")}</Button>
      </Form>
      <h2>{t.t("portal.account.authenticator")}</h2>
      <p>{t.t("portal.account.authenticatorWhy")}</p>
      {props.mfaEnrolled ? (
        <Form action="/my/account/authenticator/remove" csrfToken={props.csrfToken}>
          <p>{t.t("portal.account.removeHelp")}</p>
          <TextInput
            name="removePassword"
            label={t.t("portal.account.removeWithPassword")}
            type="password"
            autocomplete="current-password"
            error={errorFor(props.removeErrors, "removePassword")}
          />
          <TextInput
            name="removeCode"
            label={t.t("portal.account.removeCode")}
            autocomplete="one-time-code"
            inputmode="numeric"
            spellcheck={false}
            width={10}
            error={errorFor(props.removeErrors, "removeCode")}
          />
          <Button variant="secondary">{t.t("portal.account.removeAuthenticator")}</Button>
        </Form>
      ) : (
        <p>
          <a href="/my/account/authenticator">{t.t("portal.account.setUpAuthenticator")}</a>
        </p>
      )}
      <h2>{t.t("portal.account.signOutTitle")}</h2>
      <Form action="/my/sign-out" csrfToken={props.csrfToken}>
        <Button variant="secondary">{t.t("layout.signOut")}</Button>
      </Form>
    </PortalLayout>
  );
}

export function AuthenticatorPage(props: Page<{ secret: string; qrSvg: string }>) {
  const { t, errors, secret } = props;
  return (
    <PortalLayout {...props} title={t.t("portal.authenticator.title")}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("portal.authenticator.title")}</h1>
      <p>{t.t("portal.authenticator.lead")}</p>
      <AuthenticatorSetup
        t={t}
        secret={secret}
        qrSvg={props.qrSvg}
        action="/my/account/authenticator"
        csrfToken={props.csrfToken}
        codeError={errorFor(errors, "code")}
      />
    </PortalLayout>
  );
}

/** Setting up an app where one exists: it must be removed first, with the password and a code. */
export function AuthenticatorAlreadyPage(props: Page) {
  const { t } = props;
  return (
    <PortalLayout {...props} title={t.t("portal.authenticator.alreadyTitle")}>
      <h1>{t.t("portal.authenticator.alreadyTitle")}</h1>
      <p>{t.t("portal.authenticator.alreadyBody")}</p>
      <p>
        <a href="/my/account">{t.t("portal.authenticator.backToAccount")}</a>
      </p>
    </PortalLayout>
  );
}
