import { and, asc, count, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { ParticipantDoor, ParticipantList, ParticipantRecord } from "../../platform/access/door";
import type { Actor } from "../../platform/access/policy";
import type { Clock } from "../../platform/clock";
import type { Database, Executor, Transaction } from "../../platform/db";
import { organisation, region, staffAccount, team } from "../../platform/directory/schema";
import { type DuplicateReason, duplicateReason } from "./duplicates";
import type { SelfReferralForm, StaffReferralForm } from "./forms";
import { type CareTeamRole, careTeamMember, participant, referral, referralContactAttempt } from "./schema";

/** IPS: a referral may end as "not reached" only after this many recorded attempts. */
export const NOT_REACHED_MINIMUM_ATTEMPTS = 3;

export type ReceivingTeam = {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  regionName: string;
};

/** The employment support teams a referral can go to: IPS teams, by region and organisation. */
export async function receivingTeams(db: Executor, organisationId?: string): Promise<ReceivingTeam[]> {
  return db
    .select({
      id: team.id,
      name: team.name,
      organisationId: organisation.id,
      organisationName: organisation.name,
      regionName: region.name,
    })
    .from(team)
    .innerJoin(organisation, eq(organisation.id, team.organisationId))
    .innerJoin(region, eq(region.id, organisation.regionId))
    .where(
      and(
        eq(team.kind, "ips_team"),
        eq(team.active, true),
        eq(organisation.active, true),
        organisationId ? eq(organisation.id, organisationId) : undefined,
      ),
    )
    .orderBy(asc(region.name), asc(organisation.name), asc(team.name));
}

export type PossibleDuplicate = {
  participantId: string;
  reason: DuplicateReason;
  teamName: string;
  referredAt: Date;
};

type Person = Pick<StaffReferralForm, "givenName" | "familyName" | "dateOfBirth" | "nhsNumber">;

/** Records in the organisation that may be the same person, judged by `duplicateReason`. */
async function findPossibleDuplicates(tx: Transaction, organisationId: string, person: Person) {
  const candidates = await tx
    .select({
      id: participant.id,
      givenName: participant.givenName,
      familyName: participant.familyName,
      dateOfBirth: participant.dateOfBirth,
      nhsNumber: participant.nhsNumber,
      teamName: team.name,
      createdAt: participant.createdAt,
    })
    .from(participant)
    .innerJoin(team, eq(team.id, participant.teamId))
    .where(
      and(
        eq(participant.organisationId, organisationId),
        or(
          person.nhsNumber ? eq(participant.nhsNumber, person.nhsNumber) : undefined,
          eq(participant.dateOfBirth, person.dateOfBirth),
        ),
      ),
    )
    .limit(50);
  const matches: PossibleDuplicate[] = [];
  for (const candidate of candidates) {
    const reason = duplicateReason(person, candidate);
    if (reason)
      matches.push({
        participantId: candidate.id,
        reason,
        teamName: candidate.teamName,
        referredAt: candidate.createdAt,
      });
  }
  return matches;
}

type PersonDetails = Omit<
  StaffReferralForm,
  "teamId" | "source" | "referrerName" | "referrerOrganisation" | "duplicateDecision"
>;

function participantValues(details: PersonDetails) {
  return {
    givenName: details.givenName,
    familyName: details.familyName,
    dateOfBirth: details.dateOfBirth,
    nhsNumber: details.nhsNumber,
    phone: details.phone,
    email: details.email,
    address: details.address,
    preferredLanguage: details.preferredLanguage,
    preferredContactMethod: details.preferredContactMethod,
    workSituation: details.workSituation,
    employerName: details.workSituation === "employed_off_sick" ? details.employerName : null,
    absenceStartDate: details.workSituation === "employed_off_sick" ? details.absenceStartDate : null,
    hopes: details.hopes,
  };
}

export type StaffReferralOutcome =
  | { kind: "created"; participantId: string; organisationId: string }
  | { kind: "linked"; participantId: string; organisationId: string }
  | {
      kind: "possible_duplicates";
      organisationId: string;
      matches: PossibleDuplicate[];
      matchesFound: number;
    }
  | { kind: "unknown_team"; organisationId: string };

/** The referrer joins the care team when they use Tandem, so the GP stays part of the person's team. */
function referrerCareTeamRole(actor: Actor & { profession?: string | null }): CareTeamRole | null {
  if (actor.role !== "clinician") return null;
  return actor.profession === "general_practitioner" ? "general_practitioner" : "clinician";
}

async function addReferrerToCareTeam(
  tx: Transaction,
  actor: Actor & { profession?: string | null },
  organisationId: string,
  participantId: string,
  responsibility: string,
  now: Date,
) {
  const careTeamRole = referrerCareTeamRole(actor);
  if (!careTeamRole) return;
  const [already] = await tx
    .select({ id: careTeamMember.id })
    .from(careTeamMember)
    .where(
      and(
        eq(careTeamMember.participantId, participantId),
        eq(careTeamMember.staffId, actor.staffId),
        sql`${careTeamMember.removedAt} is null`,
      ),
    );
  if (already) return;
  await tx.insert(careTeamMember).values({
    organisationId,
    participantId,
    staffId: actor.staffId,
    careTeamRole,
    responsibility,
    addedAt: now,
  });
}

export async function createStaffReferral(
  door: ParticipantDoor,
  clock: Clock,
  actor: Actor & { fullName: string; profession?: string | null },
  form: StaffReferralForm,
  ipAddress: string,
  referrerResponsibility: string,
): Promise<StaffReferralOutcome> {
  return door.withNewParticipant<
    StaffReferralOutcome & { participantId?: string; organisationId: string; matchesFound?: number }
  >(actor, { what: "staff_referral", ipAddress }, async (tx) => {
    const [receiving] = await tx
      .select({ id: team.id, organisationId: team.organisationId })
      .from(team)
      .where(
        and(
          eq(team.id, form.teamId),
          eq(team.kind, "ips_team"),
          eq(team.organisationId, actor.organisationId),
        ),
      );
    if (!receiving) return { kind: "unknown_team", organisationId: actor.organisationId };
    const now = clock.now();
    const referralValues = {
      organisationId: receiving.organisationId,
      teamId: receiving.id,
      source: form.source,
      referrerStaffId: actor.staffId,
      referrerName: form.referrerName ?? actor.fullName,
      referrerOrganisation: form.referrerOrganisation,
      receivedAt: now,
    };
    const matches = await findPossibleDuplicates(tx, receiving.organisationId, form);
    const linkTo = form.duplicateDecision?.startsWith("link:") ? form.duplicateDecision.slice(5) : undefined;
    if (linkTo) {
      const target = matches.find((match) => match.participantId === linkTo);
      if (!target)
        return {
          kind: "possible_duplicates",
          organisationId: receiving.organisationId,
          matches,
          matchesFound: matches.length,
        };
      // A re-referral of someone whose support had ended opens their record again.
      await tx
        .update(participant)
        .set({
          stage: "referred",
          closedReason: null,
          updatedAt: now,
          version: sql`${participant.version} + 1`,
        })
        .where(and(eq(participant.id, linkTo), eq(participant.stage, "closed")));
      await tx.insert(referral).values({ ...referralValues, participantId: linkTo });
      await addReferrerToCareTeam(tx, actor, receiving.organisationId, linkTo, referrerResponsibility, now);
      return { kind: "linked", participantId: linkTo, organisationId: receiving.organisationId };
    }
    if (matches.length > 0 && form.duplicateDecision !== "new")
      return {
        kind: "possible_duplicates",
        organisationId: receiving.organisationId,
        matches,
        matchesFound: matches.length,
      };
    const [created] = await tx
      .insert(participant)
      .values({
        ...participantValues(form),
        organisationId: receiving.organisationId,
        teamId: receiving.id,
        stage: "referred",
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: participant.id });
    await tx.insert(referral).values({ ...referralValues, participantId: created!.id });
    await addReferrerToCareTeam(
      tx,
      actor,
      receiving.organisationId,
      created!.id,
      referrerResponsibility,
      now,
    );
    return { kind: "created", participantId: created!.id, organisationId: receiving.organisationId };
  });
}

/**
 * A self-referral from the public form. It never reveals whether the person is already known:
 * a possible duplicate is only flagged on the team's queue for staff to check.
 */
export async function createSelfReferral(
  db: Database,
  door: ParticipantDoor,
  clock: Clock,
  form: SelfReferralForm,
  ipAddress: string,
): Promise<{ kind: "created" } | { kind: "unknown_team" }> {
  // The receiving team is directory data, not a participant's: it is read before the door opens.
  const [receiving] = await db
    .select({ id: team.id, organisationId: team.organisationId })
    .from(team)
    .innerJoin(organisation, eq(organisation.id, team.organisationId))
    .where(
      and(
        eq(team.id, form.teamId),
        eq(team.kind, "ips_team"),
        eq(team.active, true),
        eq(organisation.active, true),
      ),
    );
  if (!receiving) return { kind: "unknown_team" };
  await door.withNewParticipant(null, { what: "self_referral", ipAddress }, async (tx) => {
    const now = clock.now();
    const [created] = await tx
      .insert(participant)
      .values({
        ...participantValues(form),
        organisationId: receiving.organisationId,
        teamId: receiving.id,
        stage: "referred",
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: participant.id });
    await tx.insert(referral).values({
      organisationId: receiving.organisationId,
      participantId: created!.id,
      teamId: receiving.id,
      source: "self_referral",
      receivedAt: now,
    });
    return { participantId: created!.id, organisationId: receiving.organisationId };
  });
  return { kind: "created" };
}

export const daysBetween = (from: Date, to: Date) =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / 86_400_000));

