import type { FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../platform/access/door";
import { pageContext, participantTabs, translatorFor } from "../../platform/http/pages";
import { participantBanner } from "../participants/service";

// What the contacts and appointments pages share: route access, not-found, notices, the record frame.

export const read = { config: { access: "participant.read" as const } };
export const write = { config: { access: "participant.write" as const } };

export const notFound = (reply: FastifyReply) => {
  reply.callNotFound();
  return reply;
};

export const notice = (request: FastifyRequest) => (request.query as { notice?: string } | undefined)?.notice;

/** The page context, the participant's banner and the record's tabs. */
export async function recordPage(request: FastifyRequest, reply: FastifyReply, record: ParticipantRecord) {
  return {
    ...pageContext(request, reply),
    participant: await participantBanner(record, translatorFor(request)),
    tabs: participantTabs(request, record.participantId),
  };
}
