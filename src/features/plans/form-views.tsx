import type { ComponentChildren } from "preact";
import {
  Button,
  Checkboxes,
  errorFor,
  type FieldError,
  Form,
  Select,
  SummaryList,
  TextInput,
  WarningCallout,
} from "../../platform/web/components";
import type { MessageKey, Translator } from "../../platform/web/i18n";
import {
  actionOwnerKinds,
  actionStatuses,
  checkInFields,
  contingencyAlternatives,
  goalStatuses,
  participantAgreements,
  supportKinds,
  supportStatuses,
} from "./schema";
import type { CareTeamPerson } from "./service";
import { date, PlanFrame, type RecordFrame } from "./views";

type Values = Record<string, unknown>;

/** A multi-line answer in the NHS.UK textarea, for words that need room. */
export function Textarea(props: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: unknown;
  rows?: number;
}) {
  const { name, hint, error } = props;
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label class="nhsuk-label" for={name}>
        {props.label}
      </label>
      {hint && (
        <div class="nhsuk-hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <span class="nhsuk-error-message" id={`${name}-error`}>
          <span class="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      )}
      <textarea
        class={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
        id={name}
        name={name}
        rows={props.rows ?? 3}
        aria-describedby={describedBy || undefined}
      >
        {props.value === undefined || props.value === null ? "" : String(props.value)}
      </textarea>
    </div>
  );
}

const asList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map(String)
    : value === undefined || value === null || value === ""
      ? []
      : [String(value)];

/** How a field's value reads to a person: enum codes become words, staff ids become names. */
function describe(t: Translator, field: string, value: unknown, lookups: Lookups) {
  const { careTeam = [], goals = [], prefixes = {} } = lookups;
  const text = (key: string) => t.t(key as MessageKey);
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0))
    return t.t("common.none");
  switch (field) {
    case "status":
    case "kind":
    case "ownerKind":
    case "checkInField":
      return prefixes[field] ? text(`${prefixes[field]}.${String(value)}`) : String(value);
    case "ownerStaffId":
      return careTeam.find((member) => member.staffId === value)?.fullName ?? String(value);
    case "goalId":
      return goals.find((goal) => goal.value === value)?.label ?? String(value);
    case "alternatives":
      return asList(value)
        .map((item) => text(`plan.alternative.${item}`))
        .join(", ");
    case "dueDate":
    case "checkBackDate":
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? date(t, String(value)) : String(value);
    default:
      return String(value);
  }
}

type Option = { value: string; label: string };
/** What turns stored values into words: names, goals and, per field, the catalogue family of its codes. */
type Lookups = { careTeam?: CareTeamPerson[]; goals?: Option[]; prefixes?: Record<string, string> };

/** The 409 page's heart: what is saved now beside what this person typed, so nothing is lost. */
export function ConflictPanel(props: {
  t: Translator;
  fields: string[];
  saved: Values;
  yours: Values;
  lookups: Lookups;
}) {
  const { t, fields } = props;
  const rows = (values: Values) =>
    fields.map((field) => ({
      key: t.t(`plan.field.${field}` as MessageKey),
      value: describe(t, field, values[field], props.lookups),
    }));
  return (
    <WarningCallout heading={t.t("plan.conflict.heading")}>
      <p>{t.t("plan.conflict.body")}</p>
      <div class="nhsuk-grid-row app-conflict">
        <div class="nhsuk-grid-column-one-half">
          <h3 class="nhsuk-heading-s">{t.t("common.savedVersion")}</h3>
          <SummaryList rows={rows(props.saved)} />
        </div>
        <div class="nhsuk-grid-column-one-half">
          <h3 class="nhsuk-heading-s">{t.t("plan.conflict.yours")}</h3>
          <SummaryList rows={rows(props.yours)} />
        </div>
      </div>
    </WarningCallout>
  );
}

export type ItemFormProps = RecordFrame & {
  participantId: string;
  /** Set when changing an existing item. */
  itemId?: string;
  version?: number;
  values: Values;
  errors?: FieldError[];
  /** The saved item when this person's save was stale. */
  conflict?: Values;
};

function ItemForm(
  props: ItemFormProps & {
    segment: string;
    addTitle: MessageKey;
    editTitle: MessageKey;
    fields: string[];
    prefixes: Record<string, string>;
    careTeam?: CareTeamPerson[];
    goals?: Option[];
    children: ComponentChildren;
  },
) {
  const { t, participantId, itemId } = props;
  const base = `/participants/${participantId}/plan`;
  const title = t.t(itemId ? props.editTitle : props.addTitle);
  return (
    <PlanFrame {...props} title={title} backHref={base}>
      {props.conflict && (
        <ConflictPanel
          t={t}
          fields={props.fields}
          saved={props.conflict}
          yours={props.values}
          lookups={{ careTeam: props.careTeam, goals: props.goals, prefixes: props.prefixes }}
        />
      )}
      <h1>{title}</h1>
      <Form
        action={itemId ? `${base}/${props.segment}/${itemId}` : `${base}/${props.segment}`}
        csrfToken={props.csrfToken}
      >
        {props.version !== undefined && <input type="hidden" name="version" value={String(props.version)} />}
        {props.children}
        <Button>{t.t(itemId ? "common.save" : "plan.add")}</Button>
      </Form>
    </PlanFrame>
  );
}

const options = (t: Translator, values: readonly string[], prefix: string): Option[] =>
  values.map((value) => ({ value, label: t.t(`${prefix}.${value}` as MessageKey) }));

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
        options={careTeam.map((member) => ({
          value: member.staffId,
          label: `${member.fullName} (${t.t(`plan.role.${member.careTeamRole}`)})`,
        }))}
      />
      <TextInput
        name="dueDate"
        label={t.t("plan.field.dueDate")}
        hint={t.t("plan.field.dueDate.hint")}
        value={values.dueDate}
        width={10}
        error={errorFor(errors, "dueDate")}
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
      fields={["sign", "whatIWillDo", "whatMyTeamWillDo", "checkInField"]}
      prefixes={{ checkInField: "plan.checkInField" }}
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
      <TextInput
        name="checkBackDate"
        label={t.t("plan.field.checkBackDate")}
        hint={t.t("plan.field.checkBackDate.hint")}
        value={values.checkBackDate}
        width={10}
        error={errorFor(errors, "checkBackDate")}
      />
    </ItemForm>
  );
}

export function AgreePage(
  props: RecordFrame & {
    participantId: string;
    planVersion: number;
    careTeam: CareTeamPerson[];
    values: Values;
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
          <TextInput
            name="reviewDate"
            label={t.t("plan.field.reviewDate")}
            hint={t.t("plan.field.reviewDate.hint")}
            value={values.reviewDate}
            width={10}
            error={errorFor(errors, "reviewDate")}
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
      {props.children}
    </PlanFrame>
  );
}
