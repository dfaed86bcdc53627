import { and, asc, desc, eq, gte, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { onRecord } from "../../../platform/access/on-record";
import type { RecordScope } from "../../../platform/access/own-record";
import type { Executor } from "../../../platform/db/index";
import { vocationalProfile } from "../../assessments/schema";
import { participant } from "../../participants/schema";
import { employer, jobOpportunity, shiftPatterns } from "../employers/schema";
import { findUkPostcode } from "../shared/postcode";
import {
  JOB_WORD_POINTS,
  jobTypeWordsOf,
  MATCH_POINTS,
  type MatchOpportunity,
  type MatchProfile,
  type MatchResult,
  matchOpportunity,
  SHIFT_POINTS,
  sameAreaPoints,
  TRAVEL_POINTS,
} from "./rules";

// Ranking every open opportunity for one person in the database (rules.ts's score, in SQL) and
// reading back only the page shown; the reasons for that page come from the pure function.

export const SUGGESTIONS_PAGE_SIZE = 20;

/** One of rules.ts's point constants or bit masks, written into the statement (never input). */
const points = (value: number) => sql.raw(`(${Math.trunc(value)})`);

/** The score of rules.ts as a SQL expression over job_opportunity: twin rules, same integers. */
export function matchScoreSql(profile: MatchProfile, wageFloorPence: number): SQL<number> {
  const o = jobOpportunity;
  // Only a word as matchWords makes one can be among a job's words; a simple CASE counts once.
  const words = profile.jobTypeWords.filter((word) => /^[a-z0-9]+$/.test(word));
  const jobType =
    words.length === 0
      ? sql`0`
      : sql`case ${sql.join(
          words.map((word) => sql`(strpos(${o.matchText}, ${` ${word} `}::text) > 0)::int`),
          sql` + `,
        )} ${sql.join(
          JOB_WORD_POINTS.map((value, found) =>
            found === JOB_WORD_POINTS.length - 1
              ? sql`else ${points(value)}`
              : sql`when ${points(found)} then ${points(value)}`,
          ),
          sql` `,
        )} end`;
  // ceil(apart / 10) for whole tenths apart, in integers: (apart + 9) / 10.
  const hours =
    profile.hoursPerWeek === null
      ? sql`0`
      : sql`greatest(0, ${points(MATCH_POINTS.hours)} - 2 * ((abs(${o.matchHoursTenths} - ${profile.hoursPerWeek * 10}::int) + 9) / 10))`;
  const can = shiftPatterns.reduce(
    (mask, shift, bit) => (profile.shifts.includes(shift) ? mask | (1 << bit) : mask),
    0,
  );
  const shifts =
    can === 0
      ? points(SHIFT_POINTS.unknown)
      : sql`case when ${o.matchShifts} = 0 then ${points(SHIFT_POINTS.unknown)}
            when ${o.matchShifts} & ${points(~can)} = 0 then ${points(SHIFT_POINTS.all)}
            when ${o.matchShifts} & ${points(can)} <> 0 then ${points(SHIFT_POINTS.some)}
            else ${points(SHIFT_POINTS.none)} end`;
  const travel = profile.postcode
    ? sql`case when ${o.homeBased} then ${points(TRAVEL_POINTS.homeBased)}
          when ${o.matchDistrict} = ${profile.postcode.district}::text then ${points(TRAVEL_POINTS.sameDistrict)}
          when ${o.matchArea} = ${profile.postcode.area}::text then ${points(sameAreaPoints(profile.travelMiles))}
          else ${points(TRAVEL_POINTS.elsewhere)} end`
    : sql`case when ${o.homeBased} then ${points(TRAVEL_POINTS.homeBased)} else 0 end`;
  const pay = sql`case when ${o.hourlyPayPence} >= ${wageFloorPence}::int then ${points(MATCH_POINTS.pay)} else 0 end`;
  return sql<number>`(${jobType} + ${hours} + ${shifts} + ${travel} + ${pay})::int`;
}

/** Open, and not past its closing date: the only opportunities ever suggested. */
export const suggestable = (organisationId: string, today: string) =>
  and(
    eq(jobOpportunity.organisationId, organisationId),
    eq(jobOpportunity.status, "open"),
    or(isNull(jobOpportunity.closesOn), gte(jobOpportunity.closesOn, today)),
  );

export type Suggestion = MatchOpportunity &
  MatchResult & {
    employerId: string;
    employerName: string;
    location: string;
    closesOn: string | null;
  };

/**
 * One page of the organisation's open opportunities, best fit first: ranked in the database,
 * then each shown one scored again with its reasons.
 */
export async function rankedSuggestions(
  executor: Executor,
  organisationId: string,
  profile: MatchProfile,
  options: { wageFloorPence: number; today: string; page: number },
): Promise<{ rows: Suggestion[]; total: number; page: number }> {
  const score = matchScoreSql(profile, options.wageFloorPence);
  // Counted on its own, from the index: a count over the ranked rows would sort all 50,000.
  const [counted] = await executor
    .select({ total: sql<number>`count(*)::int` })
    .from(jobOpportunity)
    .where(suggestable(organisationId, options.today));
  const total = counted?.total ?? 0;
  if (total === 0) return { rows: [], total: 0, page: 1 };
  const page = Math.min(options.page, Math.ceil(total / SUGGESTIONS_PAGE_SIZE));
  const ranked = await executor
    .select({ id: jobOpportunity.id })
    .from(jobOpportunity)
    .where(suggestable(organisationId, options.today))
    .orderBy(desc(score), desc(jobOpportunity.createdAt), asc(jobOpportunity.id))
    .limit(SUGGESTIONS_PAGE_SIZE)
    .offset((page - 1) * SUGGESTIONS_PAGE_SIZE);
  if (ranked.length === 0) return { rows: [], total, page };
  const found = await executor
    .select({
      id: jobOpportunity.id,
      title: jobOpportunity.title,
      jobType: jobOpportunity.jobType,
      hoursPerWeek: jobOpportunity.hoursPerWeek,
      hourlyPayPence: jobOpportunity.hourlyPayPence,
      shifts: jobOpportunity.shifts,
      postcodeDistrict: jobOpportunity.postcodeDistrict,
      homeBased: jobOpportunity.homeBased,
      createdAt: jobOpportunity.createdAt,
      employerId: jobOpportunity.employerId,
      employerName: employer.name,
      location: jobOpportunity.location,
      closesOn: jobOpportunity.closesOn,
    })
    .from(jobOpportunity)
    .innerJoin(employer, eq(employer.id, jobOpportunity.employerId))
    .where(
      inArray(
        jobOpportunity.id,
        ranked.map((row) => row.id),
      ),
    );
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ranked.map(({ id }) => {
    const row = byId.get(id)!;
    return { ...row, ...matchOpportunity(profile, row, options.wageFloorPence) };
  });
  return { rows, total, page };
}

export type ProfileForMatching = {
  criteria: MatchProfile;
  disclosurePreference: "nothing" | "support_from_service" | "condition" | null;
  preferredJobTypes: string;
};

/** What matching reads from the person's record: their vocational profile and home postcode. */
export async function profileForMatching(record: RecordScope): Promise<ProfileForMatching | null> {
  const [row] = await record.tx
    .select({
      preferredJobTypes: vocationalProfile.preferredJobTypes,
      hoursPerWeek: vocationalProfile.hoursPerWeek,
      shifts: vocationalProfile.shifts,
      travelMiles: vocationalProfile.travelMiles,
      disclosurePreference: vocationalProfile.disclosurePreference,
      address: participant.address,
    })
    .from(vocationalProfile)
    .innerJoin(participant, eq(participant.id, vocationalProfile.participantId))
    .where(onRecord(record, vocationalProfile))
    .limit(1);
  if (!row) return null;
  return {
    criteria: {
      jobTypeWords: jobTypeWordsOf(row.preferredJobTypes),
      hoursPerWeek: row.hoursPerWeek,
      shifts: row.shifts,
      travelMiles: row.travelMiles,
      postcode: findUkPostcode(row.address),
    },
    disclosurePreference: row.disclosurePreference,
    preferredJobTypes: row.preferredJobTypes,
  };
}
