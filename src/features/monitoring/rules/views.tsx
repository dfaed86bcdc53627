import { layoutProps, type PageContext } from "../../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  NotificationBanner,
  Tag,
  Textarea,
  TextInput,
} from "../../../platform/web/components";
import { SavedVersionWarning } from "../../../platform/web/form-fields";
import type { MessageKey, Translator } from "../../../platform/web/i18n";
import { Layout } from "../../../platform/web/layout";
import { SettingsHistoryTable, settingsVersionLine } from "../../../platform/web/settings-history";
import { reliableChangeOf } from "./measure-rules";
import type { MonitoringRule } from "./rules";
import { type RuleSettings, type RuleThreshold, ruleSettingLimits } from "./schema";
import type { RuleSettingsHistoryEntry, RuleSettingsVersion } from "./service";

type Values = Record<string, unknown>;

/** Each rule as the form shows it: its on/off setting (none for item 9) and its thresholds. */
const ruleRows: {
  rule: MonitoringRule;
  enabled: keyof RuleSettings | null;
  thresholds: RuleThreshold[];
  options?: (keyof RuleSettings)[];
}[] = [
  { rule: "phq9_item9", enabled: null, thresholds: [] },
  { rule: "reliable_deterioration", enabled: "deteriorationEnabled", thresholds: [] },
  {
    rule: "sleep_destabilisation",
    enabled: "sleepEnabled",
    thresholds: ["sleepHoursChange", "sleepBedtimeShiftMinutes", "sleepBedtimeSpreadMinutes"],
  },
  { rule: "personal_rule", enabled: "personalRulesEnabled", thresholds: [] },
  { rule: "no_contact", enabled: "noContactEnabled", thresholds: ["noContactDays"] },
  {
    rule: "missed_appointments",
    enabled: "missedAppointmentsEnabled",
    thresholds: ["missedAppointmentsCount", "missedAppointmentsWindowDays"],
  },
  {
    rule: "job_ending",
    enabled: "jobEndingEnabled",
    thresholds: ["jobEndingDays"],
    options: ["jobEndingIncludesBetterJob"],
  },
];

/** Figures a rule's description quotes from the measure definitions, so the page never says other. */
const descriptionValues = () => ({
  phq9Threshold: reliableChangeOf("phq9"),
  gad7Threshold: reliableChangeOf("gad7"),
});

const settingLabel = (t: Translator, setting: keyof RuleSettings) =>
  t.t(`ruleSettings.field.${setting}` as MessageKey);
const settingValue = (t: Translator, value: boolean | number) =>
  typeof value === "boolean" ? t.t(value ? "ruleSettings.on" : "ruleSettings.off") : t.formatNumber(value);

/** A single checkbox: the fieldset around it (the rule) is its question. */
function OnOff({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div class="nhsuk-form-group">
      <div class="nhsuk-checkboxes" data-module="nhsuk-checkboxes">
        <div class="nhsuk-checkboxes__item">
          <input
            class="nhsuk-checkboxes__input"
            id={name}
            name={name}
            type="checkbox"
            value="yes"
            checked={checked}
          />
          <label class="nhsuk-label nhsuk-checkboxes__label" for={name}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}

export function RuleSettingsPage(
  props: PageContext & {
    inForce: RuleSettingsVersion;
    history: RuleSettingsHistoryEntry[];
    values: Values;
    errors?: FieldError[];
    /** On a stale save: what is in force now, beside what this admin typed. */
    conflict?: RuleSettingsVersion;
    savedVersion?: number;
  },
) {
  const { t, inForce, values, errors, conflict } = props;
  const title = t.t("ruleSettings.title");
  const checked = (field: string) => values[field] === true || values[field] === "yes";
  return (
    <Layout {...layoutProps(props, title, errors, true)}>
      {props.savedVersion !== undefined && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">
            {t.t("ruleSettings.saved", { version: props.savedVersion })}
          </p>
        </NotificationBanner>
      )}
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {conflict && (
        <SavedVersionWarning
          t={t}
          saved={[
            {
              key: t.t("settingsHistory.columns.version"),
              value: settingsVersionLine(t, conflict),
            },
            ...(Object.keys(conflict.settings) as (keyof RuleSettings)[]).map((setting) => ({
              key: settingLabel(t, setting),
              value: settingValue(t, conflict.settings[setting]),
            })),
          ]}
        />
      )}
      <h1>{title}</h1>
      <p>{t.t("ruleSettings.intro")}</p>
      <p class="nhsuk-body-s">{settingsVersionLine(t, inForce)}</p>
      <Form action="/admin/monitoring-rules" csrfToken={props.csrfToken}>
        <input type="hidden" name="version" value={String(inForce.version)} />
        {ruleRows.map((row) => (
          <fieldset class="nhsuk-fieldset app-rule-setting" key={row.rule}>
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
              <h2 class="nhsuk-fieldset__heading">{t.t(`monitoringRules.${row.rule}.name` as MessageKey)}</h2>
            </legend>
            <p>{t.t(`monitoringRules.${row.rule}.description` as MessageKey, descriptionValues())}</p>
            {row.enabled === null ? (
              <p>
                <Tag colour="blue">{t.t("ruleSettings.alwaysOn")}</Tag>
              </p>
            ) : (
              <OnOff name={row.enabled} label={t.t("ruleSettings.use")} checked={checked(row.enabled)} />
            )}
            {row.thresholds.map((name) => (
              <TextInput
                key={name}
                name={name}
                label={settingLabel(t, name)}
                hint={t.t("ruleSettings.limits", ruleSettingLimits[name])}
                value={values[name]}
                width={4}
                inputmode={name === "sleepHoursChange" ? "text" : "numeric"}
                error={errorFor(errors, name)}
              />
            ))}
            {row.options?.map((name) => (
              <OnOff key={name} name={name} label={settingLabel(t, name)} checked={checked(name)} />
            ))}
          </fieldset>
        ))}
        <Textarea
          name="reason"
          label={t.t("ruleSettings.reason")}
          hint={t.t("ruleSettings.reasonHint")}
          value={values.reason}
          rows={3}
          error={errorFor(errors, "reason")}
        />
        <Button>{t.t("ruleSettings.save")}</Button>
      </Form>
      <h2>{t.t("ruleSettings.history")}</h2>
      <SettingsHistoryTable
        t={t}
        history={props.history}
        emptyText={t.t("ruleSettings.historyNone")}
        word={(change) => ({
          setting: settingLabel(t, change.setting),
          from: settingValue(t, change.from),
          to: settingValue(t, change.to),
        })}
      />
    </Layout>
  );
}
