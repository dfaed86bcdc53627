import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTranslator, isMessageKey, type MessageKey } from "../../../platform/web/i18n";
import { clockTime } from "./helpers";
import {
  type ContactFacts,
  defaultRuleSettings,
  evaluateRules,
  monitoringRules,
  type ParticipantHistory,
  participantExplanationKey,
  type RuleSettings,
} from "./rules";
import { ruleSettingLimits } from "./schema";
import { checkIn, contact, daysAgo, history, now, score } from "./test-support";

// What holds across every rule; each family's own tests are beside it (measure-rules.test.ts,
// check-in-rules.test.ts, contact-rules.test.ts, job-rules.test.ts).

const english = createTranslator("en-GB");

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
