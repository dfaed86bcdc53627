import { layoutProps, type PageContext } from "../../../platform/http/pages";
import type { RecordFrame } from "../../../platform/http/record-page";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  NotificationBanner,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningCallout,
} from "../../../platform/web/components";
import { DateInput } from "../../../platform/web/date-input";
import { PagedResults } from "../../../platform/web/form-fields";
import { Layout } from "../../../platform/web/layout";
import { staffReferralSources } from "../record/forms";
import { PersonFields } from "../record/person-fields";
import { RecordLayout } from "../record/views";
import { contactAttemptMethods, contactAttemptOutcomes } from "../schema";
import type { PossibleDuplicate, ReceivingTeam } from "./intake";
import type { ReferralQueueRow, referralDetails } from "./service";
import { daysBetween, NOT_REACHED_MINIMUM_ATTEMPTS } from "./service";

type Values = Record<string, unknown>;

export function StaffReferralPage(
  props: PageContext & {
    teams: ReceivingTeam[];
    values: Values;
    errors?: FieldError[];
    duplicates?: PossibleDuplicate[];
  },
) {
  const { t, values, errors, duplicates } = props;
  return (
    <Layout {...layoutProps(props, t.t("referral.new.title"), errors)}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("referral.new.title")}</h1>
      <p>{t.t("referral.new.lead")}</p>
      <Form action="/referrals/new" csrfToken={props.csrfToken}>
        {duplicates && duplicates.length > 0 && (
          <WarningCallout heading={t.t("referral.duplicate.title")}>
            <ul>
              {duplicates.map((match) => (
                <li key={match.participantId}>
                  {t.t(`referral.duplicate.${match.reason}`, {
                    team: match.teamName,
                    date: t.formatDate(match.referredAt, "long"),
                  })}
                </li>
              ))}
            </ul>
            <Radios
              name="duplicateDecision"
              legend={t.t("referral.duplicate.question")}
              error={errorFor(errors, "duplicateDecision")}
              value={values.duplicateDecision}
              options={[
                ...duplicates.map((match) => ({
                  value: `link:${match.participantId}`,
                  label: t.t("referral.duplicate.link"),
                  hint: `${match.teamName}, ${t.formatDate(match.referredAt, "long")}`,
                })),
                { value: "new", label: t.t("referral.duplicate.new") },
              ]}
            />
          </WarningCallout>
        )}
        <h2>{t.t("referral.new.aboutPerson")}</h2>
        <PersonFields t={t} values={values} errors={errors} />
        <h2>{t.t("referral.new.aboutReferral")}</h2>
        <Select
          name="teamId"
          label={t.t("participant.fields.team")}
          value={values.teamId ?? (props.teams.length === 1 ? props.teams[0]!.id : undefined)}
          error={errorFor(errors, "teamId")}
          emptyOption=""
          options={props.teams.map((team) => ({ value: team.id, label: team.name }))}
        />
        <Select
          name="source"
          label={t.t("participant.fields.source")}
          value={values.source}
          error={errorFor(errors, "source")}
          emptyOption=""
          options={staffReferralSources.map((source) => ({
            value: source,
            label: t.t(`participant.source.${source}`),
          }))}
        />
        <TextInput
          name="referrerName"
          label={t.t("participant.fields.referrerName")}
          value={values.referrerName}
          error={errorFor(errors, "referrerName")}
        />
        <TextInput
          name="referrerOrganisation"
          label={t.t("participant.fields.referrerOrganisation")}
          value={values.referrerOrganisation}
          error={errorFor(errors, "referrerOrganisation")}
        />
        <Button>
          {duplicates?.length ? t.t("referral.duplicate.continue") : t.t("referral.new.submit")}
        </Button>
      </Form>
    </Layout>
  );
}

