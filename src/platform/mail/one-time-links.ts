import { mintInvitationLink } from "../auth/invitation-links";
import type { Clock } from "../clock";
import type { Executor } from "../db";
import { ONE_TIME_LINK } from "./outbox";
import type { OneTimeLinkKind } from "./schema";

/**
 * The text to send: the stored body with its one-time link minted in, or unchanged when it has
 * none. Undefined when the invitation can no longer be used, so nothing should be sent. The
 * minted link lives only in the returned text, on its way to the mail server.
 */
export async function mintOneTimeLink(
  executor: Executor,
  clock: Clock,
  settings: { publicUrl: string },
  email: { body: string; oneTimeLink: OneTimeLinkKind | null; oneTimeLinkFor: string | null },
): Promise<string | undefined> {
  if (!email.oneTimeLink || !email.oneTimeLinkFor) return email.body;
  const link = await mintInvitationLink(
    executor,
    clock,
    settings.publicUrl,
    email.oneTimeLink,
    email.oneTimeLinkFor,
  );
  return link === undefined ? undefined : email.body.replace(ONE_TIME_LINK, () => link);
}
