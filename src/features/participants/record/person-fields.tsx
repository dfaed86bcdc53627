import {
  errorFor,
  type FieldError,
  Radios,
  Select,
  Textarea,
  TextInput,
} from "../../../platform/web/components";
import { DateInput } from "../../../platform/web/date-input";
import type { Translator } from "../../../platform/web/i18n";
import { contactMethods, workSituations } from "../schema";

type Values = Record<string, unknown>;

/** Who the person is, how to reach them and their work situation: shared by every referral and the details form. */
export function PersonFields({
  t,
  values,
  errors,
  selfReferral = false,
}: {
  t: Translator;
  values: Values;
  errors?: FieldError[];
  selfReferral?: boolean;
}) {
  return (
    <>
      <TextInput
        name="givenName"
        label={t.t("participant.fields.givenName")}
        value={values.givenName}
        error={errorFor(errors, "givenName")}
        autocomplete={selfReferral ? "given-name" : "off"}
        spellcheck={false}
      />
      <TextInput
        name="familyName"
        label={t.t("participant.fields.familyName")}
        value={values.familyName}
        error={errorFor(errors, "familyName")}
        autocomplete={selfReferral ? "family-name" : "off"}
        spellcheck={false}
      />
      <DateInput
        t={t}
        name="dateOfBirth"
        legend={t.t("participant.fields.dateOfBirth")}
        hint={t.t("participant.fields.dateOfBirthHint")}
        values={values}
        errors={errors}
        autocomplete={selfReferral ? "bday" : "off"}
      />
      <TextInput
        name="nhsNumber"
        label={t.t("participant.fields.nhsNumber")}
        hint={t.t("participant.fields.nhsNumberHint")}
        value={values.nhsNumber}
        error={errorFor(errors, "nhsNumber")}
        inputmode="numeric"
        width={10}
        spellcheck={false}
      />
      <TextInput
        name="phone"
        type="tel"
        label={t.t("participant.fields.phone")}
        hint={selfReferral ? t.t("selfReferral.contactHint") : undefined}
        value={values.phone}
        error={errorFor(errors, "phone")}
        autocomplete={selfReferral ? "tel" : "off"}
        width={20}
      />
      <TextInput
        name="email"
        type="email"
        label={t.t("participant.fields.email")}
        value={values.email}
        error={errorFor(errors, "email")}
        autocomplete={selfReferral ? "email" : "off"}
        spellcheck={false}
      />
      <Textarea
        name="address"
        label={t.t("participant.fields.address")}
        value={values.address}
        error={errorFor(errors, "address")}
        rows={3}
      />
      <TextInput
        name="preferredLanguage"
        label={t.t("participant.fields.preferredLanguage")}
        value={values.preferredLanguage ?? "English"}
        error={errorFor(errors, "preferredLanguage")}
        width={20}
      />
      <Select
        name="preferredContactMethod"
        label={t.t(
          selfReferral
            ? "participant.fields.preferredContactMethodSelf"
            : "participant.fields.preferredContactMethod",
        )}
        value={values.preferredContactMethod}
        error={errorFor(errors, "preferredContactMethod")}
        emptyOption={t.t("participant.fields.noPreference")}
        options={contactMethods.map((method) => ({
          value: method,
          label: t.t(`participant.contactMethod.${method}`),
        }))}
      />
      <Radios
        name="workSituation"
        legend={t.t("participant.fields.workSituation")}
        value={values.workSituation}
        error={errorFor(errors, "workSituation")}
        options={workSituations.map((situation) => ({
          value: situation,
          label: t.t(`participant.workSituation.${situation}`),
        }))}
      />
      <TextInput
        name="employerName"
        label={t.t("participant.fields.employerName")}
        hint={t.t(
          selfReferral ? "participant.fields.employerNameHintSelf" : "participant.fields.employerNameHint",
        )}
        value={values.employerName}
        error={errorFor(errors, "employerName")}
      />
      <DateInput
        t={t}
        name="absenceStartDate"
        legend={t.t("participant.fields.absenceStartDate")}
        hint={t.t(
          selfReferral ? "participant.fields.employerNameHintSelf" : "participant.fields.employerNameHint",
        )}
        values={values}
        errors={errors}
      />
      <Textarea
        name="hopes"
        label={t.t(selfReferral ? "participant.fields.hopesSelf" : "participant.fields.hopes")}
        hint={t.t("participant.fields.hopesHint")}
        value={values.hopes}
        error={errorFor(errors, "hopes")}
      />
    </>
  );
}
