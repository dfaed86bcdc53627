import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { ParticipantRecord } from "../../../platform/access/door";
import { onRecord } from "../../../platform/access/on-record";
import type { RecordScope } from "../../../platform/access/own-record";
import type { Clock } from "../../../platform/clock";
import type { Executor } from "../../../platform/db";
import { staffAccount } from "../../../platform/directory/schema";
import type { CareTeamRole } from "../schema";
import { careTeamMember } from "../schema";

export async function careTeam(record: RecordScope) {
  return record.tx
    .select({
      id: careTeamMember.id,
      staffId: careTeamMember.staffId,
      fullName: staffAccount.fullName,
      staffRole: staffAccount.role,
      profession: staffAccount.profession,
      careTeamRole: careTeamMember.careTeamRole,
      responsibility: careTeamMember.responsibility,
      addedAt: careTeamMember.addedAt,
    })
    .from(careTeamMember)
    .innerJoin(staffAccount, eq(staffAccount.id, careTeamMember.staffId))
    .where(onRecord(record, careTeamMember, isNull(careTeamMember.removedAt)))
    .orderBy(asc(careTeamMember.addedAt), asc(staffAccount.fullName));
}

const rolesThatJoinCareTeams = ["employment_specialist", "clinician", "peer_worker", "team_leader"] as const;

/** Staff who can be added: active, in the participant's organisation, in a role that works with participants. */
export async function staffWhoCanJoin(executor: Executor, organisationId: string) {
  return executor
    .select({ id: staffAccount.id, fullName: staffAccount.fullName, role: staffAccount.role })
    .from(staffAccount)
    .where(
      and(
        eq(staffAccount.organisationId, organisationId),
        eq(staffAccount.status, "active"),
        inArray(staffAccount.role, [...rolesThatJoinCareTeams]),
      ),
    )
    .orderBy(asc(staffAccount.fullName));
}

export async function addCareTeamMember(
  record: ParticipantRecord,
  clock: Clock,
  form: { staffId: string; careTeamRole: CareTeamRole; responsibility: string },
): Promise<"added" | "already" | "not_available"> {
  const available = await staffWhoCanJoin(record.tx, record.organisationId);
  if (!available.some((staff) => staff.id === form.staffId)) return "not_available";
  const [existing] = await record.tx
    .select({ id: careTeamMember.id })
    .from(careTeamMember)
    .where(
      onRecord(
        record,
        careTeamMember,
        eq(careTeamMember.staffId, form.staffId),
        isNull(careTeamMember.removedAt),
      ),
    );
  if (existing) return "already";
  await record.tx.insert(careTeamMember).values({
    organisationId: record.organisationId,
    participantId: record.participantId,
    ...form,
    addedAt: clock.now(),
  });
  return "added";
}

/** Membership is ended, not deleted, so the record keeps who was responsible when. */
export async function removeCareTeamMember(record: ParticipantRecord, clock: Clock, memberId: string) {
  const removed = await record.tx
    .update(careTeamMember)
    .set({ removedAt: clock.now() })
    .where(
      onRecord(record, careTeamMember, eq(careTeamMember.id, memberId), isNull(careTeamMember.removedAt)),
    )
    .returning({ id: careTeamMember.id });
  return removed.length > 0 ? "removed" : "not_found";
}
