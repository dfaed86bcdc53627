import { Fragment } from "preact";
import { layoutProps, type PageContext } from "../../platform/http/pages";
import { ONE_TIME_LINK } from "../../platform/mail/outbox";
import {
  type OutboundEmailRow,
  type OutboundEmailStatus,
  outboundEmailStatuses,
} from "../../platform/mail/schema";
import { FilterForm, InsetText, Select, SummaryList, Table, Tag } from "../../platform/web/components";
import { PagedResults } from "../../platform/web/form-fields";
import { isMessageKey, type Translator } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import type { listOutbox } from "./outbox";
import type { OutboxListQuery } from "./schema";

const statusColour: Record<OutboundEmailStatus, "grey" | "green" | "red" | "orange" | "blue"> = {
  pending: "blue",
  sending: "blue",
  sent: "green",
  failed: "red",
  not_sent: "orange",
};

const StatusTag = ({ t, status }: { t: Translator; status: OutboundEmailStatus }) => (
  <Tag colour={statusColour[status]}>{t.t(`outbox.status.${status}`)}</Tag>
);

/** Purposes are named by the features that send; a known one reads in words, any other as named. */
const purposeLabel = (t: Translator, purpose: string) => {
  const key = `outbox.purpose.${purpose}`;
  return isMessageKey(key) ? t.t(key) : purpose;
};

export function OutboxListPage(
  props: PageContext & {
    query: OutboxListQuery;
    result: Awaited<ReturnType<typeof listOutbox>>;
    pageSize: number;
    mailServerConfigured: boolean;
  },
) {
  const { t, query, result } = props;
  return (
    <Layout {...layoutProps(props, t.t("outbox.title"), undefined, true)}>
      <h1>{t.t("outbox.title")}</h1>
      <p>{t.t("outbox.intro")}</p>
      {!props.mailServerConfigured && <InsetText>{t.t("outbox.noServer")}</InsetText>}
      <FilterForm
        action="/admin/outbox"
        submitLabel={t.t("common.filter")}
        clearLabel={t.t("common.clearFilters")}
      >
        <Select
          name="status"
          label={t.t("outbox.columns.status")}
          value={query.status}
          emptyOption={t.t("outbox.allStatuses")}
          options={outboundEmailStatuses.map((status) => ({
            value: status,
            label: t.t(`outbox.status.${status}`),
          }))}
        />
      </FilterForm>
      {result.rows.length === 0 ? (
        <p>{t.t("outbox.none")}</p>
      ) : (
        <Table
          caption={t.t("outbox.caption")}
          columns={[
            { label: t.t("outbox.columns.queued") },
            { label: t.t("outbox.columns.recipient") },
            { label: t.t("outbox.columns.subject") },
            { label: t.t("outbox.columns.purpose") },
            { label: t.t("outbox.columns.status") },
            { label: t.t("outbox.columns.attempts"), numeric: true },
            { label: t.t("outbox.columns.lastError") },
          ]}
          rows={result.rows.map((row) => [
            t.formatDate(row.createdAt, "dateTime"),
            row.recipient,
            <a href={`/admin/outbox/${row.id}`}>{row.subject}</a>,
            purposeLabel(t, row.purpose),
            <StatusTag t={t} status={row.status} />,
            t.formatNumber(row.attempts),
            row.lastError ?? "",
          ])}
        />
      )}
      <PagedResults
        t={t}
        base="/admin/outbox"
        query={query}
        page={query.page}
        pageCount={Math.max(1, Math.ceil(result.total / props.pageSize))}
        total={result.total}
      />
    </Layout>
  );
}

export function OutboundEmailPage(props: PageContext & { email: OutboundEmailRow }) {
  const { t, email } = props;
  const title = t.t("outbox.email.title", { recipient: email.recipient });
  const waiting = email.status === "pending" || email.status === "sending";
  return (
    <Layout {...layoutProps(props, title)}>
      <a class="nhsuk-back-link" href="/admin/outbox">
        {t.t("outbox.back")}
      </a>
      <h1>{title}</h1>
      <p>{t.t("outbox.email.audited")}</p>
      <SummaryList
        rows={[
          { key: t.t("outbox.columns.status"), value: <StatusTag t={t} status={email.status} /> },
          { key: t.t("outbox.columns.purpose"), value: purposeLabel(t, email.purpose) },
          { key: t.t("outbox.columns.recipient"), value: email.recipient },
          { key: t.t("outbox.columns.subject"), value: email.subject },
          { key: t.t("outbox.columns.queued"), value: t.formatDate(email.createdAt, "dateTime") },
          ...(email.sentAt
            ? [{ key: t.t("outbox.email.sentAt"), value: t.formatDate(email.sentAt, "dateTime") }]
            : []),
          ...(waiting
            ? [{ key: t.t("outbox.email.nextAttempt"), value: t.formatDate(email.nextAttemptAt, "dateTime") }]
            : []),
          { key: t.t("outbox.columns.attempts"), value: t.formatNumber(email.attempts) },
          ...(email.lastError ? [{ key: t.t("outbox.columns.lastError"), value: email.lastError }] : []),
          ...(email.messageId ? [{ key: t.t("outbox.email.messageId"), value: email.messageId }] : []),
          ...(email.smtpResponse
            ? [{ key: t.t("outbox.email.serverReply"), value: email.smtpResponse }]
            : []),
        ]}
      />
      {email.oneTimeLink && (
        <InsetText>
          <p>{t.t("outbox.email.oneTimeLink")}</p>
          {(email.status === "not_sent" || email.status === "failed") && (
            <p>{t.t(`outbox.email.instead.${email.oneTimeLink}`)}</p>
          )}
        </InsetText>
      )}
      <h2>{t.t("outbox.email.body")}</h2>
      <div class="nhsuk-inset-text">
        {email.body.split(/\r?\n/).map((line, index) => (
          <Fragment key={index}>
            {index > 0 && <br />}
            <MessageLine t={t} line={line} />
          </Fragment>
        ))}
      </div>
    </Layout>
  );
}

/** A line of the stored text; the placeholder of a one-time link reads as what it stands for. */
function MessageLine({ t, line }: { t: Translator; line: string }) {
  const parts = line.split(ONE_TIME_LINK);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <strong>{t.t("outbox.email.oneTimeLinkPlaceholder")}</strong>}
          {part}
        </Fragment>
      ))}
    </>
  );
}
