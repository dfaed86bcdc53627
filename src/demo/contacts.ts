import { appointment, contact, type NewContact } from "../features/contacts/schema";
import { isFaceToFaceEmployerContact, zonedInstant } from "../features/contacts/service";
import type { ParticipantStage } from "../features/participants/schema";
import type { Clock } from "../platform/clock";
import type { Transaction } from "../platform/db";

export type DemoParticipant = {
  id: string;
  organisationId: string;
  stage: ParticipantStage;
  specialistId: string;
  clinicianId: string;
};

const DAY_MS = 86_400_000;

type Plan = Omit<NewContact, "occurredAt"> & {
  daysAgo: number;
  hour: number;
  by: "specialist" | "clinician";
};

// Written as staff write them: about the work and the support, never a name.
const engagedContacts: Plan[] = [
  {
    daysAgo: 56,
    hour: 10,
    by: "specialist",
    method: "face_to_face",
    withWhom: "participant",
    durationMinutes: 60,
    attendance: "attended",
    noteKind: "employment",
    note: "First meeting at the community hub. Talked through what work would suit: mornings, close to home, nothing in a call centre again. Started the vocational profile together. Agreed to meet weekly.",
  },
  {
    daysAgo: 49,
    hour: 14,
    by: "clinician",
    method: "video",
    withWhom: "clinical_team",
    durationMinutes: 30,
    attendance: "attended",
    noteKind: "clinical",
    note: "Care-team review. Mood stable on current treatment, sleep improving. Supports the plan to look for part-time work; no change to medication. Review again in six weeks.",
  },
  {
    daysAgo: 42,
    hour: 11,
    by: "specialist",
    method: "phone",
    withWhom: "participant",
    durationMinutes: 20,
    attendance: "did_not_attend",
    noteKind: "employment",
    note: "Planned call not answered. Sent a text offering another time, no pressure.",
  },
  {
    daysAgo: 35,
    hour: 10,
    by: "specialist",
    method: "face_to_face",
    withWhom: "participant",
    durationMinutes: 45,
    attendance: "attended",
    noteKind: "employment",
    note: "Finished the vocational profile. Strengths: reliable, good with customers, likes practical work. Went through a benefits calculation for 16 hours a week with the welfare rights adviser's figures.",
  },
];

const jobSearchContacts: Plan[] = [
  {
    daysAgo: 28,
    hour: 15,
    by: "specialist",
    method: "face_to_face",
    withWhom: "employer",
    durationMinutes: 40,
    attendance: "attended",
    noteKind: "employment",
    note: "Visited the garden centre manager on the participant's behalf, with their agreement. Two seasonal roles coming up, 16–20 hours. Manager open to a working interview.",
  },
  {
    daysAgo: 14,
    hour: 9,
    by: "specialist",
    method: "message",
    withWhom: "participant",
    durationMinutes: 10,
    attendance: "attended",
    noteKind: "employment",
    note: "Shared the job description and agreed to prepare for the working interview together on Thursday.",
  },
];

const inWorkContacts: Plan[] = [
  {
    daysAgo: 7,
    hour: 16,
    by: "specialist",
    method: "phone",
    withWhom: "employer",
    durationMinutes: 15,
    attendance: "attended",
    noteKind: "employment",
    note: "In-work support call with the line manager. Settling in well; agreed a later start on Mondays as an adjustment.",
  },
];

function plansFor(stage: ParticipantStage): Plan[] {
  switch (stage) {
    case "referred":
      return [];
    case "engaged":
    case "paused":
    case "closed":
      return engagedContacts;
    case "job_seeking":
      return [...engagedContacts, ...jobSearchContacts];
    case "in_work":
      return [...engagedContacts, ...jobSearchContacts, ...inWorkContacts];
  }
}

/**
 * Contacts of both kinds for demo participants past referral, all in the past, recorded by the
 * participant's own specialist or clinician so each note sits on a record its author can open.
 */
export async function seedDemoContacts(
  tx: Transaction,
  clock: Clock,
  participants: readonly DemoParticipant[],
): Promise<number> {
  const now = clock.now().getTime();
  const rows = participants.flatMap((person, index) =>
    plansFor(person.stage).map(({ daysAgo, hour, by, ...planned }) => {
      const day = Math.floor((now - (daysAgo + (index % 3)) * DAY_MS) / DAY_MS) * DAY_MS;
      const occurredAt = new Date(day + hour * 3_600_000);
      return {
        ...planned,
        organisationId: person.organisationId,
        participantId: person.id,
        occurredAt,
        faceToFaceEmployerContact: isFaceToFaceEmployerContact(planned),
        recordedBy: by === "specialist" ? person.specialistId : person.clinicianId,
        recordedAt: new Date(occurredAt.getTime() + planned.durationMinutes * 60_000 + 30 * 60_000),
      };
    }),
  );
  for (let start = 0; start < rows.length; start += 500) {
    await tx.insert(contact).values(rows.slice(start, start + 500));
  }
  return rows.length;
}

type AppointmentPlan = {
  inDays: number;
  at: string;
  with: "specialist" | "clinician";
  method: NewContact["method"];
  durationMinutes: number;
  location: string | null;
  status: "scheduled" | "cancelled_by_participant" | "cancelled_by_service";
};

// Two coming up, one called off ahead of time, and one that has happened with its outcome still to record.
const demoAppointments: AppointmentPlan[] = [
  {
    inDays: 3,
    at: "10:30",
    with: "specialist",
    method: "face_to_face",
    durationMinutes: 45,
    location: "Jobcentre café, Hill Street",
    status: "scheduled",
  },
  {
    inDays: 12,
    at: "14:00",
    with: "clinician",
    method: "video",
    durationMinutes: 30,
    location: null,
    status: "scheduled",
  },
  {
    inDays: -9,
    at: "11:00",
    with: "specialist",
    method: "face_to_face",
    durationMinutes: 60,
    location: "Community hub, Market Street",
    status: "cancelled_by_participant",
  },
  {
    inDays: -1,
    at: "15:00",
    with: "specialist",
    method: "phone",
    durationMinutes: 20,
    location: "Phone",
    status: "scheduled",
  },
];

const ukDate = (instant: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(instant);

/** Appointments for participants past referral, the demo portal participant among them. */
export async function seedDemoAppointments(
  tx: Transaction,
  clock: Clock,
  participants: readonly DemoParticipant[],
): Promise<number> {
  const now = clock.now();
  const rows = participants
    .filter((person) => person.stage !== "referred")
    .flatMap((person) =>
      demoAppointments.map(({ inDays, at, with: who, ...planned }) => ({
        ...planned,
        organisationId: person.organisationId,
        participantId: person.id,
        startsAt: zonedInstant(ukDate(new Date(now.getTime() + inDays * DAY_MS)), at),
        withStaffId: who === "specialist" ? person.specialistId : person.clinicianId,
        createdBy: person.specialistId,
        createdAt: new Date(now.getTime() - 20 * DAY_MS),
      })),
    );
  for (let start = 0; start < rows.length; start += 500) {
    await tx.insert(appointment).values(rows.slice(start, start + 500));
  }
  return rows.length;
}
