import type { PortalAccess } from "../../platform/auth/participant-invitations";
import { layoutProps, type PageContext } from "../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  NotificationBanner,
  Radios,
  SummaryList,
  TextInput,
} from "../../platform/web/components";
import { Layout } from "../../platform/web/layout";
import {
  type ParticipantBanner,
  ParticipantHeader,
  type RecordTab,
} from "../../platform/web/participant-header";

export type StaffFrame = PageContext & { banner: ParticipantBanner; tabs: RecordTab[] };

function PortalTabLayout(
  props: StaffFrame & {
    title: string;
    errors?: FieldError[];
    notice?: string;
    noticeIsWarning?: boolean;
    children: preact.ComponentChildren;
  },
) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, props.title, props.errors, true)}>
      <ErrorSummary errors={props.errors} title={t.t("error.summaryTitle")} />
      {props.notice && (
        <NotificationBanner
          title={t.t(props.noticeIsWarning ? "portalAccess.notice.importantTitle" : "common.successTitle")}
          success={!props.noticeIsWarning}
        >
          <p class="nhsuk-notification-banner__heading">{props.notice}</p>
        </NotificationBanner>
      )}
      <ParticipantHeader t={t} participant={props.banner} tabs={props.tabs} />
      {props.children}
    </Layout>
  );
}

export function PortalAccessPage(
  props: StaffFrame & {
    access: PortalAccess;
    canWrite: boolean;
    participantEmail: string | null;
    values: Record<string, unknown>;
    errors?: FieldError[];
    notice?: string;
    noticeIsWarning?: boolean;
    /** Without one, an emailed invitation is never sent: the printed code is offered first. */
    mailServerConfigured: boolean;
  },
) {
  const { t, access, errors, values } = props;
  const date = (value: Date | null) => (value ? t.formatDate(value, "long") : t.t("common.none"));
  const rows =
    access.state === "active"
      ? [
          { key: t.t("portalAccess.state"), value: t.t("portalAccess.state.active") },
          { key: t.t("portalAccess.since"), value: date(access.since) },
          { key: t.t("portalAccess.lastSignIn"), value: date(access.lastSignInAt) },
        ]
      : access.state === "invited"
        ? [
            { key: t.t("portalAccess.state"), value: t.t("portalAccess.state.invited") },
            { key: t.t("portalAccess.method"), value: t.t(`portalAccess.method.${access.method}`) },
            { key: t.t("portalAccess.expires"), value: date(access.expiresAt) },
          ]
        : [{ key: t.t("portalAccess.state"), value: t.t(`portalAccess.state.${access.state}`) }];
  const base = `/participants/${props.banner.id}/portal`;
  return (
    <PortalTabLayout {...props} title={t.t("portalAccess.title")}>
      <h1>{t.t("portalAccess.title")}</h1>
      <p>{t.t("portalAccess.lead")}</p>
      <SummaryList rows={rows} />
      {props.canWrite && (
        <>
          <h2>{t.t(access.state === "none" ? "portalAccess.invite" : "portalAccess.inviteAgain")}</h2>
          <Form action={`${base}/invitation`} csrfToken={props.csrfToken}>
            <Radios
              name="method"
              legend={t.t("portalAccess.howToInvite")}
              value={
                values.method ?? (props.participantEmail && props.mailServerConfigured ? "email" : "printed")
              }
              error={errorFor(errors, "method")}
              options={[
                {
                  value: "email",
                  label: t.t("portalAccess.method.email"),
                  hint: t.t(
                    props.mailServerConfigured ? "portalAccess.emailHint" : "portalAccess.emailHintNoServer",
                  ),
                },
                {
                  value: "printed",
                  label: t.t("portalAccess.method.printed"),
                  hint: t.t("portalAccess.printedHint"),
                },
              ]}
            />
            <TextInput
              name="email"
              type="email"
              label={t.t("portalAccess.email")}
              hint={t.t("portalAccess.emailFieldHint")}
              spellcheck={false}
              value={values.email ?? props.participantEmail ?? ""}
              error={errorFor(errors, "email")}
            />
            <Button>{t.t("portalAccess.sendInvitation")}</Button>
          </Form>
          {(access.state === "active" || access.state === "invited") && (
            <>
              <h2>{t.t("portalAccess.withdraw")}</h2>
              <p>{t.t("portalAccess.withdrawLead")}</p>
              <Form action={`${base}/withdraw`} csrfToken={props.csrfToken}>
                <Button variant="warning">{t.t("portalAccess.withdrawButton")}</Button>
              </Form>
            </>
          )}
        </>
      )}
    </PortalTabLayout>
  );
}

/** The sheet handed to the person: their code and where to use it, and nothing about their care. */
export function PrintedCodePage(
  props: PageContext & { code: string; signUpAddress: string; expiresAt: Date; participantId: string },
) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, t.t("portalAccess.printed.title"))}>
      <div class="app-print-plan">
        <a class="nhsuk-back-link" href={`/participants/${props.participantId}/portal`}>
          {t.t("portalAccess.printed.back")}
        </a>
        <h1>{t.t("portalAccess.printed.heading")}</h1>
        <p>{t.t("portalAccess.printed.step1", { address: props.signUpAddress })}</p>
        <p>{t.t("portalAccess.printed.step2")}</p>
        <p class="nhsuk-heading-l app-monospace" aria-label={t.t("portalAccess.printed.codeLabel")}>
          {props.code}
        </p>
        <p>{t.t("portalAccess.printed.expires", { date: t.formatDate(props.expiresAt, "long") })}</p>
        <p>{t.t("portalAccess.printed.keepSafe")}</p>
        <InsetText>
          <p class="app-no-print">{t.t("portalAccess.printed.staffNote")}</p>
        </InsetText>
      </div>
    </Layout>
  );
}
