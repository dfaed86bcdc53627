import { and, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { ParticipantDoor, ParticipantList } from "../../../platform/access/door";
import type { Actor } from "../../../platform/access/policy";
import { roleTemplates } from "../../../platform/access/roles";
import type { Executor } from "../../../platform/db";
import { careTeamMember, participant } from "../../participants/schema";
import { participantAlert } from "./schema";
import { type AlertView, audiencesFor, openAlertsOn } from "./service";

// Alerts across records: the counts beside each person in a list, the count beside "Alerts" in
// the navigation, and the Alerts page itself.

export type OpenAlertCounts = { urgent: number; warning: number };

/**
 * A participant's open (unresolved) alerts that this person would be shown, counted by severity,
 * as an expression for lists. Counts only, no content: opening an alert still goes through the door.
 */
export function openAlertCountsOf(participantId: SQL, actor: Actor): SQL<OpenAlertCounts> {
  const audiences = audiencesFor(actor.role);
  if (audiences.length === 0) return sql`json_build_object('urgent', 0, 'warning', 0)`;
  return sql`(select json_build_object(
      'urgent', count(*) filter (where open_alert.severity = 'urgent'),
      'warning', count(*) filter (where open_alert.severity = 'warning'))
    from ${participantAlert} open_alert
    where open_alert.participant_id = ${participantId}
      and open_alert.organisation_id = ${actor.organisationId}
      and open_alert.status <> 'resolved'
      and open_alert.audience in (${sql.join(
        audiences.map((audience) => sql`${audience}`),
        sql`, `,
      )}))`;
}

/**
 * The unresolved alerts in this person's inbox: on records whose care team they are on, or in a
 * team they lead, of the audiences their role may see. One condition for the list and its count.
 */
function inboxCondition(actor: Actor) {
  const audiences = audiencesFor(actor.role);
  if (audiences.length === 0) return undefined;
  const onCareTeam = sql`exists (select 1 from ${careTeamMember} where ${careTeamMember.participantId} = ${participantAlert.participantId} and ${careTeamMember.staffId} = ${actor.staffId} and ${careTeamMember.removedAt} is null)`;
  const inLedTeam =
    roleTemplates[actor.role].participantReach === "team" && actor.teamIds.length > 0
      ? inArray(participant.teamId, [...actor.teamIds])
      : undefined;
  return and(
    eq(participantAlert.organisationId, actor.organisationId),
    ne(participantAlert.status, "resolved"),
    inArray(participantAlert.audience, audiences),
    inLedTeam ? or(onCareTeam, inLedTeam) : onCareTeam,
  );
}

/**
 * The people with unresolved alerts for this person (on their care team, or in a team they lead),
 * up to 200, with the names the page shows. A merged record is never listed (decision 63).
 */
async function participantsWithAlerts(list: ParticipantList) {
  const condition = inboxCondition(list.actor);
  if (!condition) return [];
  return list.tx
    .selectDistinct({
      id: participant.id,
      givenName: participant.givenName,
      familyName: participant.familyName,
    })
    .from(participantAlert)
    .innerJoin(participant, eq(participant.id, participantAlert.participantId))
    .where(and(condition, isNull(participant.mergedIntoId)))
    .limit(200);
}

/** How many alerts wait in this person's inbox, for the count beside "Alerts" in the navigation. */
export async function openAlertCount(executor: Executor, actor: Actor): Promise<number> {
  const condition = inboxCondition(actor);
  if (!condition) return 0;
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(participantAlert)
    .innerJoin(participant, eq(participant.id, participantAlert.participantId))
    .where(condition);
  return row?.count ?? 0;
}

export type StaffAlertGroup = {
  participant: { id: string; givenName: string; familyName: string };
  alerts: AlertView[];
};

/**
 * The Alerts page: every record with alerts waiting for this person, opened through the door as
 * one list (like the caseload), so the page view is one transaction and one audit event naming
 * everyone shown. The inbox condition is the list's reach (care team, or a team they lead), so
 * nobody appears whom the door would not open for them. Oldest waiting first.
 */
export function alertsForStaff(
  door: ParticipantDoor,
  actor: Actor,
  ipAddress: string,
): Promise<StaffAlertGroup[]> {
  return door.withParticipantList(actor, { what: "alerts", ipAddress }, async (list) => {
    const people = await participantsWithAlerts(list);
    const alertsOf = new Map<string, AlertView[]>();
    for (const alert of await openAlertsOn(
      list,
      people.map((person) => person.id),
    )) {
      const mine = alertsOf.get(alert.participantId);
      if (mine) mine.push(alert);
      else alertsOf.set(alert.participantId, [alert]);
    }
    const groups = people.flatMap((person) => {
      const alerts = alertsOf.get(person.id) ?? [];
      return alerts.length > 0 ? [{ participant: person, alerts }] : [];
    });
    const firstRaised = (group: StaffAlertGroup) =>
      Math.min(...group.alerts.map((alert) => alert.raisedAt.getTime()));
    groups.sort((a, b) => firstRaised(a) - firstRaised(b));
    return { result: groups, shownIds: groups.map((group) => group.participant.id) };
  });
}
