import { organisationKinds } from "../../platform/directory/schema";
import { layoutProps, type PageContext } from "../../platform/http/pages";
import {
  Button,
  ButtonLink,
  Checkboxes,
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterForm,
  Form,
  Select,
  Table,
  Textarea,
  TextInput,
} from "../../platform/web/components";
import { SavedVersionWarning } from "../../platform/web/form-fields";
import { Layout } from "../../platform/web/layout";
import type { OrganisationListQuery } from "./schema";
import type { listOrganisations, listRegions } from "./service";
import { activeTag, ListPagination, Notice } from "./views";

type Values = Record<string, unknown>;
type Rows<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>;

export function OrganisationListPage(
  props: PageContext & {
    query: OrganisationListQuery;
    result: Rows<typeof listOrganisations>;
    regions: Rows<typeof listRegions>;
    notice?: string;
  },
) {
  const { t, query, result } = props;
  return (
    <Layout {...layoutProps(props, t.t("organisations.title"), undefined, true)}>
      <Notice context={props} notice={props.notice} />
      <h1>{t.t("organisations.title")}</h1>
      <ButtonLink href="/admin/organisations/new">{t.t("organisations.add")}</ButtonLink>
      <FilterForm
        action="/admin/organisations"
        submitLabel={t.t("common.search")}
        clearLabel={t.t("common.clearFilters")}
      >
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-half">
            <TextInput name="q" type="search" label={t.t("organisations.search")} value={query.q} />
          </div>
          <div class="nhsuk-grid-column-one-half">
            <Select
              name="regionId"
              label={t.t("organisations.region")}
              value={query.regionId}
              emptyOption={t.t("organisations.allRegions")}
              options={props.regions.map((region) => ({ value: region.id, label: region.name }))}
            />
          </div>
        </div>
      </FilterForm>
      {result.rows.length === 0 ? (
        <p>{t.t("organisations.none")}</p>
      ) : (
        <Table
          caption={t.t("organisations.caption")}
          columns={[
            { label: t.t("organisations.columns.name") },
            { label: t.t("organisations.columns.region") },
            { label: t.t("organisations.columns.kind") },
            { label: t.t("organisations.columns.teams"), numeric: true },
            { label: t.t("organisations.columns.staff"), numeric: true },
            { label: t.t("organisations.columns.status") },
          ]}
          rows={result.rows.map((row) => [
            <a href={`/admin/organisations/${row.id}`}>{row.name}</a>,
            row.regionName,
            t.t(`organisationKind.${row.kind}`),
            <a href={`/admin/teams?organisationId=${row.id}`}>{t.formatNumber(row.teamCount)}</a>,
            <a href={`/admin/staff?organisationId=${row.id}`}>{t.formatNumber(row.staffCount)}</a>,
            activeTag(props, row.active),
          ])}
        />
      )}
      <ListPagination
        context={props}
        base="/admin/organisations"
        query={query}
        page={query.page}
        total={result.total}
      />
    </Layout>
  );
}

type OrganisationRow = {
  id: string;
  name: string;
  kind: (typeof organisationKinds)[number];
  regionId: string;
  requireMfa: boolean;
  showStaffNamesToParticipants: boolean;
  crisisInformation: string | null;
  active: boolean;
  version: number;
};

export function OrganisationFormPage(
  props: PageContext & {
    record?: OrganisationRow;
    regions: Rows<typeof listRegions>;
    values: Values;
    errors?: FieldError[];
    conflict?: OrganisationRow;
  },
) {
  const { t, record: organisation, values, errors, conflict } = props;
  const title = organisation ? t.t("organisations.edit") : t.t("organisations.add");
  const checked = (field: string) => values[field] === true || values[field] === "yes";
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: "/admin/organisations" }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {conflict && (
        <SavedVersionWarning
          t={props.t}
          saved={[
            { key: t.t("organisations.name"), value: conflict.name },
            { key: t.t("organisations.kind"), value: t.t(`organisationKind.${conflict.kind}`) },
            {
              key: t.t("organisations.requireMfa"),
              value: t.t(conflict.requireMfa ? "common.yes" : "common.no"),
            },
            {
              key: t.t("organisations.showStaffNames"),
              value: t.t(conflict.showStaffNamesToParticipants ? "common.yes" : "common.no"),
            },
            {
              key: t.t("organisations.crisisInformation"),
              value: conflict.crisisInformation ?? t.t("common.none"),
            },
            { key: t.t("admin.activeLabel"), value: t.t(conflict.active ? "common.yes" : "common.no") },
          ]}
        />
      )}
      <h1>{title}</h1>
      <Form
        action={organisation ? `/admin/organisations/${organisation.id}` : "/admin/organisations"}
        csrfToken={props.csrfToken}
      >
        {organisation && <input type="hidden" name="version" value={String(organisation.version)} />}
        <TextInput
          name="name"
          label={t.t("organisations.name")}
          value={values.name}
          error={errorFor(errors, "name")}
        />
        <Select
          name="kind"
          label={t.t("organisations.kind")}
          value={values.kind}
          emptyOption=""
          error={errorFor(errors, "kind")}
          options={organisationKinds.map((kind) => ({ value: kind, label: t.t(`organisationKind.${kind}`) }))}
        />
        <Select
          name="regionId"
          label={t.t("organisations.region")}
          value={values.regionId}
          emptyOption={t.t("organisations.chooseRegion")}
          error={errorFor(errors, "regionId")}
          options={props.regions.map((region) => ({ value: region.id, label: region.name }))}
        />
        <Checkboxes
          name="requireMfa"
          legend={t.t("organisations.security")}
          hint={t.t("organisations.requireMfaHint")}
          options={[{ value: "yes", label: t.t("organisations.requireMfa") }]}
          checked={checked("requireMfa") ? ["yes"] : []}
        />
        <Checkboxes
          name="showStaffNamesToParticipants"
          legend={t.t("organisations.participantPages")}
          hint={t.t("organisations.showStaffNamesHint")}
          options={[{ value: "yes", label: t.t("organisations.showStaffNames") }]}
          checked={checked("showStaffNamesToParticipants") ? ["yes"] : []}
        />
        <Textarea
          name="crisisInformation"
          label={t.t("organisations.crisisInformation")}
          hint={t.t("organisations.crisisInformationHint")}
          value={values.crisisInformation}
          error={errorFor(errors, "crisisInformation")}
          rows={6}
        />
        {organisation && (
          <Checkboxes
            name="active"
            legend={t.t("admin.activeLabel")}
            hint={t.t("admin.activeHint")}
            options={[{ value: "yes", label: t.t("admin.active") }]}
            checked={checked("active") ? ["yes"] : []}
          />
        )}
        <Button>{organisation ? t.t("common.save") : t.t("organisations.create")}</Button>
      </Form>
    </Layout>
  );
}
