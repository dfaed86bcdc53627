import type { FastifyRequest } from "fastify";
import type { ParticipantDoor, ParticipantRecord } from "../../platform/access/door";
import type { Clock } from "../../platform/clock";
import { participantTabs, translatorFor } from "../../platform/http/pages";
import { participantIdParam } from "../../platform/http/participant";
import type { MessageKey } from "../../platform/web/i18n";
import type { RecordFrame } from "./record-views";
import { participantBanner } from "./service";

/** Today's date where the service runs, for date fields and "not in the future" checks. */
export const todayFrom = (clock: Clock) => () => clock.now().toISOString().slice(0, 10);

// Success notices travel as a short key in the address after a redirect, never as free text.
const notices = {
  created: "referral.created",
  linked: "referral.linked",
  attempt: "referral.attempt.saved",
  taken: "referral.taken",
  closed: "referral.closed",
  details: "record.detailsSaved",
  lookingForWork: "stage.movedToLookingForWork",
  paused: "record.participation.paused",
  resumed: "record.participation.resumed",
  stopped: "record.participation.stopped",
  consent: "consent.saved",
  added: "careTeam.added",
  removed: "careTeam.removed",
  notDuplicate: "referral.notDuplicate.saved",
  merged: "merge.saved",
} as const satisfies Record<string, MessageKey>;

export function noticeFrom(request: FastifyRequest): MessageKey | undefined {
  const notice = (request.query as { notice?: string } | undefined)?.notice;
  return notice && Object.hasOwn(notices, notice) ? notices[notice as keyof typeof notices] : undefined;
}

/** The banner, tabs and notice every record page shows. */
export async function recordFrame(request: FastifyRequest, record: ParticipantRecord): Promise<RecordFrame> {
  const t = translatorFor(request);
  const notice = noticeFrom(request);
  return {
    banner: await participantBanner(record, t),
    tabs: participantTabs(request, record.participantId),
    notice: notice ? t.t(notice) : undefined,
    emergency: record.basis === "emergency",
  };
}

/**
 * Opens a record to show one of its pages: the banner, tabs and notice every tab has, and what
 * this page shows, read in one pass through the door.
 */
export async function openForPage<Content>(
  door: ParticipantDoor,
  request: FastifyRequest,
  what: string,
  load: (record: ParticipantRecord) => Promise<Content>,
): Promise<Content & { frame: RecordFrame }> {
  return door.withParticipant(
    request.staff!,
    participantIdParam(request),
    { purpose: "read", what, ipAddress: request.ip },
    async (record) => ({ frame: await recordFrame(request, record), ...(await load(record)) }),
  );
}