export function ReferralQueuePage(
  props: PageContext & {
    rows: ReferralQueueRow[];
    total: number;
    page: number;
    pageCount: number;
    now: Date;
    canRefer: boolean;
    notice?: string;
  },
) {
  const { t, rows, now } = props;
  return (
    <Layout {...layoutProps(props, t.t("referrals.title"), undefined, true)}>
      {props.notice && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">{props.notice}</p>
        </NotificationBanner>
      )}
      <h1>{t.t("referrals.title")}</h1>
      <p>{t.t("referrals.lead")}</p>
      {props.canRefer && (
        <p>
          <a href="/referrals/new">{t.t("referral.new.title")}</a>
        </p>
      )}
      {rows.length === 0 ? (
        <InsetText>
          <p>{t.t("referrals.empty")}</p>
        </InsetText>
      ) : (
        <Table
          caption={t.t("referrals.caption")}
          columns={[
            { label: t.t("referrals.columns.name") },
            { label: t.t("referrals.columns.source") },
            { label: t.t("referrals.columns.received") },
            { label: t.t("referrals.columns.waiting"), numeric: true },
            { label: t.t("referrals.columns.attempts"), numeric: true },
            { label: t.t("referrals.columns.flags") },
          ]}
          rows={rows.map((row) => [
            <a href={`/participants/${row.participantId}/referral`}>
              {row.givenName} {row.familyName}
            </a>,
            t.t(`participant.source.${row.source}`),
            t.formatDate(row.receivedAt, "short"),
            t.plural("referrals.days", daysBetween(row.receivedAt, now)),
            t.formatNumber(row.attempts),
            row.possibleDuplicate ? <Tag colour="orange">{t.t("referrals.possibleDuplicate")}</Tag> : "",
          ])}
        />
      )}
      <PagedResults
        t={t}
        base="/referrals"
        query={{}}
        page={props.page}
        pageCount={props.pageCount}
        total={props.total}
      />
    </Layout>
  );
}

type ReferralDetails = NonNullable<Awaited<ReturnType<typeof referralDetails>>>;

