import { layoutProps, type PageContext } from "../../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  Table,
  Textarea,
  TextInput,
} from "../../../platform/web/components";
import { DateInput } from "../../../platform/web/date-input";
import { Layout } from "../../../platform/web/layout";
import { formatNhsNumber } from "../referrals/nhs-number";

// Break-glass access: the reason asked for before a record is opened for a limited time, and the
// search that finds a record outside the reader's care teams.

type Values = Record<string, unknown>;

const isoDay = (text: string) => new Date(`${text}T12:00:00Z`);

export function EmergencyAccessPage(
  props: PageContext & { participantId: string; minutes: number; values: Values; errors?: FieldError[] },
) {
  const { t, errors } = props;
  return (
    <Layout {...layoutProps(props, t.t("emergency.title"), errors)}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("emergency.title")}</h1>
      <p>{t.t("emergency.lead", { minutes: props.minutes })}</p>
      <Form action={`/participants/${props.participantId}/emergency-access`} csrfToken={props.csrfToken}>
        <Textarea
          name="reason"
          label={t.t("emergency.reason")}
          hint={t.t("emergency.reasonHint")}
          value={props.values.reason}
          error={errorFor(errors, "reason")}
        />
        <Button variant="warning">{t.t("emergency.submit")}</Button>
      </Form>
    </Layout>
  );
}

export function EmergencySearchPage(
  props: PageContext & {
    query: Values;
    searched: boolean;
    matches: {
      id: string;
      givenName: string;
      familyName: string;
      dateOfBirth: string;
      nhsNumber: string | null;
      teamName: string;
    }[];
  },
) {
  const { t, query, matches } = props;
  return (
    <Layout {...layoutProps(props, t.t("emergency.search.title"))}>
      <h1>{t.t("emergency.search.title")}</h1>
      <p>{t.t("emergency.search.lead")}</p>
      {/* Posted and answered at once: the search never becomes an address. */}
      <form action="/emergency-access" method="post" class="app-filter" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <TextInput
          name="nhsNumber"
          label={t.t("participantHeader.nhsNumber")}
          value={query.nhsNumber}
          width={10}
          inputmode="numeric"
        />
        <TextInput name="givenName" label={t.t("participant.fields.givenName")} value={query.givenName} />
        <TextInput name="familyName" label={t.t("participant.fields.familyName")} value={query.familyName} />
        <DateInput
          t={t}
          name="dateOfBirth"
          legend={t.t("participant.fields.dateOfBirth")}
          values={query}
          autocomplete="off"
        />
        <Button variant="secondary">{t.t("common.search")}</Button>{" "}
        <a href="/emergency-access">{t.t("common.clearFilters")}</a>
      </form>
      {props.searched && matches.length === 0 && <p>{t.t("emergency.search.noMatch")}</p>}
      {matches.length > 0 && (
        <Table
          caption={t.t("emergency.search.caption")}
          columns={[
            { label: t.t("caseload.columns.name") },
            { label: t.t("participant.fields.dateOfBirth") },
            { label: t.t("participantHeader.nhsNumber") },
            { label: t.t("participant.fields.team") },
            { label: t.t("emergency.offer") },
          ]}
          rows={matches.map((match) => [
            `${match.givenName} ${match.familyName}`,
            t.formatDate(isoDay(match.dateOfBirth), "long"),
            match.nhsNumber ? formatNhsNumber(match.nhsNumber) : "",
            match.teamName,
            <a href={`/participants/${match.id}/emergency-access`}>
              {t.t("emergency.offer")}
              <span class="nhsuk-u-visually-hidden">
                {" "}
                {match.givenName} {match.familyName}
              </span>
            </a>,
          ])}
        />
      )}
    </Layout>
  );
}
