import type { Permission } from "../access/roles";
import type { SignedInParticipant } from "../auth/participant-accounts";
import type { SignedInStaff } from "../auth/service";

/**
 * Every route declares who may reach it; the app refuses to start if one does not. This is
 * the route-level half of the policy; the participant door is the record-level half.
 * - public: anyone, signed in or not
 * - partly_signed_in: password given, second factor still to give or enrol
 * - signed_in: any member of staff, fully signed in
 * - a permission from the role templates
 * - participant: a participant on their own pages, fully signed in; staff never reach these
 * - participant_partly_signed_in: a participant's password given, authenticator code still to give
 */
export type RouteAccess =
  | "public"
  | "partly_signed_in"
  | "signed_in"
  | Permission
  | "participant"
  | "participant_partly_signed_in";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    staff: SignedInStaff | null;
    /** A participant on their own pages. A request is a member of staff's or a participant's, never both. */
    participant: SignedInParticipant | null;
    participantSessionToken: string | null;
    sessionToken: string | null;
    authMethod: "session" | "token" | null;
    secondFactorPending: boolean;
    /** A session cookie came in but its session had timed out or been ended. */
    sessionExpired: boolean;
  }
}
