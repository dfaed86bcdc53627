import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { PARTICIPANT_ROLE } from "../access/self";
import { loadSignedInParticipant } from "../auth/participant-accounts";
import { findLiveParticipantSession, PARTICIPANT_SESSION_COOKIE } from "../auth/participant-sessions";
import type { SessionPolicy } from "../auth/sessions";
import type { Clock } from "../clock";
import type { Database } from "../db";
import type { RouteAccess } from "./context";

// The participant half of the guard, kept apart from staff authentication so each stays small.

export const participantAccess = ["participant", "participant_partly_signed_in"] as const;

export const isParticipantAccess = (access: RouteAccess): access is (typeof participantAccess)[number] =>
  (participantAccess as readonly string[]).includes(access);

export function decorateParticipantRequest(app: FastifyInstance) {
  app.decorateRequest("participant", null);
  app.decorateRequest("participantSessionToken", null);
}

/** Reads the participant's cookie. Called only when no staff cookie came in. */
export async function authenticateParticipant(
  request: FastifyRequest,
  options: { db: Database; clock: Clock; sessionPolicy: SessionPolicy },
): Promise<void> {
  const token = request.cookies[PARTICIPANT_SESSION_COOKIE];
  if (!token) return;
  const session = await findLiveParticipantSession(options.db, options.clock, options.sessionPolicy, token);
  const participant = session
    ? await loadSignedInParticipant(options.db, session.accountId, session.mfaSatisfied)
    : undefined;
  if (!session || !participant) {
    request.sessionExpired = true;
    return;
  }
  request.participant = participant;
  request.participantSessionToken = token;
}

/**
 * The verdict for a participant page, or for a participant on any non-public page: participant
 * pages are for participants only, and a participant reaches no staff page.
 */
export function participantVerdict(
  access: RouteAccess,
  request: Pick<FastifyRequest, "staff" | "participant">,
): "allowed" | "sign_in" | "forbidden" {
  if (!isParticipantAccess(access)) return "forbidden";
  if (request.staff) return "forbidden";
  if (!request.participant) return "sign_in";
  if (access === "participant" && request.participant.secondFactorPending) return "sign_in";
  return "allowed";
}

/** Who a refused request came from, for the audit trail. */
export function refusedCaller(request: FastifyRequest) {
  if (request.staff)
    return {
      actor: { id: request.staff.staffId, role: request.staff.role as string },
      organisationId: request.staff.organisationId,
    };
  const participant = request.participant!;
  return {
    actor: { id: participant.accountId, role: PARTICIPANT_ROLE },
    organisationId: participant.organisationId,
  };
}

/** A participant page asked for without signing in goes to the participant's sign-in, not staff's. */
export function sendParticipantToSignIn(request: FastifyRequest, reply: FastifyReply) {
  if (request.participant?.secondFactorPending) return reply.redirect("/my/sign-in/second-factor");
  const query = new URLSearchParams();
  if (request.method === "GET") query.set("next", request.url.split("?")[0] ?? "/my");
  if (request.sessionExpired) {
    query.set("expired", "1");
    reply.clearCookie(PARTICIPANT_SESSION_COOKIE, { path: "/" });
  }
  return reply.redirect(`/my/sign-in${query.size > 0 ? `?${query}` : ""}`);
}
