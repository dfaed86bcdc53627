import { asc, desc, eq, sql } from "drizzle-orm";
import type { ParticipantRecord } from "../../platform/access/door";
import { onRecord } from "../../platform/access/on-record";
import type { RecordScope } from "../../platform/access/own-record";
import { hasPermission } from "../../platform/access/roles";
import { staffAccount } from "../../platform/directory/schema";
import { type Saved, saved } from "../../platform/outcome";
import { announce } from "../../platform/record-events";
import type { Translator } from "../../platform/web/i18n";
import type { TimelineEntry } from "../../platform/web/timeline";
import { gad7, type MeasureDefinition, measureById, measures, phq9 } from "./measures";
import { findCapability, findProfile } from "./profiles";
import { assessmentResponse, type CompletionMethod, type ResponseCompletionMethod } from "./schema";
import { changeSinceFirst, type ItemProblem, scoreMeasure, talkingTherapiesOutcome } from "./scoring";

/** May this reader see this measure's scores on this record now (consent read live)? */
export function measureVisible(record: ParticipantRecord, definition: MeasureDefinition): boolean {
  return definition.protectedBy === null || record.healthInformationVisible.includes(definition.protectedBy);
}

/** Why the scores are hidden, in plain words: consent not given, or a role that never sees them. */
export function hiddenReason(record: ParticipantRecord): "not_shared" | "not_your_role" {
  return hasPermission(record.actor.role, "participant.read_shared_health_information")
    ? "not_shared"
    : "not_your_role";
}

/** A stored response: its score and band, and the safety alert it raised, if any. */
export type RecordedResponse = { id: string; total: number; band: string; alertId: string | null };

/**
 * A completed questionnaire: stored; or refused, with nothing written, because this reader may not
 * see the measure's scores, or because questions are unanswered or answered outside their options.
 */
export type RecordOutcome =
  | Saved<RecordedResponse>
  | { kind: "hidden" }
  | { kind: "invalid_answers"; problems: ItemProblem[] };

/**
 * Scores and stores one completed questionnaire. A safety item above zero raises the urgent
 * clinical alert in the same transaction: the response is never stored without its alert. The
 * early-warning rules then look again (a reliably worse score is noticed at once, not at the sweep).
 */
export async function recordMeasure(
  record: ParticipantRecord,
  definition: MeasureDefinition,
  input: { answers: Record<string, unknown>; completionMethod: CompletionMethod; completedAt?: Date },
  now: Date,
): Promise<RecordOutcome> {
  if (!measureVisible(record, definition)) return { kind: "hidden" };
  return storeResponse(record, definition, {
    ...input,
    completedAt: input.completedAt ?? now,
    recordedBy: record.actor.staffId,
    now,
  });
}

/**
 * The person answering in their own pages. Their answers are theirs to give whatever they share
 * with whom; who on the care team sees the scores is still decided by consent, on every read.
 */
export function recordOwnMeasure(
  scope: RecordScope,
  definition: MeasureDefinition,
  answers: Record<string, unknown>,
  now: Date,
): Promise<RecordOutcome> {
  return storeResponse(scope, definition, {
    answers,
    completionMethod: "self_completed",
    completedAt: now,
    recordedBy: null,
    now,
  });
}

async function storeResponse(
  scope: RecordScope,
  definition: MeasureDefinition,
  input: {
    answers: Record<string, unknown>;
    completionMethod: ResponseCompletionMethod;
    completedAt: Date;
    recordedBy: string | null;
    now: Date;
  },
): Promise<RecordOutcome> {
  const outcome = scoreMeasure(definition, input.answers);
  if (!outcome.ok) return { kind: "invalid_answers", problems: outcome.problems };
  const { score } = outcome;
  const [row] = await scope.tx
    .insert(assessmentResponse)
    .values({
      organisationId: scope.organisationId,
      participantId: scope.participantId,
      instrument: definition.id,
      answers: score.answers,
      total: score.total,
      band: score.band.id,
      completionMethod: input.completionMethod,
      completedAt: input.completedAt,
      recordedBy: input.recordedBy,
      recordedAt: input.now,
    })
    .returning({ id: assessmentResponse.id });
  // Monitoring raises the safety alert the answer calls for, then its rules look again.
  const { safetyAlertId: alertId } = await announce(scope, "questionnaire_scored", {
    responseId: row!.id,
    safetyRule:
      score.safetyConcern && definition.safetyItem ? (definition.safetyItem.rule as "phq9_item9") : null,
    now: input.now,
  });
  return saved({ id: row!.id, total: score.total, band: score.band.id, alertId });
}

/** PHQ-9 and GAD-7 due with the person's check-ins: never answered, or last answered too long ago. */
export async function measuresDue(scope: RecordScope, everyWeeks: number | null, now: Date) {
  if (everyWeeks === null) return [];
  const latest = await scope.tx
    .select({
      instrument: assessmentResponse.instrument,
      last: sql<Date>`max(${assessmentResponse.completedAt})`.mapWith((value) => new Date(value)),
    })
    .from(assessmentResponse)
    .where(onRecord(scope, assessmentResponse))
    .groupBy(assessmentResponse.instrument);
  const dueBefore = now.getTime() - everyWeeks * 7 * 86_400_000;
  return [phq9, gad7].filter((definition) => {
    const last = latest.find((row) => row.instrument === definition.id)?.last;
    return !last || last.getTime() <= dueBefore;
  });
}

