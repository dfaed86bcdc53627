import { and, asc, eq, gte, isNull, or, sql } from "drizzle-orm";
import type { ParticipantDoor } from "../../../platform/access/door";
import type { Actor } from "../../../platform/access/policy";
import { auditEvent } from "../../../platform/audit/table";
import type { Clock } from "../../../platform/clock";
import type { Database, Executor, Transaction } from "../../../platform/db";
import { organisation, region, team } from "../../../platform/directory/schema";
import { type DuplicateReason, duplicateReason } from "../duplicates/rules";
import type { SelfReferralForm, StaffReferralForm } from "../record/forms";
import { makeStageMove } from "../record/stage-moves";
import { type CareTeamRole, careTeamMember, participant, referral } from "../schema";

// How referrals arrive: from staff (with the duplicate check) and from the public form.

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
        isNull(participant.mergedIntoId),
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

/** A new record at the start of the journey, in the team the referral went to. */
async function insertReferredPerson(
  tx: Transaction,
  details: PersonDetails,
  receiving: { id: string; organisationId: string },
  now: Date,
): Promise<string> {
  const [created] = await tx
    .insert(participant)
    .values({
      ...participantValues(details),
      organisationId: receiving.organisationId,
      teamId: receiving.id,
      stage: "referred",
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: participant.id });
  return created!.id;
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
      // Through the stage model: only a closed record moves; one still supported keeps its stage.
      await makeStageMove({ tx, participantId: linkTo }, "re_refer", now);
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
    const participantId = await insertReferredPerson(tx, form, receiving, now);
    await tx.insert(referral).values({ ...referralValues, participantId });
    await addReferrerToCareTeam(
      tx,
      actor,
      receiving.organisationId,
      participantId,
      referrerResponsibility,
      now,
    );
    return { kind: "created", participantId, organisationId: receiving.organisationId };
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
  perHour: number,
): Promise<{ kind: "created" } | { kind: "unknown_team" } | { kind: "too_many" }> {
  // Only accepted referrals count, so a family or a library sharing one address is not locked
  // out by someone's mistyped forms; the audit trail already holds each one with its address.
  if ((await selfReferralsInLastHour(db, clock, ipAddress)) >= perHour) return { kind: "too_many" };
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
    const participantId = await insertReferredPerson(tx, form, receiving, now);
    await tx.insert(referral).values({
      organisationId: receiving.organisationId,
      participantId,
      teamId: receiving.id,
      source: "self_referral",
      receivedAt: now,
    });
    return { participantId, organisationId: receiving.organisationId };
  });
  return { kind: "created" };
}

/** Accepted self-referrals from one address in the last hour, counted from their audit events. */
export async function selfReferralsInLastHour(db: Executor, clock: Clock, ipAddress: string) {
  const since = new Date(clock.now().getTime() - 60 * 60 * 1000);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.action, "participant.refer"),
        isNull(auditEvent.actorId),
        eq(auditEvent.ipAddress, ipAddress),
        gte(auditEvent.occurredAt, since),
      ),
    );
  return row?.count ?? 0;
}
