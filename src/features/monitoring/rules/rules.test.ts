import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTranslator, isMessageKey, type MessageKey } from "../../../platform/web/i18n";
import { gad7, phq9 } from "../../assessments/measures";
import {
  type CheckInFacts,
  type ContactFacts,
  clockTime,
  defaultRuleSettings,
  evaluateRules,
  type MeasureScore,
  monitoringRules,
  type ParticipantHistory,
  participantExplanationKey,
  type RuleFinding,
  type RuleSettings,
  reliableChange,
  ruleSettingsSchema,
} from "./rules";
import { ruleSettingLimits } from "./schema";

const DAY = 24 * 60 * 60 * 1000;
const english = createTranslator("en-GB");
const now = new Date("2026-11-23T09:00:00Z");
const daysAgo = (days: number, from = now) => new Date(from.getTime() - days * DAY);

const history = (overrides: Partial<ParticipantHistory> = {}): ParticipantHistory => ({
  stage: "engaged",
  checkIns: [],
  scores: [],
  contacts: [],
  jobEndings: [],
  personalRules: [],
  stageSince: null,
  ...overrides,
});

const checkIn = (id: string, at: Date, fields: Partial<CheckInFacts> = {}): CheckInFacts => ({
  id,
  recordedAt: at,
  sleepHours: null,
  bedtimeMinutes: null,
  wakeMinutes: null,
  mood: null,
  stress: null,
  energy: null,
  hoursWorked: null,
  ...fields,
});

/** One check-in a day for `days` days back from `from`, with the figures `at(day)` gives. */
const nightly = (days: number, at: (day: number) => Partial<CheckInFacts>, from = now) =>
  Array.from({ length: days }, (_, index) =>
    checkIn(`c${String(index).padStart(3, "0")}`, daysAgo(index, from), at(index)),
  );

const score = (
  id: string,
  measure: "phq9" | "gad7",
  total: number,
  at: Date,
  item9: number | null = 0,
): MeasureScore => ({
  id,
  measure,
  total,
  item9: measure === "phq9" ? item9 : null,
  completedAt: at,
});
const contact = (
  id: string,
  at: Date,
  attendance: ContactFacts["attendance"] = "attended",
): ContactFacts => ({
  id,
  occurredAt: at,
  attendance,
});

