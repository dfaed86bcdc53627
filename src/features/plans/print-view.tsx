import { CrisisInformation } from "../../platform/web/crisis";
import type { Translator } from "../../platform/web/i18n";
import type { PlanSnapshot } from "./schema";
import { date, supportLabel } from "./sections";
import type { CareTeamPerson, VersionSummary } from "./service";

/**
 * The plan to hand to the person: plain words, large headings, nothing only staff need (no
 * versions, ids, email addresses or "recorded by"), and no navigation, so it prints cleanly and
 * reads the same without JavaScript.
 */
export function PrintPlanPage(props: {
  t: Translator;
  name: string;
  snapshot: PlanSnapshot;
  latest?: VersionSummary;
  careTeam: CareTeamPerson[];
  supportingTeam?: SupportingTeam;
  /** The organisation's own crisis words, or null for the UK defaults. */
  crisisInformation: string | null;
  printedOn: Date;
  backHref: string;
}) {
  const { t, snapshot, latest } = props;
  const title = t.t("plan.print.heading", { name: props.name });
  const nothing = <p>{t.t("plan.print.nothing")}</p>;
  const goalsWanted = snapshot.goals.filter((goal) => goal.status !== "no_longer_wanted");
  const actions = snapshot.actions.filter((action) => action.status !== "no_longer_needed");
  const owner = (action: PlanSnapshot["actions"][number]) =>
    action.ownerKind === "staff"
      ? (action.ownerName ?? t.t("plan.print.owner.staff"))
      : t.t(`plan.print.owner.${action.ownerKind}`);
  return (
    <html lang={t.locale.slice(0, 2)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.t("layout.serviceName")}`}</title>
        <link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css" />
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="app-print-plan">
        <div class="nhsuk-width-container">
          <p class="app-no-print">
            <a class="nhsuk-back-link" href={props.backHref}>
              {t.t("layout.back")}
            </a>
          </p>
          <main class="nhsuk-main-wrapper" id="maincontent">
            <h1 class="nhsuk-heading-xl">{title}</h1>
            <p class="nhsuk-body-l">
              {latest
                ? t.t("plan.print.agreed", {
                    date: t.formatDate(latest.agreedAt, "long"),
                    review: date(t, latest.reviewDate),
                  })
                : t.t("plan.print.notAgreed")}
            </p>
            <p class="app-no-print nhsuk-hint">{t.t("plan.print.howTo")}</p>

            <h2 class="nhsuk-heading-l">{t.t("plan.print.goals")}</h2>
            {goalsWanted.length === 0
              ? nothing
              : goalsWanted.map((goal) => (
                  <div class="app-print-block" key={goal.id}>
                    <p class="nhsuk-body-l">“{goal.goal}”</p>
                    {goal.successLooksLike && (
                      <p>
                        {t.t("plan.print.success")}: {goal.successLooksLike}
                      </p>
                    )}
                  </div>
                ))}

            <h2 class="nhsuk-heading-l">{t.t("plan.print.actions")}</h2>
            {actions.length === 0 ? (
              nothing
            ) : (
              <ul class="nhsuk-list nhsuk-list--bullet">
                {actions.map((action) => (
                  <li key={action.id}>
                    <strong>{owner(action)}</strong>: {action.description},{" "}
                    {t.t("plan.print.by", { date: date(t, action.dueDate) })} (
                    {t.t(`plan.actionStatus.${action.status}`).toLowerCase()})
                  </li>
                ))}
              </ul>
            )}

            <h2 class="nhsuk-heading-l">{t.t("plan.print.supports")}</h2>
            {snapshot.supports.length === 0 ? (
              nothing
            ) : (
              <ul class="nhsuk-list nhsuk-list--bullet">
                {snapshot.supports.map((support) => (
                  <li key={support.id}>
                    <strong>{supportLabel(t, support)}</strong> (
                    {t.t(`plan.supportStatus.${support.status}`).toLowerCase()})
                    {support.notes ? `: ${support.notes}` : ""}
                  </li>
                ))}
              </ul>
            )}

            <h2 class="nhsuk-heading-l">{t.t("plan.print.signs")}</h2>
            {snapshot.warningSigns.length === 0 ? (
              nothing
            ) : (
              <>
                <p>{t.t("plan.print.signsIntro")}</p>
                {snapshot.warningSigns.map((sign) => (
                  <div class="app-print-block" key={sign.id}>
                    <h3 class="nhsuk-heading-m">“{sign.sign}”</h3>
                    <p>
                      <strong>{t.t("plan.field.whatIWillDo")}:</strong> {sign.whatIWillDo}
                    </p>
                    <p>
                      <strong>{t.t("plan.field.whatMyTeamWillDo")}:</strong> {sign.whatMyTeamWillDo}
                    </p>
                  </div>
                ))}
              </>
            )}

            <h2 class="nhsuk-heading-l">{t.t("plan.print.contingency")}</h2>
            {!snapshot.contingency.text && snapshot.contingency.alternatives.length === 0 ? (
              nothing
            ) : (
              <>
                <p>{t.t("plan.print.contingencyIntro")}</p>
                {snapshot.contingency.text && <p class="nhsuk-body-l">{snapshot.contingency.text}</p>}
                {snapshot.contingency.alternatives.length > 0 && (
                  <ul class="nhsuk-list nhsuk-list--bullet">
                    {snapshot.contingency.alternatives.map((alternative) => (
                      <li key={alternative}>{t.t(`plan.alternative.${alternative}`)}</li>
                    ))}
                  </ul>
                )}
                {snapshot.contingency.checkBackDate && (
                  <p>{t.t("plan.print.checkBack", { date: date(t, snapshot.contingency.checkBackDate) })}</p>
                )}
              </>
            )}

            <h2 class="nhsuk-heading-l">{t.t("plan.print.contacts")}</h2>
            {props.supportingTeam && <TeamContact t={t} team={props.supportingTeam} />}
            {props.careTeam.length === 0 ? (
              nothing
            ) : (
              <ul class="nhsuk-list">
                {props.careTeam.map((member) => (
                  <li key={member.staffId}>
                    <strong>{member.fullName}</strong>, {t.t(`plan.role.${member.careTeamRole}`)}:{" "}
                    {member.responsibility}
                  </li>
                ))}
              </ul>
            )}
            {/* On paper, where no page can show it later: where to get help at once. */}
            <CrisisInformation t={t} text={props.crisisInformation} />
            <p class="nhsuk-body-s">
              {t.t("plan.print.printed", { date: t.formatDate(props.printedOn, "long") })}
            </p>
          </main>
        </div>
      </body>
    </html>
  );
}

type SupportingTeam = {
  teamName: string;
  organisationName: string;
  phone: string | null;
  email: string | null;
};

/** Who the person's team is and how to reach it; with no number or address, that said plainly. */
function TeamContact({ t, team }: { t: Translator; team: SupportingTeam }) {
  return (
    <>
      <p class="nhsuk-body-l">
        {t.t("plan.print.team", { team: team.teamName, organisation: team.organisationName })}
      </p>
      {team.phone || team.email ? (
        <ul class="nhsuk-list">
          {team.phone && <li>{t.t("plan.print.teamPhone", { phone: team.phone })}</li>}
          {team.email && <li>{t.t("plan.print.teamEmail", { email: team.email })}</li>}
        </ul>
      ) : (
        <p>{t.t("plan.print.teamNoContact")}</p>
      )}
    </>
  );
}
