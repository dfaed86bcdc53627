import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ParticipantRecord } from "../../../platform/access/door";
import { onRecord } from "../../../platform/access/on-record";
import { inOrder } from "../../../platform/db";
import { staffAccount } from "../../../platform/directory/schema";
import type { Translator } from "../../../platform/web/i18n";
import type { TimelineEntry } from "../../../platform/web/timeline";
import { consentHistory } from "../consent/service";
import { careTeamMember, referral, referralContactAttempt } from "../schema";

const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" · ");

/**
 * The journey's own steps on the timeline: referrals and how they ended, first-contact attempts,
 * every consent decision and every change to the care team. None of it is health information.
 */
export async function timelineEntries(record: ParticipantRecord, t: Translator): Promise<TimelineEntry[]> {
  const { tx } = record;
  const referrer = alias(staffAccount, "referrer");
  const [referrals, attempts, consents, members] = await inOrder([
    () =>
      tx
        .select({
          source: referral.source,
          referrerName: referral.referrerName,
          referrerOrganisation: referral.referrerOrganisation,
          referrerStaffName: referrer.fullName,
          receivedAt: referral.receivedAt,
          status: referral.status,
          closedAt: referral.closedAt,
          closingNote: referral.closingNote,
          closedByName: staffAccount.fullName,
        })
        .from(referral)
        .leftJoin(referrer, eq(referrer.id, referral.referrerStaffId))
        .leftJoin(staffAccount, eq(staffAccount.id, referral.closedBy))
        .where(onRecord(record, referral)),
    () =>
      tx
        .select({
          attemptedOn: referralContactAttempt.attemptedOn,
          method: referralContactAttempt.method,
          outcome: referralContactAttempt.outcome,
          note: referralContactAttempt.note,
          recordedAt: referralContactAttempt.recordedAt,
          recordedByName: staffAccount.fullName,
        })
        .from(referralContactAttempt)
        .innerJoin(staffAccount, eq(staffAccount.id, referralContactAttempt.recordedBy))
        .where(onRecord(record, referralContactAttempt)),
    () => consentHistory(record),
    () =>
      tx
        .select({
          name: staffAccount.fullName,
          careTeamRole: careTeamMember.careTeamRole,
          responsibility: careTeamMember.responsibility,
          addedAt: careTeamMember.addedAt,
          removedAt: careTeamMember.removedAt,
        })
        .from(careTeamMember)
        .innerJoin(staffAccount, eq(staffAccount.id, careTeamMember.staffId))
        .where(onRecord(record, careTeamMember)),
  ] as const);
  const recordedBy = (name: string | null) =>
    name ? t.t("timeline.recordedBy", { name }) : t.t("timeline.recordedByParticipant");

  const entries: TimelineEntry[] = [];
  for (const row of referrals) {
    const referredBy = row.referrerStaffName ?? row.referrerName;
    entries.push({
      at: row.receivedAt,
      category: "referral",
      href: `/participants/${record.participantId}/referral`,
      title: t.t("timeline.referral.received", { source: t.t(`timeline.referralSource.${row.source}`) }),
      detail: joined(
        referredBy ? t.t("timeline.referral.referrer", { name: referredBy }) : undefined,
        row.referrerOrganisation,
      ),
    });
    if (row.closedAt && row.status !== "open") {
      entries.push({
        at: row.closedAt,
        category: "referral",
        href: `/participants/${record.participantId}/referral`,
        title: t.t(`timeline.referral.closed.${row.status}`),
        detail: joined(row.closingNote, row.closedByName ? recordedBy(row.closedByName) : undefined),
      });
    }
  }
  for (const row of attempts) {
    entries.push({
      // The attempt's day is in the title; the time it was written down orders it.
      at: row.recordedAt,
      category: "referral",
      href: `/participants/${record.participantId}/referral`,
      title: t.t("timeline.attempt.title", {
        date: t.formatDate(new Date(`${row.attemptedOn}T12:00:00Z`), "short"),
        method: t.t(`timeline.attempt.method.${row.method}`),
        outcome: t.t(`timeline.attempt.outcome.${row.outcome}`),
      }),
      detail: joined(row.note, recordedBy(row.recordedByName)),
    });
  }
  for (const row of consents) {
    const scope =
      row.purpose === "share_health_information" && row.decision === "given" && row.scope.length > 0
        ? t.t("timeline.consent.scope", {
            kinds: row.scope.map((kind) => t.t(`timeline.healthKind.${kind}`)).join(", "),
          })
        : undefined;
    entries.push({
      at: row.recordedAt,
      category: "consent",
      href: `/participants/${record.participantId}/consent`,
      title: t.t(`timeline.consent.title.${row.decision}`, {
        purpose: t.t(`timeline.consent.purpose.${row.purpose}`),
      }),
      detail: joined(
        scope,
        t.t(
          row.decision === "withdrawn"
            ? `timeline.consent.methodWithdrawn.${row.method}`
            : `timeline.consent.method.${row.method}`,
        ),
        row.note,
        recordedBy(row.recordedByName),
      ),
    });
  }
  for (const row of members) {
    const role = t.t(`timeline.careTeamRole.${row.careTeamRole}`);
    entries.push({
      at: row.addedAt,
      category: "care_team",
      href: `/participants/${record.participantId}/care-team`,
      title: t.t("timeline.careTeam.added", { name: row.name, role }),
      detail: row.responsibility,
    });
    if (row.removedAt) {
      entries.push({
        at: row.removedAt,
        category: "care_team",
        href: `/participants/${record.participantId}/care-team`,
        title: t.t("timeline.careTeam.removed", { name: row.name, role }),
      });
    }
  }
  return entries;
}
