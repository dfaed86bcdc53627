import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { translatorFor } from "../../platform/http/pages";
import type { AdminRequest } from "./service";
import type { InvitationDelivery } from "./staff";

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

/**
 * Emailed when a mail server is set up, so nobody but the colleague sees the link; otherwise made
 * now and shown once to the inviting admin (decision 48).
 */
export function invitationDelivery(request: FastifyRequest, smtpUrl: string | null): InvitationDelivery {
  if (!smtpUrl) return { by: "link" };
  const t = translatorFor(request);
  return { by: "email", formatDate: (date) => t.formatDate(date, "long") };
}