export type ReferralQueueRow = {
  participantId: string;
  referralId: string;
  givenName: string;
  familyName: string;
  source: (typeof referral.$inferSelect)["source"];
  receivedAt: Date;
  attempts: number;
  possibleDuplicate: boolean;
};

const PAGE_SIZE = 25;

/** Open referrals to the teams this person works in, longest waiting first. */
export async function referralQueue(list: ParticipantList, page: number) {
  const teamIds =
    list.reach.kind === "team"
      ? list.reach.teamIds
      : list.reach.kind === "care_team"
        ? list.reach.referralTeamIds
        : [];
  if (teamIds.length === 0)
    return { result: { rows: [] as ReferralQueueRow[], total: 0, page: 1, pageCount: 1 }, shownIds: [] };
  // Written out with aliases: inside a select list drizzle leaves column names unqualified.
  const duplicateExists = sql<boolean>`exists (
    select 1 from participant other
    where other.organisation_id = "participant"."organisation_id" and other.id <> "participant"."id"
      and ((other.nhs_number is not null and other.nhs_number = "participant"."nhs_number")
        or (other.date_of_birth = "participant"."date_of_birth"
          and lower(other.family_name) = lower("participant"."family_name")
          and lower(other.given_name) = lower("participant"."given_name"))))`;
  const where = and(eq(referral.status, "open"), inArray(referral.teamId, [...teamIds]));
  const [{ total } = { total: 0 }] = await list.tx.select({ total: count() }).from(referral).where(where);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const rows = await list.tx
    .select({
      participantId: participant.id,
      referralId: referral.id,
      givenName: participant.givenName,
      familyName: participant.familyName,
      source: referral.source,
      receivedAt: referral.receivedAt,
      attempts: sql<number>`(select count(*)::int from referral_contact_attempt attempt where attempt.referral_id = "referral"."id")`,
      possibleDuplicate: duplicateExists,
    })
    .from(referral)
    .innerJoin(participant, eq(participant.id, referral.participantId))
    .where(where)
    .orderBy(asc(referral.receivedAt), asc(referral.id))
    .limit(PAGE_SIZE)
    .offset((current - 1) * PAGE_SIZE);
  return {
    result: {
      rows: rows.map((row) => ({
        ...row,
        attempts: Number(row.attempts),
        possibleDuplicate: Boolean(row.possibleDuplicate),
      })),
      total,
      page: current,
      pageCount,
    },
    shownIds: rows.map((row) => row.participantId),
  };
}

