import { layoutProps, type PageContext } from "../../../platform/http/pages";
import {
  Button,
  Checkboxes,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  NotificationBanner,
  SummaryList,
  Table,
  Tag,
  Textarea,
} from "../../../platform/web/components";
import type { Translator } from "../../../platform/web/i18n";
import { Layout } from "../../../platform/web/layout";
import {
  type ParticipantBanner,
  ParticipantHeader,
  type RecordTab,
} from "../../../platform/web/participant-header";
import type { FollowAlongWindow } from "./schedule";
import type { FollowAlongRow } from "./schema";

const statusColour = { met: "green", missed: "red", due: "yellow", upcoming: "grey" } as const;

const day = (t: Translator, isoDate: string) => t.formatDate(new Date(`${isoDate}T12:00:00Z`), "long");

function windowName(t: Translator, window: FollowAlongWindow) {
  if (window.kind === "first") return t.t("followAlong.window.first");
  return t.t(window.kind === "week" ? "followAlong.window.week" : "followAlong.window.month", {
    number: String(window.number),
  });
}

export function FollowAlongPage(
  props: PageContext & {
    participant: ParticipantBanner;
    tabs: RecordTab[];
    episode?: FollowAlongRow;
    schedule: FollowAlongWindow[];
    nextDue?: string;
    mayWrite: boolean;
    notice?: "ended";
    today: string;
    values?: Record<string, unknown>;
    errors?: FieldError[];
    form?: "end";
  },
) {
  const { t, participant, episode, schedule, errors, values = {} } = props;
  const base = `/participants/${participant.id}/follow-along`;
  const active = episode?.status === "active";
  return (
    <Layout {...layoutProps(props, t.t("followAlong.title"), errors, true)}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={participant} tabs={props.tabs} />
      {props.notice && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">{t.t(`followAlong.notice.${props.notice}`)}</p>
        </NotificationBanner>
      )}
      <h2>{t.t("followAlong.title")}</h2>
      <p>{t.t("followAlong.intro")}</p>
      {!episode && <p>{t.t("followAlong.none")}</p>}
      {episode && !active && (
        <InsetText>
          <p>
            {t.t("followAlong.ended", { date: t.formatDate(episode.endedAt!, "long") })} {episode.endReason}
          </p>
        </InsetText>
      )}
      {active && (
        <>
          <SummaryList
            rows={[
              { key: t.t("followAlong.jobStartedOn"), value: day(t, episode.jobStartedOn) },
              { key: t.t("followAlong.since"), value: t.formatDate(episode.startedAt, "long") },
              {
                key: t.t("followAlong.nextDue"),
                value: props.nextDue ? day(t, props.nextDue) : t.t("followAlong.nothingDue"),
              },
            ]}
          />
          <Table
            caption={t.t("followAlong.schedule")}
            columns={[
              { label: t.t("followAlong.columns.window") },
              { label: t.t("followAlong.columns.dates") },
              { label: t.t("followAlong.columns.status") },
            ]}
            rows={[...schedule]
              .reverse()
              .map((window) => [
                windowName(t, window),
                t.t("followAlong.dates", { from: day(t, window.from), to: day(t, window.to) }),
                <Tag colour={statusColour[window.status]}>
                  {window.metOn
                    ? t.t("followAlong.status.metOn", { date: day(t, window.metOn) })
                    : t.t(`followAlong.status.${window.status}`)}
                </Tag>,
              ])}
          />
        </>
      )}
      {props.mayWrite && (
        <>
          <h3>{t.t(active ? "followAlong.newJob" : "followAlong.start")}</h3>
          <p>
            <a href={`/participants/${participant.id}/work/jobs/new`}>{t.t("followAlong.recordJobStart")}</a>
          </p>
        </>
      )}
      {props.mayWrite && active && (
        <>
          <h3>{t.t("followAlong.end")}</h3>
          <p>{t.t("followAlong.endIntro")}</p>
          <Form action={`${base}/end`} csrfToken={props.csrfToken}>
            <Checkboxes
              name="personAsked"
              legend={t.t("followAlong.personAskedLegend")}
              options={[{ value: "yes", label: t.t("followAlong.personAsked") }]}
              checked={props.form === "end" && values.personAsked === "yes" ? ["yes"] : []}
              error={props.form === "end" ? errorFor(errors, "personAsked") : undefined}
            />
            <Textarea
              name="reason"
              label={t.t("followAlong.reason")}
              hint={t.t("followAlong.reason.hint")}
              value={props.form === "end" ? values.reason : undefined}
              error={props.form === "end" ? errorFor(errors, "reason") : undefined}
            />
            <Button variant="warning">{t.t("followAlong.endButton")}</Button>
          </Form>
        </>
      )}
    </Layout>
  );
}
