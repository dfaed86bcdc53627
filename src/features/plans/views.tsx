import type { ComponentChildren } from "preact";
import { layoutProps } from "../../platform/http/pages";
import type { RecordFrame } from "../../platform/http/record-page";
import {
  Button,
  ButtonLink,
  ErrorSummary,
  type FieldError,
  Form,
  InsetText,
  NotificationBanner,
  SummaryList,
  Table,
  Tag,
  WarningCallout,
} from "../../platform/web/components";
import { Layout } from "../../platform/web/layout";
import { ParticipantHeader } from "../../platform/web/participant-header";
import { isOverdue, type PlanChange } from "./rules";
import type { PlanSnapshot } from "./schema";
import type { VersionSummary } from "./service";

export type { RecordFrame };

/** Every plan page: the layout, the record's header and tabs, then the page's own content. */
export function PlanFrame(
  props: RecordFrame & {
    title: string;
    errors?: FieldError[];
    backHref?: string;
    children: ComponentChildren;
  },
) {
  const { t } = props;
  return (
    <Layout
      {...layoutProps(props, props.title, props.errors, true)}
      backLink={props.backHref ? { href: props.backHref } : undefined}
    >
      <ParticipantHeader t={t} participant={props.banner} tabs={props.tabs} />
      <ErrorSummary errors={props.errors} title={t.t("error.summaryTitle")} />
      {props.children}
    </Layout>
  );
}

import type { ContingencyUse } from "./contingency-uses";
import { intervalText } from "./questionnaire-views";
import { ChangesList, ContingencyUses, date, PlanSections } from "./sections";

const noticeKeys = [
  "started",
  "goalAdded",
  "goalSaved",
  "actionAdded",
  "actionSaved",
  "supportAdded",
  "supportSaved",
  "signAdded",
  "signSaved",
  "contingencySaved",
  "contingencyUsed",
  "measuresSaved",
  "agreed",
] as const;

export function PlanEmptyPage(props: RecordFrame & { participantId: string }) {
  const { t } = props;
  return (
    <PlanFrame {...props} title={t.t("plan.title")}>
      <h1>{t.t("plan.title")}</h1>
      <h2>{t.t("plan.empty.heading")}</h2>
      <p>{t.t("plan.empty.body")}</p>
      <p>{t.t("plan.empty.next")}</p>
      <Form action={`/participants/${props.participantId}/plan`} csrfToken={props.csrfToken}>
        <Button>{t.t("plan.start")}</Button>
      </Form>
    </PlanFrame>
  );
}

