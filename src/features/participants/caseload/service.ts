import { and, asc, count, desc, eq, exists, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { ParticipantList } from "../../../platform/access/door";
import { caseloadColumn } from "../../../platform/caseload-columns";
import { preparedRowsOf, uuidArray } from "../../../platform/db";
import { staffAccount, teamMembership } from "../../../platform/directory/schema";
import type { CaseloadFilter } from "../record/forms";
import { caseloadStages } from "../record/stages";
import { normaliseNhsNumber } from "../referrals/nhs-number";
import { careTeamMember, type ParticipantStage, participant } from "../schema";

/** IPS fidelity item S1: no more than 20 active participants per full-time employment specialist. */
export const IPS_CASELOAD_LIMIT = 20;
/** Active for caseload size (domain.md): looking for work or in work, as the stage model counts it. */
export const activeStages: readonly ParticipantStage[] = caseloadStages;

export const CASELOAD_PAGE_SIZE = 25;

const onCareTeam = (staffId: string) =>
  exists(
    sql`(select 1 from ${careTeamMember} where ${careTeamMember.participantId} = ${participant.id}
      and ${careTeamMember.staffId} = ${staffId} and ${careTeamMember.removedAt} is null)`,
  );

/** Who the list may show, as a condition: the same people the record-level policy lets them open. */
function reachCondition(list: ParticipantList): SQL | undefined {
  // A record merged into another is never listed (decision 63): its rows are on the kept record.
  return and(isNull(participant.mergedIntoId), reachOf(list));
}

function reachOf(list: ParticipantList): SQL | undefined {
  const { reach } = list;
  if (reach.kind === "care_team") return onCareTeam(reach.staffId);
  if (reach.kind === "team") {
    if (reach.teamIds.length === 0) return onCareTeam(reach.staffId);
    // "In my teams, or on my care team elsewhere": the care-team side as an id list, so the
    // planner can use the team and primary-key indexes instead of scanning every participant.
    const myCareTeams = sql`${participant.id} = any(array(select member.participant_id from care_team_member member
      where member.staff_id = ${reach.staffId} and member.removed_at is null))`;
    return or(inArray(participant.teamId, [...reach.teamIds]), myCareTeams);
  }
  return sql`false`;
}

/**
 * Name search: every word must begin the first or last name ("jo smi" finds Joanne Smith); ten
 * digits search the NHS number exactly.
 */
export function searchCondition(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const digits = normaliseNhsNumber(q);
  if (/^\d{10}$/.test(digits)) return eq(participant.nhsNumber, digits);
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[%_\\]/g, ""))
    .filter(Boolean)
    .slice(0, 4);
  if (words.length === 0) return undefined;
  return and(
    ...words.map(
      (word) =>
        sql`(lower(${participant.familyName}) like ${`${word}%`} or lower(${participant.givenName}) like ${`${word}%`})`,
    ),
  );
}

// Written out with aliases: inside a select list drizzle leaves column names unqualified.
const leadSpecialistOf = (listedId: SQL) => sql<
  string | null
>`(select lead.full_name from care_team_member lead_member
  join staff_account lead on lead.id = lead_member.staff_id
  where lead_member.participant_id = ${listedId} and lead_member.removed_at is null
    and lead_member.care_team_role = 'lead_employment_specialist'
  order by lead_member.added_at limit 1)`;

export type CaseloadRow = {
  id: string;
  givenName: string;
  familyName: string;
  nhsNumber: string | null;
  stage: ParticipantStage;
  createdAt: Date;
  leadSpecialist: string | null;
};

/** What needs doing and when they were last seen, from the plan, contacts and alerts. */
export type CaseloadFollowUp = {
  nextActionDue: string | null;
  lastContact: Date | null;
  openAlerts: { urgent: number; warning: number };
};

type CaseloadFilterWithText = CaseloadFilter & { q?: string };

