import { layoutProps, type PageContext } from "../../../platform/http/pages";
import {
  Button,
  Checkboxes,
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterForm,
  Form,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningCallout,
} from "../../../platform/web/components";
import { DateInput } from "../../../platform/web/date-input";
import { PagedResults, SavedVersionWarning } from "../../../platform/web/form-fields";
import type { Translator } from "../../../platform/web/i18n/index";
import { Layout } from "../../../platform/web/layout";
import { penceAsPounds } from "../shared/money";
import { belowWageFloor } from "../work/job-rules";
import type { OpportunityListQuery } from "./forms";
import { type EmployerRow, type JobOpportunityRow, opportunityStatuses, shiftPatterns } from "./schema";
import { Notice, sectorOptions } from "./views";

const dateText = (t: Translator, date: string) => t.formatDate(new Date(`${date}T12:00:00Z`), "short");
const payText = (t: Translator, pence: number) =>
  t.t("opportunities.payValue", { pounds: penceAsPounds(pence) });
const whereText = (t: Translator, row: JobOpportunityRow) =>
  row.homeBased ? t.t("opportunities.homeBased") : `${row.location} (${row.postcodeDistrict})`;

export function OpportunityTable({
  t,
  rows,
  wageFloorPence,
}: {
  t: Translator;
  rows: { opportunity: JobOpportunityRow; employerName: string }[];
  wageFloorPence: number;
}) {
  return (
    <Table
      caption={t.t("opportunities.caption")}
      columns={[
        { label: t.t("opportunities.columns.title") },
        { label: t.t("opportunities.columns.employer") },
        { label: t.t("opportunities.columns.hours"), numeric: true },
        { label: t.t("opportunities.columns.pay"), numeric: true },
        { label: t.t("opportunities.columns.where") },
        { label: t.t("opportunities.columns.closes") },
      ]}
      rows={rows.map(({ opportunity: row, employerName }) => [
        <>
          <a href={`/opportunities/${row.id}`}>{row.title}</a>{" "}
          <Tag colour={row.status === "open" ? "green" : "grey"}>
            {t.t(`opportunities.status.${row.status}`)}
          </Tag>
          {row.jobType && (
            <span class="nhsuk-body-s">
              <br />
              {row.jobType}
            </span>
          )}
        </>,
        <a href={`/employers/${row.employerId}`}>{employerName}</a>,
        t.formatNumber(row.hoursPerWeek),
        <>
          {payText(t, row.hourlyPayPence)}
          {belowWageFloor(row.hourlyPayPence, wageFloorPence) && (
            <>
              <br />
              <Tag colour="orange">
                {t.t("opportunities.belowFloor", { floor: penceAsPounds(wageFloorPence) })}
              </Tag>
            </>
          )}
        </>,
        whereText(t, row),
        row.closesOn ? dateText(t, row.closesOn) : t.t("opportunities.noClosingDate"),
      ])}
    />
  );
}

export function OpportunityListPage(
  props: PageContext & {
    query: OpportunityListQuery;
    rows: { opportunity: JobOpportunityRow; employerName: string }[];
    total: number;
    pageCount: number;
    wageFloorPence: number;
  },
) {
  const { t, query, rows } = props;
  const filtered = Boolean(query.q || query.status || query.sector);
  return (
    <Layout {...layoutProps(props, t.t("opportunities.title"), undefined, true)}>
      <h1>{t.t("opportunities.title")}</h1>
      <p>{t.t("opportunities.intro")}</p>
      <FilterForm
        action="/opportunities"
        submitLabel={t.t("common.search")}
        clearLabel={t.t("common.clearFilters")}
      >
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-third">
            <TextInput name="q" type="search" label={t.t("opportunities.search")} value={query.q} />
          </div>
          <div class="nhsuk-grid-column-one-third">
            <Select
              name="status"
              label={t.t("opportunities.status")}
              value={query.status}
              emptyOption={t.t("opportunities.anyStatus")}
              options={opportunityStatuses.map((value) => ({
                value,
                label: t.t(`opportunities.status.${value}`),
              }))}
            />
          </div>
          <div class="nhsuk-grid-column-one-third">
            <Select
              name="sector"
              label={t.t("employers.form.sector")}
              value={query.sector}
              emptyOption={t.t("opportunities.anySector")}
              options={sectorOptions(t)}
            />
          </div>
        </div>
      </FilterForm>
      {rows.length === 0 ? (
        <p>{t.t(filtered ? "opportunities.noneMatch" : "opportunities.none")}</p>
      ) : (
        <OpportunityTable t={t} rows={rows} wageFloorPence={props.wageFloorPence} />
      )}
      <PagedResults
        t={t}
        base="/opportunities"
        query={query}
        page={query.page}
        pageCount={props.pageCount}
        total={props.total}
      />
    </Layout>
  );
}

