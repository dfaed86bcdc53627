import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { hasPermission } from "../access/roles";
import type { Database } from "../db";
import { createTranslator, type Translator } from "../web/i18n";
import { renderPage } from "../web/render";
import type { NavigationEntry, ParticipantTabEntry } from "./feature";

/** What every page needs from the request: the translator, who is signed in, the form token. */
export type PageContext = {
  t: Translator;
  user?: { fullName: string; roleLabel: string };
  csrfToken: string;
  navigation: { href: string; label: string; current?: boolean }[];
};

let registeredNavigation: NavigationEntry[] = [];

export function setNavigation(entries: NavigationEntry[]) {
  registeredNavigation = entries;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Counts beside navigation labels (open alerts), read once per page for signed-in staff. */
    navigationCounts: Record<string, number> | null;
  }
}

/**
 * Reads the navigation's counts before a staff page is built (pages are rendered synchronously).
 * Only for pages: the API and assets never pay for it.
 */
export function registerNavigationCounts(app: FastifyInstance, db: Database) {
  app.decorateRequest("navigationCounts", null);
  app.addHook("preHandler", async (request) => {
    const staff = request.staff;
    // Assets declare no access; the API and plain redirects after a form never show navigation.
    if (!staff || request.secondFactorPending || !request.routeOptions.config.access) return;
    if (request.url.startsWith("/api/") || request.method !== "GET") return;
    const counted = registeredNavigation.filter(
      (entry) => entry.count && (entry.requires === "signed_in" || hasPermission(staff.role, entry.requires)),
    );
    if (counted.length === 0) return;
    const counts: Record<string, number> = {};
    for (const entry of counted) counts[entry.href] = await entry.count!(db, staff);
    request.navigationCounts = counts;
  });
}

let registeredParticipantTabs: ParticipantTabEntry[] = [];

export function setParticipantTabs(entries: ParticipantTabEntry[]) {
  registeredParticipantTabs = [...entries].sort((a, b) => a.order - b.order);
}

export type ParticipantTab = { href: string; label: string; current: boolean };

/** The record's tabs this person's role may use, the one being shown marked current. */
export function participantTabs(request: FastifyRequest, participantId: string): ParticipantTab[] {
  const staff = request.staff;
  if (!staff) return [];
  const t = translatorFor(request);
  const base = `/participants/${participantId}`;
  const path = request.url.split("?")[0] ?? "";
  return registeredParticipantTabs
    .filter((entry) => hasPermission(staff.role, entry.requires))
    .map((entry) => {
      const href = `${base}${entry.path}`;
      const current = entry.path === "" ? path === base : path === href || path.startsWith(`${href}/`);
      return { href, label: t.t(entry.label), current };
    });
}

const english = createTranslator("en-GB");

export function translatorFor(_request: FastifyRequest): Translator {
  // Staff pages are English for now; participant pages gain Welsh, Finnish and bokmål.
  return english;
}

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const t = translatorFor(request);
  const staff = request.staff && !request.secondFactorPending ? request.staff : null;
  const path = request.url.split("?")[0] ?? "/";
  const navigation = staff
    ? registeredNavigation
        .filter((entry) => entry.requires === "signed_in" || hasPermission(staff.role, entry.requires))
        .map((entry) => ({
          href: entry.href,
          label: t.t(entry.label),
          count: request.navigationCounts?.[entry.href],
          current:
            entry.href === "/" ? path === "/" : path === entry.href || path.startsWith(`${entry.href}/`),
        }))
    : [];
  return {
    t,
    user: request.staff
      ? { fullName: request.staff.fullName, roleLabel: t.t(`role.${request.staff.role}`) }
      : undefined,
    csrfToken: reply.generateCsrf(),
    navigation,
  };
}

/** The Layout's props from the page context: every page's header, navigation and form token. */
export function layoutProps(context: PageContext, title: string, errors?: { field: string }[], wide = false) {
  return {
    title,
    t: context.t,
    user: context.user,
    csrfToken: context.csrfToken,
    navigation: context.navigation,
    hasErrors: Boolean(errors?.length),
    wide,
  };
}

export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(renderPage(page));
}

// A path and query of printable ASCII from the URL alphabet: no space, no control character, no
// backslash, nothing a browser would drop or rewrite before reading the address (decision 53).
const pathCharacters = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*$/;
// Percent-encoded slashes, backslashes and control characters: a proxy or a later decoding could
// turn them back into what the plain check refused.
const encodedTrick = /%(2f|5c|[01][0-9a-f]|7f)/i;
const ourOrigin = "https://tandem.invalid";

/**
 * Only our own paths are followed after sign-in, never another site: a single `/` then anything
 * but another `/` or a `\`, in URL characters only, and still our own origin when a browser
 * resolves it. Anything else goes home.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || next.length > 2000) return "/";
  if (!pathCharacters.test(next) || next.startsWith("//") || encodedTrick.test(next)) return "/";
  try {
    // Dot segments resolved ("/my/../admin" is "/admin"), so a caller's prefix check means what it says.
    const resolved = new URL(next, ourOrigin);
    if (resolved.origin !== ourOrigin || resolved.pathname.startsWith("//")) return "/";
    return `${resolved.pathname}${resolved.search}`;
  } catch {
    return "/";
  }
}
