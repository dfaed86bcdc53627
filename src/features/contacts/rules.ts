import type { HealthInformationKind } from "../../platform/access/policy";
import { hasPermission } from "../../platform/access/roles";
import type { StaffRole } from "../../platform/directory/schema";

// Pure rules about contacts and their notes, kept apart from the database so they are tested alone.

type NoteKindName = "employment" | "clinical";

export type NoteReader = {
  mayReadClinical: boolean;
  healthInformationVisible: readonly HealthInformationKind[];
  actor: { role: StaffRole };
};

/**
 * Why a clinical note's text is held back: an employment specialist sees it only while the
 * participant consents to share clinical notes; other roles (peer workers) never see it.
 */
export type NoteSight = { shown: true } | { shown: false; because: "no_consent" | "role" };

export function noteSight(reader: NoteReader, noteKind: NoteKindName): NoteSight {
  if (noteKind === "employment") return { shown: true };
  if (reader.healthInformationVisible.includes("clinical_notes")) return { shown: true };
  return {
    shown: false,
    because: hasPermission(reader.actor.role, "participant.read_shared_health_information")
      ? "no_consent"
      : "role",
  };
}

/** Only people who may read every clinical note may write one (clinicians, team leaders). */
export function mayRecordNote(reader: Pick<NoteReader, "mayReadClinical">, noteKind: NoteKindName): boolean {
  return noteKind === "employment" || reader.mayReadClinical;
}

export function recordableNoteKinds(reader: Pick<NoteReader, "mayReadClinical">): NoteKindName[] {
  return reader.mayReadClinical ? ["employment", "clinical"] : ["employment"];
}

/**
 * IPS counts face-to-face employer contacts made on the participant's behalf (days to first
 * employer contact, employer contacts a week): only those that took place.
 */
export function isFaceToFaceEmployerContact(contact: {
  withWhom: string;
  method: string;
  attendance: string;
  noteKind: NoteKindName;
}): boolean {
  return (
    contact.noteKind === "employment" &&
    contact.withWhom === "employer" &&
    contact.method === "face_to_face" &&
    contact.attendance === "attended"
  );
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * A wall-clock date and time as typed by staff in the UK, as an instant. Across the autumn change
 * an ambiguous hour is read as the earlier one; a time skipped in spring moves forward an hour.
 */
export function zonedInstant(date: string, time: string, timeZone = "Europe/London"): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const halfDay = 12 * 3_600_000;
  const offsets = [
    offsetMinutes(new Date(wall - halfDay), timeZone),
    offsetMinutes(new Date(wall + halfDay), timeZone),
  ];
  const readings = offsets
    .map((offset) => ({ offset, instant: wall - offset * 60_000 }))
    .filter(({ offset, instant }) => offsetMinutes(new Date(instant), timeZone) === offset)
    .map(({ instant }) => instant);
  return new Date(readings.length > 0 ? Math.min(...readings) : wall - offsets[0]! * 60_000);
}

/**
 * Where an appointment stands: still to come (it can be called off), started without an outcome
 * (the outcome is recorded as a contact), or settled.
 */
export function appointmentStage(
  appointment: { status: string; startsAt: Date },
  now: Date,
): "upcoming" | "outcome_to_record" | "settled" {
  if (appointment.status !== "scheduled") return "settled";
  return appointment.startsAt.getTime() <= now.getTime() ? "outcome_to_record" : "upcoming";
}

// Titles people write before their name in the directory ("Dr Tom Okafor", "Prof. A Khan").
const TITLES = new Set(["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "rev", "sir", "dame"]);

/**
 * How a participant's own page names a member of staff: by first name only, or, for someone
 * whose directory name starts with a title, as the person would address them ("Dr Okafor"):
 * a title on its own ("With Dr, your clinician") names nobody.
 */
export function firstName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  const first = parts[0] ?? fullName;
  if (!TITLES.has(first.replace(/\.$/, "").toLowerCase())) return first;
  return parts.length > 1 ? `${first} ${parts.at(-1)}` : first;
}
