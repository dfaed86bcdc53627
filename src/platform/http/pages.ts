import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { hasPermission } from "../access/roles";
import { createTranslator, type Translator } from "../web/i18n";
import { renderPage } from "../web/render";
import type { NavigationEntry } from "./feature";

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

/** Only our own paths are followed after sign-in, never another site. */
export function safeNextPath(next: unknown): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.includes("\\")
    ? next
    : "/";
}
