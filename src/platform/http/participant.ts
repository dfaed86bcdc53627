import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { type ParticipantDoor, ParticipantNotFoundError, type ParticipantRecord } from "../access/door";

const participantId = z.uuid();

/**
 * The participant identifier in a route's path. Anything that is not a UUID names no
 * participant, so it is a 404 like any unknown identifier, never a database error.
 */
export function participantIdParam(request: FastifyRequest): string {
  const parsed = participantId.safeParse((request.params as { participantId?: unknown }).participantId);
  if (!parsed.success) throw new ParticipantNotFoundError();
  return parsed.data;
}

/**
 * Opens the record named in the path through the door for a page or a form post. The work reads
 * and writes inside the door's transaction and says what to answer; the answer goes out only after
 * the commit (decision 34), so nothing is shown or redirected to that is not audited and saved,
 * and a quick next request always sees what this one wrote.
 */
export const recordOpener =
  (door: ParticipantDoor) =>
  async (
    request: FastifyRequest,
    purpose: "read" | "write",
    what: string,
    work: (record: ParticipantRecord) => Promise<() => FastifyReply>,
  ): Promise<FastifyReply> => {
    const answer = await door.withParticipant(
      request.staff!,
      participantIdParam(request),
      { purpose, what, ipAddress: request.ip },
      work,
    );
    return answer();
  };
