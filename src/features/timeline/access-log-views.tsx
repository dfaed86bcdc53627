import { staffRoles } from "../../platform/directory/schema";
import { layoutProps } from "../../platform/http/pages";
import type { RecordFrame } from "../../platform/http/record-page";
import { Table, Tag } from "../../platform/web/components";
import { auditActionLabel, type MessageKey, type Translator } from "../../platform/web/i18n";
import { Layout } from "../../platform/web/layout";
import { ParticipantHeader } from "../../platform/web/participant-header";
import type { AccessLogEntry, AccessLogPage } from "./access-log";

const knownActions = new Set(["participant.read", "participant.write"]);
const knownRoles = new Set<string>(staffRoles);

function who(t: Translator, entry: AccessLogEntry) {
  // The person's own visits and changes, on their own pages, are theirs: not a missing member of staff.
  if (entry.actorRole === "participant") return t.t("accessLog.personThemselves");
  const name = entry.actorName ?? (entry.actorId ? t.t("accessLog.unknownPerson") : t.t("accessLog.system"));
  return (
    <>
      {name}
      {entry.actorRole && knownRoles.has(entry.actorRole) && (
        <>
          <br />
          <span class="nhsuk-body-s">{t.t(`role.${entry.actorRole}` as MessageKey)}</span>
        </>
      )}
    </>
  );
}

function basis(t: Translator, entry: AccessLogEntry) {
  if (entry.outcome === "refused") return <Tag colour="red">{t.t("accessLog.refused")}</Tag>;
  if (entry.basis === "emergency") return <Tag colour="orange">{t.t("accessLog.emergency")}</Tag>;
  return entry.basis ? t.t(`accessLog.basis.${entry.basis}`) : "";
}

export function AccessLogPageView(props: RecordFrame & { log: AccessLogPage; before?: string }) {
  const { t, log, banner: participant } = props;
  const base = `/participants/${participant.id}/access-log`;
  return (
    <Layout {...layoutProps(props, t.t("accessLog.title"), undefined, true)}>
      <ParticipantHeader t={t} participant={participant} tabs={props.tabs} />
      <h1>{t.t("accessLog.title")}</h1>
      <p>{t.t("accessLog.intro")}</p>
      {log.entries.length === 0 ? (
        <p>{t.t("accessLog.none")}</p>
      ) : (
        <Table
          caption={t.t("accessLog.caption")}
          columns={[
            { label: t.t("accessLog.columns.when") },
            { label: t.t("accessLog.columns.who") },
            { label: t.t("accessLog.columns.what") },
            { label: t.t("accessLog.columns.basis") },
            { label: t.t("accessLog.columns.why") },
          ]}
          rows={log.entries.map((entry) => [
            t.formatDate(entry.at, "dateTime"),
            who(t, entry),
            <>
              {knownActions.has(entry.action)
                ? t.t(`accessLog.action.${entry.action}` as MessageKey)
                : auditActionLabel(t, entry.action)}
              {entry.what && (
                <>
                  <br />
                  <span class="nhsuk-body-s">{entry.what.replaceAll("_", " ")}</span>
                </>
              )}
            </>,
            basis(t, entry),
            entry.reason ?? (entry.basis === "emergency" ? t.t("accessLog.noReason") : ""),
          ])}
        />
      )}
      {log.nextCursor && (
        <p>
          <a href={`${base}?before=${encodeURIComponent(log.nextCursor)}`}>{t.t("accessLog.older")}</a>
        </p>
      )}
      {props.before && (
        <p>
          <a href={base}>{t.t("accessLog.newest")}</a>
        </p>
      )}
    </Layout>
  );
}
