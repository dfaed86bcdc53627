import { shiftPatterns } from "../../assessments/schema";
import type { UkPostcode } from "../shared/postcode";

// How well an open job opportunity fits a person's vocational profile: a score out of 100 and the
// reasons, in the order a specialist reads them. Suggestions only: the specialist and the person
// decide, and nothing here applies for anything.
//
// The same score is computed in SQL to rank 50,000 opportunities without loading them
// (service.ts); every rule here has its twin there, and an integration test holds the two
// equal on random opportunities. Integers only, and ASCII-only case folding, so both agree exactly.

export type MatchProfile = {
  /** The distinct words from the person's preferred job types that matching looks for. */
  jobTypeWords: readonly string[];
  hoursPerWeek: number | null;
  shifts: readonly string[];
  travelMiles: number | null;
  postcode: UkPostcode | null;
};

export type MatchOpportunity = {
  id: string;
  title: string;
  jobType: string;
  hoursPerWeek: number;
  hourlyPayPence: number;
  shifts: readonly string[];
  postcodeDistrict: string | null;
  homeBased: boolean;
  createdAt: Date;
};

export type MatchAspect = "jobType" | "hours" | "shifts" | "travel" | "pay";
export type MatchFit = "good" | "partial" | "poor" | "unknown";
export type MatchReason = {
  aspect: MatchAspect;
  fit: MatchFit;
  /** The reason's message, `matching.reason.<key>`. */
  key: string;
  values: Record<string, string | number>;
};
export type MatchResult = { score: number; reasons: MatchReason[] };

export const MATCH_POINTS = { jobType: 30, hours: 20, shifts: 15, travel: 20, pay: 15 } as const;
/** Points for none, one, two, three or more of the person's job words found: one is most of the fit. */
export const JOB_WORD_POINTS = [0, 20, 25, 30] as const;
const jobWordPoints = (found: number) => JOB_WORD_POINTS[Math.min(found, JOB_WORD_POINTS.length - 1)]!;
export const SHIFT_POINTS = { all: 15, some: 8, unknown: 5, none: 0 } as const;
export const TRAVEL_POINTS = {
  homeBased: 20,
  sameDistrict: 20,
  sameArea: 10,
  sameAreaShortTravel: 5,
  elsewhere: 0,
};
/** Below this many miles, a place elsewhere in the postcode area is probably too far. */
export const SHORT_TRAVEL_MILES = 5;
const MAX_JOB_TYPE_WORDS = 10;

// Words too common in job descriptions to say anything about the kind of work.
const ignoredWords = new Set([
  "and",
  "the",
  "for",
  "with",
  "any",
  "work",
  "working",
  "job",
  "jobs",
  "role",
  "roles",
  "part",
  "full",
  "time",
  "staff",
  "something",
  "like",
  "would",
  "not",
  "but",
  "maybe",
]);

/** Capitals to small letters, A–Z only: the database's `translate` does exactly the same. */
export const asciiLower = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
const asciiUpper = (text: string) => text.replace(/[a-z]/g, (letter) => letter.toUpperCase());

