import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gad7, type MeasureDefinition, measures, phq9, who5, wsas } from "./measures";
import { bandFor, changeSinceFirst, scoreMeasure, talkingTherapiesOutcome } from "./scoring";

const answersOf = (definition: MeasureDefinition, values: readonly (number | "not_applicable")[]) =>
  Object.fromEntries(definition.items.map((item, index) => [item.id, values[index]]));

const score = (definition: MeasureDefinition, values: readonly (number | "not_applicable")[]) => {
  const outcome = scoreMeasure(definition, answersOf(definition, values));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.score;
};

describe("the instruments as published (domain.md, section 4)", () => {
  it("PHQ-9 has 9 scored items and an unscored difficulty item, with the LOINC codes", () => {
    expect(phq9.items.filter((item) => item.scored)).toHaveLength(9);
    expect(phq9.items[9]).toMatchObject({ id: "10", scored: false, loinc: "69722-7" });
    expect(phq9.items[8]).toMatchObject({
      loinc: "44260-8",
      text: "Thoughts that you would be better off dead, or of hurting yourself in some way",
    });
    expect(phq9.loinc).toMatchObject({ panel: "44249-1", total: "44261-6" });
    expect(phq9.answerLoinc).toEqual({ 0: "LA6568-5", 1: "LA6569-3", 2: "LA6570-1", 3: "LA6571-9" });
    expect(gad7.loinc).toMatchObject({ panel: "69737-5", total: "70274-6" });
    expect(gad7.items.map((item) => item.loinc)).toEqual([
      "69725-0",
      "68509-9",
      "69733-4",
      "69734-2",
      "69735-9",
      "69689-8",
      "69736-7",
    ]);
  });

  it("WHO-5 answers run from 5 'All of the time' to 0 'At no time', and WSAS items from 0 to 8", () => {
    expect(who5.items[0]!.options[0]).toEqual({ value: 5, label: "All of the time" });
    expect(who5.items[0]!.options.at(-1)).toEqual({ value: 0, label: "At no time" });
    expect(wsas.items).toHaveLength(5);
    expect(wsas.items.every((item) => item.options.length === 9)).toBe(true);
  });
});

describe("PHQ-9 scoring", () => {
  it.each([
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, "minimal"],
    [[1, 1, 1, 1, 0, 0, 0, 0, 0, 1], 4, "minimal"],
    [[1, 1, 1, 1, 1, 0, 0, 0, 0, 1], 5, "mild"],
    [[2, 2, 1, 1, 1, 1, 1, 0, 0, 1], 9, "mild"],
    [[2, 2, 2, 1, 1, 1, 1, 0, 0, 2], 10, "moderate"],
    [[2, 2, 2, 2, 2, 2, 2, 0, 0, 2], 14, "moderate"],
    [[3, 3, 3, 2, 2, 1, 1, 0, 0, 2], 15, "moderately_severe"],
    [[3, 3, 3, 3, 3, 2, 2, 0, 0, 3], 19, "moderately_severe"],
    [[3, 3, 3, 3, 3, 2, 2, 1, 0, 3], 20, "severe"],
    [[3, 3, 3, 3, 3, 3, 3, 3, 3, 3], 27, "severe"],
  ])("answers %j score %i (%s)", (values, total, band) => {
    const result = score(phq9, values);
    expect(result.total).toBe(total);
    expect(result.band.id).toBe(band);
  });

  it("does not count the difficulty item", () => {
    expect(score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0, 3]).total).toBe(0);
  });

  it("flags item 9 above zero whatever the total, and caseness from 10", () => {
    const low = score(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(low).toMatchObject({ total: 1, safetyConcern: true, caseness: false });
    expect(score(phq9, [2, 2, 2, 1, 1, 1, 1, 0, 0, 2])).toMatchObject({
      safetyConcern: false,
      caseness: true,
    });
  });
});

describe("GAD-7, WSAS and WHO-5 scoring", () => {
  it("GAD-7 bands 0–4, 5–9, 10–14, 15–21 and caseness from 8", () => {
    expect(score(gad7, [1, 1, 1, 1, 0, 0, 0])).toMatchObject({ total: 4, caseness: false });
    expect(score(gad7, [1, 1, 1, 1, 1, 1, 1]).band.id).toBe("mild");
    expect(score(gad7, [2, 2, 1, 1, 1, 1, 0])).toMatchObject({ total: 8, caseness: true });
    expect(score(gad7, [2, 2, 2, 2, 1, 1, 0]).band.id).toBe("moderate");
    expect(score(gad7, [3, 3, 3, 3, 3, 3, 3])).toMatchObject({ total: 21, band: { id: "severe" } });
  });

  it("WSAS: below 10 subclinical, 10–20 significant, above 20 moderately severe", () => {
    expect(score(wsas, [2, 2, 2, 2, 1]).band.id).toBe("subclinical");
    expect(score(wsas, [2, 2, 2, 2, 2]).band.id).toBe("significant");
    expect(score(wsas, [4, 4, 4, 4, 4]).band.id).toBe("significant");
    expect(score(wsas, [5, 4, 4, 4, 4])).toMatchObject({ total: 21, band: { id: "moderately_severe" } });
  });

  it("WSAS: a work item that does not apply is completed with the mean of the others", () => {
    const result = score(wsas, ["not_applicable", 4, 4, 6, 2]);
    expect(result).toMatchObject({ total: 20, prorated: true });
    expect(score(wsas, ["not_applicable", 1, 2, 2, 2]).total).toBe(9); // 7 / 4 × 5 = 8.75
  });

  it("WHO-5: raw score ×4 is the percentage; below 13 is poor wellbeing, 28 % or less likely depression", () => {
    const good = score(who5, [3, 3, 3, 2, 2]);
    expect(good).toMatchObject({ total: 13, reported: 52, caseness: false, band: { id: "not_indicated" } });
    const poor = score(who5, [3, 3, 2, 2, 2]);
    expect(poor).toMatchObject({ total: 12, reported: 48, caseness: true, band: { id: "poor_wellbeing" } });
    expect(score(who5, [2, 2, 1, 1, 1])).toMatchObject({ reported: 28, band: { id: "likely_depression" } });
    expect(score(who5, [2, 2, 2, 1, 1])).toMatchObject({ reported: 32, band: { id: "poor_wellbeing" } });
  });
});

