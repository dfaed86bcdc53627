import { layoutProps, type PageContext } from "../../platform/http/pages";
import type { RecordFrame } from "../../platform/http/record-page";
import type { RecordAlert } from "../../platform/record-alerts";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  NotificationBanner,
  Radios,
  SummaryList,
  Table,
  Tag,
  WarningCallout,
} from "../../platform/web/components";
import { CrisisInformation } from "../../platform/web/crisis";
import type { MessageKey } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import { ParticipantHeader } from "../../platform/web/participant-header";
import type { MeasureDefinition } from "./measures";
import type { CapabilityView, ProfileView } from "./profiles";
import { completionMethods } from "./schema";
import type { ChangeKind } from "./scoring";
import type { MeasureSummary, measuresOverview, ResponseRow } from "./service";
import { CapabilitySummary, ProfileSummary } from "./summary-views";

export function RecordHeader(props: RecordFrame) {
  return <ParticipantHeader t={props.t} participant={props.banner} tabs={props.tabs} />;
}

export const assessmentsPath = (participantId: string) => `/participants/${participantId}/assessments`;

const base = (props: RecordFrame) => assessmentsPath(props.banner.id);

/** The Assessments tab's success notices, named in the address after a redirect. */
export const assessmentNotices = {
  capability_saved: "assessments.notice.capability_saved",
  profile_saved: "assessments.notice.profile_saved",
} as const satisfies Record<string, MessageKey>;

export const bandLabel = (definition: MeasureDefinition, bandId: string) =>
  definition.bands.find((band) => band.id === bandId)?.label ?? bandId;

export const scoreText = (definition: MeasureDefinition, total: number) =>
  definition.reportedMultiplier === 1
    ? `${total} / ${definition.total.max}`
    : `${total * definition.reportedMultiplier}${definition.reportedUnit} (${total} / ${definition.total.max})`;

const changeColour: Record<ChangeKind, "green" | "red" | "grey"> = {
  reliable_improvement: "green",
  reliable_deterioration: "red",
  no_reliable_change: "grey",
};

function ChangeCell({ context, summary }: { context: PageContext; summary: MeasureSummary }) {
  const { t } = context;
  if (!summary.visible || !summary.change) return <>{t.t("assessments.change.notYet")}</>;
  const { difference, kind } = summary.change;
  const signed = difference > 0 ? `+${difference}` : String(difference);
  return (
    <>
      {signed}
      {kind && (
        <>
          {" "}
          <Tag colour={changeColour[kind]}>{t.t(`assessments.change.${kind}`)}</Tag>
        </>
      )}
    </>
  );
}

/** Alerts on this record that the reader may see, each linking to its own page to act on it. */
function AlertList({
  context,
  alerts,
  participantId,
}: {
  context: PageContext;
  alerts: RecordAlert[];
  participantId: string;
}) {
  const { t } = context;
  return (
    <WarningCallout heading={t.plural("assessments.alerts.heading", alerts.length)}>
      <ul class="nhsuk-list">
        {alerts.map((alert) => (
          <li key={alert.id}>
            <Tag colour={alert.severity === "urgent" ? "red" : "orange"}>
              {t.t(`alerts.severity.${alert.severity}`)}
            </Tag>{" "}
            <a href={`/participants/${participantId}/alerts/${alert.id}`}>
              {t.t(`alerts.rule.${alert.rule}`)}
            </a>
            {" – "}
            {t.t(`alerts.status.${alert.status}`)},{" "}
            {t.t("alerts.raisedOn", { date: t.formatDate(alert.raisedAt, "dateTime") })}
          </li>
        ))}
      </ul>
    </WarningCallout>
  );
}

export function HiddenScoresText({
  context,
  reason,
}: {
  context: PageContext;
  reason: "not_shared" | "not_your_role";
}) {
  return <>{context.t.t(`assessments.hidden.${reason}`)}</>;
}

