import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findUkPostcode } from "../shared/postcode";
import {
  jobTypeWordsOf,
  type MatchOpportunity,
  type MatchProfile,
  matchOpportunity,
  matchWords,
  rankOpportunities,
} from "./rules";

const FLOOR = 1271;
const person: MatchProfile = {
  jobTypeWords: jobTypeWordsOf("Warehouse work, or care work"),
  hoursPerWeek: 20,
  shifts: ["weekday_daytime", "evenings"],
  travelMiles: 10,
  postcode: findUkPostcode("4 Elm Road, Birmingham B15 2TT"),
};
let counter = 0;
const job = (changes: Partial<MatchOpportunity> = {}): MatchOpportunity => ({
  id: `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`,
  title: "Warehouse operative",
  jobType: "warehouse",
  hoursPerWeek: 20,
  hourlyPayPence: 1300,
  shifts: ["weekday_daytime"],
  postcodeDistrict: "B15",
  homeBased: false,
  createdAt: new Date("2026-11-01T09:00:00Z"),
  ...changes,
});
const reason = (profile: MatchProfile, opportunity: MatchOpportunity, aspect: string) =>
  matchOpportunity(profile, opportunity, FLOOR).reasons.find((found) => found.aspect === aspect)!;

describe("how well a job fits the person", () => {
  it("scores a job that fits on every count 100 and says why", () => {
    const result = matchOpportunity(
      { ...person, jobTypeWords: ["warehouse", "operative", "stock"] },
      job({ jobType: "stock control" }),
      FLOOR,
    );
    expect(result.score).toBe(100);
    expect(result.reasons.map((found) => [found.aspect, found.key])).toEqual([
      ["jobType", "jobTypeMatch"],
      ["hours", "hoursExact"],
      ["shifts", "shiftsAll"],
      ["travel", "travelSameDistrict"],
      ["pay", "payAtLeastFloor"],
    ]);
    expect(result.reasons[0]!.values.words).toBe("warehouse, operative, stock");
  });

  it("counts one of the person's job words found as most of the job-type fit, more words a little more", () => {
    const score = (jobTypeWords: string[]) =>
      matchOpportunity({ ...person, jobTypeWords }, job({ title: "Warehouse stock operative" }), FLOOR).score;
    expect(score(["warehouse"]) - score(["bakery"])).toBe(20);
    expect(score(["warehouse", "stock"]) - score(["bakery"])).toBe(25);
    expect(score(["warehouse", "stock", "operative"]) - score(["bakery"])).toBe(30);
  });

  it("picks out the person's own job words, leaving out ones that say nothing about the kind of work", () => {
    expect(jobTypeWordsOf("Care work, part time; CARE or retail & warehouse jobs")).toEqual([
      "care",
      "retail",
      "warehouse",
    ]);
    expect(matchWords("Kitchen-Porter (evenings)")).toEqual(["kitchen", "porter", "evenings"]);
  });

  it("says what did not match: other work, more hours, a night shift, another area, pay below the wage floor", () => {
    const poor = job({
      title: "Night cleaner",
      jobType: "cleaning",
      hoursPerWeek: 37.5,
      hourlyPayPence: 1100,
      shifts: ["nights"],
      postcodeDistrict: "M1",
    });
    const result = matchOpportunity(person, poor, FLOOR);
    expect(result.score).toBe(0);
    expect(result.reasons.map((found) => found.key)).toEqual([
      "jobTypeNoMatch",
      "hoursMore",
      "shiftsNone",
      "travelElsewhere",
      "payBelowFloor",
    ]);
    expect(result.reasons.every((found) => found.fit === "poor")).toBe(true);
  });

  it("ranks pay below the wage floor lower than the same job paid at the floor", () => {
    const atFloor = job({ hourlyPayPence: FLOOR });
    const below = job({ hourlyPayPence: FLOOR - 1 });
    expect(rankOpportunities(person, [below, atFloor], FLOOR).map((found) => found.id)).toEqual([
      atFloor.id,
      below.id,
    ]);
    expect(reason(person, below, "pay").key).toBe("payBelowFloor");
  });

  it("matches travel by postcode: home-based anywhere, same district, same area, elsewhere", () => {
    const points = (opportunity: MatchOpportunity, profile = person) =>
      matchOpportunity(profile, opportunity, FLOOR).reasons.find((found) => found.aspect === "travel")!.key;
    expect(points(job({ homeBased: true, postcodeDistrict: null }))).toBe("travelHomeBased");
    expect(points(job({ postcodeDistrict: "b 15" }))).toBe("travelSameDistrict");
    expect(points(job({ postcodeDistrict: "B1" }))).toBe("travelSameArea");
    expect(points(job({ postcodeDistrict: "B1" }), { ...person, travelMiles: 2 })).toBe(
      "travelSameAreaShortTravel",
    );
    expect(points(job({ postcodeDistrict: "BS1" }))).toBe("travelElsewhere");
    expect(points(job(), { ...person, postcode: null })).toBe("travelNoPostcode");
    expect(points(job({ postcodeDistrict: null }))).toBe("travelNoDistrict");
    const near = job({ postcodeDistrict: "B15" });
    const sameArea = job({ postcodeDistrict: "B1" });
    const far = job({ postcodeDistrict: "LS1" });
    expect(rankOpportunities(person, [far, sameArea, near], FLOOR).map((found) => found.id)).toEqual([
      near.id,
      sameArea.id,
      far.id,
    ]);
  });

  it("scores hours by how close they are to the hours wanted", () => {
    const score = (hoursPerWeek: number) => matchOpportunity(person, job({ hoursPerWeek }), FLOOR).score;
    expect(score(20)).toBeGreaterThan(score(16));
    expect(score(16)).toBeGreaterThan(score(37.5));
    expect(score(24)).toBe(score(16));
    expect(reason(person, job({ hoursPerWeek: 16 }), "hours")).toMatchObject({
      key: "hoursFewer",
      fit: "partial",
    });
  });

  it("scores shifts by overlap: all of them, some, none, or not known", () => {
    const key = (shifts: string[], profile = person) => reason(profile, job({ shifts }), "shifts").key;
    expect(key(["evenings"])).toBe("shiftsAll");
    expect(key(["evenings", "weekends"])).toBe("shiftsSome");
    expect(key(["weekends"])).toBe("shiftsNone");
    expect(key([])).toBe("shiftsNotGiven");
    expect(key(["nights"], { ...person, shifts: [] })).toBe("shiftsNoPreference");
  });
});

