import type { FastifyReply, FastifyRequest } from "fastify";
import type { OwnRecord, OwnRecordDoor } from "../access/own-record";
import type { MessageKey } from "../web/i18n";
import type { HeaderLinks } from "../web/layout";
import { type PageContext, pageContext } from "./pages";

/** A page in a participant's own pages: each feature adds its own, shown in `order`. */
export type OwnPagesEntry = { href: string; label: MessageKey; order: number };

let registeredEntries: OwnPagesEntry[] = [];

export function setOwnPagesNavigation(entries: OwnPagesEntry[]) {
  registeredEntries = [...entries].sort((a, b) => a.order - b.order);
}

export const ownPagesLinks: HeaderLinks = { home: "/my", account: "/my/account", signOut: "/my/sign-out" };

export type OwnPagesContext = PageContext & { links: HeaderLinks };

/** The page context on a participant's own pages: their short navigation, their header links. */
export function ownPagesContext(request: FastifyRequest, reply: FastifyReply): OwnPagesContext {
  const base = pageContext(request, reply);
  const signedIn = request.participant && !request.participant.secondFactorPending;
  const path = request.url.split("?")[0] ?? "/my";
  return {
    ...base,
    user: signedIn ? { fullName: request.participant!.signInName, roleLabel: "" } : undefined,
    navigation: signedIn
      ? registeredEntries.map((entry) => ({
          href: entry.href,
          label: base.t.t(entry.label),
          current:
            entry.href === "/my" ? path === "/my" : path === entry.href || path.startsWith(`${entry.href}/`),
        }))
      : [],
    links: ownPagesLinks,
  };
}

/**
 * Opens the signed-in participant's own record through their door for one request: whose record
 * is the session's, and the request's address goes into the audit event.
 */
export function ownRecordOpener(ownRecordDoor: OwnRecordDoor) {
  return <Result>(
    request: FastifyRequest,
    purpose: "read" | "write",
    what: string,
    work: (record: OwnRecord) => Promise<Result>,
  ) => ownRecordDoor.withOwnRecord(request.participant!, { purpose, what, ipAddress: request.ip }, work);
}