const rulesFired = (findings: RuleFinding[]) => findings.map((finding) => finding.rule);
const run = (h: ParticipantHistory, settings: Partial<RuleSettings> = {}, at = now) =>
  evaluateRules(h, { ...defaultRuleSettings, ...settings }, at);

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
  it("uses the NHS Talking Therapies thresholds held in the measure definitions", () => {
    expect(reliableChange).toEqual({ phq9: phq9.reliableChange, gad7: gad7.reliableChange });
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

describe("sleep changed from the usual pattern", () => {
  // 35 days of check-ins: the 28-day baseline sleeps 7.5 hours, in bed at 23:00 (660).
  const sleepHistory = (recentHours: number, recentBedtime = 660) =>
    history({
      checkIns: nightly(35, (day) =>
        day < 7
          ? { sleepHours: recentHours, bedtimeMinutes: recentBedtime }
          : { sleepHours: 7.5, bedtimeMinutes: 660 },
      ),
    });

  it("fires when the last 7 days' average sleep is 1.5 hours or more from the person's own baseline", () => {
    const [finding] = run(sleepHistory(6));
    expect(finding).toMatchObject({
      rule: "sleep_destabilisation",
      key: "sleep",
      audience: "both",
      severity: "warning",
      explanation: {
        key: "monitoringRules.sleep_destabilisation.staff.hours",
        params: { recentHours: 6, baselineHours: 7.5 },
      },
    });
    expect(finding!.evidence.checkInIds).toHaveLength(7);
    expect(finding!.latestEvidenceAt).toEqual(now);
  });

  it("at exactly the threshold it fires; just inside it does not; much more sleep counts too", () => {
    expect(rulesFired(run(sleepHistory(6)))).toEqual(["sleep_destabilisation"]);
    expect(run(sleepHistory(6.1))).toEqual([]);
    expect(rulesFired(run(sleepHistory(9)))).toEqual(["sleep_destabilisation"]);
    expect(run(sleepHistory(6), { sleepHoursChange: 2 })).toEqual([]);
  });

  it("fires on a shift in bedtime across midnight, and says the times", () => {
    const [finding] = run(sleepHistory(7.5, 780));
    expect(finding?.explanation).toEqual({
      key: "monitoringRules.sleep_destabilisation.staff.bedtime",
      params: {
        recentBedtime: "01:00",
        baselineBedtime: "23:00",
        shiftMinutes: 120,
        shiftThresholdMinutes: 90,
      },
    });
    // 90 minutes is the threshold: exactly at it fires, a minute inside does not.
    expect(rulesFired(run(sleepHistory(7.5, 750)))).toEqual(["sleep_destabilisation"]);
    expect(run(sleepHistory(7.5, 749))).toEqual([]);
  });

  it("fires on widely scattered bedtimes even when the average is usual", () => {
    // 21:00, 01:00, 21:00, 01:00 … averages 23:00 with a standard deviation of 120 minutes.
    const checkIns = nightly(35, (day) =>
      day < 7
        ? { sleepHours: 7.5, bedtimeMinutes: day % 2 === 0 ? 540 : 780 }
        : { sleepHours: 7.5, bedtimeMinutes: 660 },
    );
    // Seven nights alternate 4 × 21:00 and 3 × 01:00: mean 642.9, not a 90-minute shift.
    const [finding] = run(history({ checkIns }));
    expect(finding?.explanation.key).toBe("monitoringRules.sleep_destabilisation.staff.spread");
    expect(finding?.explanation.params.spreadMinutes).toBe(119);
    expect(run(history({ checkIns }), { sleepBedtimeSpreadMinutes: 120 })).toEqual([]);
  });

  it("stays quiet on sparse data: one recent night, or fewer than three baseline nights", () => {
    const weekly = (recent: number, baseline: number) =>
      history({
        checkIns: [
          ...Array.from({ length: recent }, (_, i) => checkIn(`r${i}`, daysAgo(i), { sleepHours: 4 })),
          ...Array.from({ length: baseline }, (_, i) =>
            checkIn(`b${i}`, daysAgo(8 + 7 * i), { sleepHours: 8 }),
          ),
        ],
      });
    expect(run(weekly(1, 4))).toEqual([]);
    expect(run(weekly(2, 2))).toEqual([]);
    expect(rulesFired(run(weekly(2, 3)))).toEqual(["sleep_destabilisation"]);
  });

  it("moves with the clock: a bad week fires while it is recent and no longer a month later", () => {
    const h = sleepHistory(5);
    expect(rulesFired(run(h))).toEqual(["sleep_destabilisation"]);
    // Evaluated before the bad week began, the same history is all usual nights.
    expect(run(h, {}, daysAgo(7))).toEqual([]);
    // A week on with nothing recorded since, there is no recent week to compare.
    expect(run(h, {}, daysAgo(-8))).toEqual([]);
    expect(run(h, {}, daysAgo(-3))).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: "sleep_destabilisation" })]),
    );
    // Three weeks on, with usual nights recorded since, the bad week is baseline and recent is usual.
    const later = daysAgo(-21);
    const since = nightly(21, () => ({ sleepHours: 7.5, bedtimeMinutes: 660 }), later).map((c) => ({
      ...c,
      id: `n${c.id}`,
    }));
    const moved = run(history({ checkIns: [...h.checkIns, ...since] }), {}, later);
    expect(moved).toEqual([]);
  });

  it("ignores check-ins dated after now, and is not raised when switched off", () => {
    const future = history({
      checkIns: [
        ...nightly(35, () => ({ sleepHours: 7.5, bedtimeMinutes: 660 })).filter(
          (c) => c.recordedAt < daysAgo(0.5),
        ),
        ...Array.from({ length: 5 }, (_, i) => checkIn(`f${i}`, daysAgo(-1 - i), { sleepHours: 2 })),
      ],
    });
    expect(run(future)).toEqual([]);
    expect(run(sleepHistory(4), { sleepEnabled: false })).toEqual([]);
  });
});

