import type { Band, MeasureDefinition } from "./measures";

export type AnswerValue = number | "not_applicable";
export type Answers = Record<string, AnswerValue>;

export type ItemProblem = { itemId: string; problem: "missing" | "out_of_range" | "not_applicable_here" };

export type Score = {
  total: number;
  /** The total as people report it: WHO-5 as a percentage, the others as the total itself. */
  reported: number;
  band: Band;
  /** Meets the measure's caseness rule, where it has one. */
  caseness: boolean | null;
  /** The safety item was answered above zero (PHQ-9 item 9). */
  safetyConcern: boolean;
  /** The WSAS work item did not apply and the total was completed from the other items. */
  prorated: boolean;
  /** Every answer, as checked: only the definition's items, only their options. */
  answers: Answers;
};

export type ScoreOutcome = { ok: true; score: Score } | { ok: false; problems: ItemProblem[] };

export function bandFor(definition: MeasureDefinition, total: number): Band {
  const band = definition.bands.find((candidate) => total >= candidate.min && total <= candidate.max);
  if (!band) throw new RangeError(`${definition.id} total ${total} is outside every band`);
  return band;
}

/**
 * Checks every answer against the definition and scores it. Every item must be answered with one
 * of its own options; the only exception is the WSAS work item's published "does not apply"
 * choice, where the total is completed with the mean of the other items (NHS Data Dictionary,
 * WSAS SCORE), rounded to the nearest whole point.
 */
export function scoreMeasure(definition: MeasureDefinition, input: Record<string, unknown>): ScoreOutcome {
  const problems: ItemProblem[] = [];
  const answers: Answers = {};
  for (const item of definition.items) {
    const raw = input[item.id];
    if (raw === undefined || raw === null || raw === "") {
      problems.push({ itemId: item.id, problem: "missing" });
      continue;
    }
    if (raw === "not_applicable") {
      if (item.notApplicable) answers[item.id] = "not_applicable";
      else problems.push({ itemId: item.id, problem: "not_applicable_here" });
      continue;
    }
    const value = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
    if (typeof value !== "number" || !item.options.some((option) => option.value === value)) {
      problems.push({ itemId: item.id, problem: "out_of_range" });
      continue;
    }
    answers[item.id] = value;
  }
  if (problems.length > 0) return { ok: false, problems };

  const scored = definition.items.filter((item) => item.scored);
  const values = scored.map((item) => answers[item.id]);
  const numbers = values.filter((value): value is number => typeof value === "number");
  const prorated = numbers.length < scored.length;
  const sum = numbers.reduce((total, value) => total + value, 0);
  const total = prorated && numbers.length > 0 ? Math.round((sum / numbers.length) * scored.length) : sum;
  const band = bandFor(definition, total);
  const caseness = definition.caseness
    ? definition.caseness.direction === "at_or_above"
      ? total >= definition.caseness.threshold
      : total < definition.caseness.threshold
    : null;
  const safetyItem = definition.safetyItem;
  const safetyValue = safetyItem ? answers[safetyItem.itemId] : undefined;
  return {
    ok: true,
    score: {
      total,
      reported: total * definition.reportedMultiplier,
      band,
      caseness,
      safetyConcern: typeof safetyValue === "number" && safetyValue > 0,
      prorated,
      answers,
    },
  };
}

export type ChangeKind = "reliable_improvement" | "reliable_deterioration" | "no_reliable_change";

/**
 * Change in the reported score from the first to the latest, judged against the measure's
 * reliable-change threshold (NHS Talking Therapies for PHQ-9 and GAD-7; 10 points for WHO-5).
 * Null when there is only one score or the measure has no published threshold.
 */
export function changeSinceFirst(
  definition: MeasureDefinition,
  firstTotal: number,
  latestTotal: number,
): { difference: number; kind: ChangeKind | null } {
  const difference = (latestTotal - firstTotal) * definition.reportedMultiplier;
  if (definition.reliableChange === null) return { difference, kind: null };
  const better = definition.higherIsBetter ? difference : -difference;
  if (better >= definition.reliableChange) return { difference, kind: "reliable_improvement" };
  if (-better >= definition.reliableChange) return { difference, kind: "reliable_deterioration" };
  return { difference, kind: "no_reliable_change" };
}

export type PairedScores = { first: number; latest: number };

export type TalkingTherapiesOutcome = {
  casenessAtStart: boolean;
  recovered: boolean;
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
  reliableRecovery: boolean;
};

/**
 * NHS Talking Therapies outcome from paired PHQ-9 and GAD-7 scores (domain.md, sections 0 and 4):
 * caseness is PHQ-9 ≥ 10 or GAD-7 ≥ 8; recovery is caseness at the start and below both at the
 * latest; reliable improvement is a fall of at least the threshold on either measure with no
 * reliable deterioration on the other; reliable recovery is both.
 */
export function talkingTherapiesOutcome(
  phq9Definition: MeasureDefinition,
  gad7Definition: MeasureDefinition,
  phq: PairedScores,
  gad: PairedScores,
): TalkingTherapiesOutcome {
  const phqCase = (total: number) =>
    total >= (phq9Definition.caseness?.threshold ?? Number.POSITIVE_INFINITY);
  const gadCase = (total: number) =>
    total >= (gad7Definition.caseness?.threshold ?? Number.POSITIVE_INFINITY);
  const casenessAtStart = phqCase(phq.first) || gadCase(gad.first);
  const recovered = casenessAtStart && !phqCase(phq.latest) && !gadCase(gad.latest);
  const phqChange = changeSinceFirst(phq9Definition, phq.first, phq.latest).kind;
  const gadChange = changeSinceFirst(gad7Definition, gad.first, gad.latest).kind;
  const reliableDeterioration =
    phqChange === "reliable_deterioration" || gadChange === "reliable_deterioration";
  const reliableImprovement =
    (phqChange === "reliable_improvement" || gadChange === "reliable_improvement") && !reliableDeterioration;
  return {
    casenessAtStart,
    recovered,
    reliableImprovement,
    reliableDeterioration,
    reliableRecovery: recovered && reliableImprovement,
  };
}
