import { describe, expect, it } from "vitest";
import { checkIn, daysAgo, history, nightly, now, rulesFired, run } from "./test-support";

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
