import { layoutProps, type PageContext } from "../../../platform/http/pages";
import {
  ButtonLink,
  ErrorSummary,
  type FieldError,
  NotificationBanner,
  Table,
} from "../../../platform/web/components";
import { PagedResults } from "../../../platform/web/form-fields";
import type { Translator } from "../../../platform/web/i18n";
import { Layout } from "../../../platform/web/layout";
import {
  type ParticipantBanner,
  ParticipantHeader,
  type RecordTab,
} from "../../../platform/web/participant-header";
import type { CheckInAnswerField, CheckInStep } from "./form";
import { answerText, CheckInQuestionForm } from "./question-views";
import { CHECK_INS_PAGE_SIZE, type CheckInListRow } from "./service";
import { CheckInTrends, type TrendData } from "./trend-views";

type RecordPage = PageContext & { participant: ParticipantBanner; tabs: RecordTab[] };

const base = (participantId: string) => `/participants/${participantId}/check-ins`;

export function checkInRows(t: Translator, rows: readonly CheckInListRow[]) {
  return rows.map((row) => [
    t.formatDate(row.recordedAt, "dateTime"),
    answerText(t, "sleepHours", row.sleepHours),
    answerText(t, "bedtime", row.bedtime),
    answerText(t, "mood", row.mood),
    answerText(t, "stress", row.stress),
    answerText(t, "energy", row.energy),
    answerText(t, "hoursWorked", row.hoursWorked),
    row.source === "participant"
      ? t.t("checkIns.source.participant")
      : t.t("checkIns.source.staff", { name: row.recordedByName ?? "" }),
  ]);
}

export const checkInColumns = (t: Translator) => [
  { label: t.t("checkIns.columns.when") },
  { label: t.t("checkIns.columns.sleep") },
  { label: t.t("checkIns.columns.bedtime") },
  { label: t.t("checkIns.columns.mood") },
  { label: t.t("checkIns.columns.stress") },
  { label: t.t("checkIns.columns.energy") },
  { label: t.t("checkIns.columns.work") },
  { label: t.t("checkIns.columns.by") },
];

export function CheckInListPage(
  props: RecordPage &
    TrendData & {
      list: { rows: CheckInListRow[]; total: number; page: number };
      mayRecord: boolean;
      notice?: string;
    },
) {
  const { t, participant, list } = props;
  const pageCount = Math.max(1, Math.ceil(list.total / CHECK_INS_PAGE_SIZE));
  return (
    <Layout {...layoutProps(props, t.t("checkIns.title"), undefined, true)}>
      <ParticipantHeader t={t} participant={participant} tabs={props.tabs} />
      {(props.notice === "saved" || props.notice === "alert") && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">
            {t.t(props.notice === "alert" ? "checkIns.savedWithAlert" : "checkIns.saved")}
          </p>
        </NotificationBanner>
      )}
      <h2>{t.t("checkIns.title")}</h2>
      <p>{t.t("checkIns.intro")}</p>
      {props.mayRecord && <ButtonLink href={`${base(participant.id)}/new`}>{t.t("checkIns.add")}</ButtonLink>}
      <CheckInTrends {...props} />
      {list.total === 0 ? (
        <p>{t.t("checkIns.none")}</p>
      ) : (
        <>
          <Table
            caption={t.t("checkIns.caption")}
            columns={checkInColumns(t)}
            rows={checkInRows(t, list.rows)}
            responsive
          />
          <PagedResults
            t={t}
            base={base(participant.id)}
            query={{}}
            page={list.page}
            pageCount={pageCount}
            total={list.total}
          />
        </>
      )}
    </Layout>
  );
}

export function StaffCheckInPage(
  props: RecordPage & {
    step: CheckInStep;
    steps: readonly CheckInStep[];
    answers: Partial<Record<CheckInAnswerField, string>>;
    errors?: FieldError[];
  },
) {
  const { t, participant } = props;
  return (
    <Layout
      {...layoutProps(props, t.t("checkIns.wizardTitle"), props.errors)}
      backLink={{ href: base(participant.id) }}
    >
      <ErrorSummary errors={props.errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={participant} tabs={props.tabs} />
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <CheckInQuestionForm
            t={t}
            action={`${base(participant.id)}/new`}
            csrfToken={props.csrfToken}
            step={props.step}
            steps={props.steps}
            answers={props.answers}
            errors={props.errors}
          />
        </div>
      </div>
    </Layout>
  );
}
