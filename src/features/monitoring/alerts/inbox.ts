import { and, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import {
  AccessRefusedError,
  type ParticipantDoor,
  ParticipantNotFoundError,
} from "../../../platform/access/door";
import type { Actor } from "../../../platform/access/policy";
import { roleTemplates } from "../../../platform/access/roles";
import type { Executor } from "../../../platform/db";
import type { Translator } from "../../../platform/web/i18n";
import { careTeamMember, participant } from "../../participants/schema";
import { participantBanner } from "../../participants/service";
import { participantAlert } from "./schema";
import { type AlertView, audiencesFor, openAlertsFor } from "./service";

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

/** Participants with unresolved alerts for this person: on their care team, or in a team they lead. */
async function participantsWithAlerts(executor: Executor, actor: Actor): Promise<string[]> {
  const condition = inboxCondition(actor);
  if (!condition) return [];
  const rows = await executor
    .selectDistinct({ participantId: participantAlert.participantId })
    .from(participantAlert)
    .innerJoin(participant, eq(participant.id, participantAlert.participantId))
    .where(condition)
    .limit(200);
  return rows.map((row) => row.participantId);
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
  participant: Awaited<ReturnType<typeof participantBanner>>;
  alerts: AlertView[];
};

/**
 * The Alerts page: each participant's alerts are read through the door, so every record shown
 * is checked against the policy and written to the access log like any other read.
 */
export async function alertsForStaff(
  executor: Executor,
  door: ParticipantDoor,
  actor: Actor,
  t: Translator,
  ipAddress: string,
): Promise<StaffAlertGroup[]> {
  const groups: StaffAlertGroup[] = [];
  for (const participantId of await participantsWithAlerts(executor, actor)) {
    try {
      const group = await door.withParticipant(
        actor,
        participantId,
        { purpose: "read", what: "alerts", ipAddress },
        async (record) => ({
          participant: await participantBanner(record, t),
          alerts: await openAlertsFor(record),
        }),
      );
      if (group.alerts.length > 0) groups.push(group);
    } catch (error) {
      // A record the door refuses now (care team changed a moment ago) is left off, not the whole list.
      if (!(error instanceof AccessRefusedError || error instanceof ParticipantNotFoundError)) throw error;
    }
  }
  const firstRaised = (group: StaffAlertGroup) =>
    Math.min(...group.alerts.map((alert) => alert.raisedAt.getTime()));
  return groups.sort((a, b) => firstRaised(a) - firstRaised(b));
}
