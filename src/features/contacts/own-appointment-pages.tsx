import type { OwnPagesContext } from "../../platform/http/own-pages";
import { InsetText } from "../../platform/web/components";
import type { Translator } from "../../platform/web/i18n";
import { OwnPagesLayout } from "../../platform/web/own-pages-layout";
import type { OwnAppointment } from "./appointments";
import { firstName } from "./rules";

/** One appointment in the person's words: when, with whom, how, where. Never a judgement. */
function OwnAppointmentItem({ t, row, settled }: { t: Translator; row: OwnAppointment; settled: boolean }) {
  return (
    <li class="app-own-appointment">
      <h3 class="nhsuk-heading-s">{t.formatDate(row.startsAt, "dateTime")}</h3>
      <p class="nhsuk-body-s">
        {t.t("ownAppointments.with", {
          name: firstName(row.withStaffName),
          role: t.t(`ownAppointments.role.${row.careTeamRole ?? "none"}`),
        })}
        <br />
        {t.t("ownAppointments.how", { method: t.t(`ownAppointments.method.${row.method}`) })}
        {" · "}
        {t.t("ownAppointments.length", { minutes: t.formatNumber(row.durationMinutes) })}
        {row.location && (
          <>
            <br />
            {t.t("ownAppointments.where", { place: row.location })}
          </>
        )}
        {settled ? (
          <>
            <br />
            {t.t(`ownAppointments.status.${row.status}`)}
          </>
        ) : (
          row.status !== "scheduled" && (
            <>
              <br />
              <strong>{t.t("ownAppointments.cancelledUpcoming")}</strong>
            </>
          )
        )}
      </p>
    </li>
  );
}

/** "My appointments": what is coming up, how to change it, and the last three months. */
export function OwnAppointmentsPage(
  props: OwnPagesContext & { upcoming: OwnAppointment[]; past: OwnAppointment[] },
) {
  const { t, upcoming, past } = props;
  return (
    <OwnPagesLayout {...props} title={t.t("ownAppointments.title")}>
      <h1>{t.t("ownAppointments.title")}</h1>
      <p>{t.t("ownAppointments.intro")}</p>
      <h2>{t.t("ownAppointments.upcoming")}</h2>
      {upcoming.length === 0 ? (
        <p>{t.t("ownAppointments.noneUpcoming")}</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--border">
          {upcoming.map((row) => (
            <OwnAppointmentItem t={t} row={row} settled={false} key={row.id} />
          ))}
        </ul>
      )}
      <InsetText>
        <p>{t.t("ownAppointments.change")}</p>
      </InsetText>
      <h2>{t.t("ownAppointments.past")}</h2>
      {past.length === 0 ? (
        <p>{t.t("ownAppointments.nonePast")}</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--border">
          {past.map((row) => (
            <OwnAppointmentItem t={t} row={row} settled key={row.id} />
          ))}
        </ul>
      )}
    </OwnPagesLayout>
  );
}
