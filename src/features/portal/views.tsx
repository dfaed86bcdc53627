import { Button, Form, InsetText, SummaryList, Table, Tag } from "../../platform/web/components";
import { isMessageKey } from "../../platform/web/i18n";
import { OwnPagesLayout as PortalLayout } from "../../platform/web/own-pages-layout";
import type { AlertRule } from "../monitoring/schema";
import { type ConsentPurpose, consentPurposes, type ParticipantStage } from "../participants/schema";
import type { ConsentEntry, RecordMove } from "../participants/service";
import type { ActionRow } from "../plans/service";
import type { PortalContext } from "./navigation";
import type { planFor, RecordAccessEntry } from "./service";

type Plan = NonNullable<Awaited<ReturnType<typeof planFor>>>;

export function HomePage(
  props: PortalContext & {
    givenName: string;
    dueSoon: ActionRow[];
    alerts: {
      id: string;
      rule: AlertRule;
      raisedAt: Date;
      acknowledgedAt: Date | null;
      resolvedAt: Date | null;
    }[];
    today: string;
    notice?: string;
  },
) {
  const { t } = props;
  return (
    <PortalLayout {...props} title={t.t("portal.home.title")}>
      <h1>{t.t("portal.home.greeting", { name: props.givenName })}</h1>
      {props.alerts.length > 0 && (
        <section aria-labelledby="about-you">
          <h2 id="about-you">{t.t("portal.home.alerts")}</h2>
          {props.alerts.map((alert) => (
            <InsetText key={alert.id}>
              <p>
                {alert.rule === "phq9_item9" || alert.rule === "emergency_access"
                  ? t.t(`portal.alert.${alert.rule}`)
                  : t.t(`monitoringRules.${alert.rule}.participant`)}
              </p>
              <p class="nhsuk-body-s">
                {alert.resolvedAt
                  ? t.t("portal.home.alertResolved", { date: t.formatDate(alert.resolvedAt, "long") })
                  : alert.acknowledgedAt
                    ? t.t("portal.home.alertAcknowledged", {
                        date: t.formatDate(alert.acknowledgedAt, "long"),
                      })
                    : t.t("portal.home.alertRaised", { date: t.formatDate(alert.raisedAt, "long") })}
              </p>
            </InsetText>
          ))}
        </section>
      )}
      <h2>{t.t("portal.home.dueSoon")}</h2>
      {props.dueSoon.length === 0 ? (
        <p>{t.t("portal.home.nothingDue")}</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--border">
          {props.dueSoon.map((action) => (
            <li key={action.id}>
              {action.description}{" "}
              <span class="nhsuk-body-s">
                {action.dueDate < props.today
                  ? t.t("portal.plan.overdueSince", { date: t.formatDate(new Date(action.dueDate), "long") })
                  : t.t("portal.plan.dueBy", { date: t.formatDate(new Date(action.dueDate), "long") })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/my/plan">{t.t("portal.home.seePlan")}</a>
      </p>
    </PortalLayout>
  );
}

function OwnAction({ props, action }: { props: PortalContext; action: ActionRow }) {
  const { t } = props;
  const done = action.status === "done";
  return (
    <li>
      <p class="nhsuk-u-margin-bottom-1">
        <strong>{action.description}</strong>
      </p>
      <p class="nhsuk-body-s nhsuk-u-margin-bottom-2">
        {t.t("portal.plan.dueBy", { date: t.formatDate(new Date(action.dueDate), "long") })}
        {" · "}
        <Tag colour={done ? "green" : "blue"}>{t.t(`plan.actionStatus.${action.status}`)}</Tag>
      </p>
      {(action.status === "to_do" || action.status === "in_progress") && (
        <Form action={`/my/plan/actions/${action.id}/done`} csrfToken={props.csrfToken}>
          <input type="hidden" name="version" value={String(action.version)} />
          <Button variant="secondary">
            {t.t("portal.plan.markDone")}
            <span class="nhsuk-u-visually-hidden">: {action.description}</span>
          </Button>
        </Form>
      )}
    </li>
  );
}

export function PlanPage(props: PortalContext & { plan?: Plan; notice?: string }) {
  const { t, plan } = props;
  const date = (value: string) => t.formatDate(new Date(value), "long");
  return (
    <PortalLayout {...props} title={t.t("portal.plan.title")}>
      <h1>{t.t("portal.plan.title")}</h1>
      {!plan ? (
        <p>{t.t("portal.plan.none")}</p>
      ) : (
        <>
          {plan.reviewDate && <p>{t.t("portal.plan.review", { date: date(plan.reviewDate) })}</p>}
          <h2>{t.t("portal.plan.goals")}</h2>
          {plan.goals.length === 0 ? (
            <p>{t.t("portal.plan.noGoals")}</p>
          ) : (
            <ul class="nhsuk-list nhsuk-list--border">
              {plan.goals.map((goal) => (
                <li key={goal.id}>
                  <strong>{goal.goal}</strong>
                  {goal.successLooksLike && (
                    <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
                      {t.t("portal.plan.successLooksLike", { text: goal.successLooksLike })}
                    </p>
                  )}
                  {goal.status !== "active" && (
                    <Tag colour="grey">{t.t(`plan.goalStatus.${goal.status}`)}</Tag>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h2>{t.t("portal.plan.mine")}</h2>
          {plan.mine.length === 0 ? (
            <p>{t.t("portal.plan.noneMine")}</p>
          ) : (
            <ul class="nhsuk-list nhsuk-list--border">
              {plan.mine.map((action) => (
                <OwnAction key={action.id} props={props} action={action} />
              ))}
            </ul>
          )}
          <h2>{t.t("portal.plan.others")}</h2>
          {plan.others.length === 0 ? (
            <p>{t.t("portal.plan.noneOthers")}</p>
          ) : (
            <ul class="nhsuk-list nhsuk-list--border">
              {plan.others.map((action) => (
                <li key={action.id}>
                  <strong>{action.description}</strong>
                  <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
                    {t.t(`portal.plan.owner.${action.ownerKind as "staff" | "employer" | "peer_worker"}`)}
                    {" · "}
                    {t.t("portal.plan.dueBy", { date: date(action.dueDate) })}
                    {" · "}
                    {t.t(`plan.actionStatus.${action.status}`)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <h2>{t.t("portal.plan.supports")}</h2>
          {plan.supports.length === 0 ? (
            <p>{t.t("portal.plan.noSupports")}</p>
          ) : (
            <ul class="nhsuk-list nhsuk-list--border">
              {plan.supports.map((support) => (
                <li key={support.id}>
                  {support.kind === "other" && support.otherKind
                    ? support.otherKind
                    : t.t(`plan.supportKind.${support.kind}`)}
                  {" · "}
                  {t.t(`plan.supportStatus.${support.status}`)}
                </li>
              ))}
            </ul>
          )}
          <h2>{t.t("portal.plan.warningSigns")}</h2>
          {plan.warningSigns.length === 0 ? (
            <p>{t.t("portal.plan.noWarningSigns")}</p>
          ) : (
            plan.warningSigns.map((sign) => (
              <div class="nhsuk-card" key={sign.id}>
                <div class="nhsuk-card__content">
                  <h3 class="nhsuk-card__heading nhsuk-heading-s">{sign.sign}</h3>
                  <SummaryList
                    rows={[
                      { key: t.t("portal.plan.whatIWillDo"), value: sign.whatIWillDo },
                      { key: t.t("portal.plan.whatMyTeamWillDo"), value: sign.whatMyTeamWillDo },
                    ]}
                  />
                </div>
              </div>
            ))
          )}
          <h2>{t.t("portal.plan.contingency")}</h2>
          {!plan.contingency.text && plan.contingency.alternatives.length === 0 ? (
            <p>{t.t("portal.plan.noContingency")}</p>
          ) : (
            <>
              {plan.contingency.text && <p>{plan.contingency.text}</p>}
              {plan.contingency.alternatives.length > 0 && (
                <ul>
                  {plan.contingency.alternatives.map((alternative) => (
                    <li key={alternative}>{t.t(`plan.alternative.${alternative}`)}</li>
                  ))}
                </ul>
              )}
              {plan.contingency.checkBackDate && (
                <p>{t.t("portal.plan.checkBack", { date: date(plan.contingency.checkBackDate) })}</p>
              )}
            </>
          )}
          <p class="nhsuk-body-s">{t.t("portal.plan.printHint")}</p>
        </>
      )}
    </PortalLayout>
  );
}

export function ConsentsPage(
  props: PortalContext & {
    history: ConsentEntry[];
    current: Record<ConsentPurpose, ConsentEntry | undefined>;
    stage: ParticipantStage;
    version: number;
    /** Pause, resume or stop, as the stage model allows the person from where they are. */
    changes: RecordMove[];
    notice?: string;
  },
) {
  const { t } = props;
  const purposes = consentPurposes.filter((purpose) => purpose !== "employment_support");
  // The person's own choices; a move to job search is agreed with their specialist, not made here.
  const changes = props.changes.filter((change) => change !== "look_for_work");
  return (
    <PortalLayout {...props} title={t.t("portal.consents.title")}>
      <h1>{t.t("portal.consents.title")}</h1>
      <p>{t.t("portal.consents.lead")}</p>
      {purposes.map((purpose) => {
        const entry = props.current[purpose];
        return (
          <div class="nhsuk-card" key={purpose}>
            <div class="nhsuk-card__content">
              <h2 class="nhsuk-card__heading nhsuk-heading-s">{t.t(`portal.consent.purpose.${purpose}`)}</h2>
              <p>
                {entry
                  ? t.t(`portal.consent.state.${entry.decision}`, {
                      date: t.formatDate(entry.recordedAt, "long"),
                    })
                  : t.t("portal.consent.state.notAsked")}
              </p>
              {entry?.decision === "given" && (
                <Form action="/my/consents/withdraw" csrfToken={props.csrfToken}>
                  <input type="hidden" name="purpose" value={purpose} />
                  <Button variant="secondary">
                    {t.t("portal.consents.withdraw")}
                    <span class="nhsuk-u-visually-hidden">: {t.t(`portal.consent.purpose.${purpose}`)}</span>
                  </Button>
                </Form>
              )}
            </div>
          </div>
        );
      })}
      <h2>{t.t("portal.participation.title")}</h2>
      <p>{t.t(`portal.participation.stage.${props.stage}`)}</p>
      {changes.length > 0 && (
        <>
          <p>{t.t("portal.participation.lead")}</p>
          {changes.map((change) => (
            <Form key={change} action="/my/participation" csrfToken={props.csrfToken}>
              <input type="hidden" name="change" value={change} />
              <input type="hidden" name="version" value={String(props.version)} />
              <Button variant="secondary">{t.t(`portal.participation.${change}`)}</Button>
            </Form>
          ))}
        </>
      )}
      <h2>{t.t("portal.consents.history")}</h2>
      {props.history.length === 0 ? (
        <p>{t.t("portal.consents.noHistory")}</p>
      ) : (
        <Table
          caption={t.t("portal.consents.historyCaption")}
          columns={[
            { label: t.t("consent.columns.when") },
            { label: t.t("consent.columns.purpose") },
            { label: t.t("consent.columns.decision") },
            { label: t.t("consent.columns.method") },
          ]}
          rows={props.history.map((entry) => [
            t.formatDate(entry.recordedAt, "long"),
            t.t(`portal.consent.purpose.${entry.purpose}`),
            t.t(`consent.decision.${entry.decision}`),
            t.t(`portal.consent.method.${entry.method}`),
          ])}
        />
      )}
    </PortalLayout>
  );
}

export function StopConfirmationPage(props: PortalContext & { version: number }) {
  const { t } = props;
  return (
    <PortalLayout {...props} title={t.t("portal.participation.stopTitle")}>
      <h1>{t.t("portal.participation.stopTitle")}</h1>
      <p>{t.t("portal.participation.stopBody")}</p>
      <Form action="/my/participation" csrfToken={props.csrfToken}>
        <input type="hidden" name="change" value="stop" />
        <input type="hidden" name="version" value={String(props.version)} />
        <input type="hidden" name="confirmed" value="yes" />
        <Button variant="warning">{t.t("portal.participation.stopConfirm")}</Button>
      </Form>
      <p>
        <a href="/my/consents">{t.t("portal.participation.stopCancel")}</a>
      </p>
    </PortalLayout>
  );
}

export function WithdrawConsentConfirmationPage(props: PortalContext & { purpose: ConsentPurpose }) {
  const { t, purpose } = props;
  const what = t.t(`portal.consent.purpose.${purpose}`);
  return (
    <PortalLayout {...props} title={t.t("portal.consents.withdrawTitle")}>
      <h1>{t.t("portal.consents.withdrawTitle")}</h1>
      <p class="nhsuk-body-l">{what}</p>
      <p>{t.t("portal.consents.withdrawBody")}</p>
      <Form action="/my/consents/withdraw" csrfToken={props.csrfToken}>
        <input type="hidden" name="purpose" value={purpose} />
        <input type="hidden" name="confirmed" value="yes" />
        <Button variant="warning">
          {t.t("portal.consents.withdrawConfirm")}
          <span class="nhsuk-u-visually-hidden">: {what}</span>
        </Button>
      </Form>
      <p>
        <a href="/my/consents">{t.t("portal.consents.withdrawCancel")}</a>
      </p>
    </PortalLayout>
  );
}

export function RecordAccessPage(
  props: PortalContext & { entries: RecordAccessEntry[]; showNames: boolean; nextCursor?: string },
) {
  const { t } = props;
  const roleLabel = (role: string | null) => {
    const key = `role.${role}`;
    return role && isMessageKey(key) ? t.t(key) : t.t("portal.recordAccess.system");
  };
  return (
    <PortalLayout {...props} title={t.t("portal.recordAccess.title")}>
      <h1>{t.t("portal.recordAccess.title")}</h1>
      <p>{t.t(props.showNames ? "portal.recordAccess.leadWithNames" : "portal.recordAccess.lead")}</p>
      {props.entries.length === 0 ? (
        <p>{t.t("portal.recordAccess.none")}</p>
      ) : (
        <Table
          caption={t.t("portal.recordAccess.caption")}
          columns={[
            { label: t.t("portal.recordAccess.when") },
            { label: t.t("portal.recordAccess.who") },
            { label: t.t("portal.recordAccess.what") },
          ]}
          rows={props.entries.map((entry) => [
            t.formatDate(entry.at, "dateTime"),
            entry.name ? `${entry.name} (${roleLabel(entry.role)})` : roleLabel(entry.role),
            t.t(entry.changed ? "portal.recordAccess.changed" : "portal.recordAccess.looked"),
          ])}
        />
      )}
      {props.nextCursor && (
        <p>
          <a href={`/my/record-access?before=${encodeURIComponent(props.nextCursor)}`}>
            {t.t("portal.recordAccess.older")}
          </a>
        </p>
      )}
    </PortalLayout>
  );
}

export { PortalLayout };
