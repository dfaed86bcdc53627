import type { Translator } from "../../../platform/web/i18n";
import type { DisclosureInForce } from "../work/disclosure";
import { WeeksTable } from "./plan-views";
import type { ReturnToWorkPlanRow } from "./schema";
import { day } from "./shared";

/**
 * The plan to hand to the employer. It holds only what the person agreed that employer may be
 * told: with "nothing", the person, the employer and the work arrangements, naming no service
 * and no health information; with "support from the service", that an employment service
 * supports them; with "condition", also the words they agreed, and no more. Never scores,
 * diagnoses, notes, warning signs or anything from the support plan. No navigation or service
 * name, so it prints cleanly and says nothing by its frame.
 */
export function EmployerPrintPage(props: {
  t: Translator;
  name: string;
  employerName: string;
  plan: ReturnToWorkPlanRow;
  disclosure: Pick<DisclosureInForce, "choice" | "wording">;
  printedOn: Date;
  backHref: string;
}) {
  const { t, plan, name, disclosure } = props;
  const title = t.t("returnToWork.print.title");
  const wording = disclosure.wording.trim();
  return (
    <html lang={t.locale.slice(0, 2)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css" />
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="app-print-plan">
        <div class="nhsuk-width-container">
          <p class="app-no-print">
            <a class="nhsuk-back-link" href={props.backHref}>
              {t.t("returnToWork.print.back")}
            </a>
          </p>
          <main class="nhsuk-main-wrapper" id="maincontent">
            <h1 class="nhsuk-heading-xl">{title}</h1>
            <p class="app-no-print nhsuk-hint">{t.t("returnToWork.print.howTo")}</p>
            <dl class="nhsuk-summary-list">
              {[
                [t.t("returnToWork.print.person"), name],
                [t.t("returnToWork.print.employer"), props.employerName],
                [t.t("returnToWork.print.returnOn"), day(t, plan.returnOn)],
              ].map(([key, value]) => (
                <div class="nhsuk-summary-list__row" key={key}>
                  <dt class="nhsuk-summary-list__key">{key}</dt>
                  <dd class="nhsuk-summary-list__value">{value}</dd>
                </div>
              ))}
            </dl>
            {disclosure.choice !== "nothing" && <p>{t.t("returnToWork.print.support", { name })}</p>}
            {disclosure.choice === "condition" && wording && (
              <p>{t.t("returnToWork.print.condition", { name, wording })}</p>
            )}
            {plan.phasedReturn.length > 0 && (
              <>
                <h2 class="nhsuk-heading-l">{t.t("returnToWork.advice.phased_return")}</h2>
                <WeeksTable t={t} weeks={plan.phasedReturn} />
              </>
            )}
            {(
              [
                ["alteredHours", "returnToWork.advice.altered_hours"],
                ["amendedDuties", "returnToWork.advice.amended_duties"],
                ["workplaceAdaptations", "returnToWork.advice.workplace_adaptations"],
              ] as const
            ).map(([field, heading]) =>
              plan[field] ? (
                <div class="app-print-block" key={field}>
                  <h2 class="nhsuk-heading-l">{t.t(heading)}</h2>
                  <p>{plan[field]}</p>
                </div>
              ) : null,
            )}
            {plan.reviewDates.length > 0 && (
              <>
                <h2 class="nhsuk-heading-l">{t.t("returnToWork.print.reviews")}</h2>
                <ul class="nhsuk-list nhsuk-list--bullet">
                  {plan.reviewDates.map((date) => (
                    <li key={date}>{day(t, date)}</li>
                  ))}
                </ul>
              </>
            )}
            <p>
              {plan.agreedOn && plan.agreedWithEmployerBy
                ? t.t("returnToWork.print.agreed", {
                    by: plan.agreedWithEmployerBy,
                    date: day(t, plan.agreedOn),
                  })
                : t.t("returnToWork.print.notAgreed")}
            </p>
            <p class="nhsuk-body-s">
              {t.t("returnToWork.print.printed", { date: t.formatDate(props.printedOn, "long") })}
            </p>
          </main>
        </div>
      </body>
    </html>
  );
}
