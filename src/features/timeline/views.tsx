import { layoutProps } from "../../platform/http/pages";
import type { RecordFrame } from "../../platform/http/record-page";
import { Checkboxes, FilterForm, Pagination, Tag } from "../../platform/web/components";
import { listHref } from "../../platform/web/form-fields";
import { Layout } from "../../platform/web/layout";
import { ParticipantHeader } from "../../platform/web/participant-header";
import { type TimelinePage, timelineCategories } from "./rules";
import type { TimelineQuery } from "./schema";

export function TimelinePageView(props: RecordFrame & { query: TimelineQuery; timeline: TimelinePage }) {
  const { t, query, timeline, banner: participant } = props;
  const base = `/participants/${participant.id}/timeline`;
  return (
    <Layout {...layoutProps(props, t.t("timeline.title"), undefined, true)}>
      <ParticipantHeader t={t} participant={participant} tabs={props.tabs} />
      <h1>{t.t("timeline.title")}</h1>
      <p>{t.t("timeline.intro")}</p>
      <FilterForm action={base} submitLabel={t.t("timeline.apply")} clearLabel={t.t("common.clearFilters")}>
        <Checkboxes
          name="category"
          legend={t.t("timeline.filters")}
          hint={t.t("timeline.filtersHint")}
          small
          options={timelineCategories.map((value) => ({ value, label: t.t(`timeline.category.${value}`) }))}
          checked={query.category}
        />
      </FilterForm>
      {timeline.entries.length === 0 ? (
        <p>{t.t(query.category.length > 0 ? "timeline.noneMatch" : "timeline.none")}</p>
      ) : (
        <ol class="app-timeline">
          {timeline.entries.map((entry, index) => (
            <li class="app-timeline__entry" key={`${entry.at.toISOString()}-${index}`}>
              <p class="nhsuk-body-s app-timeline__meta">
                <time dateTime={entry.at.toISOString()}>{t.formatDate(entry.at, "dateTime")}</time>{" "}
                <Tag colour="grey">{t.t(`timeline.category.${entry.category}`)}</Tag>
              </p>
              <h2 class="nhsuk-heading-xs app-timeline__title">
                {entry.href ? <a href={entry.href}>{entry.title}</a> : entry.title}
              </h2>
              {entry.detail && <p class="app-note app-timeline__detail">{entry.detail}</p>}
            </li>
          ))}
        </ol>
      )}
      <p class="nhsuk-body-s">{t.plural("common.resultCount", timeline.total)}</p>
      <Pagination
        page={timeline.page}
        pageCount={timeline.pageCount}
        hrefFor={(target) => listHref(base, query, { page: target })}
        labels={{
          previous: t.t("common.previous"),
          next: t.t("common.next"),
          position: t.t("common.pageOf", { page: timeline.page, count: timeline.pageCount }),
          navigation: t.t("common.pagination"),
        }}
      />
    </Layout>
  );
}
