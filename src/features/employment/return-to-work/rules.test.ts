import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../../../platform/clock";
import {
  absenceEndFromOutcome,
  adviceThatApplies,
  daysOff,
  employerSharingBlock,
  phasedReturnProblems,
} from "./rules";

const day = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe("days off sick", () => {
  it("counts calendar days from the first day off up to, not including, the first day back", () => {
    expect(daysOff("2026-03-02", "2026-03-09", "2026-06-01")).toBe(7);
    // Weekends count: Friday off, back on Monday is 3 days.
    expect(daysOff("2026-03-06", "2026-03-09", "2026-06-01")).toBe(3);
    // Across the clocks going forward in spring and a leap day.
    expect(daysOff("2028-02-28", "2028-04-01", "2028-06-01")).toBe(33);
  });

  it("while still off, counts today", () => {
    expect(daysOff("2026-03-02", null, "2026-03-02")).toBe(1);
    expect(daysOff("2026-03-02", null, "2026-03-31")).toBe(30);
  });

  it("is never negative, for an absence that has not started", () => {
    expect(daysOff("2026-03-10", null, "2026-03-02")).toBe(0);
  });

  it("an open absence grows by one each day, and closing it the day after today gives the same count", () =>
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), (start, length) => {
        const today = addCalendarDays(start, length);
        expect(daysOff(start, null, today)).toBe(length + 1);
        expect(daysOff(start, null, addCalendarDays(today, 1))).toBe(length + 2);
        expect(daysOff(start, addCalendarDays(today, 1), "2099-01-01")).toBe(length + 1);
      }),
    ));

  it("an absence closed on a given day does not depend on today", () =>
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), day, (start, length, today) => {
        expect(daysOff(start, addCalendarDays(start, length), today)).toBe(length);
      }),
    ));
});

describe("a phased return, week by week", () => {
  const weeks = (...hours: number[]) => hours.map((h, index) => ({ week: index + 1, hours: h, notes: "" }));

  it("accepts consecutive weeks of 0 to 80 hours, up to 12 of them", () => {
    expect(phasedReturnProblems(weeks(8, 16, 24, 30))).toEqual([]);
    expect(phasedReturnProblems(weeks(0, 80))).toEqual([]);
    expect(phasedReturnProblems(weeks(...Array.from({ length: 12 }, () => 10)))).toEqual([]);
    expect(phasedReturnProblems([])).toEqual([]);
  });

  it("refuses hours outside 0 to 80, naming the week", () => {
    expect(phasedReturnProblems(weeks(8, -1, 81, 7.5))).toEqual([
      { kind: "hours", week: 2 },
      { kind: "hours", week: 3 },
    ]);
    expect(phasedReturnProblems(weeks(Number.NaN))).toEqual([{ kind: "hours", week: 1 }]);
  });

  it("refuses more than 12 weeks", () => {
    expect(phasedReturnProblems(weeks(...Array.from({ length: 13 }, () => 10)))).toEqual([
      { kind: "too_many_weeks" },
    ]);
  });

  it("refuses a missed or repeated week", () => {
    expect(
      phasedReturnProblems([
        { week: 1, hours: 8, notes: "" },
        { week: 3, hours: 16, notes: "" },
      ]),
    ).toEqual([{ kind: "not_consecutive", week: 3 }]);
  });

  it("any list of up to 12 weeks of 0 to 80 hours numbered from 1 is accepted", () =>
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 160 }).map((half) => half / 2),
          { maxLength: 12 },
        ),
        (hours) => {
          expect(phasedReturnProblems(weeks(...hours))).toEqual([]);
        },
      ),
    ));
});

describe("what the plan takes up from the fit note's advice", () => {
  it("names the kinds of advice the plan says something about", () => {
    expect(
      adviceThatApplies({
        phasedReturn: [{ week: 1, hours: 8, notes: "" }],
        alteredHours: "",
        amendedDuties: "No lifting for the first month",
        workplaceAdaptations: "  ",
      }),
    ).toEqual(["phased_return", "amended_duties"]);
  });
});

describe("the outcome of a plan", () => {
  it("ends the absence on the day back, or the day the job ended; still off leaves it open", () => {
    expect(absenceEndFromOutcome("returned_in_full", "2026-04-01")).toBe("2026-04-01");
    expect(absenceEndFromOutcome("returned_part_time", "2026-04-01")).toBe("2026-04-01");
    expect(absenceEndFromOutcome("left_job", "2026-04-01")).toBe("2026-04-01");
    expect(absenceEndFromOutcome("still_off", "2026-04-01")).toBeNull();
    expect(absenceEndFromOutcome(null, null)).toBeNull();
  });
});

describe("sharing the plan with the employer", () => {
  it("needs consent to contact employers first, then the person's agreement to share this plan", () => {
    expect(employerSharingBlock({ mayContactEmployers: false, participantAgreed: true })).toBe("no_consent");
    expect(employerSharingBlock({ mayContactEmployers: false, participantAgreed: false })).toBe("no_consent");
    expect(employerSharingBlock({ mayContactEmployers: true, participantAgreed: false })).toBe("not_agreed");
    expect(employerSharingBlock({ mayContactEmployers: true, participantAgreed: true })).toBeNull();
  });
});