describe("the person's own early-warning signs", () => {
  const lessSleep = {
    signId: "s1",
    field: "sleepHours" as const,
    comparison: "below" as const,
    threshold: 6,
    runLength: 3,
    description: "less than 6 hours' sleep three nights running",
  };
  const nights = (...hours: number[]) =>
    hours.map((value, index) =>
      checkIn(`c${index}`, daysAgo(hours.length - 1 - index), { sleepHours: value }),
    );

  it("fires when the last three nights are all below 6 hours, in their words", () => {
    const [finding] = run(history({ checkIns: nights(8, 5, 5.5, 4), personalRules: [lessSleep] }));
    expect(finding).toMatchObject({
      rule: "personal_rule",
      key: "personal:s1:sleepHours",
      audience: "both",
      evidence: { checkInIds: ["c1", "c2", "c3"] },
      explanation: {
        key: "monitoringRules.personal_rule.staff.sleepHours.below",
        params: { sign: lessSleep.description, runLength: 3, values: "5, 5.5, 4" },
      },
    });
  });

  it("does not fire on two nights, on exactly 6 hours, or when the run is broken", () => {
    expect(run(history({ checkIns: nights(5, 5), personalRules: [lessSleep] }))).toEqual([]);
    expect(run(history({ checkIns: nights(5, 6, 5), personalRules: [lessSleep] }))).toEqual([]);
    expect(run(history({ checkIns: nights(5, 5, 8, 5), personalRules: [lessSleep] }))).toEqual([]);
  });

  it("skips check-ins that did not record the field, and needs the latest within 7 days", () => {
    const checkIns = [...nights(5, 5, 5), checkIn("mood-only", daysAgo(0.5), { mood: 6 })];
    expect(rulesFired(run(history({ checkIns, personalRules: [lessSleep] })))).toEqual(["personal_rule"]);
    expect(run(history({ checkIns, personalRules: [lessSleep] }), {}, daysAgo(-7))).toEqual([]);
  });

  it("works for bedtimes and 'above' signs, and is not raised when switched off", () => {
    const lateNights = {
      ...lessSleep,
      signId: "s2",
      field: "bedtime" as const,
      comparison: "above" as const,
      threshold: 720,
    };
    const checkIns = [0, 1].map((day) => checkIn(`b${day}`, daysAgo(day), { bedtimeMinutes: 790 }));
    const [finding] = run(history({ checkIns, personalRules: [{ ...lateNights, runLength: 2 }] }));
    expect(finding?.explanation.params).toMatchObject({ threshold: "00:00", values: "01:10, 01:10" });
    expect(run(history({ checkIns, personalRules: [lateNights] }), { personalRulesEnabled: false })).toEqual(
      [],
    );
  });
});

