import type { RecordFrame } from "../../../platform/http/record-page";
import {
  Button,
  ButtonLink,
  Checkboxes,
  errorFor,
  type FieldError,
  Form,
  Radios,
  Table,
  WarningCallout,
} from "../../../platform/web/components";
import type { Translator } from "../../../platform/web/i18n";
import { stageLabel } from "../record/stages";
import { RecordLayout } from "../record/views";
import { formatNhsNumber } from "../referrals/nhs-number";
import type { HeldTable, MergeSide } from "./merge";
import type { DuplicateReason } from "./rules";

export type MergeComparison = { reason: DuplicateReason; self: MergeSide; other: MergeSide };

export type MergePageProps = RecordFrame & {
  /** The pair being compared, or undefined while choosing among several matches. */
  comparison?: MergeComparison;
  /** Several matches the reader may open: each with a link to compare it. */
  choices: MergeSide[];
  /** Matches in teams the reader cannot open: only their number is said. */
  hiddenCount: number;
  values?: Record<string, unknown>;
  errors?: FieldError[];
};

const isoDay = (text: string) => new Date(`${text}T12:00:00Z`);

/** "3 contact notes, a support plan" — what a record holds, in words. */
function heldInWords(t: Translator, held: MergeSide["held"]) {
  const parts = (Object.entries(held) as [HeldTable, number][]).map(([table, n]) =>
    table === "support_plan" ||
    table === "vocational_profile" ||
    table === "capability_assessment" ||
    table === "participant_account" ||
    table === "follow_along"
      ? t.t(`merge.held.${table}`)
      : `${n} ${t.t(`merge.held.${table}`)}`,
  );
  return parts.length > 0 ? parts.join(", ") : t.t("merge.heldNothing");
}

function ComparisonTable({ t, comparison }: { t: Translator; comparison: MergeComparison }) {
  const row = (label: string, value: (side: MergeSide) => string) => [
    label,
    value(comparison.self),
    value(comparison.other),
  ];
  return (
    <Table
      caption={t.t("merge.matchHeading", { reason: t.t(`referral.duplicateReason.${comparison.reason}`) })}
      columns={[
        { label: t.t("merge.column.field") },
        { label: t.t("merge.column.this") },
        { label: t.t("merge.column.other") },
      ]}
      rows={[
        row(t.t("merge.field.name"), (side) => `${side.givenName} ${side.familyName}`),
        row(t.t("merge.field.dateOfBirth"), (side) => t.formatDate(isoDay(side.dateOfBirth), "long")),
        row(t.t("merge.field.nhsNumber"), (side) =>
          side.nhsNumber ? formatNhsNumber(side.nhsNumber) : t.t("common.none"),
        ),
        row(t.t("merge.field.team"), (side) => side.teamName),
        row(t.t("merge.field.stage"), (side) => stageLabel(t, side.stage)),
        row(t.t("merge.field.created"), (side) => t.formatDate(side.createdAt, "long")),
        row(t.t("merge.field.held"), (side) => heldInWords(t, side.held)),
      ]}
    />
  );
}

/**
 * Comparing a record with a possible duplicate and merging them (decision 63): the team leader
 * sees both side by side, chooses which to keep and confirms they checked it is one person.
 */
export function MergePage(props: MergePageProps) {
  const { t, comparison, errors } = props;
  const values = props.values ?? {};
  const base = `/participants/${props.banner.id}`;
  return (
    <RecordLayout {...props} title={t.t("merge.title")}>
      <h1>{t.t("merge.title")}</h1>
      <p>{t.t("merge.intro")}</p>
      {!comparison && props.choices.length === 0 && <p>{t.t("merge.none")}</p>}
      {!comparison && props.choices.length > 0 && (
        <ul class="nhsuk-list nhsuk-list--bullet">
          {props.choices.map((choice) => (
            <li key={choice.participantId}>
              <a href={`${base}/merge?with=${choice.participantId}`}>
                {`${choice.givenName} ${choice.familyName}, ${choice.teamName}, ${t.formatDate(choice.createdAt, "long")}`}
              </a>
            </li>
          ))}
        </ul>
      )}
      {props.hiddenCount > 0 && <p>{t.plural("merge.hidden", props.hiddenCount)}</p>}
      {comparison && (
        <>
          <ComparisonTable t={t} comparison={comparison} />
          <Form action={`${base}/merge`} csrfToken={props.csrfToken}>
            <input type="hidden" name="other" value={comparison.other.participantId} />
            <Radios
              name="keep"
              legend={t.t("merge.keep.legend")}
              hint={t.t("merge.keep.hint")}
              error={errorFor(errors, "keep")}
              value={values.keep}
              options={[
                { value: "this", label: t.t("merge.keep.this") },
                { value: "other", label: t.t("merge.keep.other") },
              ]}
            />
            <Checkboxes
              name="checked"
              legend={t.t("merge.checked.legend")}
              error={errorFor(errors, "checked")}
              checked={values.checked === "yes" ? ["yes"] : []}
              options={[{ value: "yes", label: t.t("merge.checked.label") }]}
            />
            <WarningCallout heading={t.t("merge.warning.title")}>
              <p>{t.t("merge.warning.body")}</p>
            </WarningCallout>
            <Button variant="warning">{t.t("merge.submit")}</Button>
          </Form>
        </>
      )}
      <p>
        <ButtonLink href={`${base}/referral`} variant="secondary">
          {t.t("merge.back")}
        </ButtonLink>
      </p>
    </RecordLayout>
  );
}
