import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AdminRequest } from "./service";

export const adminRequest = (request: FastifyRequest): AdminRequest => ({
  actor: request.staff!,
  ipAddress: request.ip,
});

/** The record id from the path, or undefined (a 404) if it is not a well-formed identifier. */
export const idParam = (request: FastifyRequest): string | undefined => {
  const parsed = z.uuid().safeParse((request.params as { id?: string }).id);
  return parsed.success ? parsed.data : undefined;
};

export const notFound = (_request: FastifyRequest, reply: FastifyReply) => reply.callNotFound();
