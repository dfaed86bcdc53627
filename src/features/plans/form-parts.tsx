import type { ComponentChildren } from "preact";
import {
  Button,
  type FieldError,
  Form,
  SummaryList,
  Textarea,
  WarningCallout,
} from "../../platform/web/components";

export { Textarea };

import type { MessageKey, Translator } from "../../platform/web/i18n";
import { date } from "./sections";
import type { CareTeamPerson } from "./service";
import { PlanFrame, type RecordFrame } from "./views";

// The parts every plan form is built from: the textarea, the conflict panel and the item form.

export type Values = Record<string, unknown>;

export const asList = (value: unknown): string[] =>
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

export type Option = { value: string; label: string };
/** What turns stored values into words: names, goals and, per field, the catalogue family of its codes. */
export type Lookups = { careTeam?: CareTeamPerson[]; goals?: Option[]; prefixes?: Record<string, string> };

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

export function ItemForm(
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

export const options = (t: Translator, values: readonly string[], prefix: string): Option[] =>
  values.map((value) => ({ value, label: t.t(`${prefix}.${value}` as MessageKey) }));
