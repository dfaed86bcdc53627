import { layoutProps, type PageContext } from "../../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  type FieldError,
  InsetText,
  Select,
  Table,
  type TableColumn,
  Tag,
  TextInput,
  WarningCallout,
} from "../../../platform/web/components";
import { listHref, PagedResults } from "../../../platform/web/form-fields";
import { Layout } from "../../../platform/web/layout";
import type { CaseloadQuery, CaseloadSort } from "../record/forms";
import { stageLabel } from "../record/stages";
import { formatNhsNumber } from "../referrals/nhs-number";
import { participantStages } from "../schema";
import { type CaseloadFollowUp, type CaseloadRow, IPS_CASELOAD_LIMIT } from "./service";

type Page = {
  rows: (CaseloadRow & CaseloadFollowUp)[];
  total: number;
  page: number;
  pageCount: number;
  today: string;
};
type SpecialistLoad = { id: string; fullName: string; active: number; total: number };

function sortColumn(label: string, key: CaseloadSort, base: string, query: CaseloadQuery): TableColumn {
  const current = (query.sort ?? "name") === key;
  const order = current && query.order !== "desc" ? "desc" : "asc";
  return {
    label,
    sortHref: listHref(base, query, { sort: key, order, page: undefined }),
    sorted: current ? (query.order === "desc" ? "descending" : "ascending") : "none",
  };
}

function CaseloadTable(
  props: PageContext & {
    base: string;
    query: CaseloadQuery;
    searchText?: string;
    result: Page;
    showLead: boolean;
    /** A search that could not be used (too long), shown beside the box. */
    errors?: FieldError[];
  },
) {
  const { t, base, query, result } = props;
  return (
    <>
      {/* Posted, so a name or NHS number typed here never lands in the address bar or history. */}
      <form action={base} method="post" class="app-filter" novalidate>
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        {query.staffId && <input type="hidden" name="staffId" value={query.staffId} />}
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-half">
            <TextInput
              name="q"
              type="search"
              label={t.t("caseload.search")}
              value={props.searchText}
              error={props.errors?.find((error) => error.field === "q")?.message}
              spellcheck={false}
            />
          </div>
          <div class="nhsuk-grid-column-one-half">
            <Select
              name="stage"
              label={t.t("caseload.stage")}
              value={query.stage}
              emptyOption={t.t("caseload.anyStage")}
              options={participantStages.map((stage) => ({
                value: stage,
                label: stageLabel(t, stage),
              }))}
            />
          </div>
        </div>
        <Button variant="secondary">{t.t("common.search")}</Button>{" "}
        <a href={base}>{t.t("common.clearFilters")}</a>
      </form>
      {result.rows.length === 0 ? (
        <InsetText>
          <p>{props.searchText || query.stage ? t.t("caseload.empty") : t.t("caseload.emptyAll")}</p>
        </InsetText>
      ) : (
        <Table
          caption={t.t("caseload.caption")}
          columns={[
            sortColumn(t.t("caseload.columns.name"), "name", base, query),
            { label: t.t("participantHeader.nhsNumber") },
            sortColumn(t.t("caseload.columns.stage"), "stage", base, query),
            ...(props.showLead ? [{ label: t.t("caseload.columns.lead") }] : []),
            { label: t.t("caseload.columns.nextAction") },
            { label: t.t("caseload.columns.lastContact") },
            { label: t.t("caseload.columns.alerts"), numeric: true },
            sortColumn(t.t("participant.fields.receivedAt"), "referred", base, query),
          ]}
          rows={result.rows.map((row) => [
            <a href={`/participants/${row.id}`}>
              {row.familyName}, {row.givenName}
            </a>,
            row.nhsNumber ? formatNhsNumber(row.nhsNumber) : "",
            stageLabel(t, row.stage),
            ...(props.showLead ? [row.leadSpecialist ?? t.t("common.none")] : []),
            row.nextActionDue ? (
              <>
                {t.formatDate(new Date(`${row.nextActionDue}T12:00:00Z`), "short")}
                {row.nextActionDue < result.today && (
                  <>
                    {" "}
                    <Tag colour="red">{t.t("caseload.overdue")}</Tag>
                  </>
                )}
              </>
            ) : (
              t.t("common.none")
            ),
            row.lastContact ? t.formatDate(row.lastContact, "short") : t.t("common.never"),
            row.openAlerts.urgent > 0 ? (
              <Tag colour="red">{t.formatNumber(row.openAlerts.urgent + row.openAlerts.warning)}</Tag>
            ) : (
              t.formatNumber(row.openAlerts.warning)
            ),
            t.formatDate(row.createdAt, "short"),
          ])}
        />
      )}
      <PagedResults
        t={t}
        base={base}
        query={query}
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
      />
    </>
  );
}