export function PlanPage(
  props: RecordFrame & {
    participantId: string;
    snapshot: PlanSnapshot;
    versions: VersionSummary[];
    changes?: PlanChange[];
    today: string;
    notice?: string;
    contingencyUses: ContingencyUse[];
    measuresEveryWeeks: number | null;
    mayWrite: boolean;
  },
) {
  const { t, participantId, snapshot, versions, today } = props;
  const base = `/participants/${participantId}/plan`;
  const latest = versions[0];
  const notice = noticeKeys.find((key) => key === props.notice);
  const overdue = snapshot.actions.filter((action) => isOverdue(action, today)).length;
  return (
    <PlanFrame {...props} title={t.t("plan.title")}>
      {notice && (
        <NotificationBanner title={t.t("common.successTitle")} success>
          <p class="nhsuk-notification-banner__heading">{t.t(`plan.notice.${notice}`)}</p>
        </NotificationBanner>
      )}
      <h1>{t.t("plan.title")}</h1>
      {latest ? (
        <p>
          {t.t("plan.status.agreed", {
            number: latest.number,
            date: t.formatDate(latest.agreedAt, "long"),
            review: date(t, latest.reviewDate),
          })}
        </p>
      ) : (
        <InsetText>
          <p>{t.t("plan.status.notAgreed")}</p>
        </InsetText>
      )}
      {latest && latest.reviewDate <= today && (
        <WarningCallout heading={t.t("common.importantTitle")}>
          <p>{t.t("plan.status.reviewDue")}</p>
        </WarningCallout>
      )}
      {overdue > 0 && (
        <p>
          <Tag colour="red">{t.t("plan.actions.overdue")}</Tag> {t.plural("plan.status.overdue", overdue)}
        </p>
      )}
      {latest && props.changes && (
        <>
          <h2>{t.t("plan.changes.heading", { number: latest.number })}</h2>
          {props.changes.length === 0 ? (
            <p>{t.t("plan.changes.none", { number: latest.number })}</p>
          ) : (
            <ChangesList t={t} changes={props.changes} />
          )}
        </>
      )}
      <p>
        <ButtonLink href={`${base}/agree`}>{t.t("plan.agree")}</ButtonLink>{" "}
        <a href={`${base}/print`}>{t.t("plan.print")}</a>
      </p>
      <PlanSections
        t={t}
        snapshot={snapshot}
        today={today}
        edit={{ href: (section, id) => `${base}/${section}/${id}` }}
        addLinks={{
          goals: `${base}/goals/new`,
          actions: `${base}/actions/new`,
          supports: `${base}/supports/new`,
          signs: `${base}/warning-signs/new`,
          contingency: `${base}/contingency`,
        }}
      />
      <ContingencyUses
        t={t}
        uses={props.contingencyUses}
        useHref={props.mayWrite ? `${base}/contingency/use` : undefined}
      />
      <h2 id="questionnaires">{t.t("plan.measures.title")}</h2>
      <p>{intervalText(t, props.measuresEveryWeeks)}</p>
      {props.mayWrite && (
        <ButtonLink href={`${base}/questionnaires`} variant="secondary">
          {t.t("plan.measures.change")}
        </ButtonLink>
      )}
      <h2 id="versions">{t.t("plan.section.versions")}</h2>
      {versions.length === 0 ? (
        <p>{t.t("plan.versions.none")}</p>
      ) : (
        <Table
          caption={t.t("plan.versions.caption")}
          columns={[
            { label: t.t("plan.version.columns.number") },
            { label: t.t("plan.version.columns.agreedOn") },
            { label: t.t("plan.version.columns.agreement") },
            { label: t.t("plan.version.columns.review") },
          ]}
          rows={versions.map((version) => [
            <a href={`${base}/versions/${version.number}`}>
              {t.t("plan.versions.view", { number: version.number })}
            </a>,
            t.formatDate(version.agreedAt, "long"),
            t.t(`plan.agreement.${version.participantAgreement}`),
            date(t, version.reviewDate),
          ])}
        />
      )}
    </PlanFrame>
  );
}

export function VersionPage(
  props: RecordFrame & {
    participantId: string;
    version: VersionSummary & { snapshot: PlanSnapshot };
    changes?: PlanChange[];
  },
) {
  const { t, version } = props;
  const title = t.t("plan.version.title", { number: version.number });
  return (
    <PlanFrame {...props} title={title} backHref={`/participants/${props.participantId}/plan`}>
      <h1>{title}</h1>
      <InsetText>
        <p>{t.t("plan.version.readOnly")}</p>
      </InsetText>
      <SummaryList
        rows={[
          { key: t.t("plan.version.agreedOn"), value: t.formatDate(version.agreedAt, "long") },
          { key: t.t("plan.version.agreedBy"), value: version.agreedByNames.join(", ") },
          {
            key: t.t("plan.version.participantAgreement"),
            value: t.t(`plan.agreement.${version.participantAgreement}`),
          },
          ...(version.participantComment
            ? [{ key: t.t("plan.version.comment"), value: version.participantComment }]
            : []),
          { key: t.t("plan.version.reviewDate"), value: date(t, version.reviewDate) },
        ]}
      />
      {props.changes ? (
        <>
          <h2>{t.t("plan.changes.fromPrevious", { number: version.number - 1 })}</h2>
          {props.changes.length === 0 ? (
            <p>{t.t("plan.changes.none", { number: version.number - 1 })}</p>
          ) : (
            <ChangesList t={t} changes={props.changes} />
          )}
        </>
      ) : (
        <p>{t.t("plan.changes.first")}</p>
      )}
      <PlanSections t={t} snapshot={version.snapshot} />
    </PlanFrame>
  );
}
