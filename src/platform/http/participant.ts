import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { ParticipantNotFoundError } from "../access/door";

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
