import type { ComponentChildren } from "preact";
import { organisationKinds, teamKinds } from "../../platform/directory/schema";
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
  NotificationBanner,
  Pagination,
  Select,
  SummaryList,
  Table,
  Tag,
  TextInput,
  WarningCallout,
} from "../../platform/web/components";
import type { MessageKey } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import type { OrganisationListQuery, TeamListQuery } from "./schema";
import { PAGE_SIZE } from "./schema";
import type { allOrganisations, listOrganisations, listRegions, listTeams } from "./service";

export { InvitationLinkPage, StaffFormPage, StaffInvitePage, StaffListPage } from "./staff-views";

type Values = Record<string, unknown>;
type Rows<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>;

const noticeKeys = ["created", "saved", "deactivate", "reactivate", "reset_second_factor"] as const;

export function Notice({ context, notice }: { context: PageContext; notice?: string }) {
  const known = noticeKeys.find((key) => key === notice);
  if (!known) return null;
  return (
    <NotificationBanner title={context.t.t("common.successTitle")} success>
      <p class="nhsuk-notification-banner__heading">{context.t.t(`admin.notice.${known}`)}</p>
    </NotificationBanner>
  );
}

/** Shown on a 409: what is saved now, beside the form holding what this person typed. */
export function ConflictWarning({
  context,
  saved,
}: {
  context: PageContext;
  saved: { key: string; value: ComponentChildren }[];
}) {
  const { t } = context;
  return (
    <WarningCallout heading={t.t("common.conflictHeading")}>
      <p>{t.t("common.conflictBody")}</p>
      <h3 class="nhsuk-heading-s">{t.t("common.savedVersion")}</h3>
      <SummaryList rows={saved} />
    </WarningCallout>
  );
}

export function pageHref(base: string, query: Record<string, unknown>, page: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key !== "page" && value !== undefined && value !== "") params.set(key, String(value));
  }
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

export function ListPagination({
  context,
  base,
  query,
  page,
  total,
}: {
  context: PageContext;
  base: string;
  query: Record<string, unknown>;
  page: number;
  total: number;
}) {
  const { t } = context;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <p class="nhsuk-body-s">{t.plural("common.resultCount", total)}</p>
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(target) => pageHref(base, query, target)}
        labels={{
          previous: t.t("common.previous"),
          next: t.t("common.next"),
          position: t.t("common.pageOf", { page, count: pageCount }),
          navigation: t.t("common.pagination"),
        }}
      />
    </>
  );
}

const activeTag = (context: PageContext, active: boolean) => (
  <Tag colour={active ? "green" : "grey"}>{context.t.t(active ? "admin.active" : "admin.inactive")}</Tag>
);

export function RegionListPage(
  props: PageContext & {
    regions: Rows<typeof listRegions>;
    values?: Values;
    errors?: FieldError[];
    notice?: string;
  },
) {
  const { t, regions, errors } = props;
  return (
    <Layout {...layoutProps(props, t.t("regions.title"), errors)}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <Notice context={props} notice={props.notice} />
      <h1>{t.t("regions.title")}</h1>
      <p>{t.t("regions.intro")}</p>
      {regions.length === 0 ? (
        <p>{t.t("regions.none")}</p>
      ) : (
        <Table
          caption={t.t("regions.caption")}
          columns={[
            { label: t.t("regions.columns.name") },
            { label: t.t("regions.columns.organisations"), numeric: true },
          ]}
          rows={regions.map((region) => [
            <a href={`/admin/regions/${region.id}`}>{region.name}</a>,
            <a href={`/admin/organisations?regionId=${region.id}`}>
              {t.formatNumber(region.organisationCount)}
            </a>,
          ])}
        />
      )}
      <h2>{t.t("regions.add")}</h2>
      <Form action="/admin/regions" csrfToken={props.csrfToken}>
        <TextInput
          name="name"
          label={t.t("regions.name")}
          value={props.values?.name}
          error={errorFor(errors, "name")}
        />
        <Button>{t.t("regions.create")}</Button>
      </Form>
    </Layout>
  );
}

export function RegionFormPage(
  props: PageContext & {
    region: { id: string; name: string; version: number };
    values: Values;
    errors?: FieldError[];
    conflict?: { name: string };
  },
) {
  const { t, region, values, errors } = props;
  return (
    <Layout {...layoutProps(props, t.t("regions.edit"), errors)} backLink={{ href: "/admin/regions" }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {props.conflict && (
        <ConflictWarning context={props} saved={[{ key: t.t("regions.name"), value: props.conflict.name }]} />
      )}
      <h1>{t.t("regions.edit")}</h1>
      <Form action={`/admin/regions/${region.id}`} csrfToken={props.csrfToken}>
        <input type="hidden" name="version" value={String(region.version)} />
        <TextInput
          name="name"
          label={t.t("regions.name")}
          value={values.name}
          error={errorFor(errors, "name")}
        />
        <Button>{t.t("common.save")}</Button>
      </Form>
    </Layout>
  );
}

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
  active: boolean;
  version: number;
};

