import { layoutProps, type PageContext } from "../../platform/http/pages";
import type { RecordFrame } from "../../platform/http/record-page";
import {
  Button,
  Checkboxes,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  Radios,
  Textarea,
  TextInput,
} from "../../platform/web/components";
import { SavedVersionWarning } from "../../platform/web/form-fields";
import type { MessageKey } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import type { CapabilityView, ProfileView } from "./profiles";
import {
  barrierKinds,
  benefitsCounsellingChoices,
  capabilityAreas,
  disclosurePreferences,
  limitationLevels,
  shiftPatterns,
  type WorkHistoryEntry,
  workAdjustments,
} from "./schema";
import { RecordHeader } from "./views";

type Values = Record<string, unknown>;

const list = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : value === undefined || value === null || value === ""
      ? []
      : [String(value)];

/** The form's values from a saved capability assessment. */
export function capabilityValues(capability: CapabilityView): Values {
  return {
    ...Object.fromEntries(
      capabilityAreas.flatMap((area) => [
        [`${area}Level`, capability.findings[area].level],
        [`${area}Notes`, capability.findings[area].notes],
      ]),
    ),
    adjustments: capability.adjustments,
    advice: capability.advice,
    version: capability.version,
  };
}

export function CapabilityFormPage(
  props: RecordFrame & {
    values: Values;
    errors?: FieldError[];
    conflict?: CapabilityView;
    version: number | null;
  },
) {
  const { t, values, errors, conflict } = props;
  const title = t.t("capability.title");
  return (
    <Layout
      {...layoutProps(props, title, errors)}
      backLink={{ href: `/participants/${props.banner.id}/assessments` }}
    >
      <RecordHeader {...props} />
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {conflict && (
        <SavedVersionWarning
          t={props.t}
          saved={[
            ...capabilityAreas.map((area) => ({
              key: t.t(`capability.area.${area}`),
              value: `${t.t(`capability.level.${conflict.findings[area].level}`)}${conflict.findings[area].notes ? ` – ${conflict.findings[area].notes}` : ""}`,
            })),
            { key: t.t("capability.advice"), value: conflict.advice },
            {
              key: t.t("capability.savedBy"),
              value: `${conflict.assessedByName}, ${t.formatDate(conflict.assessedAt, "dateTime")}`,
            },
          ]}
        />
      )}
      <h1>{title}</h1>
      <p>{t.t("capability.intro")}</p>
      <Form action={`/participants/${props.banner.id}/assessments/capability`} csrfToken={props.csrfToken}>
        <input type="hidden" name="version" value={props.version === null ? "" : String(props.version)} />
        {capabilityAreas.map((area) => (
          <div key={area}>
            <h2 class="nhsuk-heading-s">{t.t(`capability.area.${area}`)}</h2>
            <Radios
              name={`${area}Level`}
              legend={t.t("capability.levelLegend", { area: t.t(`capability.area.${area}`) })}
              error={errorFor(errors, `${area}Level`)}
              value={values[`${area}Level`]}
              small
              inline
              options={limitationLevels.map((level) => ({
                value: level,
                label: t.t(`capability.level.${level}`),
              }))}
            />
            <Textarea
              name={`${area}Notes`}
              label={t.t("capability.notes", { area: t.t(`capability.area.${area}`) })}
              error={errorFor(errors, `${area}Notes`)}
              value={values[`${area}Notes`]}
              rows={2}
            />
          </div>
        ))}
        <Checkboxes
          name="adjustments"
          legend={t.t("capability.adjustments")}
          hint={t.t("capability.adjustmentsHint")}
          error={errorFor(errors, "adjustments")}
          options={workAdjustments.map((adjustment) => ({
            value: adjustment,
            label: t.t(`capability.adjustment.${adjustment}`),
          }))}
          checked={list(values.adjustments)}
        />
        <Textarea
          name="advice"
          label={t.t("capability.advice")}
          hint={t.t("capability.adviceHint")}
          error={errorFor(errors, "advice")}
          value={values.advice}
        />
        <Button>{t.t("common.save")}</Button>
      </Form>
    </Layout>
  );
}

/** The form's values from a saved profile. */
export function profileValues(profile: ProfileView): Values {
  return {
    ...profile,
    hoursPerWeek: profile.hoursPerWeek ?? "",
    travelMiles: profile.travelMiles ?? "",
    benefitsCounselling: profile.benefitsCounselling ?? "",
    disclosurePreference: profile.disclosurePreference ?? "",
  };
}

function WorkHistoryFields({
  context,
  entries,
  errors,
}: {
  context: PageContext;
  entries: WorkHistoryEntry[];
  errors?: FieldError[];
}) {
  const { t } = context;
  return (
    <>
      {entries.map((entry, index) => (
        <fieldset class="nhsuk-fieldset app-work-history" key={index}>
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            {t.t("profile.job", { number: index + 1 })}
          </legend>
          {(["employer", "role", "from", "to"] as const).map((field) => (
            <TextInput
              key={field}
              name={`job${index}-${field}`}
              label={t.t(`profile.job.${field}`)}
              value={entry[field]}
              error={errorFor(errors, `job${index}-${field}`)}
              width={field === "from" || field === "to" ? 10 : undefined}
            />
          ))}
          <Textarea
            name={`job${index}-whyEnded`}
            label={t.t("profile.job.whyEnded")}
            value={entry.whyEnded}
            error={errorFor(errors, `job${index}-whyEnded`)}
            rows={2}
          />
        </fieldset>
      ))}
    </>
  );
}

