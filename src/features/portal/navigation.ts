import type { OwnPagesEntry } from "../../platform/http/own-pages";

export {
  type OwnPagesContext as PortalContext,
  ownPagesContext as portalContext,
  ownPagesLinks as portalLinks,
} from "../../platform/http/own-pages";

/** The portal's own entries in the participant's navigation; other features add theirs. */
export const portalNavigation: OwnPagesEntry[] = [
  { href: "/my", label: "portal.nav.home", order: 0 },
  { href: "/my/plan", label: "portal.nav.plan", order: 10 },
  { href: "/my/consents", label: "portal.nav.consents", order: 60 },
  { href: "/my/record-access", label: "portal.nav.recordAccess", order: 70 },
  { href: "/my/account", label: "portal.nav.account", order: 90 },
];
