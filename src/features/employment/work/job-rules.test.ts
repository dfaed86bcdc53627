import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDaysBetween } from "../../../platform/clock";
import {
  applicationDateProblems,
  belowWageFloor,
  isCompetitive,
  isIpsJobStart,
  jobStartShortfalls,
  tenure,
} from "./job-rules";

const floor = 1271;
const fair = { openLabourMarket: true, hourlyPayPence: floor, timeLimitedByService: false };

describe("a competitive job", () => {
  it("is open to anyone, paid at least the wage floor, with no end date set by the service", () => {
    expect(isCompetitive(fair, floor)).toBe(true);
    expect(isCompetitive({ ...fair, hourlyPayPence: floor - 1 }, floor)).toBe(false);
    expect(isCompetitive({ ...fair, openLabourMarket: false }, floor)).toBe(false);
    expect(isCompetitive({ ...fair, timeLimitedByService: true }, floor)).toBe(false);
  });

  it("counts pay exactly at the floor, whatever the floor", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 10_000 }), fc.integer({ min: 0, max: 500 }), (wage, above) => {
        expect(isCompetitive({ ...fair, hourlyPayPence: wage }, wage)).toBe(true);
        expect(isCompetitive({ ...fair, hourlyPayPence: wage + above }, wage)).toBe(true);
        expect(isCompetitive({ ...fair, hourlyPayPence: wage - 1 - above }, wage)).toBe(false);
      }),
    );
  });
});

describe("an IPS job start", () => {
  it("needs a competitive job of at least 4 hours a week", () => {
    expect(isIpsJobStart({ competitive: true, hoursPerWeek: 4 })).toBe(true);
    expect(isIpsJobStart({ competitive: true, hoursPerWeek: 3.5 })).toBe(false);
    expect(isIpsJobStart({ competitive: false, hoursPerWeek: 37.5 })).toBe(false);
  });

  it("says every reason a job does not count, and none when it does", () => {
    expect(jobStartShortfalls({ ...fair, hoursPerWeek: 4 }, floor)).toEqual([]);
    expect(
      jobStartShortfalls(
        { openLabourMarket: false, hourlyPayPence: 900, timeLimitedByService: true, hoursPerWeek: 2 },
        floor,
      ),
    ).toEqual(["not_open_labour_market", "below_wage_floor", "time_limited", "under_4_hours"]);
  });

  it("agrees with the competitive rule and the hours", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 500, max: 3000 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 600 }).map((tenths) => tenths / 10),
        (openLabourMarket, hourlyPayPence, timeLimitedByService, hoursPerWeek) => {
          const terms = { openLabourMarket, hourlyPayPence, timeLimitedByService, hoursPerWeek };
          const counts = isIpsJobStart({ competitive: isCompetitive(terms, floor), hoursPerWeek });
          expect(jobStartShortfalls(terms, floor).length === 0).toBe(counts);
        },
      ),
    );
  });
});

describe("tenure", () => {
  it("is whole weeks and the days left over", () => {
    expect(tenure("2026-03-02", "2026-03-02")).toEqual({ weeks: 0, days: 0 });
    expect(tenure("2026-03-02", "2026-03-18")).toEqual({ weeks: 2, days: 2 });
    // Across the clocks going forward: still whole calendar days.
    expect(tenure("2026-03-23", "2026-04-06")).toEqual({ weeks: 2, days: 0 });
    expect(tenure("2026-06-01", "2026-05-01")).toEqual({ weeks: 0, days: 0 });
  });

  it("adds up to the days held, with fewer than 7 days left over", () => {
    const date = fc
      .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (start, end) => {
        const { weeks, days } = tenure(start, end);
        expect(days).toBeGreaterThanOrEqual(0);
        expect(days).toBeLessThan(7);
        expect(weeks * 7 + days).toBe(Math.max(0, calendarDaysBetween(start, end)));
      }),
    );
  });
});

describe("an application's dates", () => {
  const today = "2026-05-10";
  const fields = (problems: ReturnType<typeof applicationDateProblems>) => problems.map((p) => p.message);

  it("accepts dates that make sense", () => {
    expect(
      applicationDateProblems(
        { status: "offer", appliedOn: "2026-04-01", interviewOn: "2026-04-10", outcomeOn: "2026-04-12" },
        today,
      ),
    ).toEqual([]);
    expect(
      applicationDateProblems(
        { status: "preparing", appliedOn: null, interviewOn: null, outcomeOn: null },
        today,
      ),
    ).toEqual([]);
    // An interview still to come is fine.
    expect(
      applicationDateProblems(
        { status: "interview", appliedOn: "2026-05-01", interviewOn: "2026-05-20", outcomeOn: null },
        today,
      ),
    ).toEqual([]);
  });

  it("asks for the date applied once sent, and for the interview date at interview", () => {
    expect(
      fields(
        applicationDateProblems(
          { status: "interview", appliedOn: null, interviewOn: null, outcomeOn: null },
          today,
        ),
      ),
    ).toEqual(["validation.application.appliedOnNeeded", "validation.application.interviewNeeded"]);
  });

  it("refuses dates in the wrong order or in the future", () => {
    expect(
      fields(
        applicationDateProblems(
          {
            status: "unsuccessful",
            appliedOn: "2026-05-11",
            interviewOn: "2026-05-09",
            outcomeOn: "2026-05-08",
          },
          today,
        ),
      ),
    ).toEqual([
      "validation.application.appliedInFuture",
      "validation.application.interviewBeforeApplied",
      "validation.application.outcomeBeforeApplied",
      "validation.application.outcomeBeforeInterview",
    ]);
    expect(
      fields(
        applicationDateProblems(
          { status: "applied", appliedOn: "2026-05-01", interviewOn: null, outcomeOn: "2026-05-02" },
          today,
        ),
      ),
    ).toEqual(["validation.application.outcomeWithoutOutcome"]);
  });
});

describe("the wage floor", () => {
  it("says pay below the wage floor, not at it", () => {
    expect(belowWageFloor(1270, 1271)).toBe(true);
    expect(belowWageFloor(1271, 1271)).toBe(false);
  });
});
