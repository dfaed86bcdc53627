import type { RecordFrame } from "../../../platform/http/record-page";
import {
  errorFor,
  type FieldError,
  InsetText,
  NotificationBanner,
  Select,
} from "../../../platform/web/components";
import type { MessageKey, Translator } from "../../../platform/web/i18n/index";
import type { EmployerOption } from "../employers/options";
import type { DisclosureInForce } from "./disclosure";
import { tenure } from "./job-rules";

// What the Work tab's pages share: the record frame's props, dates, tenure, the employer choice,
// the disclosure note and the notices.

export type { RecordFrame };

export const workBase = (participantId: string) => `/participants/${participantId}/work`;

/** A calendar date as people read it; noon keeps it the same day in any UK time. */
export const day = (t: Translator, isoDate: string) => t.formatDate(new Date(`${isoDate}T12:00:00Z`), "long");

export function tenureText(t: Translator, startedOn: string, endedOnOrToday: string) {
  const { weeks, days } = tenure(startedOn, endedOnOrToday);
  return t.t("work.job.tenure", {
    weeks: t.plural("work.job.weeks", weeks),
    days: t.plural("work.job.days", days),
  });
}

export function disclosureText(t: Translator, disclosure: Pick<DisclosureInForce, "choice" | "wording">) {
  const choice = t.t(`work.disclosure.choice.${disclosure.choice}`);
  return disclosure.choice === "condition" && disclosure.wording
    ? `${choice}. ${t.t("work.disclosure.words", { wording: disclosure.wording })}`
    : choice;
}

export function disclosureSource(t: Translator, disclosure: DisclosureInForce) {
  return disclosure.source === "employer" && disclosure.recordedAt
    ? t.t("work.disclosure.source.employer", { date: t.formatDate(disclosure.recordedAt, "long") })
    : t.t(`work.disclosure.source.${disclosure.source}`);
}

/** Shown wherever employer-facing work is done: what this employer may be told, and whose choice. */
export function DisclosureNote({
  t,
  employerName,
  disclosure,
}: {
  t: Translator;
  employerName: string;
  disclosure: DisclosureInForce;
}) {
  return (
    <InsetText>
      <h2 class="nhsuk-heading-s">{t.t("work.disclosure.inForceHeading", { employer: employerName })}</h2>
      <p>{disclosureText(t, disclosure)}</p>
      <p class="nhsuk-body-s">{disclosureSource(t, disclosure)}</p>
    </InsetText>
  );
}

/** The employer an application, a job or a disclosure is about, chosen from the employer list. */
export function EmployerSelect(props: {
  t: Translator;
  label: string;
  employers: EmployerOption[];
  value: unknown;
  errors?: FieldError[];
}) {
  return (
    <Select
      name="employerId"
      label={props.label}
      value={props.value}
      error={errorFor(props.errors, "employerId")}
      emptyOption={props.t.t("work.application.chooseEmployer")}
      options={props.employers.map((row) => ({ value: row.id, label: row.name }))}
    />
  );
}

/** The notices the Work tab's pages show after a redirect (`?notice=<key>`), the feature's one table. */
export const workNotices = {
  disclosure: "work.notice.disclosure",
  application: "work.notice.application",
  action: "work.notice.action",
  jobStarted: "work.notice.jobStarted",
  jobEnded: "work.notice.jobEnded",
  jobEndedBackToSearch: "work.notice.jobEndedBackToSearch",
  employerContact: "work.notice.employerContact",
} as const satisfies Record<string, MessageKey>;

/** The notice's words, as the record frame found them in the address. */
export function WorkNotice({ t, notice }: { t: Translator; notice?: string }) {
  if (!notice) return null;
  return (
    <NotificationBanner title={t.t("common.successTitle")} success>
      <p class="nhsuk-notification-banner__heading">{notice}</p>
    </NotificationBanner>
  );
}
