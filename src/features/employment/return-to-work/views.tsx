import { layoutProps } from "../../../platform/http/pages";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
  NotificationBanner,
  Select,
  SummaryList,
  Textarea,
} from "../../../platform/web/components";
import { DateInput } from "../../../platform/web/date-input";
import { SavedVersionWarning } from "../../../platform/web/form-fields";
import type { MessageKey, Translator } from "../../../platform/web/i18n";
import { Layout } from "../../../platform/web/layout";
import { ParticipantHeader } from "../../../platform/web/participant-header";
import type { EmployerOption } from "../employers/options";
import { PlanSummary } from "./plan-views";
import { daysOff, employerSharingBlock } from "./rules";
import type { AbsenceView } from "./service";
import { day, type RecordFrame, returnToWorkBase } from "./shared";

type Values = Record<string, unknown>;

/** The notices the tab shows after a redirect (`?notice=<key>`), given to the record frame. */
export const returnToWorkNotices = {
  absence: "returnToWork.notice.absenceSaved",
  plan: "returnToWork.notice.planSaved",
} as const satisfies Record<string, MessageKey>;

function SharingBlock({ t, block }: { t: Translator; block: "no_consent" | "not_agreed" | null }) {
  if (!block) return null;
  return (
    <InsetText>
      <p>{t.t(`returnToWork.block.${block}`)}</p>
    </InsetText>
  );
}

export type ReferralOffer = { employerName: string | null; absenceStartDate: string | null };

export function ReturnToWorkPage(
  props: RecordFrame & {
    absences: AbsenceView[];
    today: string;
    offer?: ReferralOffer;
    mayWrite: boolean;
    /** The person's live consent to the service contacting employers. */
    mayContactEmployers: boolean;
  },
) {
  const { t, banner, absences } = props;
  const base = returnToWorkBase(banner.id);
  return (
    <Layout {...layoutProps(props, t.t("returnToWork.title"), undefined, true)}>
      {props.notice && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">{props.notice}</p>
        </NotificationBanner>
      )}
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{t.t("returnToWork.title")}</h1>
      <p>{t.t("returnToWork.intro")}</p>
      {props.offer && props.mayWrite && (
        <InsetText>
          <h2 class="nhsuk-heading-s">{t.t("returnToWork.fromReferral.heading")}</h2>
          <p>
            {props.offer.absenceStartDate
              ? t.t("returnToWork.fromReferral.body", {
                  employer: props.offer.employerName ?? "",
                  date: day(t, props.offer.absenceStartDate),
                })
              : t.t("returnToWork.fromReferral.bodyNoDate", { employer: props.offer.employerName ?? "" })}
          </p>
          <ButtonLink href={`${base}/absences/new?from=referral`}>
            {t.t("returnToWork.fromReferral.start")}
          </ButtonLink>
        </InsetText>
      )}
      {props.mayWrite && !props.offer && (
        <ButtonLink href={`${base}/absences/new`}>{t.t("returnToWork.add")}</ButtonLink>
      )}
      {absences.length === 0 && <p>{t.t("returnToWork.none")}</p>}
      {absences.map((absence) => (
        <section class="nhsuk-card" key={absence.id}>
          <div class="nhsuk-card__content">
            <h2 class="nhsuk-card__heading nhsuk-heading-m">
              {t.t("returnToWork.absence.heading", { employer: absence.employerName })}
            </h2>
            <SummaryList
              rows={[
                { key: t.t("returnToWork.startedOn"), value: day(t, absence.startedOn) },
                {
                  key: t.t("returnToWork.endedOn"),
                  value: absence.endedOn ? day(t, absence.endedOn) : t.t("returnToWork.stillOff"),
                },
                {
                  key: t.t("returnToWork.daysOff"),
                  value: t.plural(
                    "returnToWork.daysOffValue",
                    daysOff(absence.startedOn, absence.endedOn, props.today),
                  ),
                },
                ...(absence.notes ? [{ key: t.t("returnToWork.notes"), value: absence.notes }] : []),
              ]}
            />
            {props.mayWrite && (
              <p>
                <a href={`${base}/absences/${absence.id}`}>{t.t("returnToWork.absence.change")}</a>
              </p>
            )}
            <h3 class="nhsuk-heading-s">{t.t("returnToWork.plan.title")}</h3>
            {absence.plan ? (
              <>
                <PlanSummary t={t} plan={absence.plan} />
                <SharingBlock
                  t={t}
                  block={employerSharingBlock({
                    mayContactEmployers: props.mayContactEmployers,
                    participantAgreed: absence.plan.participantAgreed,
                  })}
                />
                <ul class="nhsuk-list">
                  {props.mayWrite && (
                    <li>
                      <a href={`${base}/absences/${absence.id}/plan`}>{t.t("returnToWork.plan.change")}</a>
                    </li>
                  )}
                  {/* Not offered until the person's consent and agreement allow it; the page says why. */}
                  {employerSharingBlock({
                    mayContactEmployers: props.mayContactEmployers,
                    participantAgreed: absence.plan.participantAgreed,
                  }) === null && (
                    <li>
                      <a href={`${base}/plans/${absence.plan.id}/print`}>{t.t("returnToWork.plan.print")}</a>
                    </li>
                  )}
                </ul>
              </>
            ) : (
              <>
                <p>{t.t("returnToWork.plan.none")}</p>
                {props.mayWrite && (
                  <p>
                    <a href={`${base}/absences/${absence.id}/plan`}>{t.t("returnToWork.plan.make")}</a>
                  </p>
                )}
              </>
            )}
          </div>
        </section>
      ))}
    </Layout>
  );
}