export function AssessmentsTabPage(
  props: RecordFrame & {
    overview: Awaited<ReturnType<typeof measuresOverview>>;
    hiddenReason: "not_shared" | "not_your_role";
    alerts: RecordAlert[];
    capability?: CapabilityView;
    profile?: ProfileView;
    mayWrite: boolean;
  },
) {
  const { t, overview } = props;
  const title = t.t("assessments.title");
  const anyHidden = overview.summaries.some((summary) => !summary.visible);
  return (
    <Layout {...layoutProps(props, title, undefined, true)}>
      <RecordHeader {...props} />
      {props.notice && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">{props.notice}</p>
        </NotificationBanner>
      )}
      <h1>{title}</h1>
      {props.alerts.length > 0 && (
        <AlertList context={props} alerts={props.alerts} participantId={props.banner.id} />
      )}
      <h2>{t.t("assessments.questionnaires")}</h2>
      {anyHidden && (
        <InsetText>
          <p>
            <HiddenScoresText context={props} reason={props.hiddenReason} />
          </p>
        </InsetText>
      )}
      <Table
        caption={t.t("assessments.questionnairesCaption")}
        columns={[
          { label: t.t("assessments.columns.measure") },
          { label: t.t("assessments.columns.latest") },
          { label: t.t("assessments.columns.band") },
          { label: t.t("assessments.columns.date") },
          { label: t.t("assessments.columns.change") },
          { label: t.t("assessments.columns.actions") },
        ]}
        rows={overview.summaries.map((summary) => {
          const { definition } = summary;
          if (!summary.visible)
            return [
              definition.title,
              t.t("assessments.hiddenCell"),
              "",
              "",
              "",
              t.plural("assessments.completedCount", summary.count),
            ];
          return [
            <a href={`${base(props)}/${definition.id}`}>{definition.title}</a>,
            summary.latest ? scoreText(definition, summary.latest.total) : t.t("assessments.noneYet"),
            summary.latest ? bandLabel(definition, summary.latest.band) : "",
            summary.latest ? t.formatDate(summary.latest.completedAt, "short") : "",
            <ChangeCell context={props} summary={summary} />,
            props.mayWrite ? (
              <a href={`${base(props)}/${definition.id}/new`}>
                {t.t("assessments.complete")}
                <span class="nhsuk-u-visually-hidden"> {definition.title}</span>
              </a>
            ) : (
              ""
            ),
          ];
        })}
      />
      {overview.outcome && (
        <>
          <h3>{t.t("assessments.outcome.title")}</h3>
          <SummaryList
            rows={(
              [
                "casenessAtStart",
                "reliableImprovement",
                "reliableDeterioration",
                "recovered",
                "reliableRecovery",
              ] as const
            ).map((key) => ({
              key: t.t(`assessments.outcome.${key}`),
              value: t.t(overview.outcome![key] ? "common.yes" : "common.no"),
            }))}
          />
          <p class="nhsuk-body-s">{t.t("assessments.outcome.rule")}</p>
        </>
      )}
      <CapabilitySummary {...props} />
      <ProfileSummary {...props} />
    </Layout>
  );
}

