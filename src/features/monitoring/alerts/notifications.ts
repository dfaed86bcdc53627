import { and, eq, inArray } from "drizzle-orm";
import type { Clock } from "../../../platform/clock";
import type { Executor } from "../../../platform/db";
import { staffAccount } from "../../../platform/directory/schema";
import { type OutgoingEmail, queueEmails } from "../../../platform/mail/outbox";

export type AlertToNotify = { id: string; organisationId: string; routedTo: readonly string[] };

// Where Tandem is reached, for the link in each email; set once when the feature's routes are
// registered from the app's configuration.
let linkBase: string | undefined;

export function configureAlertEmails(publicUrl: string) {
  linkBase = publicUrl.replace(/\/$/, "");
}

/**
 * Tells each person an alert was routed to, by email, in the same transaction that raised it: if
 * raising rolls back, no email goes. The email holds a link and nothing else — no name, no rule,
 * no score — since email leaves the service's control (DESIGN.md: no participant data in emails).
 */
export async function queueAlertEmails(
  executor: Executor,
  clock: Clock,
  alerts: readonly AlertToNotify[],
  kind: "raised" | "escalated",
): Promise<void> {
  const staffIds = [...new Set(alerts.flatMap((alert) => alert.routedTo))];
  if (staffIds.length === 0 || !linkBase) return;
  const people = await executor
    .select({ id: staffAccount.id, email: staffAccount.email })
    .from(staffAccount)
    .where(and(inArray(staffAccount.id, staffIds), eq(staffAccount.status, "active")));
  const emailOf = new Map(people.map((person) => [person.id, person.email]));
  const emails: OutgoingEmail[] = [];
  for (const alert of alerts) {
    for (const staffId of new Set(alert.routedTo)) {
      const to = emailOf.get(staffId);
      if (!to) continue;
      emails.push({
        organisationId: alert.organisationId,
        to,
        subject:
          kind === "raised"
            ? "Tandem: an alert needs your attention"
            : "Tandem: an urgent alert was passed to you",
        text: [
          kind === "raised"
            ? "An alert about someone you support in Tandem needs your attention."
            : "An urgent alert has not been acknowledged in time and has been passed to you as team leader.",
          "",
          `Open it in Tandem: ${linkBase}/alerts/${alert.id}`,
          "",
          "This email contains no details on purpose. Sign in to see the alert.",
        ].join("\n"),
        purpose: kind === "raised" ? "alert.raised" : "alert.escalated",
      });
    }
  }
  await queueEmails(executor, clock, emails);
}
