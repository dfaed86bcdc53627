import { layoutProps, type PageContext } from "../../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  InsetText,
} from "../../../platform/web/components";
import { Layout } from "../../../platform/web/layout";
import { PersonFields } from "../record/person-fields";
import type { ReceivingTeam } from "./intake";

// The public self-referral form and its confirmation: plain words, no sign-in.

type Values = Record<string, unknown>;

export function SelfReferralPage(
  props: PageContext & { teams: ReceivingTeam[]; values: Values; errors?: FieldError[] },
) {
  const { t, values, errors } = props;
  const regions = [...new Set(props.teams.map((team) => team.regionName))];
  return (
    <Layout {...layoutProps(props, t.t("selfReferral.title"), errors)}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("selfReferral.title")}</h1>
      <p>{t.t("selfReferral.lead")}</p>
      <InsetText>
        <p>{t.t("selfReferral.done.urgent")}</p>
      </InsetText>
      <Form action="/refer-yourself" csrfToken={props.csrfToken}>
        <div class="nhsuk-form-group app-honeypot" aria-hidden="true">
          <label for="website">{t.t("selfReferral.website")}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autocomplete="off" />
        </div>
        <div class={`nhsuk-form-group${errorFor(errors, "teamId") ? " nhsuk-form-group--error" : ""}`}>
          <label class="nhsuk-label" for="teamId">
            {t.t("selfReferral.team")}
          </label>
          {errorFor(errors, "teamId") && (
            <span class="nhsuk-error-message" id="teamId-error">
              <span class="nhsuk-u-visually-hidden">Error:</span> {errorFor(errors, "teamId")}
            </span>
          )}
          <select
            class={`nhsuk-select${errorFor(errors, "teamId") ? " nhsuk-select--error" : ""}`}
            id="teamId"
            name="teamId"
            aria-describedby={errorFor(errors, "teamId") ? "teamId-error" : undefined}
          >
            <option value="" selected={!values.teamId} />
            {regions.map((regionName) => (
              <optgroup label={regionName} key={regionName}>
                {props.teams
                  .filter((team) => team.regionName === regionName)
                  .map((team) => (
                    <option value={team.id} key={team.id} selected={values.teamId === team.id}>
                      {team.organisationName} – {team.name}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <PersonFields t={t} values={values} errors={errors} selfReferral />
        <div
          class={`nhsuk-form-group${errorFor(errors, "agreeToContact") ? " nhsuk-form-group--error" : ""}`}
        >
          {errorFor(errors, "agreeToContact") && (
            <span class="nhsuk-error-message" id="agreeToContact-error">
              <span class="nhsuk-u-visually-hidden">Error:</span> {errorFor(errors, "agreeToContact")}
            </span>
          )}
          <div class="nhsuk-checkboxes">
            <div class="nhsuk-checkboxes__item">
              <input
                class="nhsuk-checkboxes__input"
                id="agreeToContact"
                name="agreeToContact"
                type="checkbox"
                value="yes"
                checked={values.agreeToContact === "yes"}
              />
              <label class="nhsuk-label nhsuk-checkboxes__label" for="agreeToContact">
                {t.t("selfReferral.agreeToContact")}
              </label>
            </div>
          </div>
        </div>
        <Button>{t.t("selfReferral.submit")}</Button>
      </Form>
    </Layout>
  );
}

export function SelfReferralDonePage(props: PageContext) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, t.t("selfReferral.done.title"))}>
      <div class="nhsuk-panel app-panel-confirmation">
        <h1>{t.t("selfReferral.done.title")}</h1>
      </div>
      <p>{t.t("selfReferral.done.body")}</p>
      <InsetText>
        <p>{t.t("selfReferral.done.urgent")}</p>
      </InsetText>
    </Layout>
  );
}

/** Too many accepted referrals from one connection: said to a member of the public, not to staff. */
export function SelfReferralTooManyPage(props: PageContext) {
  const { t } = props;
  return (
    <Layout {...layoutProps(props, t.t("selfReferral.tooMany.title"))}>
      <h1>{t.t("selfReferral.tooMany.title")}</h1>
      <p>{t.t("selfReferral.tooMany.body")}</p>
      <p>{t.t("selfReferral.tooMany.phone")}</p>
      <InsetText>
        <p>{t.t("selfReferral.done.urgent")}</p>
      </InsetText>
      <p>
        <a href="/refer-yourself">{t.t("selfReferral.tooMany.back")}</a>
      </p>
    </Layout>
  );
}
