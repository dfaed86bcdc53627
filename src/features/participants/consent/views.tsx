import type { RecordFrame } from "../../../platform/http/record-page";
import {
  Button,
  Checkboxes,
  errorFor,
  type FieldError,
  Form,
  Radios,
  Select,
  Table,
  Tag,
  Textarea,
} from "../../../platform/web/components";
import { RecordLayout } from "../record/views";
import { consentDecisions, consentMethods, consentPurposes, sharedHealthInformationKinds } from "../schema";
import type { ConsentEntry } from "./service";
import { currentConsents } from "./service";

type Values = Record<string, unknown>;

const decisionColour = { given: "green", declined: "grey", withdrawn: "orange" } as const;

export function ConsentPage(
  props: RecordFrame & { history: ConsentEntry[]; canWrite: boolean; values: Values; errors?: FieldError[] },
) {
  const { t, history, values, errors } = props;
  const current = currentConsents(history);
  const scopeLabel = (entry: ConsentEntry) =>
    entry.scope.map((kind) => t.t(`consent.kind.${kind}`)).join(", ");
  const scopeValue = Array.isArray(values.scope)
    ? (values.scope as string[])
    : values.scope
      ? [String(values.scope)]
      : [];
  return (
    <RecordLayout {...props} title={t.t("consent.title")} errors={errors}>
      <h1>{t.t("consent.title")}</h1>
      <p>{t.t("consent.lead")}</p>
      <h2>{t.t("consent.current")}</h2>
      <dl class="nhsuk-summary-list">
        {consentPurposes.map((purpose) => {
          const entry = current[purpose];
          return (
            <div class="nhsuk-summary-list__row" key={purpose}>
              <dt class="nhsuk-summary-list__key">{t.t(`consent.purpose.${purpose}`)}</dt>
              <dd class="nhsuk-summary-list__value">
                {entry ? (
                  <>
                    <Tag colour={decisionColour[entry.decision]}>
                      {t.t(`consent.decision.${entry.decision}`)}
                    </Tag>{" "}
                    {t.formatDate(entry.recordedAt, "short")}
                    {entry.scope.length > 0 && <p class="nhsuk-body-s">{scopeLabel(entry)}</p>}
                  </>
                ) : (
                  <Tag colour="grey">{t.t("consent.notRecorded")}</Tag>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {props.canWrite && (
        <>
          <h2>{t.t("consent.record")}</h2>
          <Form action={`/participants/${props.banner.id}/consent`} csrfToken={props.csrfToken}>
            <Select
              name="purpose"
              label={t.t("consent.fields.purpose")}
              value={values.purpose}
              error={errorFor(errors, "purpose")}
              emptyOption=""
              options={consentPurposes.map((purpose) => ({
                value: purpose,
                label: t.t(`consent.purpose.${purpose}`),
              }))}
            />
            <Radios
              name="decision"
              legend={t.t("consent.fields.decision")}
              value={values.decision}
              error={errorFor(errors, "decision")}
              inline
              options={consentDecisions.map((decision) => ({
                value: decision,
                label: t.t(`consent.decision.${decision}`),
              }))}
            />
            <Checkboxes
              name="scope"
              legend={t.t("consent.scope")}
              hint={t.t("consent.scopeHint")}
              error={errorFor(errors, "scope")}
              checked={scopeValue}
              small
              options={sharedHealthInformationKinds.map((kind) => ({
                value: kind,
                label: t.t(`consent.kind.${kind}`),
              }))}
            />
            <Radios
              name="method"
              legend={t.t("consent.fields.method")}
              value={values.method}
              error={errorFor(errors, "method")}
              inline
              options={consentMethods.map((method) => ({
                value: method,
                label: t.t(`consent.method.${method}`),
              }))}
            />
            <Textarea
              name="note"
              label={t.t("consent.fields.note")}
              value={values.note}
              error={errorFor(errors, "note")}
              rows={2}
            />
            <Button>{t.t("consent.record")}</Button>
          </Form>
        </>
      )}
      <h2>{t.t("consent.history")}</h2>
      {history.length === 0 ? (
        <p>{t.t("consent.noHistory")}</p>
      ) : (
        <Table
          caption={t.t("consent.historyCaption")}
          columns={[
            { label: t.t("consent.columns.when") },
            { label: t.t("consent.columns.purpose") },
            { label: t.t("consent.columns.decision") },
            { label: t.t("consent.columns.scope") },
            { label: t.t("consent.columns.method") },
            { label: t.t("consent.columns.by") },
          ]}
          rows={history.map((entry) => [
            t.formatDate(entry.recordedAt, "dateTime"),
            t.t(`consent.purpose.${entry.purpose}`),
            t.t(`consent.decision.${entry.decision}`),
            scopeLabel(entry),
            t.t(`consent.method.${entry.method}`),
            entry.recordedByName ?? t.t("consent.byParticipant"),
          ])}
        />
      )}
    </RecordLayout>
  );
}
