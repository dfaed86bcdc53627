import { gad7, phq9 } from "../../assessments/service";
import { isoDate, last, noEvidence, sortedUpTo } from "./helpers";
import type { ParticipantHistory, RuleFinding } from "./rules";

// The rules over questionnaire scores. Their figures come from the measure definitions, which the
// assessments feature owns: never copied here, and read when a rule runs rather than when this
// module loads (assessments and monitoring still load each other).

/** The measure definitions these rules read (PHQ-9 and GAD-7). */
const definitionOf = (measure: "phq9" | "gad7") => (measure === "phq9" ? phq9 : gad7);

/**
 * NHS Talking Therapies reliable change, first to latest score (domain.md), as the measure's
 * definition gives it. Fixed, not a setting: "reliable deterioration" is a defined statistic.
 */
export function reliableChangeOf(measure: "phq9" | "gad7"): number {
  const threshold = definitionOf(measure).reliableChange;
  if (threshold === null) throw new Error(`${measure} has no reliable-change threshold`);
  return threshold;
}

/** PHQ-9 item 9 above zero on the latest PHQ-9: urgent and clinical, whatever the total. */
export function phq9Item9(history: ParticipantHistory, now: Date): RuleFinding[] {
  const responses = sortedUpTo(
    history.scores.filter((score) => score.measure === "phq9"),
    (score) => score.completedAt,
    now,
  );
  // Only the latest: each earlier answer raised its own alert the moment it was submitted.
  const latest = responses.at(-1);
  if (!latest || latest.item9 === null || latest.item9 <= 0) return [];
  return [
    {
      rule: "phq9_item9",
      key: `response:${latest.id}`,
      severity: "urgent",
      audience: "clinical",
      evidence: { ...noEvidence(), assessmentResponseIds: [latest.id] },
      latestEvidenceAt: latest.completedAt,
      explanation: {
        key: "monitoringRules.phq9_item9.staff",
        params: { answer: latest.item9, completedOn: isoDate(latest.completedAt) },
      },
    },
  ];
}

/**
 * A rise of the reliable-change size from the first to the latest PHQ-9 or GAD-7. A warning, not
 * urgent: it asks for a clinical review soon, while "urgent" stays kept for risk to life.
 */
export function reliableDeterioration(history: ParticipantHistory, now: Date): RuleFinding[] {
  return (["phq9", "gad7"] as const).flatMap((measure) => {
    const scores = sortedUpTo(
      history.scores.filter((score) => score.measure === measure),
      (score) => score.completedAt,
      now,
    );
    if (scores.length < 2) return [];
    const first = scores[0]!;
    const latest = last(scores);
    const change = latest.total - first.total;
    const threshold = reliableChangeOf(measure);
    if (change < threshold) return [];
    return [
      {
        rule: "reliable_deterioration" as const,
        key: measure,
        severity: "warning" as const,
        audience: "clinical" as const,
        evidence: { ...noEvidence(), assessmentResponseIds: [first.id, latest.id] },
        latestEvidenceAt: latest.completedAt,
        explanation: {
          key: "monitoringRules.reliable_deterioration.staff",
          params: {
            measure: definitionOf(measure).title,
            first: first.total,
            latest: latest.total,
            change,
            threshold,
            firstOn: isoDate(first.completedAt),
            latestOn: isoDate(latest.completedAt),
          },
        },
      },
    ];
  });
}
