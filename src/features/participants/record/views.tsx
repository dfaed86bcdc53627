import type { ComponentChildren } from "preact";
import { layoutProps } from "../../../platform/http/pages";
import type { RecordFrame } from "../../../platform/http/record-page";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  NotificationBanner,
  SummaryList,
  WarningCallout,
} from "../../../platform/web/components";
import { SavedVersionWarning } from "../../../platform/web/form-fields";
import type { MessageKey, Translator } from "../../../platform/web/i18n";
import { Layout } from "../../../platform/web/layout";
import { ParticipantHeader } from "../../../platform/web/participant-header";
import type { careTeam } from "../care-team/service";
import { formatNhsNumber } from "../referrals/nhs-number";
import { PersonFields } from "./person-fields";
import type { ParticipantDetails } from "./service";
import { type RecordMove, stageLabel } from "./stages";

type Values = Record<string, unknown>;
type CareTeamRows = Awaited<ReturnType<typeof careTeam>>;

/** Every tab of a record: the banner, the tabs, a success notice and the error summary. */
export function RecordLayout(
  props: RecordFrame & { title: string; errors?: FieldError[]; children: ComponentChildren },
) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, props.title, props.errors, true)}>
      <ErrorSummary errors={props.errors} title={t.t("error.summaryTitle")} />
      {props.notice && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">{props.notice}</p>
        </NotificationBanner>
      )}
      {props.emergency && (
        <WarningCallout heading={t.t("emergency.activeTitle")}>
          <p>{t.t("emergency.activeBody")}</p>
        </WarningCallout>
      )}
      <ParticipantHeader t={t} participant={props.banner} tabs={props.tabs} />
      {props.children}
    </Layout>
  );
}

const isoDay = (text: string) => new Date(`${text}T12:00:00Z`);

export function detailsRows(t: Translator, details: ParticipantDetails) {
  const none = t.t("common.none");
  return [
    { key: t.t("participant.fields.givenName"), value: details.givenName },
    { key: t.t("participant.fields.familyName"), value: details.familyName },
    { key: t.t("participant.fields.dateOfBirth"), value: t.formatDate(isoDay(details.dateOfBirth), "long") },
    {
      key: t.t("participant.fields.nhsNumber"),
      value: details.nhsNumber ? formatNhsNumber(details.nhsNumber) : none,
    },
    { key: t.t("participant.fields.phone"), value: details.phone ?? none },
    { key: t.t("participant.fields.email"), value: details.email ?? none },
    { key: t.t("participant.fields.address"), value: details.address ?? none },
    { key: t.t("participant.fields.preferredLanguage"), value: details.preferredLanguage },
    {
      key: t.t("participant.fields.preferredContactMethod"),
      value: details.preferredContactMethod
        ? t.t(`participant.contactMethod.${details.preferredContactMethod}`)
        : t.t("participant.fields.noPreference"),
    },
  ];
}

export function SummaryPage(
  props: RecordFrame & {
    details: ParticipantDetails;
    careTeam: CareTeamRows;
    canWrite: boolean;
    moves: RecordMove[];
    errors?: FieldError[];
  },
) {
  const { t, details } = props;
  const base = `/participants/${details.id}`;
  const none = t.t("common.none");
  const moveError = errorFor(props.errors, "change");
  return (
    <RecordLayout {...props} title={t.t("record.summary")}>
      <h1>{t.t("record.summary")}</h1>
      {details.stage === "paused" && (
        <InsetText>
          <p>{t.t("record.participation.paused")}</p>
        </InsetText>
      )}
      <h2>{t.t("record.work")}</h2>
      <SummaryList
        rows={[
          { key: t.t("participant.fields.stage"), value: stageLabel(t, details.stage) },
          ...(details.closedReason
            ? [
                {
                  key: t.t("record.participation"),
                  value: t.t(
                    `record.closedReason.${details.closedReason}` as "record.closedReason.not_reached",
                  ),
                },
              ]
            : []),
          {
            key: t.t("participant.fields.workSituation"),
            value: details.workSituation ? t.t(`participant.workSituation.${details.workSituation}`) : none,
          },
          ...(details.workSituation === "employed_off_sick"
            ? [
                { key: t.t("participant.fields.employerName"), value: details.employerName ?? none },
                {
                  key: t.t("participant.fields.absenceStartDate"),
                  value: details.absenceStartDate
                    ? t.formatDate(isoDay(details.absenceStartDate), "long")
                    : none,
                },
              ]
            : []),
          { key: t.t("participant.fields.hopes"), value: details.hopes ?? none },
          { key: t.t("participant.fields.team"), value: details.teamName },
        ]}
      />
      <h2>{t.t("record.careTeamShort")}</h2>
      {props.careTeam.length === 0 ? (
        <p>{t.t("careTeam.empty")}</p>
      ) : (
        <SummaryList
          rows={props.careTeam.map((member) => ({
            key: t.t(`careTeam.role.${member.careTeamRole}`),
            value: (
              <>
                <strong>{member.fullName}</strong>
                <br />
                {member.responsibility}
              </>
            ),
          }))}
        />
      )}
      <h2>{t.t("record.details")}</h2>
      <SummaryList rows={detailsRows(t, details)} />
      {props.canWrite && (
        <p>
          <a href={`${base}/details`}>{t.t("record.editDetails")}</a>
        </p>
      )}
      {props.canWrite && (props.moves.length > 0 || moveError) && (
        <>
          <h2>{t.t("record.participation")}</h2>
          <p>{t.t("record.participation.hint")}</p>
          <div
            id="change"
            class={`nhsuk-form-group${moveError ? " nhsuk-form-group--error" : ""}`}
            tabindex={moveError ? -1 : undefined}
          >
            {moveError && (
              <span class="nhsuk-error-message" id="change-error">
                <span class="nhsuk-u-visually-hidden">Error:</span> {moveError}
              </span>
            )}
            <Form action={`${base}/participation`} csrfToken={props.csrfToken}>
              <input type="hidden" name="version" value={String(details.version)} />
              <div class="app-button-group">
                {props.moves.map((move) => (
                  <Button
                    key={move}
                    variant={move === "look_for_work" ? undefined : "secondary"}
                    name="change"
                    value={move}
                  >
                    {t.t(moveLabels[move])}
                  </Button>
                ))}
              </div>
            </Form>
          </div>
        </>
      )}
    </RecordLayout>
  );
}

