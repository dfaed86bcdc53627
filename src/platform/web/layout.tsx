import type { ComponentChildren } from "preact";
import type { Translator } from "./i18n";

export type NavigationItem = { href: string; label: string; current?: boolean; count?: number };

export type HeaderLinks = { home: string; account: string; signOut: string };

const staffLinks: HeaderLinks = { home: "/", account: "/account", signOut: "/sign-out" };

export type LayoutProps = {
  title: string;
  t: Translator;
  user?: { fullName: string; roleLabel: string };
  csrfToken?: string;
  navigation?: NavigationItem[];
  /** The page shows validation errors: the title says so first, as NHS.UK pages do. */
  hasErrors?: boolean;
  backLink?: { href: string; label?: string };
  /** Full width for wide tables; two-thirds is the NHS.UK default for reading. */
  wide?: boolean;
  /** Where the logo, the account link and sign-out go: participants' own pages have their own. */
  links?: HeaderLinks;
  children: ComponentChildren;
};

const NhsLogo = () => (
  <svg
    class="nhsuk-header__logo"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 200 80"
    height="40"
    width="100"
    focusable="false"
    role="img"
    aria-label="NHS"
  >
    <title>NHS</title>
    <path
      fill="currentcolor"
      d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
    />
  </svg>
);

const UserIcon = () => (
  <svg
    class="nhsuk-icon nhsuk-icon--user"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 24 24"
    width="16"
    height="16"
    focusable="false"
    aria-hidden="true"
  >
    <path d="M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z" />
  </svg>
);

function Header({
  t,
  user,
  csrfToken,
  navigation = [],
  links = staffLinks,
}: Pick<LayoutProps, "t" | "user" | "csrfToken" | "navigation" | "links">) {
  return (
    <header class="nhsuk-header" data-module="nhsuk-header" role="banner">
      <div class="nhsuk-header__container nhsuk-width-container">
        <div class="nhsuk-header__service">
          <a class="nhsuk-header__service-logo" href={links.home} aria-label={t.t("layout.homeLink")}>
            <NhsLogo />
            <span class="nhsuk-header__service-name">{t.t("layout.serviceName")}</span>
          </a>
        </div>
        {user && (
          <nav class="nhsuk-header__account" aria-label={t.t("layout.accountMenu")}>
            <ul class="nhsuk-header__account-list">
              <li class="nhsuk-header__account-item">
                <a class="nhsuk-header__account-link" href={links.account}>
                  <UserIcon />
                  {user.fullName}
                </a>
              </li>
              {user.roleLabel && <li class="nhsuk-header__account-item">{user.roleLabel}</li>}
              <li class="nhsuk-header__account-item">
                <form class="nhsuk-header__account-form" action={links.signOut} method="post" novalidate>
                  <input type="hidden" name="_csrf" value={csrfToken ?? ""} />
                  <button class="nhsuk-header__account-button" type="submit">
                    {t.t("layout.signOut")}
                  </button>
                </form>
              </li>
            </ul>
          </nav>
        )}
      </div>
      {navigation.length > 0 && (
        <nav class="nhsuk-header__navigation" aria-label={t.t("layout.menu")}>
          <div class="nhsuk-header__navigation-container nhsuk-width-container">
            <ul class="nhsuk-header__navigation-list">
              {navigation.map((item) => (
                <li
                  key={item.href}
                  class={`nhsuk-header__navigation-item${item.current ? " nhsuk-header__navigation-item--current" : ""}`}
                >
                  <a
                    class="nhsuk-header__navigation-link"
                    href={item.href}
                    aria-current={item.current ? "page" : undefined}
                  >
                    {item.label}
                    {item.count !== undefined && item.count > 0 && (
                      <span class="app-nav-count">
                        {" "}
                        {t.t("layout.navCount", { count: String(item.count) })}
                      </span>
                    )}
                  </a>
                </li>
              ))}
              <li class="nhsuk-header__menu" hidden>
                <button
                  class="nhsuk-header__menu-toggle nhsuk-header__navigation-link"
                  id="toggle-menu"
                  aria-expanded="false"
                  type="button"
                >
                  <span class="nhsuk-u-visually-hidden">{t.t("layout.browse")} </span>
                  {t.t("layout.more")}
                </button>
              </li>
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}

function Footer({ t }: { t: Translator }) {
  return (
    <footer role="contentinfo">
      <div class="nhsuk-footer" id="nhsuk-footer">
        <div class="nhsuk-width-container">
          <div class="nhsuk-footer__meta">
            <h2 class="nhsuk-u-visually-hidden">{t.t("layout.supportLinks")}</h2>
            <ul class="nhsuk-footer__list">
              <li class="nhsuk-footer__list-item">
                <a class="nhsuk-footer__list-item-link" href="/accessibility">
                  {t.t("layout.accessibility")}
                </a>
              </li>
              <li class="nhsuk-footer__list-item">
                <a class="nhsuk-footer__list-item-link" href="/privacy">
                  {t.t("layout.privacy")}
                </a>
              </li>
            </ul>
            <p class="nhsuk-body-s">{t.t("layout.footerNote")}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}

/** Every page: NHS.UK header, skip link, navigation for the role, main content and footer. */
export function Layout(props: LayoutProps) {
  const { t, title, hasErrors, backLink, wide, children } = props;
  const fullTitle = `${hasErrors ? `${t.t("layout.errorPrefix")} ` : ""}${title} – ${t.t("layout.serviceName")}`;
  return (
    <html lang={t.locale.slice(0, 2)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css" />
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml" />
        <script type="module" src="/static/app.js" />
      </head>
      <body>
        <a class="nhsuk-skip-link" data-module="nhsuk-skip-link" href="#maincontent">
          {t.t("layout.skipLink")}
        </a>
        <Header
          t={t}
          user={props.user}
          csrfToken={props.csrfToken}
          navigation={props.navigation}
          links={props.links}
        />
        <div class="nhsuk-width-container">
          {backLink && (
            <a class="nhsuk-back-link" href={backLink.href}>
              {backLink.label ?? t.t("layout.back")}
            </a>
          )}
          <main class="nhsuk-main-wrapper" id="maincontent">
            <div class="nhsuk-grid-row">
              <div class={wide ? "nhsuk-grid-column-full" : "nhsuk-grid-column-two-thirds"}>{children}</div>
            </div>
          </main>
        </div>
        <Footer t={t} />
      </body>
    </html>
  );
}
