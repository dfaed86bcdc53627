import type { OwnPagesContext } from "../../../platform/http/own-pages";
import {
  Button,
  type FieldError,
  Form,
  InsetText,
  Radios,
  SummaryList,
  Textarea,
} from "../../../platform/web/components";
import type { Translator } from "../../../platform/web/i18n/index";
import { OwnPagesLayout } from "../../../platform/web/own-pages-layout";
import type { ApplicationView, ConnectedEmployer, JobView } from "./service";
import { day } from "./view-parts";

// The person's own pages about work, in their words: "you", never "the participant".

const choiceText = (t: Translator, choice: string, wording: string) =>
  choice === "condition" && wording
    ? t.t("ownWork.choice.conditionWords", { wording })
    : t.t(`ownWork.choice.${choice as "nothing" | "support_from_service" | "condition"}`);

function Jobs({ t, jobs }: { t: Translator; jobs: JobView[] }) {
  const current = jobs.filter((row) => !row.endedOn);
  const past = jobs.filter((row) => row.endedOn);
  return (
    <>
      <h2>{t.t("ownWork.jobs")}</h2>
      {current.length === 0 ? (
        <p>{t.t("ownWork.noJob")}</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--border">
          {current.map((row) => (
            <li key={row.id}>
              <strong>{t.t("ownWork.jobAt", { title: row.title, employer: row.employerName })}</strong>
              <br />
              {t.t("ownWork.since", { date: day(t, row.startedOn) })}
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <>
          <h3>{t.t("ownWork.pastJobs")}</h3>
          <ul class="nhsuk-list nhsuk-list--border">
            {past.map((row) => (
              <li key={row.id}>
                {t.t("ownWork.jobAt", { title: row.title, employer: row.employerName })}
                <br />
                {t.t("ownWork.between", { from: day(t, row.startedOn), to: day(t, row.endedOn!) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Applications({ t, applications }: { t: Translator; applications: ApplicationView[] }) {
  if (applications.length === 0) return null;
  return (
    <>
      <h2>{t.t("ownWork.applications")}</h2>
      <ul class="nhsuk-list nhsuk-list--border">
        {applications.map((row) => (
          <li key={row.id}>
            {t.t("ownWork.jobAt", { title: row.title, employer: row.employerName })}
            <br />
            {t.t(`work.application.status.${row.status}`)}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "My work": jobs, applications, whether employers may be contacted, and what each may be told. */
export function OwnWorkPage(
  props: OwnPagesContext & {
    consented: boolean;
    jobs: JobView[];
    applications: ApplicationView[];
    employers: ConnectedEmployer[];
    notice?: string;
  },
) {
  const { t } = props;
  return (
    <OwnPagesLayout
      {...props}
      title={t.t("ownWork.title")}
      notice={props.notice === "disclosure" ? t.t("ownWork.saved") : undefined}
    >
      <h1>{t.t("ownWork.title")}</h1>
      <p>{t.t("ownWork.intro")}</p>
      <Jobs t={t} jobs={props.jobs} />
      <Applications t={t} applications={props.applications} />
      <h2>{t.t("ownWork.employersHeading")}</h2>
      <p>{t.t(props.consented ? "ownWork.consented" : "ownWork.notConsented")}</p>
      {props.employers.length === 0 ? (
        <p>{t.t("ownWork.noEmployers")}</p>
      ) : (
        <SummaryList
          rows={props.employers.map((row) => ({
            key: row.name,
            value: (
              <>
                {choiceText(t, row.disclosure.choice, row.disclosure.wording)}
                {row.disclosure.source !== "employer" && (
                  <p class="nhsuk-body-s">{t.t(`ownWork.source.${row.disclosure.source}`)}</p>
                )}
              </>
            ),
            action: { href: `/my/work/employers/${row.id}`, label: t.t("ownWork.change") },
          }))}
        />
      )}
      <InsetText>
        <p>{t.t("ownWork.yourChoice")}</p>
      </InsetText>
    </OwnPagesLayout>
  );
}

/** The person changes what one employer may be told. */
export function OwnDisclosurePage(
  props: OwnPagesContext & {
    employer: ConnectedEmployer;
    values: Record<string, unknown>;
    errors?: FieldError[];
  },
) {
  const { t, employer, values, errors } = props;
  const title = t.t("ownWork.disclosureTitle", { employer: employer.name });
  const errorFor = (field: string) => errors?.find((error) => error.field === field)?.message;
  return (
    <OwnPagesLayout {...props} title={title} backLink={{ href: "/my/work" }}>
      <h1>{title}</h1>
      <p>{t.t("ownWork.disclosureIntro")}</p>
      <Form action={`/my/work/employers/${employer.id}`} csrfToken={props.csrfToken}>
        <Radios
          name="choice"
          legend={t.t("ownWork.disclosureQuestion", { employer: employer.name })}
          value={values.choice}
          error={errorFor("choice")}
          options={(["nothing", "support_from_service", "condition"] as const).map((choice) => ({
            value: choice,
            label: t.t(`ownWork.choice.${choice}`),
          }))}
        />
        <Textarea
          name="wording"
          label={t.t("ownWork.wording")}
          hint={t.t("ownWork.wordingHint")}
          value={values.wording}
          error={errorFor("wording")}
          rows={3}
        />
        <Button>{t.t("ownWork.save")}</Button>
      </Form>
    </OwnPagesLayout>
  );
}