/** The participant's latest referral, its attempts and whether it may be a duplicate. */
export async function referralDetails(record: ParticipantRecord) {
  const [latest] = await record.tx
    .select({
      id: referral.id,
      source: referral.source,
      referrerName: referral.referrerName,
      referrerOrganisation: referral.referrerOrganisation,
      receivedAt: referral.receivedAt,
      status: referral.status,
      closedAt: referral.closedAt,
      closingNote: referral.closingNote,
      version: referral.version,
      teamName: team.name,
    })
    .from(referral)
    .innerJoin(team, eq(team.id, referral.teamId))
    .where(eq(referral.participantId, record.participantId))
    .orderBy(sql`${referral.receivedAt} desc`, sql`${referral.id} desc`)
    .limit(1);
  if (!latest) return undefined;
  const attempts = await record.tx
    .select({
      id: referralContactAttempt.id,
      attemptedOn: referralContactAttempt.attemptedOn,
      method: referralContactAttempt.method,
      outcome: referralContactAttempt.outcome,
      note: referralContactAttempt.note,
      recordedByName: staffAccount.fullName,
    })
    .from(referralContactAttempt)
    .innerJoin(staffAccount, eq(staffAccount.id, referralContactAttempt.recordedBy))
    .where(eq(referralContactAttempt.referralId, latest.id))
    .orderBy(sql`${referralContactAttempt.attemptedOn} desc`, sql`${referralContactAttempt.recordedAt} desc`);
  const [self] = await record.tx
    .select({
      givenName: participant.givenName,
      familyName: participant.familyName,
      dateOfBirth: participant.dateOfBirth,
      nhsNumber: participant.nhsNumber,
    })
    .from(participant)
    .where(eq(participant.id, record.participantId));
  const others = await record.tx
    .select({
      givenName: participant.givenName,
      familyName: participant.familyName,
      dateOfBirth: participant.dateOfBirth,
      nhsNumber: participant.nhsNumber,
    })
    .from(participant)
    .where(
      and(
        eq(participant.organisationId, record.organisationId),
        ne(participant.id, record.participantId),
        or(
          self?.nhsNumber ? eq(participant.nhsNumber, self.nhsNumber) : undefined,
          eq(participant.dateOfBirth, self!.dateOfBirth),
        ),
      ),
    )
    .limit(50);
  const duplicate =
    others.map((other) => duplicateReason(self!, other)).find((reason) => reason !== null) ?? null;
  return { ...latest, attempts, duplicate };
}

