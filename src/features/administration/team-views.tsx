import { teamKinds } from "../../platform/directory/schema";
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
  TextInput,
} from "../../platform/web/components";
import { SavedVersionWarning } from "../../platform/web/form-fields";
import type { MessageKey, Translator } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import type { TeamListQuery } from "./schema";
import type { allOrganisations, listTeams } from "./service";
import { activeTag, ListPagination, Notice } from "./views";

type Values = Record<string, unknown>;
type Rows<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>;

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
            { label: t.t("teams.columns.contact") },
            { label: t.t("teams.columns.members"), numeric: true },
            { label: t.t("teams.columns.status") },
          ]}
          rows={result.rows.map((row) => [
            <a href={`/admin/teams/${row.id}`}>{row.name}</a>,
            row.organisationName,
            t.t(`teamKind.${row.kind}`),
            <TeamContact t={t} phone={row.phone} email={row.email} />,
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
  phone: string | null;
  email: string | null;
  active: boolean;
  version: number;
};

export function TeamFormPage(
  props: PageContext & {
    record?: TeamRow;
    organisations: Rows<typeof allOrganisations>;
    values: Values;
    errors?: FieldError[];
    conflict?: TeamRow;
  },
) {
  const { t, record: team, values, errors, conflict } = props;
  const title = team ? t.t("teams.edit") : t.t("teams.add");
  const active = values.active === true || values.active === "yes";
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: "/admin/teams" }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      {conflict && (
        <SavedVersionWarning
          t={props.t}
          saved={[
            { key: t.t("teams.name"), value: conflict.name },
            { key: t.t("teams.kind"), value: t.t(`teamKind.${conflict.kind}`) },
            { key: t.t("teams.phone"), value: conflict.phone ?? t.t("teams.noContact") },
            { key: t.t("teams.email"), value: conflict.email ?? t.t("teams.noContact") },
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
        <TextInput
          name="phone"
          type="tel"
          autocomplete="off"
          width={20}
          label={t.t("teams.phone")}
          hint={t.t("teams.phoneHint")}
          value={values.phone}
          error={errorFor(errors, "phone")}
        />
        <TextInput
          name="email"
          type="email"
          autocomplete="off"
          width={30}
          spellcheck={false}
          label={t.t("teams.email")}
          hint={t.t("teams.emailHint")}
          value={values.email}
          error={errorFor(errors, "email")}
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

/** How to reach a team, one line each, or plainly that none is given. */
function TeamContact(props: { t: Translator; phone: string | null; email: string | null }) {
  if (!props.phone && !props.email) return <>{props.t.t("teams.noContact")}</>;
  return (
    <>
      {props.phone}
      {props.phone && props.email && <br />}
      {props.email}
    </>
  );
}
