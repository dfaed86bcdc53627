import type { ComponentChildren } from "preact";
import {
  Button,
  Checkboxes,
  errorFor,
  type FieldError,
  Form,
  Select,
  TextInput,
  WarningCallout,
} from "../../platform/web/components";
import { DateInput } from "../../platform/web/date-input";
import { asList, ItemForm, type ItemFormProps, type Option, options, Textarea } from "./form-parts";
import {
  actionOwnerKinds,
  actionStatuses,
  checkInFields,
  contingencyAlternatives,
  goalStatuses,
  participantAgreements,
  personalRuleComparisons,
  supportKinds,
  supportStatuses,
} from "./schema";
import type { CareTeamPerson } from "./service";
import { PlanFrame, type RecordFrame } from "./views";

export type { ItemFormProps } from "./form-parts";
export function GoalFormPage(props: ItemFormProps) {
  const { t, values, errors } = props;
  return (
    <ItemForm
      {...props}
      segment="goals"
      addTitle="plan.goals.add"
      editTitle="plan.goals.edit"
      fields={["goal", "successLooksLike", "status"]}
      prefixes={{ status: "plan.goalStatus" }}
    >
      <Textarea
        name="goal"
        label={t.t("plan.field.goal")}
        hint={t.t("plan.field.goal.hint")}
        value={values.goal}
        error={errorFor(errors, "goal")}
      />
      <Textarea
        name="successLooksLike"
        label={t.t("plan.field.successLooksLike")}
        value={values.successLooksLike}
        error={errorFor(errors, "successLooksLike")}
      />
      <Select
        name="status"
        label={t.t("plan.field.status")}
        value={values.status ?? "active"}
        error={errorFor(errors, "status")}
        options={options(t, goalStatuses, "plan.goalStatus")}
      />
    </ItemForm>
  );
}

export function ActionFormPage(props: ItemFormProps & { careTeam: CareTeamPerson[]; goals: Option[] }) {
  const { t, values, errors, careTeam } = props;
  const saved = props.conflict ?? values;
  const formerOwner =
    typeof saved.ownerStaffId === "string" &&
    typeof saved.ownerName === "string" &&
    !careTeam.some((member) => member.staffId === saved.ownerStaffId)
      ? { id: saved.ownerStaffId, name: saved.ownerName }
      : undefined;
  return (
    <ItemForm
      {...props}
      segment="actions"
      addTitle="plan.actions.add"
      editTitle="plan.actions.edit"
      fields={["description", "ownerKind", "ownerStaffId", "dueDate", "status", "goalId"]}
      prefixes={{ status: "plan.actionStatus", ownerKind: "plan.ownerKind" }}
    >
      <Textarea
        name="description"
        label={t.t("plan.field.description")}
        value={values.description}
        error={errorFor(errors, "description")}
      />
      <Select
        name="ownerKind"
        label={t.t("plan.field.ownerKind")}
        value={values.ownerKind}
        emptyOption={t.t("plan.field.chooseOne")}
        error={errorFor(errors, "ownerKind")}
        options={options(t, actionOwnerKinds, "plan.ownerKind")}
      />
      <Select
        name="ownerStaffId"
        label={t.t("plan.field.ownerStaffId")}
        hint={t.t("plan.field.ownerStaffId.hint")}
        value={values.ownerStaffId}
        emptyOption={t.t("plan.field.chooseStaff")}
        error={errorFor(errors, "ownerStaffId")}
        options={[
          ...careTeam.map((member) => ({
            value: member.staffId,
            label: `${member.fullName} (${t.t(`plan.role.${member.careTeamRole}`)})`,
          })),
          // Someone who has left the care team still owns their actions until they are handed on.
          ...(formerOwner
            ? [{ value: formerOwner.id, label: t.t("plan.field.formerMember", { name: formerOwner.name }) }]
            : []),
        ]}
      />
      <DateInput
        t={t}
        name="dueDate"
        legend={t.t("plan.field.dueDate")}
        hint={t.t("plan.field.dueDate.hint")}
        values={values}
        errors={errors}
      />
      <Select
        name="status"
        label={t.t("plan.field.status")}
        value={values.status ?? "to_do"}
        error={errorFor(errors, "status")}
        options={options(t, actionStatuses, "plan.actionStatus")}
      />
      <Select
        name="goalId"
        label={t.t("plan.field.goalId")}
        value={values.goalId}
        emptyOption={t.t("plan.field.noGoal")}
        error={errorFor(errors, "goalId")}
        options={props.goals}
      />
    </ItemForm>
  );
}