describe("no contact while job-seeking or in work", () => {
  const h = (stage: ParticipantHistory["stage"], lastContactDaysAgo: number) =>
    history({
      stage,
      stageSince: daysAgo(200),
      contacts: [
        contact("old", daysAgo(lastContactDaysAgo + 10)),
        contact("last", daysAgo(lastContactDaysAgo)),
        contact("dna", daysAgo(1), "did_not_attend"),
      ],
    });

  it("fires at 21 days without an attended contact, not at 20; a missed appointment is not contact", () => {
    const [finding] = run(h("job_seeking", 21));
    expect(finding).toMatchObject({
      rule: "no_contact",
      audience: "employment",
      evidence: { contactIds: ["last"] },
      explanation: { key: "monitoringRules.no_contact.staff", params: { days: 21, thresholdDays: 21 } },
    });
    expect(run(h("in_work", 20))).toEqual([]);
  });

  it("only while job-seeking or in work", () => {
    expect(run(h("engaged", 40))).toEqual([]);
    expect(run(h("paused", 40))).toEqual([]);
  });

  it("counts from the start of the stage when there has been no contact since", () => {
    const [finding] = run(history({ stage: "in_work", stageSince: daysAgo(30) }));
    expect(finding?.explanation).toMatchObject({
      key: "monitoringRules.no_contact.staff.never",
      params: { days: 30 },
    });
    expect(run(history({ stage: "in_work", stageSince: null }))).toEqual([]);
  });

  it("moves with the clock and follows the organisation's setting", () => {
    const quiet = h("in_work", 10);
    expect(run(quiet)).toEqual([]);
    expect(rulesFired(run(quiet, {}, daysAgo(-11)))).toEqual(["no_contact"]);
    expect(rulesFired(run(quiet, { noContactDays: 10 }))).toEqual(["no_contact"]);
    expect(run(quiet, { noContactDays: 10, noContactEnabled: false })).toEqual([]);
  });
});

describe("missed appointments", () => {
  const dnas = (...days: number[]) =>
    history({ contacts: days.map((day, index) => contact(`d${index}`, daysAgo(day), "did_not_attend")) });

  it("two 'did not attend' within 28 days fires, employment audience, with both as evidence", () => {
    expect(run(dnas(3, 27))).toEqual([
      expect.objectContaining({
        rule: "missed_appointments",
        audience: "employment",
        evidence: expect.objectContaining({ contactIds: ["d1", "d0"] }),
        explanation: {
          key: "monitoringRules.missed_appointments.staff",
          params: { count: 2, windowDays: 28 },
        },
      }),
    ]);
  });

  it("one, or two with one exactly 28 days ago (outside the window), does not", () => {
    expect(run(dnas(3))).toEqual([]);
    expect(run(dnas(3, 28))).toEqual([]);
    expect(rulesFired(run(dnas(3, 28), { missedAppointmentsWindowDays: 29 }))).toEqual([
      "missed_appointments",
    ]);
    expect(run(dnas(1, 2), { missedAppointmentsCount: 3 })).toEqual([]);
    expect(run(dnas(1, 2), { missedAppointmentsEnabled: false })).toEqual([]);
  });

  it("cancellations are not missed appointments", () => {
    const h = history({
      contacts: [
        contact("a", daysAgo(1), "cancelled_by_participant"),
        contact("b", daysAgo(2), "cancelled_by_service"),
      ],
    });
    expect(run(h)).toEqual([]);
  });
});

describe("a job ending", () => {
  const ending = (id: string, days: number, reason: "dismissed" | "moved_to_better_job" = "dismissed") => ({
    id,
    endedAt: daysAgo(days),
    reason,
  });

  it("fires for each ending in the last 14 days, for both sides, with the reason in the explanation", () => {
    const findings = run(
      history({ stage: "in_work", stageSince: daysAgo(3), jobEndings: [ending("j1", 2), ending("j2", 14)] }),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "job_ending",
        key: "job:j1",
        audience: "both",
        evidence: expect.objectContaining({ jobEndingIds: ["j1"] }),
        explanation: { key: "monitoringRules.job_ending.staff.dismissed", params: { endedOn: "2026-11-21" } },
      }),
    ]);
  });

  it("moving to a better job counts only where the organisation chose so", () => {
    const h = history({ jobEndings: [ending("j1", 2, "moved_to_better_job")] });
    expect(run(h)).toEqual([]);
    expect(rulesFired(run(h, { jobEndingIncludesBetterJob: true }))).toEqual(["job_ending"]);
    expect(run(history({ jobEndings: [ending("j1", 2)] }), { jobEndingEnabled: false })).toEqual([]);
  });
});