export function OpportunityPage(
  props: PageContext & {
    opportunity: JobOpportunityRow;
    employerName: string;
    wageFloorPence: number;
    mayManage: boolean;
    notice?: string;
  },
) {
  const { t, opportunity: row } = props;
  const below = belowWageFloor(row.hourlyPayPence, props.wageFloorPence);
  return (
    <Layout {...layoutProps(props, row.title)} backLink={{ href: "/opportunities" }}>
      <Notice t={t} notice={props.notice} />
      <h1>
        {row.title}{" "}
        <Tag colour={row.status === "open" ? "green" : "grey"}>
          {t.t(`opportunities.status.${row.status}`)}
        </Tag>
      </h1>
      {below && (
        <WarningCallout heading={t.t("common.importantTitle")}>
          <p>{t.t("opportunities.belowFloor", { floor: penceAsPounds(props.wageFloorPence) })}</p>
        </WarningCallout>
      )}
      <SummaryList
        rows={[
          {
            key: t.t("opportunities.columns.employer"),
            value: <a href={`/employers/${row.employerId}`}>{props.employerName}</a>,
          },
          { key: t.t("opportunities.form.jobType"), value: row.jobType },
          { key: t.t("opportunities.form.hours"), value: t.formatNumber(row.hoursPerWeek) },
          { key: t.t("opportunities.form.pay"), value: payText(t, row.hourlyPayPence) },
          {
            key: t.t("opportunities.form.shifts"),
            value:
              row.shifts.length === 0
                ? t.t("opportunities.shiftsNone")
                : row.shifts
                    .map((shift) => t.t(`profile.shift.${shift as (typeof shiftPatterns)[number]}`))
                    .join(", "),
          },
          { key: t.t("opportunities.columns.where"), value: whereText(t, row) },
          {
            key: t.t("opportunities.form.requirements"),
            value: <span class="app-note">{row.requirements}</span>,
          },
          {
            key: t.t("opportunities.columns.closes"),
            value: row.closesOn ? dateText(t, row.closesOn) : t.t("opportunities.noClosingDate"),
          },
        ]}
      />
      {props.mayManage && (
        <>
          <p>
            <a href={`/opportunities/${row.id}/edit`}>{t.t("opportunities.edit")}</a>
          </p>
          <Form action={`/opportunities/${row.id}/status`} csrfToken={props.csrfToken}>
            <input type="hidden" name="status" value={row.status === "open" ? "closed" : "open"} />
            <Button variant="secondary">
              {t.t(row.status === "open" ? "opportunities.close" : "opportunities.reopen")}
            </Button>
          </Form>
        </>
      )}
    </Layout>
  );
}

/** What an opportunity's form shows from a saved row: pay as pounds, shifts as the boxes ticked. */
export const opportunityValues = (row: JobOpportunityRow): Record<string, unknown> => ({
  ...row,
  hourlyPay: penceAsPounds(row.hourlyPayPence),
  homeBased: row.homeBased ? "yes" : "",
  postcodeDistrict: row.postcodeDistrict ?? "",
  closesOn: row.closesOn ?? "",
});