export function SupportFormPage(props: ItemFormProps) {
  const { t, values, errors } = props;
  return (
    <ItemForm
      {...props}
      segment="supports"
      addTitle="plan.supports.add"
      editTitle="plan.supports.edit"
      fields={["kind", "otherKind", "status", "notes"]}
      prefixes={{ status: "plan.supportStatus", kind: "plan.supportKind" }}
    >
      <Select
        name="kind"
        label={t.t("plan.field.kind")}
        value={values.kind}
        emptyOption={t.t("plan.field.chooseOne")}
        error={errorFor(errors, "kind")}
        options={options(t, supportKinds, "plan.supportKind")}
      />
      <TextInput
        name="otherKind"
        label={t.t("plan.field.otherKind")}
        hint={t.t("plan.field.otherKind.hint")}
        value={values.otherKind}
        error={errorFor(errors, "otherKind")}
      />
      <Select
        name="status"
        label={t.t("plan.field.status")}
        value={values.status ?? "suggested"}
        error={errorFor(errors, "status")}
        options={options(t, supportStatuses, "plan.supportStatus")}
      />
      <Textarea
        name="notes"
        label={t.t("plan.field.notes")}
        value={values.notes}
        error={errorFor(errors, "notes")}
      />
    </ItemForm>
  );
}

export function WarningSignFormPage(props: ItemFormProps) {
  const { t, values, errors } = props;
  return (
    <ItemForm
      {...props}
      segment="warning-signs"
      addTitle="plan.signs.add"
      editTitle="plan.signs.edit"
      fields={[
        "sign",
        "whatIWillDo",
        "whatMyTeamWillDo",
        "checkInField",
        "ruleComparison",
        "ruleThreshold",
        "ruleRunLength",
      ]}
      prefixes={{ checkInField: "plan.checkInField", ruleComparison: "plan.ruleComparison" }}
    >
      <Textarea
        name="sign"
        label={t.t("plan.field.sign")}
        hint={t.t("plan.field.sign.hint")}
        value={values.sign}
        error={errorFor(errors, "sign")}
      />
      <Textarea
        name="whatIWillDo"
        label={t.t("plan.field.whatIWillDo")}
        value={values.whatIWillDo}
        error={errorFor(errors, "whatIWillDo")}
      />
      <Textarea
        name="whatMyTeamWillDo"
        label={t.t("plan.field.whatMyTeamWillDo")}
        value={values.whatMyTeamWillDo}
        error={errorFor(errors, "whatMyTeamWillDo")}
      />
      <Select
        name="checkInField"
        label={t.t("plan.field.checkInField")}
        hint={t.t("plan.field.checkInField.hint")}
        value={values.checkInField}
        emptyOption={t.t("plan.field.noCheckInField")}
        error={errorFor(errors, "checkInField")}
        options={options(t, checkInFields, "plan.checkInField")}
      />
      <fieldset class="nhsuk-fieldset" aria-describedby="personal-rule-hint">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {t.t("plan.field.personalRule")}
        </legend>
        <div class="nhsuk-hint" id="personal-rule-hint">
          {t.t("plan.field.personalRule.hint")}
        </div>
        <Select
          name="ruleComparison"
          label={t.t("plan.field.ruleComparison")}
          value={values.ruleComparison}
          emptyOption={t.t("plan.field.noRule")}
          error={errorFor(errors, "ruleComparison")}
          options={options(t, personalRuleComparisons, "plan.ruleComparison")}
        />
        <TextInput
          name="ruleThreshold"
          label={t.t("plan.field.ruleThreshold")}
          hint={t.t("plan.field.ruleThreshold.hint")}
          inputmode="text"
          width={4}
          value={values.ruleThreshold}
          error={errorFor(errors, "ruleThreshold")}
        />
        <TextInput
          name="ruleRunLength"
          label={t.t("plan.field.ruleRunLength")}
          hint={t.t("plan.field.ruleRunLength.hint")}
          inputmode="numeric"
          width={2}
          value={values.ruleRunLength}
          error={errorFor(errors, "ruleRunLength")}
        />
      </fieldset>
    </ItemForm>
  );
}