/**
 * One page of the participants this person may list, with the total, in one statement. With
 * `followUp`, the follow-up columns come in the same statement: the features that own those facts
 * say how each is computed, and PostgreSQL computes them for the page's rows only, after the limit.
 */
async function listPage(list: ParticipantList, query: CaseloadFilterWithText, followUp: boolean) {
  const where = and(
    reachCondition(list),
    searchCondition(query.q),
    query.stage ? eq(participant.stage, query.stage) : undefined,
    query.staffId ? onCareTeam(query.staffId) : undefined,
  );
  const direction = query.order === "desc" ? desc : asc;
  const orderBy =
    query.sort === "stage"
      ? [direction(participant.stage), asc(participant.familyName)]
      : query.sort === "referred"
        ? [direction(participant.createdAt), asc(participant.familyName)]
        : [direction(participant.familyName), direction(participant.givenName)];
  // The total rides along with the page (the count runs once, as its own subquery). Only a page
  // past the last comes back empty, and then the last page is read instead.
  const total = list.tx.select({ total: count() }).from(participant).where(where);
  const noFollowUp = sql<null>`null`;
  const followUpOf = (listedId: SQL) => ({
    nextActionDue: followUp ? caseloadColumn("nextActionDue", listedId, list.actor) : noFollowUp,
    lastContactMs: followUp
      ? caseloadColumn("lastContactMs", listedId, list.actor).mapWith(Number)
      : noFollowUp,
    openAlerts: followUp ? caseloadColumn("openAlerts", listedId, list.actor) : noFollowUp,
  });
  // A name search scans its matches once: they are gathered first, then counted and paged. The
  // plain list keeps the two-part form, where the planner can stop early on an index.
  const matched = list.tx.$with("matched").as(
    list.tx
      .select({
        id: participant.id,
        givenName: participant.givenName,
        familyName: participant.familyName,
        nhsNumber: participant.nhsNumber,
        stage: participant.stage,
        createdAt: participant.createdAt,
      })
      .from(participant)
      .where(where),
  );
  const matchedOrder =
    query.sort === "stage"
      ? [direction(matched.stage), asc(matched.familyName)]
      : query.sort === "referred"
        ? [direction(matched.createdAt), asc(matched.familyName)]
        : [direction(matched.familyName), direction(matched.givenName)];
  const searchPageOf = (page: number) => {
    // Written out: inside a select list drizzle leaves column names unqualified.
    const listedId = sql`"matched"."id"`;
    return list.tx
      .with(matched)
      .select({
        id: matched.id,
        givenName: matched.givenName,
        familyName: matched.familyName,
        nhsNumber: matched.nhsNumber,
        stage: matched.stage,
        createdAt: matched.createdAt,
        leadSpecialist: leadSpecialistOf(listedId),
        total: sql<number>`(select count(*) from "matched")`.mapWith(Number),
        ...followUpOf(listedId),
      })
      .from(matched)
      .orderBy(...matchedOrder, asc(matched.id))
      .limit(CASELOAD_PAGE_SIZE)
      .offset((page - 1) * CASELOAD_PAGE_SIZE);
  };
  const listPageOf = (page: number) => {
    const listedId = sql`"participant"."id"`;
    return list.tx
      .select({
        id: participant.id,
        givenName: participant.givenName,
        familyName: participant.familyName,
        nhsNumber: participant.nhsNumber,
        stage: participant.stage,
        createdAt: participant.createdAt,
        leadSpecialist: leadSpecialistOf(listedId),
        total: sql<number>`(${total})`.mapWith(Number),
        ...followUpOf(listedId),
      })
      .from(participant)
      .where(where)
      .orderBy(...orderBy, asc(participant.id))
      .limit(CASELOAD_PAGE_SIZE)
      .offset((page - 1) * CASELOAD_PAGE_SIZE);
  };
  const pageOf = (page: number) => (query.q ? searchPageOf(page) : listPageOf(page));
  let page = query.page;
  let found = await pageOf(page);
  let totalFound = found[0]?.total;
  if (totalFound === undefined) {
    const [{ total: counted } = { total: 0 }] = await total;
    totalFound = counted;
    const lastPage = Math.max(1, Math.ceil(counted / CASELOAD_PAGE_SIZE));
    if (page > lastPage && counted > 0) found = await pageOf(lastPage);
    page = Math.min(page, lastPage);
  }
  return {
    found,
    total: totalFound,
    page,
    pageCount: Math.max(1, Math.ceil(totalFound / CASELOAD_PAGE_SIZE)),
  };
}

