import {
  Button,
  errorFor,
  type FieldError,
  Form,
  Radios,
  WarningCallout,
} from "../../platform/web/components";
import type { Translator } from "../../platform/web/i18n";
import { measureIntervals } from "./forms";
import { PlanFrame, type RecordFrame } from "./views";

export const intervalText = (t: Translator, everyWeeks: number | null) =>
  everyWeeks === null ? t.t("plan.measures.none") : t.t("plan.measures.every", { weeks: String(everyWeeks) });

export function MeasuresIntervalPage(
  props: RecordFrame & {
    participantId: string;
    values: Record<string, unknown>;
    version: number;
    errors?: FieldError[];
    /** What someone else saved meanwhile, when this save was stale. */
    stale?: string;
  },
) {
  const { t, values, errors } = props;
  const base = `/participants/${props.participantId}/plan`;
  return (
    <PlanFrame
      {...props}
      title={t.t("plan.measures.title")}
      errors={errors}
      backHref={`${base}#questionnaires`}
    >
      {props.stale !== undefined && (
        <WarningCallout heading={t.t("common.conflictHeading")}>
          <p>
            {t.t("plan.measures.stale", {
              saved: intervalText(t, props.stale === "none" ? null : Number(props.stale)),
            })}
          </p>
        </WarningCallout>
      )}
      <h1>{t.t("plan.measures.title")}</h1>
      <p>{t.t("plan.measures.intro")}</p>
      <Form action={`${base}/questionnaires`} csrfToken={props.csrfToken}>
        <input type="hidden" name="version" value={String(props.version)} />
        <Radios
          name="measuresEveryWeeks"
          legend={t.t("plan.measures.legend")}
          value={values.measuresEveryWeeks}
          error={errorFor(errors, "measuresEveryWeeks")}
          options={[
            { value: "none", label: t.t("plan.measures.none") },
            ...measureIntervals.map((weeks) => ({
              value: weeks,
              label: t.t("plan.measures.every", { weeks }),
            })),
          ]}
        />
        <Button>{t.t("plan.measures.save")}</Button>
      </Form>
    </PlanFrame>
  );
}
