import { staffInvitationLink } from "../../platform/auth/invitation-links";
import { professions, staffRoles, staffStatuses } from "../../platform/directory/schema";
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
  InsetText,
  Select,
  SummaryList,
  Table,
  Tag,
  TextInput,
  WarningCallout,
} from "../../platform/web/components";
import { listHref, SavedVersionWarning } from "../../platform/web/form-fields";
import type { Translator } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import type { IssuedInvitation } from "./invitations";
import type { StaffListQuery } from "./schema";
import type { allOrganisations, teamsOf } from "./service";
import type { findStaff, listStaff } from "./staff";
import { ListPagination, Notice } from "./views";

type Values = Record<string, unknown>;
type Rows<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>;
type Choices = { organisations: Rows<typeof allOrganisations>; teams: Rows<typeof teamsOf> };

const statusColour = { invited: "blue", active: "green", deactivated: "grey" } as const;

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : [];

export function StaffListPage(
  props: PageContext & {
    query: StaffListQuery;
    result: Rows<typeof listStaff>;
    organisations: Rows<typeof allOrganisations>;
    notice?: string;
  },
) {
  const { t, query, result } = props;
  const sortHref = (sort: StaffListQuery["sort"]) =>
    listHref("/admin/staff", { ...query, sort }, { page: 1 });
  const sorted = (sort: StaffListQuery["sort"]) =>
    query.sort === sort ? ("ascending" as const) : ("none" as const);
  return (
    <Layout {...layoutProps(props, t.t("staff.title"), undefined, true)}>
      <Notice context={props} notice={props.notice} />
      <h1>{t.t("staff.title")}</h1>
      <ButtonLink href="/admin/staff/invite">{t.t("staff.invite")}</ButtonLink>
      <FilterForm
        action="/admin/staff"
        submitLabel={t.t("common.search")}
        clearLabel={t.t("common.clearFilters")}
      >
        <input type="hidden" name="sort" value={query.sort} />
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-quarter">
            <TextInput name="q" type="search" label={t.t("staff.search")} value={query.q} />
          </div>
          <div class="nhsuk-grid-column-one-quarter">
            <Select
              name="role"
              label={t.t("staff.role")}
              value={query.role}
              emptyOption={t.t("staff.allRoles")}
              options={staffRoles.map((role) => ({ value: role, label: t.t(`role.${role}`) }))}
            />
          </div>
          <div class="nhsuk-grid-column-one-quarter">
            <Select
              name="status"
              label={t.t("staff.columns.status")}
              value={query.status}
              emptyOption={t.t("staff.allStatuses")}
              options={staffStatuses.map((status) => ({
                value: status,
                label: t.t(`staff.status.${status}`),
              }))}
            />
          </div>
          <div class="nhsuk-grid-column-one-quarter">
            <Select
              name="organisationId"
              label={t.t("staff.organisation")}
              value={query.organisationId}
              emptyOption={t.t("staff.allOrganisations")}
              options={props.organisations.map((organisation) => ({
                value: organisation.id,
                label: organisation.name,
              }))}
            />
          </div>
        </div>
      </FilterForm>
      {result.rows.length === 0 ? (
        <p>{t.t("staff.none")}</p>
      ) : (
        <Table
          caption={t.t("staff.caption")}
          columns={[
            { label: t.t("staff.columns.name"), sortHref: sortHref("name"), sorted: sorted("name") },
            { label: t.t("staff.columns.email"), sortHref: sortHref("email"), sorted: sorted("email") },
            { label: t.t("staff.columns.role"), sortHref: sortHref("role"), sorted: sorted("role") },
            { label: t.t("staff.columns.organisation") },
            { label: t.t("staff.columns.status") },
            {
              label: t.t("staff.columns.lastSignIn"),
              sortHref: sortHref("last_sign_in"),
              sorted: query.sort === "last_sign_in" ? "descending" : "none",
            },
          ]}
          rows={result.rows.map((row) => [
            <a href={`/admin/staff/${row.id}`}>{row.fullName}</a>,
            row.email,
            t.t(`role.${row.role}`),
            row.organisationName,
            <Tag colour={statusColour[row.status]}>{t.t(`staff.status.${row.status}`)}</Tag>,
            row.lastSignInAt ? t.formatDate(row.lastSignInAt, "short") : t.t("common.never"),
          ])}
        />
      )}
      <ListPagination
        context={props}
        base="/admin/staff"
        query={query}
        page={query.page}
        total={result.total}
      />
    </Layout>
  );
}

