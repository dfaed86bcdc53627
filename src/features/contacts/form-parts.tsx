import { errorFor, type FieldError, NotificationBanner, Tag, TextInput } from "../../platform/web/components";
import { DateInput } from "../../platform/web/date-input";
import type { Translator } from "../../platform/web/i18n";
import { contactMethods, contactParties, type NoteKind } from "./schema";

// What the contacts and appointments pages share: the success notice, the kind-of-note tag, the
// method and party choices, and the date and time fields.

/** The success notice the record frame read from the address, if there is one. */
export function SuccessNotice({ t, notice }: { t: Translator; notice?: string }) {
  if (!notice) return null;
  return (
    <NotificationBanner title={t.t("common.successTitle")} success>
      <p class="nhsuk-notification-banner__heading">{notice}</p>
    </NotificationBanner>
  );
}

export const noteKindTag = (t: Translator, kind: NoteKind) => (
  <Tag colour={kind === "clinical" ? "blue" : "grey"}>{t.t(`contacts.noteKind.${kind}`)}</Tag>
);

export const methodOptions = (t: Translator) =>
  contactMethods.map((value) => ({ value, label: t.t(`contacts.method.${value}`) }));
export const partyOptions = (t: Translator) =>
  contactParties.map((value) => ({ value, label: t.t(`contacts.withWhom.${value}`) }));

/** A UK date and time side by side, as the contact and appointment forms both ask for them. */
export function DateTimeFields({
  t,
  values,
  errors,
  labels,
}: {
  t: Translator;
  values: Record<string, unknown>;
  errors?: FieldError[];
  labels: "contacts.form" | "appointments.form";
}) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-one-half">
        <DateInput
          t={t}
          name="date"
          legend={t.t(`${labels}.date`)}
          hint={t.t(`${labels}.dateHint`)}
          values={values}
          errors={errors}
        />
      </div>
      <div class="nhsuk-grid-column-one-half">
        <TextInput
          name="time"
          label={t.t(`${labels}.time`)}
          hint={t.t(`${labels}.timeHint`)}
          value={values.time}
          width={5}
          inputmode="numeric"
          error={errorFor(errors, "time")}
        />
      </div>
    </div>
  );
}