export function ReferralTabPage(
  props: RecordFrame & {
    referral?: ReferralDetails;
    canTakeOn: boolean;
    canWrite: boolean;
    /** A team leader may compare the records and merge them (decision 63). */
    canMerge: boolean;
    now: Date;
    today: string;
    values?: Values;
    errors?: FieldError[];
  },
) {
  const { t, referral, errors, now } = props;
  const values = props.values ?? {};
  const base = `/participants/${props.banner.id}/referral`;
  // As it always has, the referral tab leaves out the emergency-access warning the other tabs show.
  return (
    <RecordLayout {...props} emergency={false} title={t.t("referral.title")}>
      <h1>{t.t("referral.title")}</h1>
      {!referral ? (
        <p>{t.t("referral.noAttempts")}</p>
      ) : (
        <>
          {referral.duplicate && (
            <WarningCallout heading={t.t("referrals.possibleDuplicate")}>
              <p>
                {t.t("referral.duplicateWarning", {
                  reason: t.t(`referral.duplicateReason.${referral.duplicate}`),
                })}
              </p>
              {props.canWrite && (
                <>
                  <p>{t.t("referral.notDuplicate.hint")}</p>
                  <Form
                    action={`/participants/${props.banner.id}/referral/not-duplicate`}
                    csrfToken={props.csrfToken}
                  >
                    <Button variant="secondary">{t.t("referral.notDuplicate.button")}</Button>
                  </Form>
                </>
              )}
              {props.canMerge && (
                <p>
                  <a href={`/participants/${props.banner.id}/merge`}>{t.t("merge.link")}</a>
                </p>
              )}
            </WarningCallout>
          )}
          {referral.status === "open" && (
            <p class="nhsuk-body-l">{t.plural("referral.waiting", daysBetween(referral.receivedAt, now))}</p>
          )}
          <SummaryList
            rows={[
              { key: t.t("participant.fields.receivedAt"), value: t.formatDate(referral.receivedAt, "long") },
              { key: t.t("participant.fields.source"), value: t.t(`participant.source.${referral.source}`) },
              {
                key: t.t("participant.fields.referrerName"),
                value:
                  [referral.referrerName, referral.referrerOrganisation].filter(Boolean).join(", ") ||
                  t.t("common.none"),
              },
              { key: t.t("participant.fields.team"), value: referral.teamName },
              // The referral's own outcome under its own name; the stage is the header's, word for word.
              { key: t.t("participant.fields.stage"), value: props.banner.stageLabel },
              {
                key: t.t("stage.referralOutcome"),
                value: (
                  <>
                    {t.t(`participant.referralStatus.${referral.status}`)}
                    {referral.closingNote ? ` – ${referral.closingNote}` : ""}
                  </>
                ),
              },
            ]}
          />
          {props.canTakeOn && referral.status === "open" && (
            <Form action={`${base}/take-on`} csrfToken={props.csrfToken}>
              <p>{t.t("referral.takeHint")}</p>
              <Button>{t.t("referral.take")}</Button>
            </Form>
          )}
          <h2>{t.t("referral.attempts")}</h2>
          {referral.attempts.length === 0 ? (
            <p>{t.t("referral.noAttempts")}</p>
          ) : (
            <Table
              caption={t.t("referral.attemptsCaption")}
              columns={[
                { label: t.t("referral.attempt.date") },
                { label: t.t("referral.attempt.method") },
                { label: t.t("referral.attempt.outcome") },
                { label: t.t("referral.attempt.note") },
                { label: t.t("referral.attempt.recordedBy") },
              ]}
              rows={referral.attempts.map((attempt) => [
                t.formatDate(new Date(`${attempt.attemptedOn}T12:00:00Z`), "short"),
                t.t(`participant.attemptMethod.${attempt.method}`),
                t.t(`participant.attemptOutcome.${attempt.outcome}`),
                attempt.note ?? "",
                attempt.recordedByName,
              ])}
            />
          )}
          {props.canWrite && referral.status === "open" && (
            <>
              <h2>{t.t("referral.attempt.add")}</h2>
              <Form action={`${base}/attempts`} csrfToken={props.csrfToken}>
                <DateInput
                  t={t}
                  name="attemptedOn"
                  legend={t.t("referral.attempt.date")}
                  values={{ ...values, attemptedOn: values.attemptedOn ?? props.today }}
                  errors={errors}
                />
                <Select
                  name="method"
                  label={t.t("referral.attempt.method")}
                  value={values.method}
                  error={errorFor(errors, "method")}
                  emptyOption=""
                  options={contactAttemptMethods.map((method) => ({
                    value: method,
                    label: t.t(`participant.attemptMethod.${method}`),
                  }))}
                />
                <Select
                  name="outcome"
                  label={t.t("referral.attempt.outcome")}
                  value={values.outcome}
                  error={errorFor(errors, "outcome")}
                  emptyOption=""
                  options={contactAttemptOutcomes.map((outcome) => ({
                    value: outcome,
                    label: t.t(`participant.attemptOutcome.${outcome}`),
                  }))}
                />
                <Textarea
                  name="note"
                  label={t.t("referral.attempt.note")}
                  value={values.note}
                  error={errorFor(errors, "note")}
                  rows={2}
                />
                <Button variant="secondary">{t.t("referral.attempt.add")}</Button>
              </Form>
              <h2>{t.t("referral.close.title")}</h2>
              <Form action={`${base}/close`} csrfToken={props.csrfToken}>
                <input type="hidden" name="version" value={String(referral.version)} />
                <Radios
                  name="status"
                  legend={t.t("referral.close.status")}
                  hint={t.t("referral.close.hint")}
                  value={values.status}
                  error={errorFor(errors, "status")}
                  options={[
                    {
                      value: "declined_by_person",
                      label: t.t("participant.referralStatus.declined_by_person"),
                    },
                    {
                      value: "not_reached",
                      label: t.t("participant.referralStatus.not_reached"),
                      hint: t.t("validation.participant.notReachedNeedsAttempts", {
                        min: NOT_REACHED_MINIMUM_ATTEMPTS,
                      }),
                    },
                  ]}
                />
                <Textarea
                  name="closingNote"
                  label={t.t("referral.close.note")}
                  value={values.closingNote}
                  error={errorFor(errors, "closingNote")}
                  rows={2}
                />
                <Button variant="secondary">{t.t("referral.close.submit")}</Button>
              </Form>
            </>
          )}
        </>
      )}
    </RecordLayout>
  );
}
