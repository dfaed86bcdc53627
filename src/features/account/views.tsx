import type { ApiTokenSummary } from "../../platform/auth/api-tokens";
import { layoutProps, type PageContext } from "../../platform/http/pages";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  NotificationBanner,
  Select,
  SummaryList,
  Table,
  Tag,
  TextInput,
  WarningCallout,
} from "../../platform/web/components";
import { AuthenticatorSetup, NewPasswordFields } from "../../platform/web/form-fields";
import type { MessageKey } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import type { accountOverview } from "./service";

type Overview = NonNullable<Awaited<ReturnType<typeof accountOverview>>>;

function tokenStatus(token: ApiTokenSummary, now: Date): "active" | "revoked" | "expired" {
  if (token.revokedAt) return "revoked";
  return token.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

export function AccountPage(
  props: PageContext & {
    overview: Overview;
    tokens: ApiTokenSummary[];
    now: Date;
    notice?: string;
    passwordErrors?: FieldError[];
    tokenErrors?: FieldError[];
    recoveryErrors?: FieldError[];
    tokenName?: string;
  },
) {
  const { t, overview, tokens, now } = props;
  const errors = [
    ...(props.recoveryErrors ?? []),
    ...(props.passwordErrors ?? []),
    ...(props.tokenErrors ?? []),
  ];
  const notice =
    props.notice === "password_changed" || props.notice === "token_revoked" ? props.notice : undefined;
  return (
    <Layout {...layoutProps(props, t.t("account.title"), errors)} wide>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {notice && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">{t.t(`account.notice.${notice}`)}</p>
        </NotificationBanner>
      )}
      <h1>{t.t("account.title")}</h1>
      <h2>{t.t("account.details")}</h2>
      <SummaryList
        rows={[
          { key: t.t("account.name"), value: overview.fullName },
          { key: t.t("account.email"), value: overview.email },
          { key: t.t("account.role"), value: t.t(`role.${overview.role}`) },
          {
            key: t.t("account.profession"),
            value: overview.profession
              ? t.t(`profession.${overview.profession}` as MessageKey)
              : t.t("common.none"),
          },
          { key: t.t("account.organisation"), value: overview.organisationName },
          {
            key: t.t("account.teams"),
            value: overview.teamNames.length ? overview.teamNames.join(", ") : t.t("common.none"),
          },
          {
            key: t.t("account.lastSignIn"),
            value: overview.lastSignInAt
              ? t.formatDate(overview.lastSignInAt, "dateTime")
              : t.t("common.never"),
          },
        ]}
      />
      <p>{t.t("account.detailsHelp")}</p>

      <h2>{t.t("account.secondFactor")}</h2>
      {overview.mfaEnrolledAt ? (
        <>
          <p>
            {t.t("account.secondFactorOn", {
              date: t.formatDate(overview.mfaEnrolledAt),
              left: overview.recoveryCodesLeft,
            })}
          </p>
          <ButtonLink href="/account/second-factor" variant="secondary">
            {t.t("account.replaceSecondFactor")}
          </ButtonLink>
          <h3 id="recovery-codes-section">{t.t("account.newRecoveryCodes")}</h3>
          <p>{t.t("account.newRecoveryCodesHelp")}</p>
          <Form action="/account/recovery-codes" csrfToken={props.csrfToken}>
            <TextInput
              name="recoveryPassword"
              label={t.t("account.recoveryPassword")}
              type="password"
              autocomplete="current-password"
              error={errorFor(props.recoveryErrors, "recoveryPassword")}
              width={20}
            />
            <TextInput
              name="recoveryCode"
              label={t.t("account.recoveryCode")}
              autocomplete="one-time-code"
              spellcheck={false}
              error={errorFor(props.recoveryErrors, "recoveryCode")}
              width={10}
            />
            <Button variant="secondary">{t.t("account.newRecoveryCodes")}</Button>
          </Form>
        </>
      ) : (
        <>
          <p>{t.t("account.secondFactorOff")}</p>
          <ButtonLink href="/sign-in/set-up-second-factor" variant="secondary">
            {t.t("account.setUpSecondFactor")}
          </ButtonLink>
        </>
      )}

      <h2 id="password-section">{t.t("account.changePassword")}</h2>
      <Form action="/account/password" csrfToken={props.csrfToken}>
        <TextInput
          name="currentPassword"
          label={t.t("account.currentPassword")}
          type="password"
          autocomplete="current-password"
          error={errorFor(props.passwordErrors, "currentPassword")}
          width={20}
        />
        <NewPasswordFields t={t} errors={props.passwordErrors} changing width={20} />
        <Button variant="secondary">{t.t("account.changePassword")}</Button>
      </Form>

      <h2>{t.t("account.apiTokens")}</h2>
      <p>{t.t("account.apiTokensIntro")}</p>
      {tokens.length === 0 ? (
        <p>{t.t("account.noTokens")}</p>
      ) : (
        <Table
          caption={t.t("account.apiTokens")}
          columns={[
            { label: t.t("account.tokenColumns.name") },
            { label: t.t("account.tokenColumns.created") },
            { label: t.t("account.tokenColumns.expires") },
            { label: t.t("account.tokenColumns.lastUsed") },
            { label: t.t("account.tokenColumns.status") },
            { label: "" },
          ]}
          rows={tokens.map((token) => {
            const status = tokenStatus(token, now);
            return [
              token.name,
              t.formatDate(token.createdAt, "short"),
              t.formatDate(token.expiresAt, "short"),
              token.lastUsedAt ? t.formatDate(token.lastUsedAt, "dateTime") : t.t("common.never"),
              <Tag colour={status === "active" ? "green" : "grey"}>
                {t.t(`account.tokenStatus.${status}`)}
              </Tag>,
              status === "active" ? (
                <Form action={`/account/api-tokens/${token.id}/revoke`} csrfToken={props.csrfToken}>
                  <Button variant="warning">
                    {t.t("account.revoke")}
                    <span class="nhsuk-u-visually-hidden"> {token.name}</span>
                  </Button>
                </Form>
              ) : (
                ""
              ),
            ];
          })}
        />
      )}
      <Form action="/account/api-tokens" csrfToken={props.csrfToken}>
        <TextInput
          name="name"
          label={t.t("account.tokenName")}
          hint={t.t("account.tokenNameHint")}
          value={props.tokenName}
          error={errorFor(props.tokenErrors, "name")}
          width={30}
        />
        <Select
          name="validDays"
          label={t.t("account.tokenValidity")}
          value="30"
          error={errorFor(props.tokenErrors, "validDays")}
          options={[7, 30, 90, 365].map((days) => ({
            value: String(days),
            label: t.t("account.tokenDays", { days }),
          }))}
        />
        <Button variant="secondary">{t.t("account.createToken")}</Button>
      </Form>
    </Layout>
  );
}

