import type { ComponentChildren } from "preact";
import { layoutProps, type PageContext, type ParticipantTab } from "../../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  Radios,
  SummaryList,
  Table,
  Tag,
  Textarea,
  WarningCallout,
} from "../../../platform/web/components";
import { CrisisInformation } from "../../../platform/web/crisis";
import { isMessageKey } from "../../../platform/web/i18n";
import { Layout } from "../../../platform/web/layout";
import { type ParticipantBanner, ParticipantHeader } from "../../../platform/web/participant-header";
import type { StaffAlertGroup } from "./inbox";
import { alertActions } from "./schema";
import type { AlertView } from "./service";

const stringParams = (params: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));

const severityTag = (context: PageContext, alert: Pick<AlertView, "severity">) => (
  <Tag colour={alert.severity === "urgent" ? "red" : "orange"}>
    {context.t.t(`alerts.severity.${alert.severity}`)}
  </Tag>
);

const statusTag = (context: PageContext, alert: Pick<AlertView, "status">) => (
  <Tag colour={alert.status === "open" ? "red" : alert.status === "acknowledged" ? "yellow" : "green"}>
    {context.t.t(`alerts.status.${alert.status}`)}
  </Tag>
);

export function AlertsPage(props: PageContext & { groups: StaffAlertGroup[] }) {
  const { t, groups } = props;
  const title = t.t("alerts.title");
  const rows = groups.flatMap((group) =>
    group.alerts.map((alert) => [
      <a href={`/participants/${group.participant.id}/assessments`}>
        {group.participant.givenName} {group.participant.familyName}
      </a>,
      severityTag(props, alert),
      <a href={`/participants/${group.participant.id}/alerts/${alert.id}`}>
        {t.t(`alerts.rule.${alert.rule}`)}
      </a>,
      statusTag(props, alert),
      t.formatDate(alert.raisedAt, "dateTime"),
    ]),
  );
  return (
    <Layout {...layoutProps(props, title, undefined, true)}>
      <h1>{title}</h1>
      <p>{t.t("alerts.intro")}</p>
      {rows.length === 0 ? (
        <p>{t.t("alerts.none")}</p>
      ) : (
        <Table
          caption={t.t("alerts.caption")}
          columns={[
            { label: t.t("alerts.columns.participant") },
            { label: t.t("alerts.columns.severity") },
            { label: t.t("alerts.columns.alert") },
            { label: t.t("alerts.columns.status") },
            { label: t.t("alerts.columns.raised") },
          ]}
          rows={rows}
        />
      )}
    </Layout>
  );
}

