import { layoutProps, type PageContext } from "../../platform/http/pages";
import {
  Button,
  ErrorSummary,
  errorFor,
  type FieldError,
  Form,
  NotificationBanner,
  Table,
  Tag,
  TextInput,
} from "../../platform/web/components";
import { PagedResults, SavedVersionWarning } from "../../platform/web/form-fields";
import { Layout } from "../../platform/web/layout";
import { PAGE_SIZE } from "./schema";
import type { listRegions } from "./service";

export { OrganisationFormPage, OrganisationListPage } from "./organisation-views";
export { InvitationLinkPage, StaffFormPage, StaffInvitePage, StaffListPage } from "./staff-views";
export { TeamFormPage, TeamListPage } from "./team-views";

type Values = Record<string, unknown>;
type Rows<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>;

/** The success notice after a change, in words (see `adminNotice`). */
export function Notice({ context, notice }: { context: PageContext; notice?: string }) {
  if (!notice) return null;
  return (
    <NotificationBanner title={context.t.t("common.successTitle")} success>
      <p class="nhsuk-notification-banner__heading">{notice}</p>
    </NotificationBanner>
  );
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
  return (
    <PagedResults
      t={context.t}
      base={base}
      query={query}
      page={page}
      pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
      total={total}
    />
  );
}

export const activeTag = (context: PageContext, active: boolean) => (
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
        <SavedVersionWarning t={t} saved={[{ key: t.t("regions.name"), value: props.conflict.name }]} />
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
