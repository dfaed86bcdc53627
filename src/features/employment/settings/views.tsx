import { layoutProps, type PageContext } from "../../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  NotificationBanner,
  Textarea,
  TextInput,
  WarningCallout,
} from "../../../platform/web/components";
import { SavedVersionWarning } from "../../../platform/web/form-fields";
import type { Translator } from "../../../platform/web/i18n/index";
import { Layout } from "../../../platform/web/layout";
import { SettingsHistoryTable, settingsVersionLine } from "../../../platform/web/settings-history";
import { formatPence } from "../shared/money";
import type { EmploymentSettingsHistoryEntry } from "./history";
import type { EmploymentSettings } from "./schema";
import type { EmploymentSettingsVersion } from "./service";

type Values = Record<string, unknown>;

const settingLabel = (t: Translator, setting: keyof EmploymentSettings) =>
  t.t(setting === "wageFloorPence" ? "employmentSettings.wageFloor" : "employmentSettings.target");
const settingValue = (t: Translator, setting: keyof EmploymentSettings, value: number) =>
  setting === "wageFloorPence"
    ? t.t("employmentSettings.perHour", { amount: formatPence(value) })
    : t.t("employmentSettings.perWeek", { count: t.formatNumber(value) });

export function EmploymentSettingsPage(
  props: PageContext & {
    inForce: EmploymentSettingsVersion;
    history: EmploymentSettingsHistoryEntry[];
    values: Values;
    errors?: FieldError[];
    /** On a stale save: what is in force now, beside what this admin typed. */
    conflict?: EmploymentSettingsVersion;
    savedVersion?: number;
  },
) {
  const { t, inForce, values, errors, conflict } = props;
  const title = t.t("employmentSettings.title");
  return (
    <Layout {...layoutProps(props, title, errors)}>
      {props.savedVersion !== undefined && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">
            {t.t("employmentSettings.saved", { version: props.savedVersion })}
          </p>
        </NotificationBanner>
      )}
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {conflict && (
        <SavedVersionWarning
          t={t}
          saved={[
            { key: t.t("settingsHistory.columns.version"), value: settingsVersionLine(t, conflict) },
            ...(Object.keys(conflict.settings) as (keyof EmploymentSettings)[]).map((setting) => ({
              key: settingLabel(t, setting),
              value: settingValue(t, setting, conflict.settings[setting]),
            })),
          ]}
        />
      )}
      <h1>{title}</h1>
      <p>{t.t("employmentSettings.intro")}</p>
      <WarningCallout heading={t.t("employmentSettings.unverifiedHeading")}>
        <p>{t.t("employmentSettings.unverified")}</p>
      </WarningCallout>
      <p class="nhsuk-body-s">{settingsVersionLine(t, inForce)}</p>
      <Form action="/admin/employment-settings" csrfToken={props.csrfToken}>
        <input type="hidden" name="version" value={String(inForce.version)} />
        <TextInput
          name="wageFloor"
          label={t.t("employmentSettings.wageFloorField")}
          hint={t.t("employmentSettings.wageFloorHint")}
          value={values.wageFloor}
          width={5}
          inputmode="text"
          error={errorFor(errors, "wageFloor")}
        />
        <TextInput
          name="weeklyEmployerContactTarget"
          label={t.t("employmentSettings.targetField")}
          hint={t.t("employmentSettings.targetHint")}
          value={values.weeklyEmployerContactTarget}
          width={3}
          inputmode="numeric"
          error={errorFor(errors, "weeklyEmployerContactTarget")}
        />
        <Textarea
          name="reason"
          label={t.t("employmentSettings.reason")}
          hint={t.t("employmentSettings.reasonHint")}
          value={values.reason}
          rows={3}
          error={errorFor(errors, "reason")}
        />
        <Button>{t.t("employmentSettings.save")}</Button>
      </Form>
      <h2>{t.t("employmentSettings.history")}</h2>
      <SettingsHistoryTable
        t={t}
        history={props.history}
        emptyText={t.t("employmentSettings.historyNone")}
        word={(change) => ({
          setting: settingLabel(t, change.setting),
          from: settingValue(t, change.setting, change.from),
          to: settingValue(t, change.setting, change.to),
        })}
      />
    </Layout>
  );
}