export function AbsenceFormPage(
  props: RecordFrame & {
    employers: EmployerOption[];
    values: Values;
    errors?: FieldError[];
    /** The employer named on the referral when none of the organisation's employers matched it. */
    unmatchedEmployer?: string;
    /** Changing an absence: which one, and on a stale save the saved version. */
    absence?: AbsenceView;
    conflict?: AbsenceView;
  },
) {
  const { t, banner, values, errors, absence } = props;
  const base = returnToWorkBase(banner.id);
  const title = t.t(absence ? "returnToWork.absence.editTitle" : "returnToWork.absence.newTitle");
  return (
    <Layout {...layoutProps(props, title, errors)}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      {props.conflict && (
        <SavedVersionWarning
          t={t}
          saved={[
            { key: t.t("returnToWork.field.employer"), value: props.conflict.employerName },
            { key: t.t("returnToWork.startedOn"), value: day(t, props.conflict.startedOn) },
            {
              key: t.t("returnToWork.endedOn"),
              value: props.conflict.endedOn ? day(t, props.conflict.endedOn) : t.t("returnToWork.stillOff"),
            },
            { key: t.t("returnToWork.notes"), value: props.conflict.notes },
          ]}
        />
      )}
      <h1>{title}</h1>
      <Form
        action={absence ? `${base}/absences/${absence.id}` : `${base}/absences`}
        csrfToken={props.csrfToken}
      >
        {absence && (
          <input
            type="hidden"
            name="version"
            value={String(props.conflict?.version ?? values.version ?? absence.version)}
          />
        )}
        {props.unmatchedEmployer && (
          <InsetText>
            <p>{t.t("returnToWork.employerMissing", { employer: props.unmatchedEmployer })}</p>
            <p>
              <a href="/employers/new">{t.t("returnToWork.addEmployer")}</a>
            </p>
          </InsetText>
        )}
        {props.employers.length === 0 ? (
          <p>
            {t.t("returnToWork.noEmployers")} <a href="/employers/new">{t.t("returnToWork.addEmployer")}</a>
          </p>
        ) : null}
        <Select
          name="employerId"
          label={t.t("returnToWork.field.employer")}
          hint={t.t("returnToWork.field.employerHint")}
          value={values.employerId}
          emptyOption={t.t("returnToWork.field.chooseEmployer")}
          options={props.employers.map((option) => ({ value: option.id, label: option.name }))}
          error={errorFor(errors, "employerId")}
        />
        <DateInput
          t={t}
          name="startedOn"
          legend={t.t("returnToWork.field.startedOn")}
          values={values}
          errors={errors}
        />
        <DateInput
          t={t}
          name="endedOn"
          legend={t.t("returnToWork.field.endedOn")}
          hint={t.t("returnToWork.field.endedOnHint")}
          values={values}
          errors={errors}
        />
        <Textarea
          name="notes"
          label={t.t("returnToWork.field.notes")}
          hint={t.t("returnToWork.field.notesHint")}
          value={values.notes}
          rows={3}
          error={errorFor(errors, "notes")}
        />
        <Button>{t.t("returnToWork.absence.save")}</Button>
      </Form>
      <p>
        <a href={base}>{t.t("common.cancel")}</a>
      </p>
    </Layout>
  );
}

/** Instead of the printed plan, when the person has not agreed to it reaching their employer. */
export function SharingBlockedPage(props: RecordFrame & { block: "no_consent" | "not_agreed" }) {
  const { t, banner } = props;
  const title = t.t("returnToWork.blockHeading");
  return (
    <Layout {...layoutProps(props, title)}>
      <ParticipantHeader t={t} participant={banner} tabs={props.tabs} />
      <h1>{title}</h1>
      <p>{t.t(`returnToWork.block.${props.block}`)}</p>
      <p>
        <a href={returnToWorkBase(banner.id)}>{t.t("returnToWork.print.back")}</a>
      </p>
    </Layout>
  );
}
