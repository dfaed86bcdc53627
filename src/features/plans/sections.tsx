import { ButtonLink, SummaryList, Table, Tag } from "../../platform/web/components";
import type { MessageKey, Translator } from "../../platform/web/i18n";
import type { ContingencyUse } from "./contingency-uses";
import { isOverdue, type PlanChange } from "./rules";
import { type ContingencyAlternative, type PlanSnapshot, supportKinds } from "./schema";

// The plan's sections and "what changed", as staff read them: shared by the plan page, the
// agreement page and each agreed version.

export const date = (t: Translator, value: string) => t.formatDate(new Date(`${value}T12:00:00Z`), "long");

export const supportLabel = (
  t: Translator,
  support: { kind: PlanSnapshot["supports"][number]["kind"]; otherKind: string | null },
) =>
  support.kind === "other" && support.otherKind ? support.otherKind : t.t(`plan.supportKind.${support.kind}`);

export const ownerLabel = (t: Translator, action: PlanSnapshot["actions"][number]) =>
  action.ownerKind === "staff" && action.ownerName
    ? action.ownerName
    : t.t(`plan.ownerKind.${action.ownerKind}`);

const fieldKey = (field: string) => `plan.field.${field}` as MessageKey;

/** "What changed": one line per added, changed or removed item, in the items' own words. */
export function ChangesList({ t, changes }: { t: Translator; changes: PlanChange[] }) {
  return (
    <ul class="nhsuk-list nhsuk-list--bullet">
      {changes.map((change, index) => {
        const label =
          change.section === "supports" && (supportKinds as readonly string[]).includes(change.label)
            ? t.t(`plan.supportKind.${change.label as (typeof supportKinds)[number]}`)
            : change.label;
        return (
          <li key={index}>
            <Tag colour={change.change === "added" ? "green" : change.change === "removed" ? "red" : "blue"}>
              {t.t(`plan.change.${change.change}`)}
            </Tag>{" "}
            {t.t(`plan.item.${change.section}`)}
            {label ? `: ${label}` : ""}
            {change.fields.length > 0 && (
              <span class="nhsuk-body-s">
                {" "}
                (
                {t.t("plan.change.fields", {
                  fields: change.fields.map((field) => t.t(fieldKey(field)).toLowerCase()).join(", "),
                })}
                )
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

type EditLinks = {
  href: (section: "goals" | "actions" | "supports" | "warning-signs", id: string) => string;
};

/** The plan's sections as staff read them: the live plan (with change links) or an agreed version. */
export function PlanSections({
  t,
  snapshot,
  today,
  edit,
  addLinks,
}: {
  t: Translator;
  snapshot: PlanSnapshot;
  today?: string;
  edit?: EditLinks;
  addLinks?: { goals: string; actions: string; supports: string; signs: string; contingency: string };
}) {
  const changeLink = (section: Parameters<EditLinks["href"]>[0], id: string, what: string) =>
    edit ? (
      <a href={edit.href(section, id)}>
        {t.t("common.edit")}
        <span class="nhsuk-u-visually-hidden"> {what}</span>
      </a>
    ) : null;
  const goalText = (id: string | null) => snapshot.goals.find((goal) => goal.id === id)?.goal;
  return (
    <>
      <h2 id="goals">{t.t("plan.section.goals")}</h2>
      <p class="nhsuk-hint">{t.t("plan.goals.hint")}</p>
      {snapshot.goals.length === 0 ? (
        <p>{t.t("plan.goals.none")}</p>
      ) : (
        snapshot.goals.map((goal) => (
          <div class="nhsuk-card app-plan-card" key={goal.id}>
            <div class="nhsuk-card__content">
              <p class="nhsuk-card__heading nhsuk-heading-s">“{goal.goal}”</p>
              {goal.successLooksLike && (
                <p>
                  <strong>{t.t("plan.print.success")}:</strong> {goal.successLooksLike}
                </p>
              )}
              <p>
                <Tag
                  colour={goal.status === "active" ? "blue" : goal.status === "achieved" ? "green" : "grey"}
                >
                  {t.t(`plan.goalStatus.${goal.status}`)}
                </Tag>{" "}
                {changeLink("goals", goal.id, goal.goal)}
              </p>
            </div>
          </div>
        ))
      )}
      {addLinks && (
        <ButtonLink href={addLinks.goals} variant="secondary">
          {t.t("plan.goals.add")}
        </ButtonLink>
      )}

      <h2 id="actions">{t.t("plan.section.actions")}</h2>
      {snapshot.actions.length === 0 ? (
        <p>{t.t("plan.actions.none")}</p>
      ) : (
        <Table
          caption={t.t("plan.actions.caption")}
          columns={[
            { label: t.t("plan.columns.action") },
            { label: t.t("plan.columns.who") },
            { label: t.t("plan.columns.due") },
            { label: t.t("plan.columns.status") },
            ...(edit ? [{ label: t.t("plan.columns.change") }] : []),
          ]}
          rows={snapshot.actions.map((action) => [
            <>
              {action.description}
              {action.goalId && goalText(action.goalId) && (
                <span class="nhsuk-body-s app-plan-goal-link">
                  <br />
                  {t.t("plan.item.goals")}: {goalText(action.goalId)}
                </span>
              )}
            </>,
            ownerLabel(t, action),
            <>
              {date(t, action.dueDate)}
              {today && isOverdue(action, today) && (
                <>
                  {" "}
                  <Tag colour="red">{t.t("plan.actions.overdue")}</Tag>
                </>
              )}
            </>,
            t.t(`plan.actionStatus.${action.status}`),
            ...(edit ? [changeLink("actions", action.id, action.description)] : []),
          ])}
        />
      )}
      {addLinks && (
        <ButtonLink href={addLinks.actions} variant="secondary">
          {t.t("plan.actions.add")}
        </ButtonLink>
      )}

      <h2 id="supports">{t.t("plan.section.supports")}</h2>
      {snapshot.supports.length === 0 ? (
        <p>{t.t("plan.supports.none")}</p>
      ) : (
        <Table
          caption={t.t("plan.supports.caption")}
          columns={[
            { label: t.t("plan.columns.kind") },
            { label: t.t("plan.columns.status") },
            { label: t.t("plan.columns.notes") },
            ...(edit ? [{ label: t.t("plan.columns.change") }] : []),
          ]}
          rows={snapshot.supports.map((support) => [
            supportLabel(t, support),
            t.t(`plan.supportStatus.${support.status}`),
            support.notes ?? "",
            ...(edit ? [changeLink("supports", support.id, supportLabel(t, support))] : []),
          ])}
        />
      )}
      {addLinks && (
        <ButtonLink href={addLinks.supports} variant="secondary">
          {t.t("plan.supports.add")}
        </ButtonLink>
      )}

      <h2 id="warning-signs">{t.t("plan.section.warningSigns")}</h2>
      {snapshot.warningSigns.length === 0 ? (
        <p>{t.t("plan.signs.none")}</p>
      ) : (
        snapshot.warningSigns.map((sign) => (
          <div class="nhsuk-card app-plan-card" key={sign.id}>
            <div class="nhsuk-card__content">
              <p class="nhsuk-card__heading nhsuk-heading-s">“{sign.sign}”</p>
              <SummaryList
                rows={[
                  { key: t.t("plan.field.whatIWillDo"), value: sign.whatIWillDo },
                  { key: t.t("plan.field.whatMyTeamWillDo"), value: sign.whatMyTeamWillDo },
                  ...(sign.checkInField
                    ? [
                        {
                          key: t.t("plan.signs.checkIn"),
                          value: t.t(`plan.checkInField.${sign.checkInField}`),
                        },
                      ]
                    : []),
                  ...(sign.checkInField &&
                  sign.ruleComparison &&
                  sign.ruleThreshold != null &&
                  sign.ruleRunLength
                    ? [
                        {
                          key: t.t("plan.signs.personalRule"),
                          value: t.t(`plan.signs.personalRule.${sign.ruleComparison}`, {
                            field: t.t(`plan.checkInField.${sign.checkInField}`),
                            threshold: String(sign.ruleThreshold),
                            count: String(sign.ruleRunLength),
                          }),
                        },
                      ]
                    : []),
                ]}
              />
              {changeLink("warning-signs", sign.id, sign.sign)}
            </div>
          </div>
        ))
      )}
      {addLinks && (
        <ButtonLink href={addLinks.signs} variant="secondary">
          {t.t("plan.signs.add")}
        </ButtonLink>
      )}

      <h2 id="contingency">{t.t("plan.section.contingency")}</h2>
      <ContingencySummary t={t} contingency={snapshot.contingency} />
      {addLinks && (
        <ButtonLink href={addLinks.contingency} variant="secondary">
          {t.t(hasContingency(snapshot) ? "plan.contingency.edit" : "plan.contingency.add")}
        </ButtonLink>
      )}
    </>
  );
}

export const hasContingency = (snapshot: PlanSnapshot) =>
  Boolean(snapshot.contingency.text) || snapshot.contingency.alternatives.length > 0;

export function ContingencySummary({
  t,
  contingency,
}: {
  t: Translator;
  contingency: PlanSnapshot["contingency"];
}) {
  if (!contingency.text && contingency.alternatives.length === 0)
    return <p>{t.t("plan.contingency.none")}</p>;
  return (
    <SummaryList
      rows={[
        ...(contingency.text ? [{ key: t.t("plan.field.contingencyText"), value: contingency.text }] : []),
        ...(contingency.alternatives.length > 0
          ? [
              {
                key: t.t("plan.field.alternatives"),
                value: (
                  <ul class="nhsuk-list">
                    {contingency.alternatives.map((alternative) => (
                      <li key={alternative}>{t.t(`plan.alternative.${alternative}`)}</li>
                    ))}
                  </ul>
                ),
              },
            ]
          : []),
        ...(contingency.checkBackDate
          ? [{ key: t.t("plan.field.checkBackDate"), value: date(t, contingency.checkBackDate) }]
          : []),
      ]}
    />
  );
}

const alternativesText = (t: Translator, alternatives: readonly ContingencyAlternative[]) =>
  alternatives.length === 0
    ? t.t("plan.contingencyUse.noneTakenUp")
    : alternatives.map((alternative) => t.t(`plan.alternative.${alternative}`)).join(", ");

/** On the plan page: each time the contingency plan was used, and the way to record another. */
export function ContingencyUses({
  t,
  uses,
  useHref,
}: {
  t: Translator;
  uses: ContingencyUse[];
  useHref?: string;
}) {
  return (
    <>
      <h2 id="contingency-uses">{t.t("plan.contingencyUse.heading")}</h2>
      {uses.length === 0 ? (
        <p>{t.t("plan.contingencyUse.none")}</p>
      ) : (
        uses.map((use) => (
          <SummaryList
            key={use.id}
            rows={[
              {
                key: t.t("plan.contingencyUse.when"),
                value: t.t("plan.contingencyUse.byOn", {
                  name: use.activatedByName,
                  date: t.formatDate(use.activatedAt, "long"),
                }),
              },
              { key: t.t("plan.contingencyUse.offered"), value: alternativesText(t, use.offered) },
              { key: t.t("plan.contingencyUse.takenUp"), value: alternativesText(t, use.takenUp) },
              ...(use.note ? [{ key: t.t("plan.contingencyUse.note"), value: use.note }] : []),
            ]}
          />
        ))
      )}
      {useHref && (
        <ButtonLink href={useHref} variant="secondary">
          {t.t("plan.contingencyUse.record")}
        </ButtonLink>
      )}
    </>
  );
}