describe("explanations", () => {
  it("every staff and participant text is in the message catalogue", () => {
    const keys = [
      "monitoringRules.phq9_item9.staff",
      "monitoringRules.reliable_deterioration.staff",
      "monitoringRules.sleep_destabilisation.staff.hours",
      "monitoringRules.sleep_destabilisation.staff.bedtime",
      "monitoringRules.sleep_destabilisation.staff.spread",
      "monitoringRules.no_contact.staff",
      "monitoringRules.no_contact.staff.never",
      "monitoringRules.missed_appointments.staff",
      ...["resigned", "dismissed", "temporary_ended", "moved_to_better_job"].map(
        (r) => `monitoringRules.job_ending.staff.${r}`,
      ),
      ...["sleepHours", "mood", "stress", "energy", "bedtime"].flatMap((field) =>
        ["below", "above"].map((comparison) => `monitoringRules.personal_rule.staff.${field}.${comparison}`),
      ),
      ...monitoringRules.flatMap((rule) => [
        participantExplanationKey(rule),
        `monitoringRules.${rule}.name`,
        `monitoringRules.${rule}.description`,
      ]),
    ];
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it("bedtimes read as clock times", () => {
    expect([630, 795, 720, 0, 1439].map(clockTime)).toEqual(["22:30", "01:15", "00:00", "12:00", "11:59"]);
  });
});

describe("the settings form", () => {
  it("defaults are valid and a form post parses to the same settings", () => {
    expect(ruleSettingsSchema.parse(defaultRuleSettings)).toEqual(defaultRuleSettings);
    const form = Object.fromEntries(
      Object.entries(defaultRuleSettings).flatMap(([name, value]) =>
        typeof value === "boolean" ? (value ? [[name, "yes"]] : []) : [[name, String(value)]],
      ),
    );
    expect(ruleSettingsSchema.parse(form)).toEqual(defaultRuleSettings);
  });

  it("a threshold outside its limits, not a whole number, or left empty names that field", () => {
    const bad = {
      ...defaultRuleSettings,
      noContactDays: "3",
      missedAppointmentsCount: "2.5",
      jobEndingDays: "",
    };
    const result = ruleSettingsSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["noContactDays", "validation.ruleSettings.noContactDays"],
      ["missedAppointmentsCount", "validation.ruleSettings.missedAppointmentsCount"],
      ["jobEndingDays", "validation.ruleSettings.jobEndingDays"],
    ]);
  });
});

// ------------------------------------------------------------------------------------------------
// Properties
// ------------------------------------------------------------------------------------------------

const deteriorationRules = [
  "reliable_deterioration",
  "sleep_destabilisation",
  "no_contact",
  "missed_appointments",
];

/** A stable life: constant sleep and bedtime, constant scores, an attended contact every week. */
const stableHistory = fc
  .record({
    sleepHours: fc.double({ min: 3, max: 11, noNaN: true }),
    bedtime: fc.integer({ min: 480, max: 900 }),
    everyDays: fc.integer({ min: 1, max: 7 }),
    phq9: fc.integer({ min: 0, max: 27 }),
    gad7: fc.integer({ min: 0, max: 21 }),
    scoreCount: fc.integer({ min: 0, max: 6 }),
    stage: fc.constantFrom("engaged", "job_seeking", "in_work", "paused", "referred") as fc.Arbitrary<
      ParticipantHistory["stage"]
    >,
    offsetHours: fc.integer({ min: 0, max: 24 * 60 }),
  })
  .map((life): { history: ParticipantHistory; now: Date } => {
    const at = new Date(now.getTime() + life.offsetHours * 60 * 60 * 1000);
    return {
      now: at,
      history: history({
        stage: life.stage,
        stageSince: daysAgo(120, at),
        checkIns: Array.from({ length: Math.ceil(60 / life.everyDays) }, (_, i) =>
          checkIn(`c${i}`, daysAgo(i * life.everyDays, at), {
            sleepHours: life.sleepHours,
            bedtimeMinutes: life.bedtime,
          }),
        ),
        scores: Array.from({ length: life.scoreCount }, (_, i) => [
          score(`p${i}`, "phq9", life.phq9, daysAgo(14 * i, at)),
          score(`g${i}`, "gad7", life.gad7, daysAgo(14 * i, at)),
        ]).flat(),
        contacts: Array.from({ length: 20 }, (_, i) => contact(`k${i}`, daysAgo(7 * i + 1, at))),
      }),
    };
  });

