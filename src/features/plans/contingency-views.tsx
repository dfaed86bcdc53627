import { Button, Checkboxes, errorFor, type FieldError, Form, Textarea } from "../../platform/web/components";
import { type ContingencyAlternative, contingencyAlternatives } from "./schema";
import { PlanFrame, type RecordFrame } from "./views";

export function ContingencyUseFormPage(
  props: RecordFrame & {
    participantId: string;
    /** What the plan already names, offered first. */
    planned: readonly ContingencyAlternative[];
    values: Record<string, unknown>;
    errors?: FieldError[];
  },
) {
  const { t, values, errors } = props;
  const base = `/participants/${props.participantId}/plan`;
  const asList = (value: unknown) =>
    Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];
  const options = [
    ...props.planned,
    ...contingencyAlternatives.filter((alternative) => !props.planned.includes(alternative)),
  ].map((alternative) => ({ value: alternative, label: t.t(`plan.alternative.${alternative}`) }));
  return (
    <PlanFrame
      {...props}
      title={t.t("plan.contingencyUse.title")}
      errors={errors}
      backHref={`${base}#contingency`}
    >
      <h1>{t.t("plan.contingencyUse.title")}</h1>
      <p>{t.t("plan.contingencyUse.intro")}</p>
      <Form action={`${base}/contingency/use`} csrfToken={props.csrfToken}>
        {typeof values.alertId === "string" && <input type="hidden" name="alertId" value={values.alertId} />}
        <Checkboxes
          name="offered"
          legend={t.t("plan.contingencyUse.offered")}
          hint={t.t("plan.contingencyUse.offered.hint")}
          options={options}
          checked={asList(values.offered)}
          error={errorFor(errors, "offered")}
        />
        <Checkboxes
          name="takenUp"
          legend={t.t("plan.contingencyUse.takenUp")}
          hint={t.t("plan.contingencyUse.takenUp.hint")}
          options={options}
          checked={asList(values.takenUp)}
          error={errorFor(errors, "takenUp")}
        />
        <Textarea
          name="note"
          label={t.t("plan.contingencyUse.note")}
          hint={t.t("plan.contingencyUse.note.hint")}
          value={values.note}
          error={errorFor(errors, "note")}
        />
        <Button>{t.t("plan.contingencyUse.save")}</Button>
      </Form>
    </PlanFrame>
  );
}