// Properties over any profile and any opportunity.
const word = fc.constantFrom(
  "warehouse",
  "care",
  "retail",
  "kitchen",
  "driver",
  "cleaning",
  "admin",
  "garden",
);
const shift = fc.constantFrom("weekday_daytime", "early_mornings", "evenings", "nights", "weekends");
const district = fc.constantFrom("B15", "B1", "b 15", "BS1", "M1", "WS1", "LS1", "", "12");
const profiles = fc.record({
  jobTypeWords: fc.uniqueArray(word, { maxLength: 5 }),
  hoursPerWeek: fc.option(fc.integer({ min: 0, max: 60 })),
  shifts: fc.uniqueArray(shift),
  travelMiles: fc.option(fc.integer({ min: 0, max: 50 })),
  postcode: fc.constantFrom(findUkPostcode("B15 2TT"), findUkPostcode("M1 1AE"), null),
});
const opportunities = fc.record({
  id: fc.uuid(),
  title: fc.array(word, { maxLength: 3 }).map((words) => words.join(" ")),
  jobType: fc.array(word, { maxLength: 2 }).map((words) => words.join(" ")),
  hoursPerWeek: fc.integer({ min: 0, max: 999 }).map((tenths) => tenths / 10),
  hourlyPayPence: fc.integer({ min: 800, max: 3000 }),
  shifts: fc.uniqueArray(shift),
  postcodeDistrict: fc.option(district),
  homeBased: fc.boolean(),
  createdAt: fc.date({ min: new Date("2026-01-01"), max: new Date("2026-12-31"), noInvalidDate: true }),
});

describe("matching, for any profile and any job", () => {
  it("keeps every score between 0 and 100 and gives one reason for each of the five things compared", () => {
    fc.assert(
      fc.property(profiles, opportunities, (profile, opportunity) => {
        const result = matchOpportunity(profile, opportunity, FLOOR);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.reasons.map((found) => found.aspect)).toEqual([
          "jobType",
          "hours",
          "shifts",
          "travel",
          "pay",
        ]);
      }),
    );
  });

  it("never lowers a score when the person adds a job word the job has", () => {
    fc.assert(
      fc.property(profiles, opportunities, (profile, opportunity) => {
        const jobWords = matchWords(`${opportunity.title} ${opportunity.jobType}`);
        fc.pre(jobWords.length > 0);
        const added = { ...profile, jobTypeWords: [...new Set([...profile.jobTypeWords, jobWords[0]!])] };
        expect(matchOpportunity(added, opportunity, FLOOR).score).toBeGreaterThanOrEqual(
          matchOpportunity(profile, opportunity, FLOOR).score,
        );
      }),
    );
  });

  it("ranks best fit first and orders equal scores the same way whatever order the jobs came in", () => {
    fc.assert(
      fc.property(
        profiles,
        fc.uniqueArray(opportunities, { maxLength: 20, selector: (found) => found.id }),
        (profile, list) => {
          const ranked = rankOpportunities(profile, list, FLOOR);
          const reversed = rankOpportunities(profile, [...list].reverse(), FLOOR);
          expect(reversed.map((found) => found.id)).toEqual(ranked.map((found) => found.id));
          for (let index = 1; index < ranked.length; index++) {
            const [before, after] = [ranked[index - 1]!, ranked[index]!];
            expect(before.score).toBeGreaterThanOrEqual(after.score);
            if (before.score === after.score)
              expect(before.createdAt.getTime()).toBeGreaterThanOrEqual(after.createdAt.getTime());
          }
        },
      ),
    );
  });

  it("never ranks a job below the wage floor above the same job paid at least the floor", () => {
    fc.assert(
      fc.property(
        profiles,
        opportunities,
        fc.integer({ min: 1, max: 500 }),
        (profile, opportunity, short) => {
          const fair = matchOpportunity(profile, { ...opportunity, hourlyPayPence: FLOOR }, FLOOR);
          const below = matchOpportunity(profile, { ...opportunity, hourlyPayPence: FLOOR - short }, FLOOR);
          expect(below.score).toBeLessThan(fair.score);
        },
      ),
    );
  });
});
