import { describe, expect, it } from "vitest";
import { gad7, phq9 } from "../../assessments/service";
import { defaultRuleSettings } from "./rules";
import { daysAgo, history, rulesFired, run, score } from "./test-support";

describe("PHQ-9 question 9", () => {
  it("any answer above 0 on the latest PHQ-9 is urgent and clinical, whatever the total", () => {
    const findings = run(history({ scores: [score("r1", "phq9", 2, daysAgo(1), 1)] }));
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "phq9_item9",
        key: "response:r1",
        severity: "urgent",
        audience: "clinical",
        evidence: { checkInIds: [], assessmentResponseIds: ["r1"], contactIds: [], jobEndingIds: [] },
      }),
    ]);
  });

  it("0 or not answered does not fire", () => {
    expect(run(history({ scores: [score("r1", "phq9", 20, daysAgo(1), 0)] }))).toEqual([]);
    expect(run(history({ scores: [score("r1", "phq9", 20, daysAgo(1), null)] }))).toEqual([]);
  });

  it("cannot be switched off: it fires with every other rule disabled, and after support closed", () => {
    const allOff = Object.fromEntries(
      Object.keys(defaultRuleSettings)
        .filter((name) => name.endsWith("Enabled"))
        .map((name) => [name, false]),
    );
    const h = history({ stage: "closed", scores: [score("r1", "phq9", 3, daysAgo(1), 2)] });
    expect(rulesFired(run(h, allOff))).toEqual(["phq9_item9"]);
  });

  it("looks at the latest PHQ-9: a later answer of 0 is the current one", () => {
    const scores = [score("r1", "phq9", 9, daysAgo(10), 1), score("r2", "phq9", 8, daysAgo(2), 0)];
    expect(run(history({ scores }))).toEqual([]);
    // …but on the day before the second, the first was the latest.
    expect(rulesFired(run(history({ scores }), {}, daysAgo(3)))).toEqual(["phq9_item9"]);
  });
});

describe("reliable deterioration", () => {
  it.each([
    ["phq9", phq9],
    ["gad7", gad7],
  ] as const)("%s uses the reliable change held in the measure definition", (measure, definition) => {
    // A rise of exactly the definition's threshold fires, one less does not.
    const threshold = definition.reliableChange!;
    const rise = (by: number) =>
      history({ scores: [score("a", measure, 3, daysAgo(60)), score("b", measure, 3 + by, daysAgo(1))] });
    const [finding] = run(rise(threshold));
    expect(finding).toMatchObject({
      rule: "reliable_deterioration",
      explanation: { params: { measure: definition.title, change: threshold, threshold } },
    });
    expect(run(rise(threshold - 1))).toEqual([]);
  });

  it("reads the threshold from the definition when it runs: a changed definition moves the rule", () => {
    const published = phq9.reliableChange!;
    const rise = (by: number) =>
      history({ scores: [score("a", "phq9", 3, daysAgo(60)), score("b", "phq9", 3 + by, daysAgo(1))] });
    try {
      phq9.reliableChange = published + 2;
      expect(run(rise(published))).toEqual([]);
      expect(rulesFired(run(rise(published + 2)))).toEqual(["reliable_deterioration"]);
    } finally {
      phq9.reliableChange = published;
    }
  });

  it.each([
    ["phq9", 5, 11, true],
    ["phq9", 5, 10, false],
    ["gad7", 6, 10, true],
    ["gad7", 6, 9, false],
  ] as const)(
    "%s from %i to %i fires: %s (exactly at the threshold fires)",
    (measure, first, latest, fires) => {
      const h = history({
        scores: [score("a", measure, first, daysAgo(60)), score("b", measure, latest, daysAgo(1))],
      });
      const findings = run(h);
      expect(findings.length).toBe(fires ? 1 : 0);
      if (fires)
        expect(findings[0]).toMatchObject({
          rule: "reliable_deterioration",
          key: measure,
          severity: "warning",
          audience: "clinical",
          evidence: { assessmentResponseIds: ["a", "b"] },
          explanation: { params: { first, latest, change: latest - first } },
        });
    },
  );

  it("compares the first with the latest, not the highest, and a single score never fires", () => {
    const scores = [
      score("a", "phq9", 5, daysAgo(90)),
      score("b", "phq9", 20, daysAgo(40)),
      score("c", "phq9", 8, daysAgo(1)),
    ];
    expect(run(history({ scores }))).toEqual([]);
    expect(run(history({ scores: [score("a", "phq9", 25, daysAgo(1))] }))).toEqual([]);
  });

  it("is not raised when switched off", () => {
    const scores = [score("a", "gad7", 2, daysAgo(30)), score("b", "gad7", 15, daysAgo(1))];
    expect(rulesFired(run(history({ scores })))).toEqual(["reliable_deterioration"]);
    expect(run(history({ scores }), { deteriorationEnabled: false })).toEqual([]);
  });
});
