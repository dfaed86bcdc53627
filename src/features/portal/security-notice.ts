import { z } from "zod";
import type { OwnRecord } from "../../platform/access/own-record";
import { consentGiven, participantDetails } from "../participants/service";

/**
 * Where to tell the person that their sign-in settings changed, if anywhere. Only when they agreed
 * to be contacted by email: an email from Tandem in a shared inbox says something about them, and
 * that consent is theirs to give. The address is the one on their record, or else their sign-in
 * name when it is an email address (an emailed invitation made it so). Without either, or without
 * the consent, no email goes; the change is still in the audit trail.
 */
export async function securityNoticeAddress(
  record: OwnRecord,
  signInName: string,
): Promise<string | undefined> {
  if (!(await consentGiven(record, "contact_by_email"))) return undefined;
  const details = await participantDetails(record);
  const candidates = [details.email, signInName];
  return candidates.find((address): address is string => z.email().safeParse(address ?? "").success);
}