const moveLabels = {
  look_for_work: "stage.move.look_for_work",
  pause: "record.participation.pause",
  resume: "record.participation.resume",
  stop: "record.participation.stop",
} as const satisfies Record<RecordMove, MessageKey>;

export function DetailsFormPage(
  props: RecordFrame & {
    details: ParticipantDetails;
    values: Values;
    errors?: FieldError[];
    conflict?: ParticipantDetails;
  },
) {
  const { t, details, values, conflict } = props;
  return (
    <RecordLayout {...props} title={t.t("record.editDetails")}>
      <h1>{t.t("record.editDetails")}</h1>
      {conflict && (
        <SavedVersionWarning
          t={t}
          saved={[
            ...detailsRows(t, conflict),
            {
              key: t.t("participant.fields.workSituation"),
              value: conflict.workSituation
                ? t.t(`participant.workSituation.${conflict.workSituation}`)
                : t.t("common.none"),
            },
            {
              key: t.t("participant.fields.employerName"),
              value: conflict.employerName ?? t.t("common.none"),
            },
            { key: t.t("participant.fields.hopes"), value: conflict.hopes ?? t.t("common.none") },
          ]}
        />
      )}
      <Form action={`/participants/${details.id}/details`} csrfToken={props.csrfToken}>
        <input
          type="hidden"
          name="version"
          value={String(conflict?.version ?? values.version ?? details.version)}
        />
        <PersonFields t={t} values={values} errors={props.errors} />
        <Button>{t.t("common.save")}</Button>
      </Form>
    </RecordLayout>
  );
}

/** A move the person at the keyboard confirms: what it means, the button that makes it, and a way back. */
function ConfirmMovePage(
  props: RecordFrame & {
    version: number;
    title: string;
    children: ComponentChildren;
    move: "stop" | "look_for_work";
    confirm: string;
    variant?: "warning";
  },
) {
  const { t } = props;
  return (
    <RecordLayout {...props} title={props.title}>
      <h1>{props.title}</h1>
      {props.children}
      <Form action={`/participants/${props.banner.id}/participation`} csrfToken={props.csrfToken}>
        <input type="hidden" name="version" value={String(props.version)} />
        <input type="hidden" name="confirmed" value="yes" />
        <div class="app-button-group">
          <Button variant={props.variant} name="change" value={props.move}>
            {props.confirm}
          </Button>
        </div>
      </Form>
      <p>
        <a href={`/participants/${props.banner.id}`}>{t.t("record.participation.stopCancel")}</a>
      </p>
    </RecordLayout>
  );
}

export function StopConfirmationPage(props: RecordFrame & { version: number }) {
  const { t } = props;
  return (
    <ConfirmMovePage
      {...props}
      title={t.t("record.participation.stopTitle")}
      move="stop"
      confirm={t.t("record.participation.stopConfirm")}
      variant="warning"
    >
      <p>{t.t("record.participation.stopBody")}</p>
    </ConfirmMovePage>
  );
}

/** Asked before someone joins the active caseload: what the move means, and that it is agreed with them. */
export function LookForWorkConfirmationPage(props: RecordFrame & { version: number }) {
  const { t } = props;
  return (
    <ConfirmMovePage
      {...props}
      title={t.t("stage.confirm.title", { name: props.banner.givenName })}
      move="look_for_work"
      confirm={t.t("stage.confirm.yes")}
    >
      <p>{t.t("stage.confirm.body")}</p>
      <p>{t.t("stage.confirm.caseload")}</p>
    </ConfirmMovePage>
  );
}