describe("refusals", () => {
  it("names each unanswered item and each answer outside the item's options", () => {
    const outcome = scoreMeasure(phq9, { ...answersOf(phq9, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 3: 4, 9: "" });
    expect(outcome).toEqual({
      ok: false,
      problems: [
        { itemId: "3", problem: "out_of_range" },
        { itemId: "9", problem: "missing" },
      ],
    });
    expect(scoreMeasure(gad7, answersOf(gad7, [0, 0, 0, 0, 0, 0, "not_applicable"])).ok).toBe(false);
    expect(scoreMeasure(who5, answersOf(who5, [1.5, 1, 1, 1, 1])).ok).toBe(false);
  });
});

describe("reliable change and recovery (NHS Talking Therapies)", () => {
  it("PHQ-9 needs a change of 6, GAD-7 of 4, WHO-5 of 10 percentage points", () => {
    expect(changeSinceFirst(phq9, 18, 12).kind).toBe("reliable_improvement");
    expect(changeSinceFirst(phq9, 18, 13).kind).toBe("no_reliable_change");
    expect(changeSinceFirst(phq9, 8, 14).kind).toBe("reliable_deterioration");
    expect(changeSinceFirst(gad7, 12, 8).kind).toBe("reliable_improvement");
    expect(changeSinceFirst(gad7, 12, 9).kind).toBe("no_reliable_change");
    expect(changeSinceFirst(who5, 10, 13)).toEqual({ difference: 12, kind: "reliable_improvement" });
    expect(changeSinceFirst(who5, 10, 12).kind).toBe("no_reliable_change");
    expect(changeSinceFirst(wsas, 30, 5).kind).toBeNull();
  });

  it("recovery is caseness at the start and below both cut-offs at the latest", () => {
    expect(talkingTherapiesOutcome(phq9, gad7, { first: 16, latest: 8 }, { first: 12, latest: 6 })).toEqual({
      casenessAtStart: true,
      recovered: true,
      reliableImprovement: true,
      reliableDeterioration: false,
      reliableRecovery: true,
    });
    const stillAnxious = talkingTherapiesOutcome(
      phq9,
      gad7,
      { first: 16, latest: 8 },
      { first: 12, latest: 9 },
    );
    expect(stillAnxious).toMatchObject({ recovered: false, reliableImprovement: true });
    const mixed = talkingTherapiesOutcome(phq9, gad7, { first: 16, latest: 8 }, { first: 3, latest: 7 });
    expect(mixed).toMatchObject({ recovered: true, reliableImprovement: false, reliableDeterioration: true });
    const neverACase = talkingTherapiesOutcome(phq9, gad7, { first: 6, latest: 2 }, { first: 5, latest: 1 });
    expect(neverACase).toMatchObject({ casenessAtStart: false, recovered: false });
  });
});

describe("properties of every instrument", () => {
  for (const definition of measures) {
    const validAnswers = fc.tuple(
      ...definition.items.map((item) => fc.constantFrom(...item.options.map((option) => option.value))),
    );

    it(`${definition.title}: bands cover ${definition.total.min}–${definition.total.max} without gaps or overlaps`, () => {
      const bands = definition.bands;
      expect(bands[0]!.min).toBe(definition.total.min);
      expect(bands.at(-1)!.max).toBe(definition.total.max);
      for (let index = 1; index < bands.length; index++) {
        expect(bands[index]!.min).toBe(bands[index - 1]!.max + 1);
      }
      fc.assert(
        fc.property(fc.integer({ min: definition.total.min, max: definition.total.max }), (total) => {
          const containing = bands.filter((band) => total >= band.min && total <= band.max);
          return containing.length === 1 && bandFor(definition, total) === containing[0];
        }),
      );
      expect(() => bandFor(definition, definition.total.max + 1)).toThrow(RangeError);
    });

    it(`${definition.title}: every answer set scores within range, the same every time`, () => {
      fc.assert(
        fc.property(validAnswers, (values) => {
          const first = score(definition, values);
          const again = score(definition, values);
          return (
            first.total >= definition.total.min &&
            first.total <= definition.total.max &&
            first.reported === first.total * definition.reportedMultiplier &&
            JSON.stringify(first) === JSON.stringify(again)
          );
        }),
      );
    });

    it(`${definition.title}: an answer outside an item's options is refused`, () => {
      const allowed = (index: number) => definition.items[index]!.options.map((option) => option.value);
      fc.assert(
        fc.property(
          validAnswers,
          fc.nat({ max: definition.items.length - 1 }),
          fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double(), fc.string()),
          (values, index, wrong) => {
            fc.pre(!allowed(index).includes(wrong as number) && wrong !== "" && wrong !== "not_applicable");
            fc.pre(
              !(typeof wrong === "string" && /^\d+$/.test(wrong) && allowed(index).includes(Number(wrong))),
            );
            const input = answersOf(definition, values) as Record<string, unknown>;
            input[definition.items[index]!.id] = wrong;
            const outcome = scoreMeasure(definition, input);
            return (
              !outcome.ok &&
              outcome.problems.some((problem) => problem.itemId === definition.items[index]!.id)
            );
          },
        ),
      );
    });
  }
});
