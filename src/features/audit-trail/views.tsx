import type { PageContext } from "../../platform/http/pages";
import {
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterForm,
  InsetText,
  Select,
  Table,
  TextInput,
} from "../../platform/web/components";
import { DateInput } from "../../platform/web/date-input";
import { auditActionLabel } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import type { AuditFilter } from "./schema";
import { type AuditPage, type chainStatus, REASONS_KEPT_WITH_THE_RECORD } from "./service";

type Props = PageContext & {
  query: Record<string, string | undefined>;
  filter?: AuditFilter;
  page?: AuditPage;
  errors?: FieldError[];
  status: Awaited<ReturnType<typeof chainStatus>>;
};

const filterFields = [
  "from",
  "to",
  "action",
  "actorId",
  "actorEmail",
  "subjectType",
  "subjectId",
  "outcome",
] as const;

function nextPageHref(query: Props["query"], cursor: string) {
  const params = new URLSearchParams();
  for (const field of filterFields) {
    const value = query[field];
    if (value) params.set(field, value);
  }
  params.set("before", cursor);
  return `/admin/audit?${params}`;
}

export function AuditTrailPage(props: Props) {
  const { t, query, page, errors, status } = props;
  const outcomeLabel = (outcome: "succeeded" | "failed" | "refused") => t.t(`audit.outcome.${outcome}`);
  return (
    <Layout
      title={t.t("audit.title")}
      t={t}
      user={props.user}
      csrfToken={props.csrfToken}
      navigation={props.navigation}
      hasErrors={Boolean(errors?.length)}
      wide
    >
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("audit.title")}</h1>
      <p>{t.t("audit.intro")}</p>
      <InsetText>
        <p>
          {status
            ? t.t("audit.chainStatus", {
                seq: t.formatNumber(status.lastSealedSeq),
                date: t.formatDate(status.sealedAt, "dateTime"),
              })
            : t.t("audit.chainEmpty")}
        </p>
      </InsetText>
      <FilterForm
        action="/admin/audit"
        submitLabel={t.t("audit.apply")}
        clearLabel={t.t("common.clearFilters")}
      >
        <h2 class="nhsuk-heading-s">{t.t("audit.filters")}</h2>
        {/* The dates in day, month and year fields as everywhere else; each filter keeps its own address. */}
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-half">
            <DateInput
              t={t}
              name="from"
              legend={t.t("audit.from")}
              hint={t.t("audit.fromHint")}
              values={query}
              errors={errors}
            />
          </div>
          <div class="nhsuk-grid-column-one-half">
            <DateInput t={t} name="to" legend={t.t("audit.to")} values={query} errors={errors} />
          </div>
        </div>
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-half">
            <TextInput
              name="action"
              label={t.t("audit.action")}
              hint={t.t("audit.actionHint")}
              value={query.action}
              error={errorFor(errors, "action")}
            />
          </div>
          <div class="nhsuk-grid-column-one-half">
            <Select
              name="outcome"
              label={t.t("audit.outcome")}
              value={query.outcome}
              emptyOption={t.t("audit.anyOutcome")}
              error={errorFor(errors, "outcome")}
              options={(["succeeded", "failed", "refused"] as const).map((outcome) => ({
                value: outcome,
                label: outcomeLabel(outcome),
              }))}
            />
          </div>
        </div>
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-third">
            {query.actorId && <input type="hidden" name="actorId" value={query.actorId} />}
            <TextInput
              name="actorEmail"
              type="email"
              label={t.t("audit.actorEmail")}
              value={query.actorEmail}
              spellcheck={false}
              error={errorFor(errors, "actorEmail") ?? errorFor(errors, "actorId")}
            />
          </div>
          <div class="nhsuk-grid-column-one-third">
            <TextInput
              name="subjectType"
              label={t.t("audit.subjectType")}
              value={query.subjectType}
              error={errorFor(errors, "subjectType")}
            />
          </div>
          <div class="nhsuk-grid-column-one-third">
            <TextInput
              name="subjectId"
              label={t.t("audit.subjectId")}
              value={query.subjectId}
              error={errorFor(errors, "subjectId")}
            />
          </div>
        </div>
      </FilterForm>
      {page && page.events.length === 0 && <p>{t.t("audit.none")}</p>}
      {page && page.events.length > 0 && (
        <Table
          caption={t.t("audit.caption")}
          columns={[
            { label: t.t("audit.columns.when") },
            { label: t.t("audit.columns.who") },
            { label: t.t("audit.columns.action") },
            { label: t.t("audit.columns.subject") },
            { label: t.t("audit.columns.outcome") },
            { label: t.t("audit.columns.from") },
            { label: t.t("audit.columns.reason") },
          ]}
          rows={page.events.map((event) => [
            t.formatDate(event.occurredAt, "dateTime"),
            event.actorId ? (
              <>
                {event.actor ? (
                  <a href={`/admin/audit?actorEmail=${encodeURIComponent(event.actor.email)}`}>
                    {event.actor.name}
                  </a>
                ) : (
                  event.actorId
                )}
                {event.actorRole && (
                  <span class="nhsuk-body-s"> · {t.t(`role.${event.actorRole}` as "role.admin")}</span>
                )}
              </>
            ) : (
              t.t("audit.system")
            ),
            <>
              {auditActionLabel(t, event.action)}
              <br />
              <span class="app-monospace nhsuk-body-s">{event.action}</span>
            </>,
            event.subjectType === "staff" && event.subjectId ? (
              <a
                href={`/admin/staff/${event.subjectId}`}
                class="app-monospace"
              >{`staff ${event.subjectId}`}</a>
            ) : event.subjectType ? (
              <span class="app-monospace">{`${event.subjectType} ${event.subjectId ?? ""}`}</span>
            ) : (
              ""
            ),
            outcomeLabel(event.outcome),
            event.ipAddress ?? "",
            event.reason ??
              (REASONS_KEPT_WITH_THE_RECORD.has(event.action) ? t.t("audit.reasonKeptWithRecord") : ""),
          ])}
        />
      )}
      {page?.nextCursor && (
        <p>
          <a href={nextPageHref(query, page.nextCursor)}>{t.t("audit.older")}</a>
        </p>
      )}
      {query.before && (
        <p>
          <a href="/admin/audit">{t.t("audit.newest")}</a>
        </p>
      )}
    </Layout>
  );
}
