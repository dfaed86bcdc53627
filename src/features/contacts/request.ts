// Only employment still imports this; it goes when employment moves onto platform/http/record-page.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ParticipantRecord } from "../../platform/access/door";
import { recordFrame } from "../../platform/http/record-page";

export { read, write } from "../../platform/http/record-page";

export const notFound = (reply: FastifyReply) => {
  reply.callNotFound();
  return reply;
};

/** The notice's key as it stands in the address; employment's views choose the words. */
export const notice = (request: FastifyRequest) => (request.query as { notice?: string } | undefined)?.notice;

/** The platform's record frame in the shape employment's views take: the banner as `participant`. */
export async function recordPage(request: FastifyRequest, reply: FastifyReply, record: ParticipantRecord) {
  const {
    banner,
    tabs,
    notice: _notice,
    emergency: _emergency,
    ...context
  } = await recordFrame(record, request, reply);
  return { ...context, participant: banner, tabs };
}