/** Any settings an admin could save: each rule on or off, each threshold within its limits. */
const anySettings: fc.Arbitrary<RuleSettings> = fc.record({
  sleepEnabled: fc.boolean(),
  sleepHoursChange: fc.double({ ...ruleSettingLimits.sleepHoursChange, noNaN: true }),
  sleepBedtimeShiftMinutes: fc.integer(ruleSettingLimits.sleepBedtimeShiftMinutes),
  sleepBedtimeSpreadMinutes: fc.integer(ruleSettingLimits.sleepBedtimeSpreadMinutes),
  deteriorationEnabled: fc.boolean(),
  noContactEnabled: fc.boolean(),
  noContactDays: fc.integer(ruleSettingLimits.noContactDays),
  missedAppointmentsEnabled: fc.boolean(),
  missedAppointmentsCount: fc.integer(ruleSettingLimits.missedAppointmentsCount),
  missedAppointmentsWindowDays: fc.integer(ruleSettingLimits.missedAppointmentsWindowDays),
  jobEndingEnabled: fc.boolean(),
  jobEndingDays: fc.integer(ruleSettingLimits.jobEndingDays),
  jobEndingIncludesBetterJob: fc.boolean(),
  personalRulesEnabled: fc.boolean(),
});

describe("properties", () => {
  it("a stable history never fires a deterioration rule, whatever the organisation's settings", () => {
    fc.assert(
      fc.property(stableHistory, anySettings, ({ history: h, now: at }, settings) => {
        const fired = evaluateRules(h, settings, at).map((finding) => finding.rule);
        expect(fired.filter((rule) => deteriorationRules.includes(rule))).toEqual([]);
      }),
    );
  });

  const anyHistory = fc.record({
    stage: fc.constantFrom(
      "referred",
      "engaged",
      "job_seeking",
      "in_work",
      "paused",
      "closed",
    ) as fc.Arbitrary<ParticipantHistory["stage"]>,
    checkIns: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        recordedAt: fc.integer({ min: -60, max: 3 }).map((day) => daysAgo(-day)),
        sleepHours: fc.option(fc.double({ min: 0, max: 24, noNaN: true })),
        bedtimeMinutes: fc.option(fc.integer({ min: 360, max: 1080 })),
        wakeMinutes: fc.constant(null),
        mood: fc.option(fc.integer({ min: 0, max: 10 })),
        stress: fc.option(fc.integer({ min: 0, max: 10 })),
        energy: fc.option(fc.integer({ min: 0, max: 10 })),
        hoursWorked: fc.constant(null),
      }),
      { selector: (item) => item.id, maxLength: 40 },
    ),
    scores: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        measure: fc.constantFrom("phq9", "gad7") as fc.Arbitrary<"phq9" | "gad7">,
        total: fc.integer({ min: 0, max: 21 }),
        item9: fc.option(fc.integer({ min: 0, max: 3 })),
        completedAt: fc.integer({ min: -120, max: 3 }).map((day) => daysAgo(-day)),
      }),
      { selector: (item) => item.id, maxLength: 8 },
    ),
    contacts: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        occurredAt: fc.integer({ min: -60, max: 3 }).map((day) => daysAgo(-day)),
        attendance: fc.constantFrom(
          "attended",
          "did_not_attend",
          "cancelled_by_participant",
          "cancelled_by_service",
        ) as fc.Arbitrary<ContactFacts["attendance"]>,
      }),
      { selector: (item) => item.id, maxLength: 10 },
    ),
    jobEndings: fc.uniqueArray(
      fc.record({
        id: fc.uuid(),
        endedAt: fc.integer({ min: -30, max: 3 }).map((day) => daysAgo(-day)),
        reason: fc.constantFrom(
          "resigned",
          "dismissed",
          "temporary_ended",
          "moved_to_better_job",
        ) as fc.Arbitrary<"resigned" | "dismissed" | "temporary_ended" | "moved_to_better_job">,
      }),
      { selector: (item) => item.id, maxLength: 3 },
    ),
    personalRules: fc.array(
      fc.record({
        signId: fc.constantFrom("s1", "s2"),
        field: fc.constantFrom("sleepHours", "mood", "stress", "energy", "bedtime") as fc.Arbitrary<
          "sleepHours" | "mood" | "stress" | "energy" | "bedtime"
        >,
        comparison: fc.constantFrom("below", "above") as fc.Arbitrary<"below" | "above">,
        threshold: fc.integer({ min: 0, max: 800 }),
        runLength: fc.integer({ min: 1, max: 4 }),
        description: fc.constantFrom("tired", "wired"),
      }),
      { maxLength: 4 },
    ),
    stageSince: fc.option(fc.integer({ min: -200, max: 0 }).map((day) => daysAgo(-day))),
  });

  it("the findings do not depend on the order anything arrives in", () => {
    fc.assert(
      fc.property(anyHistory, anySettings, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (h, settings, seed) => {
        const shuffle = <T>(items: T[]) => {
          let state = seed;
          const copy = [...items];
          for (let i = copy.length - 1; i > 0; i--) {
            state = (state * 1103515245 + 12345) % 2 ** 31;
            const j = state % (i + 1);
            [copy[i], copy[j]] = [copy[j]!, copy[i]!];
          }
          return copy;
        };
        const shuffled: ParticipantHistory = {
          ...h,
          checkIns: shuffle(h.checkIns),
          scores: shuffle(h.scores),
          contacts: shuffle(h.contacts),
          jobEndings: shuffle(h.jobEndings),
          personalRules: shuffle(h.personalRules),
        };
        expect(evaluateRules(shuffled, settings, now)).toEqual(evaluateRules(h, settings, now));
      }),
    );
  });

  it("every piece of evidence comes from the input, none is dated after now, and the explanation reads in full", () => {
    fc.assert(
      fc.property(anyHistory, (h) => {
        const dated = new Map<string, Date>([
          ...h.checkIns.map((c) => [c.id, c.recordedAt] as const),
          ...h.scores.map((s) => [s.id, s.completedAt] as const),
          ...h.contacts.map((c) => [c.id, c.occurredAt] as const),
          ...h.jobEndings.map((j) => [j.id, j.endedAt] as const),
        ]);
        for (const finding of evaluateRules(
          h,
          { ...defaultRuleSettings, jobEndingIncludesBetterJob: true },
          now,
        )) {
          const ids = [
            ...finding.evidence.checkInIds.filter((id) => h.checkIns.some((c) => c.id === id)),
            ...finding.evidence.assessmentResponseIds.filter((id) => h.scores.some((s) => s.id === id)),
            ...finding.evidence.contactIds.filter((id) => h.contacts.some((c) => c.id === id)),
            ...finding.evidence.jobEndingIds.filter((id) => h.jobEndings.some((j) => j.id === id)),
          ];
          const all = Object.values(finding.evidence).flat();
          expect(ids).toHaveLength(all.length);
          for (const id of all) expect(dated.get(id)!.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(finding.latestEvidenceAt.getTime()).toBeLessThanOrEqual(now.getTime());
          // The explanation reads in full: a catalogue key, every placeholder filled.
          expect(isMessageKey(finding.explanation.key)).toBe(true);
          expect(english.t(finding.explanation.key as MessageKey, finding.explanation.params)).not.toMatch(
            /\{\w+\}/,
          );
        }
      }),
    );
  });
});
