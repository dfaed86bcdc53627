import type { Translator } from "./i18n";
import { Layout, type NavigationItem } from "./layout";

export type ErrorPageProps = {
  t: Translator;
  user?: { fullName: string; roleLabel: string };
  csrfToken?: string;
  navigation?: NavigationItem[];
  status: number;
  /** Why a 403 happened, where the page can say something more useful than "no permission". */
  reason?: "csrf" | "participant" | "input" | "cross_site";
  /** Where someone allowed to use emergency access can ask for it, on a refused record. */
  emergencyHref?: string;
  /** The record this one was merged into (410). */
  keptHref?: string;
};

/** Friendly pages for refusals and failures, in plain NHS.UK wording. Nothing technical is shown. */
export function ErrorPage({
  t,
  user,
  csrfToken,
  navigation,
  status,
  reason,
  emergencyHref,
  keptHref,
}: ErrorPageProps) {
  const { title, lines } = describe(t, status, reason);
  return (
    <Layout title={title} t={t} user={user} csrfToken={csrfToken} navigation={navigation}>
      <h1>{title}</h1>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {keptHref && (
        <p>
          <a href={keptHref}>{t.t("merge.merged.link")}</a>
        </p>
      )}
      {emergencyHref && (
        <p>
          <a href={emergencyHref}>{t.t("error.participant.emergency")}</a>
        </p>
      )}
      <p>
        <a href={user ? "/" : "/sign-in"}>{user ? t.t("error.goHome") : t.t("error.goSignIn")}</a>
      </p>
    </Layout>
  );
}

function describe(t: Translator, status: number, reason?: string): { title: string; lines: string[] } {
  if (status === 403 && reason === "csrf") {
    return { title: t.t("error.csrf.title"), lines: [t.t("error.csrf.body")] };
  }
  if (status === 400 && reason === "input") {
    return { title: t.t("error.input.title"), lines: [t.t("error.input.body")] };
  }
  if (status === 403 && reason === "cross_site") {
    return { title: t.t("error.crossSite.title"), lines: [t.t("error.crossSite.body")] };
  }
  if (status === 403 && reason === "participant") {
    return { title: t.t("error.participant.title"), lines: [t.t("error.participant.body")] };
  }
  switch (status) {
    case 403:
      return { title: t.t("error.403.title"), lines: [t.t("error.403.body"), t.t("error.403.help")] };
    case 404:
      return { title: t.t("error.404.title"), lines: [t.t("error.404.body"), t.t("error.404.help")] };
    case 410:
      return { title: t.t("merge.merged.title"), lines: [t.t("merge.merged.body")] };
    case 413:
      return { title: t.t("error.413.title"), lines: [t.t("error.413.body")] };
    case 429:
      return { title: t.t("error.429.title"), lines: [t.t("error.429.body")] };
    case 503:
      return { title: t.t("error.503.title"), lines: [t.t("error.503.body")] };
    default:
      if (status >= 400 && status < 500)
        return { title: t.t("error.400.title"), lines: [t.t("error.400.body")] };
      return { title: t.t("error.500.title"), lines: [t.t("error.500.body"), t.t("error.500.help")] };
  }
}