const responseColumns = {
  id: assessmentResponse.id,
  instrument: assessmentResponse.instrument,
  answers: assessmentResponse.answers,
  total: assessmentResponse.total,
  band: assessmentResponse.band,
  completionMethod: assessmentResponse.completionMethod,
  completedAt: assessmentResponse.completedAt,
  recordedByName: staffAccount.fullName,
};

/** The measures' definitions (bands for charts elsewhere, the demo's questionnaires), from their one home. */
export { gad7, type MeasureDefinition, phq9, who5, wsas } from "./measures";
/** Scoring answers, for the demo's questionnaire histories. */
export { type Answers, scoreMeasure } from "./scoring";

export type ResponseRow = Awaited<ReturnType<typeof measureHistory>>[number];

/** Every response to one measure, oldest first. Call only when the measure is visible. */
export function measureHistory(record: ParticipantRecord, definition: MeasureDefinition) {
  return record.tx
    .select(responseColumns)
    .from(assessmentResponse)
    .leftJoin(staffAccount, eq(staffAccount.id, assessmentResponse.recordedBy))
    .where(onRecord(record, assessmentResponse, eq(assessmentResponse.instrument, definition.id)))
    .orderBy(asc(assessmentResponse.completedAt), asc(assessmentResponse.recordedAt));
}

export async function findResponse(
  record: ParticipantRecord,
  definition: MeasureDefinition,
  responseId: string,
) {
  const [row] = await record.tx
    .select(responseColumns)
    .from(assessmentResponse)
    .leftJoin(staffAccount, eq(staffAccount.id, assessmentResponse.recordedBy))
    .where(
      onRecord(
        record,
        assessmentResponse,
        eq(assessmentResponse.id, responseId),
        eq(assessmentResponse.instrument, definition.id),
      ),
    );
  return row;
}

export type MeasureSummary =
  | { definition: MeasureDefinition; visible: false; count: number }
  | {
      definition: MeasureDefinition;
      visible: true;
      count: number;
      first?: ResponseRow;
      latest?: ResponseRow;
      change: ReturnType<typeof changeSinceFirst> | null;
      history: ResponseRow[];
    };

/** The Assessments tab: each measure with its latest score and change since the first, where visible. */
export async function measuresOverview(record: ParticipantRecord) {
  const summaries: MeasureSummary[] = [];
  for (const definition of measures) {
    if (!measureVisible(record, definition)) {
      // The count of completed questionnaires is not a score: it tells staff one is on file.
      const [counted] = await record.tx
        .select({ count: sql<number>`count(*)::int` })
        .from(assessmentResponse)
        .where(onRecord(record, assessmentResponse, eq(assessmentResponse.instrument, definition.id)));
      summaries.push({ definition, visible: false, count: counted?.count ?? 0 });
      continue;
    }
    const history = await measureHistory(record, definition);
    const first = history[0];
    const latest = history.at(-1);
    summaries.push({
      definition,
      visible: true,
      count: history.length,
      first,
      latest,
      change:
        first && latest && history.length > 1
          ? changeSinceFirst(definition, first.total, latest.total)
          : null,
      history,
    });
  }
  const phq = summaries.find((summary) => summary.definition.id === "phq9");
  const gad = summaries.find((summary) => summary.definition.id === "gad7");
  const outcome =
    phq?.visible && gad?.visible && phq.count > 1 && gad.count > 1
      ? talkingTherapiesOutcome(
          phq9,
          gad7,
          { first: phq.first!.total, latest: phq.latest!.total },
          { first: gad.first!.total, latest: gad.latest!.total },
        )
      : null;
  return { summaries, outcome };
}

/** Completed measures, capability and profile saves for the timeline, showing bands only where visible. */
export async function timelineEntries(record: ParticipantRecord, t: Translator): Promise<TimelineEntry[]> {
  const base = `/participants/${record.participantId}/assessments`;
  const responses = await record.tx
    .select({
      id: assessmentResponse.id,
      instrument: assessmentResponse.instrument,
      band: assessmentResponse.band,
      completedAt: assessmentResponse.completedAt,
    })
    .from(assessmentResponse)
    .where(onRecord(record, assessmentResponse))
    .orderBy(desc(assessmentResponse.completedAt));
  const entries: TimelineEntry[] = responses.map((response) => {
    const definition = measureById(response.instrument)!;
    const visible = measureVisible(record, definition);
    const band = definition.bands.find((candidate) => candidate.id === response.band);
    return {
      at: response.completedAt,
      category: "assessment",
      title:
        visible && band
          ? t.t("assessments.timeline.completedWithBand", { measure: definition.title, band: band.label })
          : t.t("assessments.timeline.completed", { measure: definition.title }),
      href: visible ? `${base}/${definition.id}` : undefined,
    };
  });
  const capability = await findCapability(record);
  if (capability)
    entries.push({
      at: capability.assessedAt,
      category: "assessment",
      title: t.t("assessments.timeline.capability", { version: capability.version }),
      href: `${base}/capability`,
    });
  const profile = await findProfile(record);
  if (profile) {
    entries.push({
      at: profile.startedAt,
      category: "assessment",
      title: t.t("assessments.timeline.profileStarted"),
      href: `${base}/vocational-profile`,
    });
    if (profile.version > 1)
      entries.push({
        at: profile.updatedAt,
        category: "assessment",
        title: t.t("assessments.timeline.profileUpdated", { version: profile.version }),
        href: `${base}/vocational-profile`,
      });
  }
  return entries;
}