export function ProfileFormPage(
  props: RecordFrame & {
    values: Values;
    workHistory: WorkHistoryEntry[];
    errors?: FieldError[];
    conflict?: ProfileView;
    version: number | null;
  },
) {
  const { t, values, errors, conflict } = props;
  const title = t.t("profile.title");
  const blank: WorkHistoryEntry = { employer: "", role: "", from: "", to: "", whyEnded: "" };
  const text = (name: string, options: { hint?: boolean; rows?: number } = {}) => (
    <Textarea
      name={name}
      label={t.t(`profile.${name}` as MessageKey)}
      hint={options.hint ? t.t(`profile.${name}Hint` as MessageKey) : undefined}
      error={errorFor(errors, name)}
      value={values[name]}
      rows={options.rows ?? 3}
    />
  );
  return (
    <Layout
      {...layoutProps(props, title, errors)}
      backLink={{ href: `/participants/${props.banner.id}/assessments` }}
    >
      <RecordHeader {...props} />
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {conflict && (
        <SavedVersionWarning
          t={props.t}
          saved={[
            { key: t.t("profile.preferredJobTypes"), value: conflict.preferredJobTypes },
            { key: t.t("profile.skills"), value: conflict.skills },
            { key: t.t("profile.strengths"), value: conflict.strengths },
            {
              key: t.t("profile.hoursPerWeek"),
              value: conflict.hoursPerWeek === null ? "" : String(conflict.hoursPerWeek),
            },
            {
              key: t.t("profile.barriers"),
              value: conflict.barriers.map((barrier) => t.t(`profile.barrier.${barrier}`)).join(", "),
            },
            { key: t.t("profile.benefitsSituation"), value: conflict.benefitsSituation },
            {
              key: t.t("profile.disclosure"),
              value: conflict.disclosurePreference
                ? t.t(`profile.disclosure.${conflict.disclosurePreference}`)
                : "",
            },
            {
              key: t.t("profile.savedBy"),
              value: `${conflict.updatedByName}, ${t.formatDate(conflict.updatedAt, "dateTime")}`,
            },
          ]}
        />
      )}
      <h1>{title}</h1>
      <p>{t.t(props.version === null ? "profile.introNew" : "profile.intro")}</p>
      <Form
        action={`/participants/${props.banner.id}/assessments/vocational-profile`}
        csrfToken={props.csrfToken}
      >
        <input type="hidden" name="version" value={props.version === null ? "" : String(props.version)} />
        <h2>{t.t("profile.workHistory")}</h2>
        <WorkHistoryFields context={props} entries={[...props.workHistory, blank]} errors={errors} />
        <p class="nhsuk-body-s">{t.t("profile.addJobHint")}</p>
        <h2>{t.t("profile.aboutYou")}</h2>
        {text("education", { hint: true })}
        {text("skills")}
        {text("strengths")}
        {text("interests")}
        <h2>{t.t("profile.jobWanted")}</h2>
        {text("preferredJobTypes")}
        <TextInput
          name="hoursPerWeek"
          label={t.t("profile.hoursPerWeek")}
          inputmode="numeric"
          width={3}
          value={values.hoursPerWeek}
          error={errorFor(errors, "hoursPerWeek")}
        />
        <Checkboxes
          name="shifts"
          legend={t.t("profile.shifts")}
          error={errorFor(errors, "shifts")}
          options={shiftPatterns.map((shift) => ({ value: shift, label: t.t(`profile.shift.${shift}`) }))}
          checked={list(values.shifts)}
        />
        <TextInput
          name="travelMiles"
          label={t.t("profile.travelMiles")}
          inputmode="numeric"
          width={3}
          value={values.travelMiles}
          error={errorFor(errors, "travelMiles")}
        />
        <h2>{t.t("profile.barriersHeading")}</h2>
        <Checkboxes
          name="barriers"
          legend={t.t("profile.barriers")}
          hint={t.t("profile.barriersHint")}
          error={errorFor(errors, "barriers")}
          options={barrierKinds.map((barrier) => ({
            value: barrier,
            label: t.t(`profile.barrier.${barrier}`),
          }))}
          checked={list(values.barriers)}
        />
        {text("barrierNotes")}
        <h2>{t.t("profile.benefitsHeading")}</h2>
        {text("benefitsSituation", { hint: true })}
        <Radios
          name="benefitsCounselling"
          legend={t.t("profile.benefitsCounselling")}
          hint={t.t("profile.benefitsCounsellingHint")}
          error={errorFor(errors, "benefitsCounselling")}
          value={values.benefitsCounselling}
          inline
          options={benefitsCounsellingChoices.map((choice) => ({
            value: choice,
            label: t.t(`profile.counselling.${choice}`),
          }))}
        />
        <h2>{t.t("profile.disclosureHeading")}</h2>
        <Radios
          name="disclosurePreference"
          legend={t.t("profile.disclosure")}
          hint={t.t("profile.disclosureHint")}
          error={errorFor(errors, "disclosurePreference")}
          value={values.disclosurePreference}
          options={disclosurePreferences.map((choice) => ({
            value: choice,
            label: t.t(`profile.disclosure.${choice}`),
          }))}
        />
        {text("disclosureWording", { hint: true })}
        {/* Save comes first so that pressing Enter in any field saves, rather than adding a job. */}
        <div class="app-button-group">
          <Button>{t.t("common.save")}</Button>
          <Button variant="secondary" name="next" value="add_job">
            {t.t("profile.addJob")}
          </Button>
        </div>
      </Form>
    </Layout>
  );
}