export function AlertPage(
  props: PageContext & {
    banner: ParticipantBanner;
    tabs: ParticipantTab[];
    alert: AlertView;
    routedTo: string[];
    crisisInformation: string | null;
    mayWrite: boolean;
    values?: Record<string, unknown>;
    errors?: FieldError[];
    conflict?: boolean;
    /** The check-ins or scores behind it, drawn by the page's route. */
    evidence?: ComponentChildren;
  },
) {
  const { t, alert, errors, values = {} } = props;
  const title = t.t(`alerts.rule.${alert.rule}`);
  const base = `/participants/${props.banner.id}/alerts/${alert.id}`;
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: "/alerts", label: t.t("alerts.back") }}>
      <ParticipantHeader t={t} participant={props.banner} tabs={props.tabs} />
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {props.conflict && (
        <WarningCallout heading={t.t("common.conflictHeading")}>
          <p>{t.t("alerts.conflict")}</p>
        </WarningCallout>
      )}
      <h1>{title}</h1>
      {alert.explanation && isMessageKey(alert.explanation.key) && (
        <InsetText>
          <p>
            <strong>{t.t("alerts.figures")}: </strong>
            {t.t(alert.explanation.key, stringParams(alert.explanation.params))}
          </p>
        </InsetText>
      )}
      <p>{t.t(`alerts.explain.${alert.rule}`)}</p>
      {alert.escalatedAt && (
        <p>{t.t("alerts.escalated", { date: t.formatDate(alert.escalatedAt, "dateTime") })}</p>
      )}
      <SummaryList
        rows={[
          { key: t.t("alerts.columns.severity"), value: severityTag(props, alert) },
          { key: t.t("alerts.columns.status"), value: statusTag(props, alert) },
          { key: t.t("alerts.columns.raised"), value: t.formatDate(alert.raisedAt, "dateTime") },
          {
            key: t.t("alerts.routedTo"),
            value:
              props.routedTo.length > 0
                ? props.routedTo.join(", ")
                : t.t(
                    alert.rule === "emergency_access"
                      ? "alerts.routedToNoTeamLeader"
                      : "alerts.routedToNobody",
                  ),
          },
          ...(alert.evidence.assessmentResponseId
            ? [
                {
                  key: t.t("alerts.evidence"),
                  value: (
                    <a
                      href={`/participants/${props.banner.id}/assessments/phq9?completed=${alert.evidence.assessmentResponseId}`}
                    >
                      {t.t("alerts.evidenceLink")}
                    </a>
                  ),
                },
              ]
            : []),
          ...(alert.acknowledgedAt
            ? [
                {
                  key: t.t("alerts.acknowledged"),
                  value: (
                    <>
                      {t.t("alerts.byOn", {
                        name: alert.acknowledgedByName ?? "",
                        date: t.formatDate(alert.acknowledgedAt, "dateTime"),
                      })}
                      {alert.actionTaken && <p>{t.t(`alerts.action.${alert.actionTaken}`)}</p>}
                      <p>{alert.actionNote}</p>
                    </>
                  ),
                },
              ]
            : []),
          ...(alert.resolvedAt
            ? [
                {
                  key: t.t("alerts.resolved"),
                  value: (
                    <>
                      {t.t("alerts.byOn", {
                        name: alert.resolvedByName ?? "",
                        date: t.formatDate(alert.resolvedAt, "dateTime"),
                      })}
                      <p>{alert.resolutionNote}</p>
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
      {props.evidence}
      {alert.status !== "resolved" && alert.rule === "phq9_item9" && (
        <WarningCallout heading={t.t("assessments.safety.heading")}>
          <CrisisInformation t={t} text={props.crisisInformation} forStaff />
        </WarningCallout>
      )}
      {props.mayWrite && alert.status === "open" && (
        <Form action={`${base}/acknowledge`} csrfToken={props.csrfToken}>
          <input type="hidden" name="version" value={String(alert.version)} />
          <Radios
            name="actionTaken"
            legend={t.t("alerts.actionTaken")}
            value={values.actionTaken}
            error={errorFor(errors, "actionTaken")}
            options={alertActions.map((action) => ({ value: action, label: t.t(`alerts.action.${action}`) }))}
          />
          <Textarea
            name="actionNote"
            label={t.t("alerts.actionNote")}
            hint={t.t("alerts.actionNoteHint")}
            error={errorFor(errors, "actionNote")}
            value={values.actionNote}
          />
          <Button>{t.t("alerts.acknowledge")}</Button>
        </Form>
      )}
      {props.mayWrite && alert.status !== "resolved" && alert.rule !== "emergency_access" && (
        <p>
          <a href={`/participants/${props.banner.id}/plan/contingency/use?alert=${alert.id}`}>
            {t.t("alerts.activateContingency")}
          </a>
        </p>
      )}
      {props.mayWrite && alert.status !== "resolved" && (
        <Form action={`${base}/resolve`} csrfToken={props.csrfToken}>
          <input type="hidden" name="version" value={String(alert.version)} />
          <Textarea
            name="resolutionNote"
            label={t.t("alerts.resolutionNote")}
            hint={t.t("alerts.resolutionNoteHint")}
            error={errorFor(errors, "resolutionNote")}
            value={values.resolutionNote}
          />
          <Button variant="secondary">{t.t("alerts.resolve")}</Button>
        </Form>
      )}
    </Layout>
  );
}