/** The words of a text as matching sees them: a–z and digits, anything else separates. */
export const matchWords = (text: string) =>
  asciiLower(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** The words of the person's preferred job types worth looking for, first ten, each once. */
export function jobTypeWordsOf(preferredJobTypes: string): string[] {
  const words = matchWords(preferredJobTypes).filter((word) => word.length >= 3 && !ignoredWords.has(word));
  return [...new Set(words)].slice(0, MAX_JOB_TYPE_WORDS);
}

/** An opportunity's district as compared: capitals, no spaces. */
export const normalisedDistrict = (district: string | null) =>
  district === null ? null : asciiUpper(district.replaceAll(" ", ""));
export const areaOfDistrict = (district: string | null) => district?.match(/^[A-Z]+/)?.[0] ?? null;

function jobTypeFit(profile: MatchProfile, opportunity: MatchOpportunity): [number, MatchReason] {
  if (profile.jobTypeWords.length === 0)
    return [0, { aspect: "jobType", fit: "unknown", key: "jobTypeNoPreference", values: {} }];
  const words = new Set(matchWords(`${opportunity.title} ${opportunity.jobType}`));
  const found = profile.jobTypeWords.filter((word) => words.has(word));
  if (found.length === 0) return [0, { aspect: "jobType", fit: "poor", key: "jobTypeNoMatch", values: {} }];
  return [
    jobWordPoints(found.length),
    { aspect: "jobType", fit: "good", key: "jobTypeMatch", values: { words: found.join(", ") } },
  ];
}

/** Hours in whole tenths, so "16.3" compares exactly as the database's numeric does. */
const tenths = (hours: number) => Math.round(hours * 10);

function hoursFit(profile: MatchProfile, opportunity: MatchOpportunity): [number, MatchReason] {
  const values = { hours: opportunity.hoursPerWeek, wanted: profile.hoursPerWeek ?? "" };
  if (profile.hoursPerWeek === null)
    return [0, { aspect: "hours", fit: "unknown", key: "hoursNoPreference", values }];
  const apart = Math.ceil(Math.abs(tenths(opportunity.hoursPerWeek) - profile.hoursPerWeek * 10) / 10);
  const points = Math.max(0, MATCH_POINTS.hours - 2 * apart);
  if (apart === 0) return [points, { aspect: "hours", fit: "good", key: "hoursExact", values }];
  const more = opportunity.hoursPerWeek > profile.hoursPerWeek;
  return [
    points,
    {
      aspect: "hours",
      fit: apart <= 5 ? "partial" : "poor",
      key: more ? "hoursMore" : "hoursFewer",
      values: { ...values, apart },
    },
  ];
}

function shiftsFit(profile: MatchProfile, opportunity: MatchOpportunity): [number, MatchReason] {
  if (profile.shifts.length === 0)
    return [
      SHIFT_POINTS.unknown,
      { aspect: "shifts", fit: "unknown", key: "shiftsNoPreference", values: {} },
    ];
  // Only the five shift patterns count: the database keeps the shifts as one bit for each.
  const asked = shiftPatterns.filter((shift) => opportunity.shifts.includes(shift));
  if (asked.length === 0)
    return [SHIFT_POINTS.unknown, { aspect: "shifts", fit: "unknown", key: "shiftsNotGiven", values: {} }];
  const can = new Set(profile.shifts);
  const fitting = asked.filter((shift) => can.has(shift));
  const missing = asked.filter((shift) => !can.has(shift));
  const values = { fitting: fitting.join(","), missing: missing.join(",") };
  if (missing.length === 0)
    return [SHIFT_POINTS.all, { aspect: "shifts", fit: "good", key: "shiftsAll", values }];
  if (fitting.length > 0)
    return [SHIFT_POINTS.some, { aspect: "shifts", fit: "partial", key: "shiftsSome", values }];
  return [SHIFT_POINTS.none, { aspect: "shifts", fit: "poor", key: "shiftsNone", values }];
}

/** Points for a workplace elsewhere in the person's postcode area, given how far they would travel. */
export const sameAreaPoints = (travelMiles: number | null) =>
  travelMiles !== null && travelMiles < SHORT_TRAVEL_MILES
    ? TRAVEL_POINTS.sameAreaShortTravel
    : TRAVEL_POINTS.sameArea;

function travelFit(profile: MatchProfile, opportunity: MatchOpportunity): [number, MatchReason] {
  const miles = profile.travelMiles ?? "";
  if (opportunity.homeBased)
    return [TRAVEL_POINTS.homeBased, { aspect: "travel", fit: "good", key: "travelHomeBased", values: {} }];
  const district = normalisedDistrict(opportunity.postcodeDistrict);
  if (!profile.postcode)
    return [
      0,
      { aspect: "travel", fit: "unknown", key: "travelNoPostcode", values: { district: district ?? "" } },
    ];
  if (!district) return [0, { aspect: "travel", fit: "unknown", key: "travelNoDistrict", values: {} }];
  const values = { district, home: profile.postcode.district, area: profile.postcode.area, miles };
  if (district === profile.postcode.district)
    return [TRAVEL_POINTS.sameDistrict, { aspect: "travel", fit: "good", key: "travelSameDistrict", values }];
  if (areaOfDistrict(district) === profile.postcode.area) {
    const points = sameAreaPoints(profile.travelMiles);
    return [
      points,
      {
        aspect: "travel",
        fit: "partial",
        key: points === TRAVEL_POINTS.sameArea ? "travelSameArea" : "travelSameAreaShortTravel",
        values,
      },
    ];
  }
  return [TRAVEL_POINTS.elsewhere, { aspect: "travel", fit: "poor", key: "travelElsewhere", values }];
}

function payFit(opportunity: MatchOpportunity, wageFloorPence: number): [number, MatchReason] {
  const values = { pay: opportunity.hourlyPayPence, floor: wageFloorPence };
  return opportunity.hourlyPayPence >= wageFloorPence
    ? [MATCH_POINTS.pay, { aspect: "pay", fit: "good", key: "payAtLeastFloor", values }]
    : [0, { aspect: "pay", fit: "poor", key: "payBelowFloor", values }];
}

/** The score (0 to 100) and the reasons, what matched and what did not. */
export function matchOpportunity(
  profile: MatchProfile,
  opportunity: MatchOpportunity,
  wageFloorPence: number,
): MatchResult {
  const parts = [
    jobTypeFit(profile, opportunity),
    hoursFit(profile, opportunity),
    shiftsFit(profile, opportunity),
    travelFit(profile, opportunity),
    payFit(opportunity, wageFloorPence),
  ];
  return {
    score: parts.reduce((sum, [points]) => sum + points, 0),
    reasons: parts.map(([, reason]) => reason),
  };
}

/** Best fit first; among equals the newest, then by id, so the order never changes between pages. */
export function compareMatches(
  a: { score: number; createdAt: Date; id: string },
  b: { score: number; createdAt: Date; id: string },
) {
  return (
    b.score - a.score ||
    b.createdAt.getTime() - a.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function rankOpportunities<Opportunity extends MatchOpportunity>(
  profile: MatchProfile,
  opportunities: readonly Opportunity[],
  wageFloorPence: number,
): (Opportunity & MatchResult)[] {
  return opportunities
    .map((opportunity) => ({ ...opportunity, ...matchOpportunity(profile, opportunity, wageFloorPence) }))
    .sort(compareMatches);
}
