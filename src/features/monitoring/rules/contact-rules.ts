import { DAY, isoDate, last, noEvidence, sortedUpTo } from "./helpers";
import type { ParticipantHistory, RuleFinding } from "./rules";
import type { RuleSettings } from "./schema";

// The rules over contacts: keeping in touch, and appointments missed.

/**
 * No attended contact for the set number of days while job-seeking or in work. Counted from the
 * later of the last attended contact and the start of the stage; with neither known there is no
 * gap to measure, so it stays quiet. The key names where the gap began, so a new gap after a new
 * contact is a new alert. Employment audience: keeping in touch is the employment specialist's
 * work, and a gap in appointments is not by itself a clinical sign.
 */
export function noContact(history: ParticipantHistory, settings: RuleSettings, now: Date): RuleFinding[] {
  if (history.stage !== "in_work" && history.stage !== "job_seeking") return [];
  const lastContact = sortedUpTo(history.contacts, (contact) => contact.occurredAt, now)
    .filter((contact) => contact.attendance === "attended")
    .at(-1);
  const stageSince =
    history.stageSince && history.stageSince.getTime() <= now.getTime() ? history.stageSince : null;
  const candidates = [lastContact?.occurredAt, stageSince].filter((date): date is Date => date != null);
  if (candidates.length === 0) return [];
  const since = new Date(Math.max(...candidates.map((date) => date.getTime())));
  const days = Math.floor((now.getTime() - since.getTime()) / DAY);
  if (days < settings.noContactDays) return [];
  const fromContact = lastContact !== undefined && lastContact.occurredAt.getTime() === since.getTime();
  return [
    {
      rule: "no_contact",
      key: `since:${since.toISOString()}`,
      severity: "warning",
      audience: "employment",
      evidence: { ...noEvidence(), contactIds: fromContact ? [lastContact.id] : [] },
      latestEvidenceAt: since,
      explanation: {
        key: fromContact ? "monitoringRules.no_contact.staff" : "monitoringRules.no_contact.staff.never",
        params: { days, thresholdDays: settings.noContactDays, sinceOn: isoDate(since) },
      },
    },
  ];
}

/**
 * Repeated missed appointments: at least the set number of "did not attend" contacts in the
 * window (now − window days, now]. Employment audience, for the same reason as no contact.
 */
export function missedAppointments(
  history: ParticipantHistory,
  settings: RuleSettings,
  now: Date,
): RuleFinding[] {
  const from = now.getTime() - settings.missedAppointmentsWindowDays * DAY;
  const missed = sortedUpTo(history.contacts, (contact) => contact.occurredAt, now).filter(
    (contact) => contact.attendance === "did_not_attend" && contact.occurredAt.getTime() > from,
  );
  if (missed.length < settings.missedAppointmentsCount) return [];
  return [
    {
      rule: "missed_appointments",
      key: "missed_appointments",
      severity: "warning",
      audience: "employment",
      evidence: { ...noEvidence(), contactIds: missed.map((contact) => contact.id) },
      latestEvidenceAt: last(missed).occurredAt,
      explanation: {
        key: "monitoringRules.missed_appointments.staff",
        params: { count: missed.length, windowDays: settings.missedAppointmentsWindowDays },
      },
    },
  ];
}
