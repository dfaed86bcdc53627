import type { OwnPagesContext } from "../../platform/http/own-pages";
import { Button, type FieldError, Form, WarningCallout } from "../../platform/web/components";
import { CrisisInformation } from "../../platform/web/crisis";
import { OwnPagesLayout } from "../../platform/web/own-pages-layout";
import type { MeasureDefinition } from "./measures";
import { MeasureQuestions } from "./views";

/** A questionnaire in the person's own pages: the same items and answers as staff use with them. */
export function OwnMeasurePage(
  props: OwnPagesContext & {
    definition: MeasureDefinition;
    values: Record<string, unknown>;
    errors?: FieldError[];
  },
) {
  const { t, definition, values, errors } = props;
  const title = t.t("ownMeasures.title", { measure: definition.title });
  return (
    <OwnPagesLayout {...props} title={title} errors={errors} backLink={{ href: "/my/check-ins" }}>
      <h1>{title}</h1>
      <p>{t.t("ownMeasures.intro")}</p>
      <Form action={`/my/questionnaires/${definition.id}`} csrfToken={props.csrfToken}>
        <MeasureQuestions definition={definition} values={values} errors={errors} />
        <Button>{t.t("ownMeasures.send")}</Button>
      </Form>
    </OwnPagesLayout>
  );
}

/** After an answer about thoughts of self-harm: help now, in the organisation's own words. */
export function OwnSafetyPage(props: OwnPagesContext & { crisisInformation: string | null }) {
  const { t } = props;
  return (
    <OwnPagesLayout {...props} title={t.t("ownMeasures.safety.title")}>
      <h1>{t.t("ownMeasures.safety.title")}</h1>
      <p>{t.t("ownMeasures.safety.told")}</p>
      <WarningCallout heading={t.t("ownMeasures.safety.now")}>
        <CrisisInformation t={t} text={props.crisisInformation} />
      </WarningCallout>
      <p>
        <a href="/my">{t.t("ownMeasures.safety.home")}</a>
      </p>
    </OwnPagesLayout>
  );
}