export function OrganisationFormPage(
  props: PageContext & {
    organisation?: OrganisationRow;
    regions: Rows<typeof listRegions>;
    values: Values;
    errors?: FieldError[];
    conflict?: OrganisationRow;
  },
) {
  const { t, organisation, values, errors, conflict } = props;
  const title = organisation ? t.t("organisations.edit") : t.t("organisations.add");
  const checked = (field: string) => values[field] === true || values[field] === "yes";
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: "/admin/organisations" }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {conflict && (
        <ConflictWarning
          context={props}
          saved={[
            { key: t.t("organisations.name"), value: conflict.name },
            { key: t.t("organisations.kind"), value: t.t(`organisationKind.${conflict.kind}`) },
            {
              key: t.t("organisations.requireMfa"),
              value: t.t(conflict.requireMfa ? "common.yes" : "common.no"),
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

export function TeamListPage(
  props: PageContext & {
    query: TeamListQuery;
    result: Rows<typeof listTeams>;
    organisations: Rows<typeof allOrganisations>;
    notice?: string;
  },
) {
  const { t, query, result } = props;
  return (
    <Layout {...layoutProps(props, t.t("teams.title"), undefined, true)}>
      <Notice context={props} notice={props.notice} />
      <h1>{t.t("teams.title")}</h1>
      <ButtonLink
        href={
          query.organisationId
            ? `/admin/teams/new?organisationId=${query.organisationId}`
            : "/admin/teams/new"
        }
      >
        {t.t("teams.add")}
      </ButtonLink>
      <FilterForm
        action="/admin/teams"
        submitLabel={t.t("common.search")}
        clearLabel={t.t("common.clearFilters")}
      >
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-half">
            <TextInput name="q" type="search" label={t.t("teams.search")} value={query.q} />
          </div>
          <div class="nhsuk-grid-column-one-half">
            <Select
              name="organisationId"
              label={t.t("teams.organisation")}
              value={query.organisationId}
              emptyOption={t.t("teams.allOrganisations")}
              options={props.organisations.map((organisation) => ({
                value: organisation.id,
                label: organisation.name,
              }))}
            />
          </div>
        </div>
      </FilterForm>
      {result.rows.length === 0 ? (
        <p>{t.t("teams.none")}</p>
      ) : (
        <Table
          caption={t.t("teams.caption")}
          columns={[
            { label: t.t("teams.columns.name") },
            { label: t.t("teams.columns.organisation") },
            { label: t.t("teams.columns.kind") },
            { label: t.t("teams.columns.members"), numeric: true },
            { label: t.t("teams.columns.status") },
          ]}
          rows={result.rows.map((row) => [
            <a href={`/admin/teams/${row.id}`}>{row.name}</a>,
            row.organisationName,
            t.t(`teamKind.${row.kind}`),
            t.formatNumber(row.memberCount),
            activeTag(props, row.active),
          ])}
        />
      )}
      <ListPagination
        context={props}
        base="/admin/teams"
        query={query}
        page={query.page}
        total={result.total}
      />
    </Layout>
  );
}

type TeamRow = {
  id: string;
  name: string;
  kind: (typeof teamKinds)[number];
  organisationId: string;
  active: boolean;
  version: number;
};

export function TeamFormPage(
  props: PageContext & {
    team?: TeamRow;
    organisations: Rows<typeof allOrganisations>;
    values: Values;
    errors?: FieldError[];
    conflict?: TeamRow;
  },
) {
  const { t, team, values, errors, conflict } = props;
  const title = team ? t.t("teams.edit") : t.t("teams.add");
  const active = values.active === true || values.active === "yes";
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: "/admin/teams" }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {conflict && (
        <ConflictWarning
          context={props}
          saved={[
            { key: t.t("teams.name"), value: conflict.name },
            { key: t.t("teams.kind"), value: t.t(`teamKind.${conflict.kind}`) },
            { key: t.t("admin.activeLabel"), value: t.t(conflict.active ? "common.yes" : "common.no") },
          ]}
        />
      )}
      <h1>{title}</h1>
      <Form action={team ? `/admin/teams/${team.id}` : "/admin/teams"} csrfToken={props.csrfToken}>
        {team && <input type="hidden" name="version" value={String(team.version)} />}
        <TextInput
          name="name"
          label={t.t("teams.name")}
          value={values.name}
          error={errorFor(errors, "name")}
        />
        <Select
          name="kind"
          label={t.t("teams.kind")}
          value={values.kind}
          emptyOption=""
          error={errorFor(errors, "kind")}
          options={teamKinds.map((kind) => ({ value: kind, label: t.t(`teamKind.${kind}` as MessageKey) }))}
        />
        <Select
          name="organisationId"
          label={t.t("teams.organisation")}
          value={values.organisationId}
          emptyOption={t.t("teams.chooseOrganisation")}
          error={errorFor(errors, "organisationId")}
          options={props.organisations.map((organisation) => ({
            value: organisation.id,
            label: organisation.name,
          }))}
        />
        {team && (
          <Checkboxes
            name="active"
            legend={t.t("admin.activeLabel")}
            hint={t.t("admin.activeHint")}
            options={[{ value: "yes", label: t.t("admin.active") }]}
            checked={active ? ["yes"] : []}
          />
        )}
        <Button>{team ? t.t("common.save") : t.t("teams.create")}</Button>
      </Form>
    </Layout>
  );
}
