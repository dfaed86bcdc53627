import { layoutProps, type PageContext } from "../../../platform/http/pages";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  errorFor,
  type FieldError,
  FilterForm,
  Form,
  InsetText,
  NotificationBanner,
  Select,
  Table,
  Textarea,
  TextInput,
} from "../../../platform/web/components";
import { listHref, PagedResults, SavedVersionWarning } from "../../../platform/web/form-fields";
import type { MessageKey, Translator } from "../../../platform/web/i18n/index";
import { Layout } from "../../../platform/web/layout";
import type { EmployerListQuery } from "./forms";
import { type EmployerRow, employerSectors, employerSizes } from "./schema";

/** The notices the employer and opportunity pages show after a redirect (`?notice=<key>`). */
export const employerNotices = {
  saved: "employers.notice.saved",
  person: "employers.notice.person",
  archived: "employers.notice.archived",
  contact: "employers.notice.contact",
  merged: "employers.notice.merged",
  opportunity: "employers.notice.opportunity",
  status: "opportunities.notice.status",
} as const satisfies Record<string, MessageKey>;

/** The notice's words, as `noticeIn` found them in the address. */
export function Notice({ t, notice }: { t: Translator; notice?: string }) {
  if (!notice) return null;
  return (
    <NotificationBanner title={t.t("common.successTitle")} success>
      <p class="nhsuk-notification-banner__heading">{notice}</p>
    </NotificationBanner>
  );
}

export const sectorOptions = (t: Translator) =>
  employerSectors.map((value) => ({ value, label: t.t(`employers.sector.${value}`) }));
const sizeOptions = (t: Translator) =>
  employerSizes.map((value) => ({ value, label: t.t(`employers.size.${value}`) }));

export function EmployerListPage(
  props: PageContext & {
    query: EmployerListQuery;
    rows: EmployerRow[];
    total: number;
    pageCount: number;
    mayManage: boolean;
  },
) {
  const { t, query, rows, total } = props;
  const filtered = Boolean(query.q || query.sector || query.size);
  return (
    <Layout {...layoutProps(props, t.t("employers.title"), undefined, true)}>
      <h1>{t.t("employers.title")}</h1>
      <p>{t.t("employers.intro")}</p>
      <p>
        <a href="/opportunities">{t.t("employers.opportunitiesLink")}</a>
      </p>
      {props.mayManage && <ButtonLink href="/employers/new">{t.t("employers.add")}</ButtonLink>}
      <FilterForm
        action="/employers"
        submitLabel={t.t("common.search")}
        clearLabel={t.t("common.clearFilters")}
      >
        <h2 class="nhsuk-heading-s">{t.t("employers.filters")}</h2>
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-quarter">
            <TextInput name="q" type="search" label={t.t("employers.search")} value={query.q} />
          </div>
          <div class="nhsuk-grid-column-one-quarter">
            <Select
              name="sector"
              label={t.t("employers.form.sector")}
              value={query.sector}
              emptyOption={t.t("employers.anySector")}
              options={sectorOptions(t)}
            />
          </div>
          <div class="nhsuk-grid-column-one-quarter">
            <Select
              name="size"
              label={t.t("employers.form.size")}
              value={query.size}
              emptyOption={t.t("employers.anySize")}
              options={sizeOptions(t)}
            />
          </div>
          <div class="nhsuk-grid-column-one-quarter">
            <Select
              name="sort"
              label={t.t("employers.sort")}
              value={query.sort}
              options={(["name", "recent"] as const).map((value) => ({
                value,
                label: t.t(`employers.sort.${value}`),
              }))}
            />
          </div>
        </div>
      </FilterForm>
      {rows.length === 0 ? (
        <p>{t.t(filtered ? "employers.noneMatch" : "employers.none")}</p>
      ) : (
        <Table
          caption={t.t("employers.caption")}
          columns={[
            {
              label: t.t("employers.columns.name"),
              sortHref: listHref("/employers", query, { sort: "name", page: 1 }),
              sorted: query.sort === "name" ? "ascending" : "none",
            },
            { label: t.t("employers.columns.sector") },
            { label: t.t("employers.columns.size") },
            { label: t.t("employers.columns.locations") },
          ]}
          rows={rows.map((row) => [
            <a href={`/employers/${row.id}`}>{row.name}</a>,
            t.t(`employers.sector.${row.sector}`),
            row.size ? t.t(`employers.size.${row.size}`) : t.t("employers.sizeUnknown"),
            row.locations.join("; "),
          ])}
        />
      )}
      <PagedResults
        t={t}
        base="/employers"
        query={query}
        page={query.page}
        pageCount={props.pageCount}
        total={total}
      />
    </Layout>
  );
}

