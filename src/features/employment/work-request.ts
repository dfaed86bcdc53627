import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ParticipantDoor, ParticipantRecord } from "../../platform/access/door";
import { participantIdParam } from "../../platform/http/participant";

// What the Work tab's routes share: opening the record through the door and reading ids.

/**
 * The work reads and writes inside the door's transaction and says what to answer; the answer
 * goes out only after the commit (decision 34), so nothing is shown that is not audited and saved.
 */
export const opener =
  (door: ParticipantDoor) =>
  async (
    request: FastifyRequest,
    purpose: "read" | "write",
    what: string,
    work: (record: ParticipantRecord) => Promise<() => FastifyReply>,
  ) => {
    const answer = await door.withParticipant(
      request.staff!,
      participantIdParam(request),
      { purpose, what, ipAddress: request.ip },
      work,
    );
    return answer();
  };

/** A uuid from the route's params or query, or undefined: an unknown id is simply not found. */
export const idFrom = (source: unknown, key: string) => {
  const parsed = z.uuid().safeParse((source as Record<string, unknown> | undefined)?.[key]);
  return parsed.success ? parsed.data : undefined;
};