export function NewApiTokenPage(props: PageContext & { token: string; name: string }) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, t.t("account.newToken.title"))}>
      <h1>{t.t("account.newToken.title")}</h1>
      <p>{t.t("account.newToken.intro", { name: props.name })}</p>
      <p class="app-monospace" id="api-token">
        {props.token}
      </p>
      <WarningCallout heading={t.t("common.importantTitle")}>
        <p>{t.t("account.newToken.once")}</p>
      </WarningCallout>
      <p>
        <a href="/account">{t.t("account.newToken.back")}</a>
      </p>
    </Layout>
  );
}

/**
 * Replacing the authenticator: the new one's QR code and code, with the password and a code from
 * the current one (or a recovery code) in the same form, so a session alone cannot do it.
 */
export function ReplaceSecondFactorPage(
  props: PageContext & { secret: string; qrSvg: string; errors?: FieldError[] },
) {
  const { t, errors } = props;
  return (
    <Layout {...layoutProps(props, t.t("replaceSecondFactor.title"), errors)}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("replaceSecondFactor.title")}</h1>
      <p>{t.t("replaceSecondFactor.lead")}</p>
      <WarningCallout heading={t.t("setUpSecondFactor.replacingHeading")}>
        <p>{t.t("setUpSecondFactor.replacingBody")}</p>
        <p>{t.t("replaceSecondFactor.oldStops")}</p>
      </WarningCallout>
      <AuthenticatorSetup
        t={t}
        secret={props.secret}
        qrSvg={props.qrSvg}
        action="/account/second-factor"
        csrfToken={props.csrfToken}
        codeError={errorFor(errors, "code") ?? errorFor(errors, "secret")}
        codeLabel={t.t("replaceSecondFactor.newCode")}
      >
        <h3>{t.t("replaceSecondFactor.proveHeading")}</h3>
        <TextInput
          name="currentPassword"
          label={t.t("account.currentPassword")}
          type="password"
          autocomplete="current-password"
          error={errorFor(errors, "currentPassword")}
          width={20}
        />
        <TextInput
          name="currentCode"
          label={t.t("replaceSecondFactor.currentCode")}
          autocomplete="one-time-code"
          spellcheck={false}
          error={errorFor(errors, "currentCode")}
          width={10}
        />
      </AuthenticatorSetup>
    </Layout>
  );
}