const caseloadRow = (row: CaseloadRow): CaseloadRow => ({
  id: row.id,
  givenName: row.givenName,
  familyName: row.familyName,
  nhsNumber: row.nhsNumber,
  stage: row.stage,
  createdAt: row.createdAt,
  leadSpecialist: row.leadSpecialist,
});

export async function caseloadPage(list: ParticipantList, query: CaseloadFilterWithText) {
  const { found, ...counts } = await listPage(list, query, false);
  const rows = found.map(caseloadRow);
  return { result: { rows, ...counts }, shownIds: rows.map((row) => row.id) };
}

/** A caseload page with what needs doing and when each person was last seen. */
export async function caseloadPageWithFollowUp(list: ParticipantList, query: CaseloadFilterWithText) {
  const { found, ...counts } = await listPage(list, query, true);
  const rows: (CaseloadRow & CaseloadFollowUp)[] = found.map((row) => ({
    ...caseloadRow(row),
    nextActionDue: row.nextActionDue,
    lastContact: row.lastContactMs === null ? null : new Date(row.lastContactMs),
    openAlerts: row.openAlerts ?? { urgent: 0, warning: 0 },
  }));
  return { result: { rows, ...counts }, shownIds: rows.map((row) => row.id) };
}

/** Active participants each employment specialist leads: the caseload size IPS limits. */
export async function activeCaseloads(
  list: ParticipantList,
  specialistIds: readonly string[],
): Promise<Map<string, { active: number; total: number }>> {
  const sizes = new Map<string, { active: number; total: number }>();
  if (specialistIds.length === 0) return sizes;
  // Each led participant's stage by its primary key (the lateral `offset 0` keeps it that way):
  // a team's few thousand lookups beat the hash join over every participant the planner prefers.
  const rows = await preparedRowsOf<{ staff_id: string; active: number; total: number }>(
    list.tx,
    sql`select member.staff_id,
        count(*) filter (where led.stage in (${sql.join(
          activeStages.map((stage) => sql`${stage}`),
          sql`, `,
        )}))::int as active,
        count(*) filter (where led.stage <> 'closed')::int as total
      from ${careTeamMember} member
      cross join lateral (select stage from ${participant} led_participant
        where led_participant.id = member.participant_id offset 0) led
      where member.staff_id = any(${uuidArray(specialistIds)})
        and member.care_team_role = 'lead_employment_specialist' and member.removed_at is null
      group by member.staff_id`,
  );
  for (const row of rows) sizes.set(row.staff_id, { active: Number(row.active), total: Number(row.total) });
  return sizes;
}

/** The employment specialists in the teams this team leader leads, for the team view. */
export async function teamSpecialists(list: ParticipantList) {
  if (list.reach.kind !== "team" || list.reach.teamIds.length === 0) return [];
  return list.tx
    .selectDistinct({ id: staffAccount.id, fullName: staffAccount.fullName })
    .from(staffAccount)
    .innerJoin(teamMembership, eq(teamMembership.staffId, staffAccount.id))
    .where(
      and(
        inArray(teamMembership.teamId, [...list.reach.teamIds]),
        eq(staffAccount.role, "employment_specialist"),
        eq(staffAccount.status, "active"),
      ),
    )
    .orderBy(asc(staffAccount.fullName));
}
