import { layoutProps, type PageContext } from "../../../platform/http/pages";
import { Button, ButtonLink, Form, SummaryList, Table, Tag } from "../../../platform/web/components";
import type { Translator } from "../../../platform/web/i18n/index";
import { Layout } from "../../../platform/web/layout";
import { OpportunityTable } from "./opportunity-views";
import type { EmployerContactPersonRow, EmployerRow, JobOpportunityRow } from "./schema";
import type { HistoryRow } from "./service";
import { Notice } from "./views";

// An employer's page: details, contact people, the relationship history and its opportunities.

function PeopleTable(props: {
  t: Translator;
  employerId: string;
  people: EmployerContactPersonRow[];
  mayManage: boolean;
  csrfToken: string;
}) {
  const { t, people } = props;
  if (people.length === 0) return <p>{t.t("employers.people.none")}</p>;
  return (
    <Table
      caption={t.t("employers.people.caption")}
      columns={[
        { label: t.t("employers.people.name") },
        { label: t.t("employers.people.jobRole") },
        { label: t.t("employers.people.phone") },
        { label: t.t("employers.people.email") },
        { label: t.t("employers.people.actions") },
      ]}
      rows={people.map((person) => [
        <>
          {person.name}
          {person.archivedAt && (
            <>
              {" "}
              <Tag colour="grey">{t.t("employers.people.left")}</Tag>
            </>
          )}
        </>,
        person.jobRole,
        person.phone ?? "",
        person.email ?? "",
        props.mayManage && !person.archivedAt ? (
          <Form
            action={`/employers/${props.employerId}/people/${person.id}/archive`}
            csrfToken={props.csrfToken}
          >
            <Button variant="secondary">
              {t.t("employers.people.archive")}
              <span class="nhsuk-u-visually-hidden">: {person.name}</span>
            </Button>
          </Form>
        ) : (
          ""
        ),
      ])}
    />
  );
}

function History({ t, rows }: { t: Translator; rows: HistoryRow[] }) {
  if (rows.length === 0) return <p>{t.t("employers.history.none")}</p>;
  return (
    <Table
      caption={t.t("employers.history.caption")}
      columns={[
        { label: t.t("employerContact.columns.date") },
        { label: t.t("employerContact.columns.kind") },
        { label: t.t("employerContact.columns.who") },
        { label: t.t("employerContact.columns.outcome") },
        { label: t.t("employerContact.columns.nextStep") },
      ]}
      rows={rows.map((row) => [
        t.formatDate(new Date(`${row.occurredOn}T12:00:00Z`), "short"),
        <>
          {t.t(`employerContact.type.${row.contactType}`)}
          <br />
          <span class="nhsuk-body-s">
            {t.t(row.faceToFace ? "employerContact.faceToFaceTag" : "employerContact.notFaceToFace")}
            {" · "}
            {t.t("employers.history.loggedBy", { name: row.recordedByName })}
          </span>
        </>,
        row.personName ?? row.withWhom,
        // A contact about a participant names nobody here: the door decides, when the link is followed.
        row.participantId ? (
          <>
            {t.t("employers.history.onBehalf")}{" "}
            <a href={`/participants/${row.participantId}/work`}>{t.t("employers.history.openWork")}</a>
          </>
        ) : (
          <span class="app-note">{row.outcome}</span>
        ),
        row.participantId
          ? ""
          : `${row.nextStep}${row.nextStepDue ? ` (${t.formatDate(new Date(`${row.nextStepDue}T12:00:00Z`), "short")})` : ""}`,
      ])}
    />
  );
}

export function EmployerPage(
  props: PageContext & {
    employer: EmployerRow;
    people: EmployerContactPersonRow[];
    history: HistoryRow[];
    opportunities: JobOpportunityRow[];
    wageFloorPence: number;
    mayManage: boolean;
    notice?: string;
  },
) {
  const { t, employer: found, mayManage } = props;
  const base = `/employers/${found.id}`;
  return (
    <Layout {...layoutProps(props, found.name, undefined, true)} backLink={{ href: "/employers" }}>
      <Notice t={t} notice={props.notice} />
      <h1>{found.name}</h1>
      <h2>{t.t("employers.details")}</h2>
      <SummaryList
        rows={[
          { key: t.t("employers.form.sector"), value: t.t(`employers.sector.${found.sector}`) },
          {
            key: t.t("employers.form.size"),
            value: found.size ? t.t(`employers.size.${found.size}`) : t.t("employers.sizeUnknown"),
          },
          {
            key: t.t("employers.form.locations"),
            value:
              found.locations.length === 0 ? (
                t.t("employers.locationsNone")
              ) : (
                <ul class="nhsuk-list">
                  {found.locations.map((location) => (
                    <li key={location}>{location}</li>
                  ))}
                </ul>
              ),
          },
          {
            key: t.t("employers.form.notes"),
            value: <span class="app-note">{found.notes || t.t("employers.notesNone")}</span>,
          },
        ]}
      />
      {mayManage && (
        <p>
          <a href={`${base}/edit`}>{t.t("employers.edit")}</a>
        </p>
      )}
      <h2>{t.t("employers.people.title")}</h2>
      <PeopleTable
        t={t}
        employerId={found.id}
        people={props.people}
        mayManage={mayManage}
        csrfToken={props.csrfToken}
      />
      {mayManage && (
        <p>
          <a href={`${base}/people/new`}>{t.t("employers.people.add")}</a>
        </p>
      )}
      <h2>{t.t("employers.history.title")}</h2>
      {mayManage && <ButtonLink href={`${base}/contacts/new`}>{t.t("employerContact.log")}</ButtonLink>}
      <History t={t} rows={props.history} />
      <h2>{t.t("employers.opportunities.title")}</h2>
      {mayManage && (
        <ButtonLink href={`${base}/opportunities/new`} variant="secondary">
          {t.t("opportunities.add")}
        </ButtonLink>
      )}
      {props.opportunities.length === 0 ? (
        <p>{t.t("employers.opportunities.none")}</p>
      ) : (
        <OpportunityTable
          t={t}
          wageFloorPence={props.wageFloorPence}
          rows={props.opportunities.map((opportunity) => ({ opportunity, employerName: found.name }))}
        />
      )}
      {mayManage && (
        <p>
          <a href={`${base}/merge`}>{t.t("employers.merge.link")}</a>
        </p>
      )}
    </Layout>
  );
}