export async function recordContactAttempt(
  record: ParticipantRecord,
  clock: Clock,
  form: {
    attemptedOn: string;
    method: (typeof referralContactAttempt.$inferInsert)["method"];
    outcome: (typeof referralContactAttempt.$inferInsert)["outcome"];
    note: string | null;
  },
): Promise<"saved" | "no_open_referral"> {
  const [open] = await record.tx
    .select({ id: referral.id })
    .from(referral)
    .where(and(eq(referral.participantId, record.participantId), eq(referral.status, "open")))
    .limit(1);
  if (!open) return "no_open_referral";
  await record.tx.insert(referralContactAttempt).values({
    organisationId: record.organisationId,
    participantId: record.participantId,
    referralId: open.id,
    ...form,
    recordedBy: record.actor.staffId,
    recordedAt: clock.now(),
  });
  return "saved";
}

/** The specialist takes the referral on: they join the care team as its lead. */
export async function takeOnReferral(record: ParticipantRecord, clock: Clock, responsibility: string) {
  const existing = await record.tx
    .select({ id: careTeamMember.id })
    .from(careTeamMember)
    .where(
      and(
        eq(careTeamMember.participantId, record.participantId),
        eq(careTeamMember.staffId, record.actor.staffId),
        sql`${careTeamMember.removedAt} is null`,
      ),
    );
  if (existing.length > 0) return "already";
  await record.tx.insert(careTeamMember).values({
    organisationId: record.organisationId,
    participantId: record.participantId,
    staffId: record.actor.staffId,
    careTeamRole: "lead_employment_specialist",
    responsibility,
    addedAt: clock.now(),
  });
  return "taken";
}

export type CloseReferralOutcome = "closed" | "not_open" | "stale" | "needs_attempts";

/** Ends an open referral as declined or not reached; engagement ends it through `recordEngagement`. */
export async function closeReferral(
  record: ParticipantRecord,
  clock: Clock,
  form: { status: "declined_by_person" | "not_reached"; closingNote: string | null; version: number },
): Promise<CloseReferralOutcome> {
  const [open] = await record.tx
    .select({ id: referral.id, version: referral.version })
    .from(referral)
    .where(and(eq(referral.participantId, record.participantId), eq(referral.status, "open")))
    .limit(1);
  if (!open) return "not_open";
  if (open.version !== form.version) return "stale";
  if (form.status === "not_reached") {
    const [{ attempts } = { attempts: 0 }] = await record.tx
      .select({ attempts: count() })
      .from(referralContactAttempt)
      .where(eq(referralContactAttempt.referralId, open.id));
    if (attempts < NOT_REACHED_MINIMUM_ATTEMPTS) return "needs_attempts";
  }
  const now = clock.now();
  await record.tx
    .update(referral)
    .set({
      status: form.status,
      closedAt: now,
      closedBy: record.actor.staffId,
      closingNote: form.closingNote,
      version: open.version + 1,
    })
    .where(eq(referral.id, open.id));
  await record.tx
    .update(participant)
    .set({
      stage: "closed",
      closedReason: form.status,
      updatedAt: now,
      version: sql`${participant.version} + 1`,
    })
    .where(and(eq(participant.id, record.participantId), eq(participant.stage, "referred")));
  return "closed";
}
