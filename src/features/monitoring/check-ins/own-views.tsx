import type { OwnPagesContext } from "../../../platform/http/own-pages";
import { ButtonLink, type FieldError, InsetText, Table } from "../../../platform/web/components";
import { PagedResults } from "../../../platform/web/form-fields";
import { OwnPagesLayout } from "../../../platform/web/own-pages-layout";
import type { CheckInAnswerField, CheckInStep } from "./form";
import { CheckInQuestionForm } from "./question-views";
import { CHECK_INS_PAGE_SIZE, type CheckInListRow } from "./service";
import { CheckInTrends, type TrendData } from "./trend-views";
import { checkInColumns, checkInRows } from "./views";

/** "My check-ins": a way to check in, how the last weeks look, and every check-in. */
export function OwnCheckInsPage(
  props: OwnPagesContext & {
    list: { rows: CheckInListRow[]; total: number; page: number };
    recent: TrendData["recent"];
    /** PHQ-9 / GAD-7 due with check-ins, as agreed in the plan. */
    due: { id: string; title: string }[];
    notice?: "saved" | "questionnaire";
  },
) {
  const { t, list } = props;
  const pageCount = Math.max(1, Math.ceil(list.total / CHECK_INS_PAGE_SIZE));
  return (
    <OwnPagesLayout
      {...props}
      title={t.t("ownCheckIns.title")}
      notice={
        props.notice ? t.t(props.notice === "saved" ? "ownCheckIns.saved" : "ownMeasures.saved") : undefined
      }
    >
      <h1>{t.t("ownCheckIns.title")}</h1>
      {props.due.length > 0 && (
        <InsetText>
          <h2 class="nhsuk-heading-s">{t.t("ownMeasures.due")}</h2>
          <p>{t.t("ownMeasures.dueIntro")}</p>
          <ul>
            {props.due.map((measure) => (
              <li key={measure.id}>
                <a href={`/my/questionnaires/${measure.id}`}>{measure.title}</a>
              </li>
            ))}
          </ul>
        </InsetText>
      )}
      <p>{t.t("ownCheckIns.intro")}</p>
      <ButtonLink href="/my/check-ins/new">{t.t("ownCheckIns.start")}</ButtonLink>
      {list.total === 0 ? (
        <p>{t.t("ownCheckIns.none")}</p>
      ) : (
        <>
          <CheckInTrends t={t} recent={props.recent} phq9={null} gad7={null} only="sleep" />
          <Table
            caption={t.t("ownCheckIns.caption")}
            columns={checkInColumns(t)}
            rows={checkInRows(t, list.rows)}
            responsive
          />
          <PagedResults
            t={t}
            base="/my/check-ins"
            query={{}}
            page={list.page}
            pageCount={pageCount}
            total={list.total}
          />
        </>
      )}
    </OwnPagesLayout>
  );
}

export function OwnCheckInQuestionPage(
  props: OwnPagesContext & {
    step: CheckInStep;
    steps: readonly CheckInStep[];
    answers: Partial<Record<CheckInAnswerField, string>>;
    errors?: FieldError[];
  },
) {
  const { t } = props;
  return (
    <OwnPagesLayout
      {...props}
      title={t.t("checkIns.wizardTitle")}
      errors={props.errors}
      backLink={{ href: "/my/check-ins" }}
    >
      <CheckInQuestionForm
        t={t}
        action="/my/check-ins/new"
        csrfToken={props.csrfToken}
        step={props.step}
        steps={props.steps}
        answers={props.answers}
        errors={props.errors}
      />
    </OwnPagesLayout>
  );
}
