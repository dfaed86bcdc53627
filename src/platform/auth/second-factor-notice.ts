import type { Clock } from "../clock";
import type { Executor } from "../db";
import { queueEmail } from "../mail/outbox";

// The email that tells someone their second factor changed, staff or participant. It holds no
// secret (no code, no key, no link that grants anything) and nothing about the person's care:
// only that the change happened, when, and what to do if it was not them. It goes in the
// transaction of the change, so no change is made without it being queued.

export type FactorChange = "replaced" | "removed" | "recovery_codes_replaced" | "reset_by_administrator";

const what: Record<FactorChange, string> = {
  replaced: "The authenticator app used to sign in to your Tandem account was replaced",
  removed: "The authenticator app was removed from your Tandem account",
  recovery_codes_replaced:
    "New recovery codes were made for your Tandem account, and the old ones stopped working",
  reset_by_administrator:
    "An administrator removed the authenticator app from your Tandem account and signed you out everywhere; you will set up a new one when you next sign in",
};

const whenFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

export function factorChangeEmailText(change: FactorChange, at: Date, whoToTell: string): string {
  return [
    `${what[change]} on ${whenFormat.format(at)} (UK time).`,
    "",
    "If this was you, you do not need to do anything.",
    "",
    `If it was not you, someone may know your password. ${whoToTell}`,
    "",
    "This email contains no codes or links on purpose.",
  ].join("\n");
}

export async function queueFactorChangeNotice(
  executor: Executor,
  clock: Clock,
  notice: {
    organisationId: string;
    to: string;
    change: FactorChange;
    audience: "staff" | "participant";
  },
): Promise<void> {
  const whoToTell =
    notice.audience === "staff"
      ? "Tell your administrator straight away, and change your password."
      : "Tell your care team straight away, and change your password.";
  await queueEmail(executor, clock, {
    organisationId: notice.organisationId,
    to: notice.to,
    subject: "Tandem: your sign-in settings changed",
    text: factorChangeEmailText(notice.change, clock.now(), whoToTell),
    purpose: `${notice.audience === "staff" ? "account" : "participant_account"}.${notice.change === "recovery_codes_replaced" ? "recovery_codes_replaced" : `second_factor_${notice.change}`}`,
  });
}