export function ContingencyFormPage(props: ItemFormProps) {
  const { t, values, errors } = props;
  return (
    <ItemForm
      {...props}
      itemId={undefined}
      segment="contingency"
      addTitle="plan.contingency.edit"
      editTitle="plan.contingency.edit"
      fields={["contingencyText", "alternatives", "checkBackDate"]}
      prefixes={{}}
    >
      <Textarea
        name="contingencyText"
        label={t.t("plan.field.contingencyText")}
        hint={t.t("plan.field.contingencyText.hint")}
        value={values.contingencyText}
        rows={5}
        error={errorFor(errors, "contingencyText")}
      />
      <Checkboxes
        name="alternatives"
        legend={t.t("plan.field.alternatives")}
        error={errorFor(errors, "alternatives")}
        options={options(t, contingencyAlternatives, "plan.alternative")}
        checked={asList(values.alternatives)}
      />
      <DateInput
        t={t}
        name="checkBackDate"
        legend={t.t("plan.field.checkBackDate")}
        hint={t.t("plan.field.checkBackDate.hint")}
        values={values}
        errors={errors}
      />
    </ItemForm>
  );
}

export function AgreePage(
  props: RecordFrame & {
    participantId: string;
    planVersion: number;
    careTeam: CareTeamPerson[];
    values: Record<string, unknown>;
    errors?: FieldError[];
    stale?: boolean;
    /** The plan as it stands, so the person agreeing sees what they agree to. */
    children: ComponentChildren;
  },
) {
  const { t, values, errors, careTeam } = props;
  const base = `/participants/${props.participantId}/plan`;
  return (
    <PlanFrame {...props} title={t.t("plan.agree.title")} backHref={base}>
      {props.stale && (
        <WarningCallout heading={t.t("plan.conflict.agreeHeading")}>
          <p>{t.t("plan.conflict.agreeBody")}</p>
        </WarningCallout>
      )}
      <h1>{t.t("plan.agree.title")}</h1>
      <p>{t.t("plan.agree.intro")}</p>
      {careTeam.length === 0 ? (
        <p>{t.t("plan.agree.noCareTeam")}</p>
      ) : (
        <Form action={`${base}/agree`} csrfToken={props.csrfToken}>
          <input type="hidden" name="version" value={String(props.planVersion)} />
          <DateInput
            t={t}
            name="reviewDate"
            legend={t.t("plan.field.reviewDate")}
            hint={t.t("plan.field.reviewDate.hint")}
            values={values}
            errors={errors}
          />
          <Checkboxes
            name="agreedBy"
            legend={t.t("plan.field.agreedBy")}
            hint={t.t("plan.field.agreedBy.hint")}
            error={errorFor(errors, "agreedBy")}
            options={careTeam.map((member) => ({
              value: member.staffId,
              label: `${member.fullName} (${t.t(`plan.role.${member.careTeamRole}`)})`,
            }))}
            checked={asList(values.agreedBy)}
          />
          <Select
            name="participantAgreement"
            label={t.t("plan.field.participantAgreement")}
            value={values.participantAgreement}
            emptyOption={t.t("plan.field.chooseOne")}
            error={errorFor(errors, "participantAgreement")}
            options={options(t, participantAgreements, "plan.agreement")}
          />
          <Textarea
            name="participantComment"
            label={t.t("plan.field.participantComment")}
            hint={t.t("plan.field.participantComment.hint")}
            value={values.participantComment}
            error={errorFor(errors, "participantComment")}
          />
          <Button>{t.t("plan.agree.button")}</Button>
        </Form>
      )}
      <h2 class="nhsuk-heading-l">{t.t("plan.agree.current")}</h2>
      {props.children}
    </PlanFrame>
  );
}