function StaffFields({
  t,
  values,
  errors,
  choices,
  includeEmail,
}: {
  t: Translator;
  values: Values;
  errors?: FieldError[];
  choices: Choices;
  includeEmail: boolean;
}) {
  return (
    <>
      <TextInput
        name="fullName"
        label={t.t("staff.fullName")}
        value={values.fullName}
        autocomplete="off"
        error={errorFor(errors, "fullName")}
      />
      {includeEmail && (
        <TextInput
          name="email"
          type="email"
          label={t.t("staff.email")}
          hint={t.t("staff.emailHint")}
          value={values.email}
          spellcheck={false}
          autocomplete="off"
          error={errorFor(errors, "email")}
        />
      )}
      <Select
        name="role"
        label={t.t("staff.role")}
        hint={t.t("staff.roleHint")}
        value={values.role}
        emptyOption={t.t("staff.chooseRole")}
        error={errorFor(errors, "role")}
        options={staffRoles.map((role) => ({ value: role, label: t.t(`role.${role}`) }))}
      />
      <Select
        name="profession"
        label={t.t("staff.profession")}
        value={values.profession}
        emptyOption={t.t("staff.noProfession")}
        error={errorFor(errors, "profession")}
        options={professions.map((profession) => ({
          value: profession,
          label: t.t(`profession.${profession}`),
        }))}
      />
      <Select
        name="organisationId"
        label={t.t("staff.organisation")}
        value={values.organisationId}
        emptyOption={t.t("staff.chooseOrganisation")}
        error={errorFor(errors, "organisationId")}
        options={choices.organisations.map((organisation) => ({
          value: organisation.id,
          label: organisation.name,
        }))}
      />
      <Checkboxes
        name="teamIds"
        legend={t.t("staff.teams")}
        hint={t.t("staff.teamsHint")}
        error={errorFor(errors, "teamIds")}
        small
        options={choices.teams.map((team) => ({
          value: team.id,
          label: team.name,
        }))}
        checked={asList(values.teamIds)}
      />
    </>
  );
}