/** The specialist is told to talk to their team leader; the team leader, who is that person, what to do. */
function LimitWarning({
  t,
  name,
  count,
  reader,
}: {
  t: PageContext["t"];
  name: string;
  count: number;
  reader: "specialist" | "team_leader";
}) {
  const key = reader === "team_leader" ? "caseload.limitBodyForTeamLeader" : "caseload.limitBody";
  return (
    <WarningCallout heading={t.t("caseload.limitTitle")}>
      <p>{t.t(key, { name, count, limit: IPS_CASELOAD_LIMIT })}</p>
    </WarningCallout>
  );
}

export function CaseloadPage(
  props: PageContext & {
    query: CaseloadQuery;
    searchText?: string;
    result: Page;
    own?: { fullName: string; active: number };
    errors?: FieldError[];
  },
) {
  const { t, own } = props;
  return (
    <Layout {...layoutProps(props, t.t("caseload.title"), props.errors, true)}>
      <ErrorSummary errors={props.errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("caseload.title")}</h1>
      <p>{t.t("caseload.lead")}</p>
      {own && <p class="nhsuk-body-l">{t.plural("caseload.active", own.active)}</p>}
      {own && own.active > IPS_CASELOAD_LIMIT && (
        <LimitWarning t={t} name={own.fullName} count={own.active} reader="specialist" />
      )}
      <CaseloadTable {...props} base="/caseload" showLead={false} />
    </Layout>
  );
}

export function TeamCaseloadsPage(
  props: PageContext & {
    query: CaseloadQuery;
    searchText?: string;
    result: Page;
    specialists: SpecialistLoad[];
    errors?: FieldError[];
  },
) {
  const { t, specialists, query } = props;
  const over = specialists.filter((specialist) => specialist.active > IPS_CASELOAD_LIMIT);
  return (
    <Layout {...layoutProps(props, t.t("caseload.teamTitle"), props.errors, true)}>
      <ErrorSummary errors={props.errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("caseload.teamTitle")}</h1>
      <p>{t.t("caseload.teamLead")}</p>
      {over.map((specialist) => (
        <LimitWarning
          key={specialist.id}
          t={t}
          name={specialist.fullName}
          count={specialist.active}
          reader="team_leader"
        />
      ))}
      {specialists.length > 0 && (
        <Table
          caption={t.t("caseload.specialistsCaption")}
          columns={[
            { label: t.t("caseload.columns.specialist") },
            { label: t.t("caseload.columns.active"), numeric: true },
            { label: t.t("caseload.columns.total"), numeric: true },
          ]}
          rows={specialists.map((specialist) => [
            <a
              href={listHref("/team/caseloads", { staffId: specialist.id })}
              aria-current={query.staffId === specialist.id ? "true" : undefined}
            >
              {specialist.fullName}
            </a>,
            <>
              {t.formatNumber(specialist.active)}
              {specialist.active > IPS_CASELOAD_LIMIT && (
                <span class="nhsuk-u-visually-hidden"> {t.t("caseload.aboveLimit")}</span>
              )}
            </>,
            t.formatNumber(specialist.total),
          ])}
        />
      )}
      {query.staffId && (
        <p>
          <a href="/team/caseloads">{t.t("caseload.anyStaff")}</a>
        </p>
      )}
      <CaseloadTable {...props} base="/team/caseloads" showLead />
    </Layout>
  );
}