export function OpportunityFormPage(
  props: PageContext & {
    employer: Pick<EmployerRow, "id" | "name">;
    values: Record<string, unknown>;
    errors?: FieldError[];
    editing?: { opportunity: JobOpportunityRow; version: number; saved?: JobOpportunityRow };
  },
) {
  const { t, values, errors, editing, employer: found } = props;
  const title = editing
    ? t.t("opportunities.editTitle", { title: editing.opportunity.title })
    : t.t("opportunities.addTitle", { employer: found.name });
  const action = editing
    ? `/opportunities/${editing.opportunity.id}/edit`
    : `/employers/${found.id}/opportunities`;
  const shifts = Array.isArray(values.shifts)
    ? (values.shifts as string[])
    : values.shifts
      ? [String(values.shifts)]
      : [];
  const saved = editing?.saved;
  return (
    <Layout
      {...layoutProps(props, title, errors)}
      backLink={{ href: editing ? `/opportunities/${editing.opportunity.id}` : `/employers/${found.id}` }}
    >
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{title}</h1>
      {saved && (
        <SavedVersionWarning
          t={t}
          saved={[
            { key: t.t("opportunities.form.title"), value: saved.title },
            { key: t.t("opportunities.form.jobType"), value: saved.jobType },
            { key: t.t("opportunities.form.hours"), value: t.formatNumber(saved.hoursPerWeek) },
            { key: t.t("opportunities.form.pay"), value: payText(t, saved.hourlyPayPence) },
            { key: t.t("opportunities.columns.where"), value: whereText(t, saved) },
            { key: t.t("opportunities.form.requirements"), value: saved.requirements },
            { key: t.t("opportunities.status"), value: t.t(`opportunities.status.${saved.status}`) },
          ]}
        />
      )}
      <Form action={action} csrfToken={props.csrfToken}>
        {editing && <input type="hidden" name="version" value={String(editing.version)} />}
        <TextInput
          name="title"
          label={t.t("opportunities.form.title")}
          value={values.title}
          error={errorFor(errors, "title")}
        />
        <TextInput
          name="jobType"
          label={t.t("opportunities.form.jobType")}
          hint={t.t("opportunities.form.jobTypeHint")}
          value={values.jobType}
          error={errorFor(errors, "jobType")}
        />
        <TextInput
          name="hoursPerWeek"
          label={t.t("opportunities.form.hours")}
          value={values.hoursPerWeek}
          width={4}
          inputmode="text"
          error={errorFor(errors, "hoursPerWeek")}
        />
        <TextInput
          name="hourlyPay"
          label={t.t("opportunities.form.pay")}
          hint={t.t("opportunities.form.payHint")}
          value={values.hourlyPay}
          width={5}
          inputmode="text"
          error={errorFor(errors, "hourlyPay")}
        />
        <Checkboxes
          name="shifts"
          legend={t.t("opportunities.form.shifts")}
          options={shiftPatterns.map((value) => ({ value, label: t.t(`profile.shift.${value}`) }))}
          checked={shifts}
          small
        />
        <TextInput
          name="location"
          label={t.t("opportunities.form.location")}
          hint={t.t("opportunities.form.locationHint")}
          value={values.location}
          error={errorFor(errors, "location")}
        />
        <Checkboxes
          name="homeBased"
          legend={t.t("opportunities.form.homeBasedLegend")}
          options={[{ value: "yes", label: t.t("opportunities.form.homeBased") }]}
          checked={values.homeBased === "yes" ? ["yes"] : []}
          small
        />
        <TextInput
          name="postcodeDistrict"
          label={t.t("opportunities.form.postcodeDistrict")}
          hint={t.t("opportunities.form.postcodeDistrictHint")}
          value={values.postcodeDistrict}
          width={5}
          error={errorFor(errors, "postcodeDistrict")}
        />
        <Textarea
          name="requirements"
          label={t.t("opportunities.form.requirements")}
          value={values.requirements}
          rows={4}
          error={errorFor(errors, "requirements")}
        />
        <DateInput
          t={t}
          name="closesOn"
          legend={t.t("opportunities.form.closesOn")}
          values={values}
          errors={errors}
        />
        <Button>{editing ? t.t("common.save") : t.t("opportunities.form.submitNew")}</Button>
      </Form>
    </Layout>
  );
}
