import { and, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { calendarDateAt } from "../../../platform/clock";
import type { Executor } from "../../../platform/db";
import { assessmentResponse } from "../../assessments/schema";
import { contact } from "../../contacts/schema";
import { zonedInstant } from "../../contacts/service";
import { job } from "../../employment/schema";
import { careTeamMember, participant } from "../../participants/schema";
import { planWarningSign } from "../../plans/schema";
import { queueAlertEmails } from "../alerts/notifications";
import { type AlertAudience, type ParticipantAlertRow, participantAlert } from "../alerts/schema";
import { checkIn } from "../check-ins/schema";
import {
  type CheckInFacts,
  type ContactFacts,
  evaluateRules,
  type MeasureScore,
  type ParticipantHistory,
  type PersonalRule,
  type RuleFinding,
  type RuleSettings,
} from "./rules";
import { ruleSettingLimits } from "./schema";
import { currentRuleSettings } from "./service";

// Reading a participant's history for the early-warning rules, and raising what they find. Both the
// single evaluation after a new check-in and the sweep over everyone use these, in bulk.

const DAY = 86_400_000;
/** How far back the rules look: the 28-day sleep baseline before the last 7 days, with room. */
export const CHECK_IN_WINDOW_DAYS = 42;
/** Contacts older than this never change a verdict (missed-appointment window, no-contact limit). */
export const CONTACT_WINDOW_DAYS = 120;
/** After a warning is resolved, the same rule waits this long before it may fire again. */
export const QUIET_DAYS_AFTER_RESOLVED = 7;

/** Minutes after noon, so a bedtime of 23:30 and one of 00:30 are an hour apart, not 23. */
export function minutesAfterNoon(clockTime: string): number {
  const [hours, minutes] = clockTime.split(":").map(Number) as [number, number];
  return ((((hours - 12) * 60 + minutes) % 1440) + 1440) % 1440;
}

export function minutesAfterMidnight(clockTime: string): number {
  const [hours, minutes] = clockTime.split(":").map(Number) as [number, number];
  return hours * 60 + minutes;
}

type CheckInRowFacts = Pick<
  typeof checkIn.$inferSelect,
  | "id"
  | "participantId"
  | "recordedAt"
  | "sleepHours"
  | "bedtime"
  | "wakeTime"
  | "mood"
  | "stress"
  | "energy"
  | "hoursWorked"
>;

export function checkInFacts(row: CheckInRowFacts): CheckInFacts {
  return {
    id: row.id,
    recordedAt: row.recordedAt,
    sleepHours: row.sleepHours,
    bedtimeMinutes: row.bedtime ? minutesAfterNoon(row.bedtime) : null,
    wakeMinutes: row.wakeTime ? minutesAfterMidnight(row.wakeTime) : null,
    mood: row.mood,
    stress: row.stress,
    energy: row.energy,
    hoursWorked: row.hoursWorked,
  };
}

const personalFields = { sleep: "sleepHours", mood: "mood", stress: "stress", energy: "energy" } as const;

/** The histories of many participants at once: one query per kind of record, not per person. */
export async function loadHistories(
  executor: Executor,
  participantIds: readonly string[],
  now: Date,
): Promise<Map<string, ParticipantHistory>> {
  const histories = new Map<string, ParticipantHistory>();
  if (participantIds.length === 0) return histories;
  const ids = [...participantIds];
  const people = await executor
    .select({ id: participant.id, stage: participant.stage, engagedAt: participant.engagedAt })
    .from(participant)
    .where(inArray(participant.id, ids));
  for (const person of people) {
    histories.set(person.id, {
      stage: person.stage,
      stageSince: person.engagedAt,
      checkIns: [],
      scores: [],
      contacts: [],
      jobEndings: [],
      personalRules: [],
    });
  }
  const checkInSince = new Date(now.getTime() - CHECK_IN_WINDOW_DAYS * DAY);
  const checkIns = await executor
    .select({
      id: checkIn.id,
      participantId: checkIn.participantId,
      recordedAt: checkIn.recordedAt,
      sleepHours: checkIn.sleepHours,
      bedtime: checkIn.bedtime,
      wakeTime: checkIn.wakeTime,
      mood: checkIn.mood,
      stress: checkIn.stress,
      energy: checkIn.energy,
      hoursWorked: checkIn.hoursWorked,
    })
    .from(checkIn)
    .where(and(inArray(checkIn.participantId, ids), gte(checkIn.recordedAt, checkInSince)));
  for (const row of checkIns) histories.get(row.participantId)?.checkIns.push(checkInFacts(row));

  // Reliable change compares the first score with the latest; item 9 looks at recent responses.
  // Ranked once and read straight from the ranking: no second pass over the table by id.
  const ranked = executor
    .select({
      id: assessmentResponse.id,
      participantId: assessmentResponse.participantId,
      measure: assessmentResponse.instrument,
      total: assessmentResponse.total,
      item9: sql<number | null>`(${assessmentResponse.answers} ->> '9')::int`.as("item9"),
      completedAt: assessmentResponse.completedAt,
      firstRank:
        sql<number>`row_number() over (partition by ${assessmentResponse.participantId}, ${assessmentResponse.instrument} order by ${assessmentResponse.completedAt} asc, ${assessmentResponse.id})`
          .mapWith(Number)
          .as("first_rank"),
      lastRank:
        sql<number>`row_number() over (partition by ${assessmentResponse.participantId}, ${assessmentResponse.instrument} order by ${assessmentResponse.completedAt} desc, ${assessmentResponse.id} desc)`
          .mapWith(Number)
          .as("last_rank"),
    })
    .from(assessmentResponse)
    .where(
      and(
        inArray(assessmentResponse.participantId, ids),
        inArray(assessmentResponse.instrument, ["phq9", "gad7"]),
      ),
    )
    .as("ranked");
  const scores = await executor
    .select({
      id: ranked.id,
      participantId: ranked.participantId,
      measure: ranked.measure,
      total: ranked.total,
      item9: ranked.item9,
      completedAt: ranked.completedAt,
    })
    .from(ranked)
    .where(or(eq(ranked.firstRank, 1), lte(ranked.lastRank, 3)));
  for (const row of scores) {
    histories.get(row.participantId)?.scores.push({
      id: row.id,
      measure: row.measure as MeasureScore["measure"],
      total: row.total,
      item9: row.measure === "phq9" ? row.item9 : null,
      completedAt: row.completedAt,
    });
  }

  const contactSince = new Date(now.getTime() - CONTACT_WINDOW_DAYS * DAY);
  const contacts = await executor
    .select({
      id: contact.id,
      participantId: contact.participantId,
      occurredAt: contact.occurredAt,
      attendance: contact.attendance,
    })
    .from(contact)
    .where(
      and(
        inArray(contact.participantId, ids),
        gte(contact.occurredAt, contactSince),
        eq(contact.withWhom, "participant"),
      ),
    );
  for (const row of contacts) {
    const facts: ContactFacts = { id: row.id, occurredAt: row.occurredAt, attendance: row.attendance };
    histories.get(row.participantId)?.contacts.push(facts);
  }

  // Jobs that ended within the longest window the job-ending rule can be set to; the rule itself
  // narrows to the organisation's setting. A day's end counts from the start of that UK day.
  const endedSince = calendarDateAt(new Date(now.getTime() - ruleSettingLimits.jobEndingDays.max * DAY));
  const endings = await executor
    .select({ id: job.id, participantId: job.participantId, endedOn: job.endedOn, reason: job.endReason })
    .from(job)
    .where(and(inArray(job.participantId, ids), gte(job.endedOn, endedSince)));
  for (const row of endings) {
    if (!row.endedOn || !row.reason) continue;
    histories
      .get(row.participantId)
      ?.jobEndings.push({ id: row.id, endedAt: zonedInstant(row.endedOn, "00:00"), reason: row.reason });
  }

  const signs = await executor
    .select({
      id: planWarningSign.id,
      participantId: planWarningSign.participantId,
      sign: planWarningSign.sign,
      field: planWarningSign.checkInField,
      comparison: planWarningSign.ruleComparison,
      threshold: planWarningSign.ruleThreshold,
      runLength: planWarningSign.ruleRunLength,
    })
    .from(planWarningSign)
    .where(
      and(inArray(planWarningSign.participantId, ids), sql`${planWarningSign.ruleComparison} is not null`),
    );
  for (const sign of signs) {
    if (!sign.field || !(sign.field in personalFields) || !sign.comparison) continue;
    if (sign.threshold === null || sign.runLength === null) continue;
    const rule: PersonalRule = {
      signId: sign.id,
      field: personalFields[sign.field as keyof typeof personalFields],
      comparison: sign.comparison,
      threshold: sign.threshold,
      runLength: sign.runLength,
      description: sign.sign,
    };
    histories.get(sign.participantId)?.personalRules.push(rule);
  }
  return histories;
}

/** The alert a finding would be, or nothing if it has been raised already (or was just dealt with). */
export function isNewFinding(
  finding: RuleFinding,
  earlier: readonly Pick<ParticipantAlertRow, "rule" | "ruleKey" | "status" | "resolvedAt">[],
  now: Date,
): boolean {
  const same = earlier.filter((alert) => alert.rule === finding.rule && alert.ruleKey === finding.key);
  if (same.some((alert) => alert.status !== "resolved")) return false;
  // Urgent findings are keyed to their own evidence (one per response), so they never repeat;
  // a warning resolved a moment ago waits a quiet week before the same pattern raises it again.
  return !same.some(
    (alert) =>
      finding.severity === "urgent" ||
      (alert.resolvedAt !== null &&
        now.getTime() - alert.resolvedAt.getTime() < QUIET_DAYS_AFTER_RESOLVED * DAY),
  );
}

/** The care-team roles each audience reaches. Clinical alerts never go only to the specialist. */
const rolesFor: Record<Exclude<AlertAudience, "team_leader">, readonly string[]> = {
  clinical: ["clinician", "care_coordinator", "general_practitioner"],
  employment: ["lead_employment_specialist"],
  both: ["clinician", "care_coordinator", "general_practitioner", "lead_employment_specialist"],
};

export type RaisedAlert = { id: string; participantId: string; organisationId: string; routedTo: string[] };

/**
 * Raises the new findings for these participants, routed to the right people on each care team.
 * Returns what was raised so the caller can notify them.
 */
export async function raiseFindings(
  executor: Executor,
  organisationOf: ReadonlyMap<string, string>,
  findings: ReadonlyMap<string, RuleFinding[]>,
  now: Date,
): Promise<RaisedAlert[]> {
  const withFindings = [...findings.entries()].filter(([, list]) => list.length > 0).map(([id]) => id);
  if (withFindings.length === 0) return [];
  const earlier = await executor
    .select({
      participantId: participantAlert.participantId,
      rule: participantAlert.rule,
      ruleKey: participantAlert.ruleKey,
      status: participantAlert.status,
      resolvedAt: participantAlert.resolvedAt,
    })
    .from(participantAlert)
    .where(inArray(participantAlert.participantId, withFindings));
  const members = await executor
    .select({
      participantId: careTeamMember.participantId,
      staffId: careTeamMember.staffId,
      careTeamRole: careTeamMember.careTeamRole,
    })
    .from(careTeamMember)
    .where(and(inArray(careTeamMember.participantId, withFindings), isNull(careTeamMember.removedAt)));
  // Grouped by person once: a sweep batch holds a thousand people and their care teams.
  const earlierOf = groupBy(earlier, (alert) => alert.participantId);
  const membersOf = groupBy(members, (member) => member.participantId);
  const rows: (typeof participantAlert.$inferInsert)[] = [];
  for (const participantId of withFindings) {
    const mine = earlierOf.get(participantId) ?? [];
    for (const finding of findings.get(participantId)!) {
      if (!isNewFinding(finding, mine, now)) continue;
      const routedTo = (membersOf.get(participantId) ?? [])
        .filter((member) => rolesFor[finding.audience].includes(member.careTeamRole))
        .map((member) => member.staffId);
      rows.push({
        organisationId: organisationOf.get(participantId)!,
        participantId,
        rule: finding.rule,
        ruleKey: finding.key,
        severity: finding.severity,
        audience: finding.audience,
        evidence: {
          checkInIds: finding.evidence.checkInIds,
          assessmentResponseIds: finding.evidence.assessmentResponseIds,
          contactIds: finding.evidence.contactIds,
          jobEndingIds: finding.evidence.jobEndingIds,
          ...(finding.evidence.assessmentResponseIds.length === 1 && finding.rule === "phq9_item9"
            ? { assessmentResponseId: finding.evidence.assessmentResponseIds[0] }
            : {}),
        },
        explanation: finding.explanation,
        routedTo: [...new Set(routedTo)],
        raisedAt: now,
      });
      // Two findings with one key in one pass (never expected) must not raise twice.
      mine.push({
        participantId,
        rule: finding.rule,
        ruleKey: finding.key,
        status: "open",
        resolvedAt: null,
      });
    }
  }
  if (rows.length === 0) return [];
  const raised = await executor.insert(participantAlert).values(rows).returning({
    id: participantAlert.id,
    participantId: participantAlert.participantId,
    organisationId: participantAlert.organisationId,
    routedTo: participantAlert.routedTo,
  });
  await queueAlertEmails(executor, { now: () => now }, raised, "raised");
  return raised;
}

function groupBy<Row>(rows: readonly Row[], key: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Evaluates every rule for one participant now (after a check-in, a questionnaire, a contact). */
export async function evaluateParticipant(
  executor: Executor,
  target: { participantId: string; organisationId: string },
  now: Date,
  settings?: RuleSettings,
): Promise<RaisedAlert[]> {
  const ruleSettings = settings ?? (await currentRuleSettings(executor, target.organisationId));
  const histories = await loadHistories(executor, [target.participantId], now);
  const history = histories.get(target.participantId);
  if (!history) return [];
  const findings = new Map([[target.participantId, evaluateRules(history, ruleSettings, now)]]);
  return raiseFindings(executor, new Map([[target.participantId, target.organisationId]]), findings, now);
}