export function MeasureHistoryPage(
  props: RecordFrame & {
    definition: MeasureDefinition;
    history: ResponseRow[];
    completed?: ResponseRow & { safetyConcern: boolean };
    crisisInformation: string | null;
    mayWrite: boolean;
  },
) {
  const { t, definition, history, completed } = props;
  const title = t.t("assessments.history.title", { measure: definition.title });
  return (
    <Layout {...layoutProps(props, title, undefined, true)} backLink={{ href: base(props) }}>
      <RecordHeader {...props} />
      {completed?.safetyConcern && (
        <WarningCallout heading={t.t("assessments.safety.heading")}>
          <p>{t.t("assessments.safety.body")}</p>
          <CrisisInformation t={t} text={props.crisisInformation} forStaff />
        </WarningCallout>
      )}
      {completed && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">
            {t.t("assessments.recorded", {
              measure: definition.title,
              score: scoreText(definition, completed.total),
              band: bandLabel(definition, completed.band),
            })}
          </p>
        </NotificationBanner>
      )}
      <h1>{title}</h1>
      <p>{definition.fullName}</p>
      {history.length === 0 ? (
        <p>{t.t("assessments.history.none")}</p>
      ) : (
        <Table
          caption={t.t("assessments.history.caption", { measure: definition.title })}
          columns={[
            { label: t.t("assessments.columns.date") },
            { label: t.t("assessments.columns.score"), numeric: true },
            { label: t.t("assessments.columns.band") },
            { label: t.t("assessments.columns.method") },
            { label: t.t("assessments.columns.recordedBy") },
          ]}
          rows={history.map((row) => [
            t.formatDate(row.completedAt, "long"),
            scoreText(definition, row.total),
            bandLabel(definition, row.band),
            t.t(`assessments.method.${row.completionMethod}`),
            row.recordedByName ?? t.t("assessments.recordedBySelf"),
          ])}
        />
      )}
      {props.mayWrite && (
        <ButtonLink href={`${base(props)}/${definition.id}/new`}>
          {t.t("assessments.completeNew", { measure: definition.title })}
        </ButtonLink>
      )}
    </Layout>
  );
}

/** A questionnaire's stem and items, worded as published: the same for staff and for the person. */
export function MeasureQuestions({
  definition,
  values,
  errors,
}: {
  definition: MeasureDefinition;
  values: Record<string, unknown>;
  errors?: FieldError[];
}) {
  return (
    <>
      <InsetText>
        <p>{definition.stem}</p>
      </InsetText>
      {definition.items.map((item) => (
        <Radios
          key={item.id}
          name={`item${item.id}`}
          legend={`${item.id}. ${item.text}`}
          hint={item.hint}
          error={errorFor(errors, `item${item.id}`)}
          value={values[`item${item.id}`]}
          small
          options={[
            ...item.options.map((option) => ({ value: String(option.value), label: option.label })),
            ...(item.notApplicable ? [{ value: "not_applicable", label: item.notApplicable.label }] : []),
          ]}
        />
      ))}
    </>
  );
}

export function MeasureFormPage(
  props: RecordFrame & {
    definition: MeasureDefinition;
    values: Record<string, unknown>;
    errors?: FieldError[];
  },
) {
  const { t, definition, values, errors } = props;
  const title = t.t("assessments.form.title", { measure: definition.title });
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: base(props) }}>
      <RecordHeader {...props} />
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{title}</h1>
      <p>{t.t("assessments.form.intro")}</p>
      <Form action={`${base(props)}/${definition.id}`} csrfToken={props.csrfToken}>
        <MeasureQuestions definition={definition} values={values} errors={errors} />
        <Radios
          name="completionMethod"
          legend={t.t("assessments.form.completionMethod")}
          error={errorFor(errors, "completionMethod")}
          value={values.completionMethod}
          options={completionMethods.map((method) => ({
            value: method,
            label: t.t(`assessments.method.${method}`),
          }))}
        />
        <Button>{t.t("assessments.form.save")}</Button>
      </Form>
    </Layout>
  );
}

/** The form or history of a measure this reader may not see: why, in plain words, and nothing else. */
export function HiddenMeasurePage(
  props: RecordFrame & { definition: MeasureDefinition; reason: "not_shared" | "not_your_role" },
) {
  const { t } = props;
  const title = t.t("assessments.hidden.title", { measure: props.definition.title });
  return (
    <Layout {...layoutProps(props, title)} backLink={{ href: base(props) }}>
      <RecordHeader {...props} />
      <h1>{title}</h1>
      <p>
        <HiddenScoresText context={props} reason={props.reason} />
      </p>
      <p>{t.t("assessments.hidden.what")}</p>
    </Layout>
  );
}