/** The fields of an employer, for adding one and for changing it. */
export function EmployerFormPage(
  props: PageContext & {
    values: Record<string, unknown>;
    errors?: FieldError[];
    /** Changing an employer: where the form posts, the version edited, and the saved one after a 409. */
    editing?: { employer: EmployerRow; version: number; saved?: EmployerRow };
  },
) {
  const { t, values, errors, editing } = props;
  const title = editing
    ? t.t("employers.editTitle", { name: editing.employer.name })
    : t.t("employers.addTitle");
  const action = editing ? `/employers/${editing.employer.id}/edit` : "/employers";
  const locations = Array.isArray(values.locations) ? values.locations.join("\n") : values.locations;
  return (
    <Layout
      {...layoutProps(props, title, errors)}
      backLink={{ href: editing ? `/employers/${editing.employer.id}` : "/employers" }}
    >
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{title}</h1>
      {editing?.saved && (
        <SavedVersionWarning
          t={t}
          saved={[
            { key: t.t("employers.form.name"), value: editing.saved.name },
            { key: t.t("employers.form.sector"), value: t.t(`employers.sector.${editing.saved.sector}`) },
            {
              key: t.t("employers.form.size"),
              value: editing.saved.size
                ? t.t(`employers.size.${editing.saved.size}`)
                : t.t("employers.sizeUnknown"),
            },
            { key: t.t("employers.form.locations"), value: editing.saved.locations.join("; ") },
            { key: t.t("employers.form.notes"), value: <span class="app-note">{editing.saved.notes}</span> },
          ]}
        />
      )}
      <Form action={action} csrfToken={props.csrfToken}>
        {editing && <input type="hidden" name="version" value={String(editing.version)} />}
        <TextInput
          name="name"
          label={t.t("employers.form.name")}
          value={values.name}
          error={errorFor(errors, "name")}
        />
        <Select
          name="sector"
          label={t.t("employers.form.sector")}
          value={values.sector}
          emptyOption={t.t("employers.form.chooseSector")}
          options={sectorOptions(t)}
          error={errorFor(errors, "sector")}
        />
        <Select
          name="size"
          label={t.t("employers.form.size")}
          hint={t.t("employers.form.sizeHint")}
          value={values.size}
          emptyOption={t.t("employers.form.chooseSize")}
          options={sizeOptions(t)}
          error={errorFor(errors, "size")}
        />
        <Textarea
          name="locations"
          label={t.t("employers.form.locations")}
          hint={t.t("employers.form.locationsHint")}
          value={locations}
          rows={4}
          error={errorFor(errors, "locations")}
        />
        <Textarea
          name="notes"
          label={t.t("employers.form.notes")}
          hint={t.t("employers.form.notesHint")}
          value={values.notes}
          rows={5}
          error={errorFor(errors, "notes")}
        />
        <Button>{editing ? t.t("common.save") : t.t("employers.form.submitNew")}</Button>
      </Form>
    </Layout>
  );
}

export function PersonFormPage(
  props: PageContext & { employer: EmployerRow; values: Record<string, unknown>; errors?: FieldError[] },
) {
  const { t, values, errors, employer: found } = props;
  const title = t.t("employers.people.addTitle", { employer: found.name });
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: `/employers/${found.id}` }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{title}</h1>
      <Form action={`/employers/${found.id}/people`} csrfToken={props.csrfToken}>
        <TextInput
          name="name"
          label={t.t("employers.people.name")}
          value={values.name}
          error={errorFor(errors, "name")}
        />
        <TextInput
          name="jobRole"
          label={t.t("employers.people.jobRole")}
          hint={t.t("employers.people.jobRoleHint")}
          value={values.jobRole}
          error={errorFor(errors, "jobRole")}
        />
        <TextInput
          name="phone"
          type="tel"
          label={t.t("employers.people.phone")}
          value={values.phone}
          width={20}
          error={errorFor(errors, "phone")}
        />
        <TextInput
          name="email"
          type="email"
          label={t.t("employers.people.email")}
          value={values.email}
          error={errorFor(errors, "email")}
        />
        <Button>{t.t("employers.people.submit")}</Button>
      </Form>
    </Layout>
  );
}

export function MergePage(
  props: PageContext & {
    employer: EmployerRow;
    candidates: { id: string; name: string }[];
    errors?: FieldError[];
  },
) {
  const { t, employer: found, errors } = props;
  const title = t.t("employers.merge.title", { name: found.name });
  return (
    <Layout {...layoutProps(props, title, errors)} backLink={{ href: `/employers/${found.id}` }}>
      <ErrorSummary errors={errors} title={t.t("error.summaryTitle")} />
      <h1>{title}</h1>
      <InsetText>
        <p>{t.t("employers.merge.intro")}</p>
      </InsetText>
      {props.candidates.length === 0 ? (
        <p>{t.t("employers.merge.none")}</p>
      ) : (
        <Form action={`/employers/${found.id}/merge`} csrfToken={props.csrfToken}>
          <Select
            name="duplicateId"
            label={t.t("employers.merge.duplicate")}
            emptyOption={t.t("employers.merge.choose")}
            options={props.candidates.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            error={errorFor(errors, "duplicateId")}
          />
          <Button variant="warning">{t.t("employers.merge.submit")}</Button>
        </Form>
      )}
    </Layout>
  );
}