export function StaffInvitePage(props: PageContext & Choices & { values: Values; errors?: FieldError[] }) {
  const { t, errors } = props;
  return (
    <Layout {...layoutProps(props, t.t("staff.invite"), errors)} backLink={{ href: "/admin/staff" }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{t.t("staff.invite")}</h1>
      <Form action="/admin/staff" csrfToken={props.csrfToken}>
        <StaffFields t={t} values={props.values} errors={errors} choices={props} includeEmail />
        <Button>{t.t("staff.sendInvite")}</Button>
      </Form>
    </Layout>
  );
}

/**
 * After inviting a colleague: either that the invitation was emailed to them, or, with no mail
 * server, the link itself, shown this once to the admin who passes it on and never kept.
 */
export function InvitationLinkPage(
  props: PageContext & {
    staffId: string;
    fullName: string;
    invitation: IssuedInvitation;
    publicUrl: string;
    validDays: number;
  },
) {
  const { t, invitation } = props;
  const title = t.t(invitation.by === "email" ? "staff.invitationEmailedTitle" : "staff.invitationTitle", {
    name: props.fullName,
  });
  return (
    <Layout {...layoutProps(props, title)}>
      <h1>{title}</h1>
      {invitation.by === "email" ? (
        <p>
          {t.t("staff.invitationEmailed", {
            name: props.fullName,
            email: invitation.to,
            days: props.validDays,
          })}
        </p>
      ) : (
        <>
          <p>{t.t("staff.invitationIntro", { name: props.fullName, days: props.validDays })}</p>
          <p class="app-monospace" id="invitation-link">
            {staffInvitationLink(props.publicUrl, invitation.token)}
          </p>
          <InsetText>
            <p>{t.t("staff.invitationNoHealthData")}</p>
            <p>{t.t("staff.invitationShownOnce")}</p>
          </InsetText>
        </>
      )}
      <p>
        <a href={`/admin/staff/${props.staffId}`}>{t.t("staff.viewAccount")}</a>
      </p>
      <p>
        <a href="/admin/staff">{t.t("staff.backToList")}</a>
      </p>
    </Layout>
  );
}

type StaffRecord = NonNullable<Rows<typeof findStaff>>;

export function StaffFormPage(
  props: PageContext &
    Choices & {
      staff: StaffRecord;
      values: Values;
      errors?: FieldError[];
      conflict?: boolean;
      notice?: string;
      isSelf: boolean;
    },
) {
  const { t, staff, errors } = props;
  const actionError = errorFor(errors, "status-actions");
  const action = (path: string, label: string, variant: "secondary" | "warning") => (
    <Form action={`/admin/staff/${staff.id}/${path}`} csrfToken={props.csrfToken}>
      <Button variant={variant}>{label}</Button>
    </Form>
  );
  return (
    <Layout
      {...layoutProps(props, staff.fullName, errors)}
      backLink={{ href: "/admin/staff", label: t.t("staff.backToList") }}
    >
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <Notice context={props} notice={props.notice} />
      {props.conflict && (
        <SavedVersionWarning
          t={props.t}
          saved={[
            { key: t.t("staff.fullName"), value: staff.fullName },
            { key: t.t("staff.role"), value: t.t(`role.${staff.role}`) },
            {
              key: t.t("staff.teams"),
              value: staff.teams.map((team) => team.name).join(", ") || t.t("common.none"),
            },
          ]}
        />
      )}
      <h1>{staff.fullName}</h1>
      <SummaryList
        rows={[
          { key: t.t("staff.email"), value: staff.email },
          {
            key: t.t("staff.account"),
            value: <Tag colour={statusColour[staff.status]}>{t.t(`staff.status.${staff.status}`)}</Tag>,
          },
          {
            key: t.t("staff.secondFactor"),
            value: staff.mfaEnrolledAt
              ? t.t("staff.secondFactorOn", { date: t.formatDate(staff.mfaEnrolledAt) })
              : t.t("staff.secondFactorOff"),
          },
          {
            key: t.t("staff.columns.lastSignIn"),
            value: staff.lastSignInAt ? t.formatDate(staff.lastSignInAt, "dateTime") : t.t("common.never"),
          },
          ...(staff.pendingInvitation
            ? [
                {
                  key: t.t("staff.invite"),
                  value: t.t("staff.pendingInvitation", {
                    date: t.formatDate(staff.pendingInvitation.expiresAt, "dateTime"),
                  }),
                },
              ]
            : []),
        ]}
      />
      <p>
        <a href={`/admin/audit?actorEmail=${encodeURIComponent(staff.email)}`}>{t.t("staff.activity")}</a>
      </p>
      <h2>{t.t("staff.edit")}</h2>
      <Form action={`/admin/staff/${staff.id}`} csrfToken={props.csrfToken}>
        <input type="hidden" name="version" value={String(staff.version)} />
        <StaffFields t={t} values={props.values} errors={errors} choices={props} includeEmail={false} />
        <Button>{t.t("common.save")}</Button>
      </Form>
      <h2 id="status-actions">{t.t("staff.actions")}</h2>
      {actionError && (
        <WarningCallout heading={t.t("error.summaryTitle")}>
          <p>{actionError}</p>
        </WarningCallout>
      )}
      {staff.status === "invited" &&
        action("reissue-invitation", t.t("staff.reissueInvitation"), "secondary")}
      {staff.mfaEnrolledAt && (
        <>
          <p class="nhsuk-body-s">{t.t("staff.resetSecondFactorHint")}</p>
          {action("reset-second-factor", t.t("staff.resetSecondFactor"), "secondary")}
        </>
      )}
      {staff.status === "deactivated" && action("reactivate", t.t("staff.reactivate"), "secondary")}
      {staff.status !== "deactivated" &&
        (props.isSelf ? (
          <p>{t.t("staff.selfNote")}</p>
        ) : (
          <>
            <p class="nhsuk-body-s">{t.t("staff.deactivateHint")}</p>
            {action("deactivate", t.t("staff.deactivate"), "warning")}
          </>
        ))}
    </Layout>
  );
}
