import type { ParticipantRecord } from "../../../platform/access/door";
import type { Translator } from "../../../platform/web/i18n";
import type { TimelineEntry } from "../../../platform/web/timeline";
import { listAbsences } from "./service";
import { day, returnToWorkBase } from "./shared";

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** Absences and their plans on the participant's timeline: off sick, plan made, agreed, outcome. */
export async function timelineEntries(record: ParticipantRecord, t: Translator): Promise<TimelineEntry[]> {
  const href = returnToWorkBase(record.participantId);
  const entries: TimelineEntry[] = [];
  for (const absence of await listAbsences(record)) {
    entries.push({
      at: noon(absence.startedOn),
      category: "work",
      title: t.t("returnToWork.timeline.absence"),
      detail: t.t("returnToWork.timeline.absenceDetail", {
        employer: absence.employerName,
        date: day(t, absence.startedOn),
      }),
      href,
    });
    const plan = absence.plan;
    if (!plan) continue;
    entries.push({
      at: plan.createdAt,
      category: "work",
      title: t.t("returnToWork.timeline.plan"),
      detail: absence.employerName,
      href,
    });
    if (plan.agreedOn)
      entries.push({
        at: noon(plan.agreedOn),
        category: "work",
        title: t.t("returnToWork.timeline.agreed"),
        detail: absence.employerName,
        href,
      });
    if (plan.outcome && plan.outcomeOn)
      entries.push({
        at: noon(plan.outcomeOn),
        category: "work",
        title: t.t("returnToWork.timeline.outcome", { outcome: t.t(`returnToWork.outcome.${plan.outcome}`) }),
        detail: absence.employerName,
        href,
      });
  }
  return entries;
}
