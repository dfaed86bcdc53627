import type { FastifyReply, FastifyRequest } from "fastify";
import { type PageContext, pageContext } from "../../platform/http/pages";
import type { MessageKey } from "../../platform/web/i18n";
import type { HeaderLinks } from "../../platform/web/layout";

/**
 * The participant's own short navigation, in order. Pages added later (check-ins, appointments)
 * add their entry here; only pages that exist are listed.
 */
export const portalNavigation: { href: string; label: MessageKey }[] = [
  { href: "/my", label: "portal.nav.home" },
  { href: "/my/plan", label: "portal.nav.plan" },
  { href: "/my/consents", label: "portal.nav.consents" },
  { href: "/my/record-access", label: "portal.nav.recordAccess" },
  { href: "/my/account", label: "portal.nav.account" },
];

export const portalLinks: HeaderLinks = { home: "/my", account: "/my/account", signOut: "/my/sign-out" };

export type PortalContext = PageContext & { links: HeaderLinks };

/** The page context on a participant's own pages: their navigation, their header links. */
export function portalContext(request: FastifyRequest, reply: FastifyReply): PortalContext {
  const base = pageContext(request, reply);
  const signedIn = request.participant && !request.participant.secondFactorPending;
  const path = request.url.split("?")[0] ?? "/my";
  return {
    ...base,
    user: signedIn ? { fullName: request.participant!.signInName, roleLabel: "" } : undefined,
    navigation: signedIn
      ? portalNavigation.map((entry) => ({
          href: entry.href,
          label: base.t.t(entry.label),
          current:
            entry.href === "/my" ? path === "/my" : path === entry.href || path.startsWith(`${entry.href}/`),
        }))
      : [],
    links: portalLinks,
  };
}
