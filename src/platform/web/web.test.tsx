import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withoutRemoteFonts } from "./assets";
import { ErrorSummary, TextInput } from "./components";
import { createTranslator } from "./i18n";
import { en } from "./i18n/en";
import { Layout } from "./layout";
import { renderPage } from "./render";

const t = createTranslator("en-GB");

describe("the page layout", () => {
  const html = renderPage(
    <Layout
      title="Staff"
      t={t}
      user={{ fullName: "Ola Nordmann", roleLabel: "Administrator" }}
      csrfToken="token-123"
      navigation={[{ href: "/admin/staff", label: "Staff", current: true }]}
      hasErrors
    >
      <p>content</p>
    </Layout>,
  );

  it("starts with a skip link to the main content and names the service", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toMatch(/<a class="nhsuk-skip-link"[^>]*href="#maincontent"/);
    expect(html).toContain('id="maincontent"');
    expect(html).toContain('<span class="nhsuk-header__service-name">Tandem</span>');
  });

  it("says there is an error in the title first, as NHS.UK pages do", () => {
    expect(html).toContain("<title>Error: Staff – Tandem</title>");
  });

  it("shows the signed-in person, only the navigation it is given, and a sign-out form with the CSRF token", () => {
    expect(html).toContain("Ola Nordmann");
    expect(html.match(/<li class="nhsuk-header__navigation-item/g)).toHaveLength(1);
    expect(html).toContain('aria-current="page"');
    expect(html).toMatch(
      /action="\/sign-out" method="post"[^>]*><input type="hidden" name="_csrf" value="token-123"/,
    );
  });

  it("has no inline script or style", () => {
    expect(html).not.toMatch(/<script>|<script[^>]*>[^<]+<\/script>/);
    expect(html).not.toContain(" style=");
  });
});

describe("form components", () => {
  it("escape what people typed", () => {
    const html = renderPage(<TextInput name="fullName" label="Name" value={'<script>alert("x")</script>'} />);
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script>");
  });

  it("link an error message to its field for screen readers", () => {
    const html = renderPage(
      <TextInput name="email" label="Email" hint="Work email" error="Enter an email address" />,
    );
    expect(html).toContain('aria-describedby="email-hint email-error"');
    expect(html).toContain('id="email-error"');
    expect(html).toContain("nhsuk-form-group--error");
  });

  it("list each error in the summary as a link to its field", () => {
    const html = renderPage(
      <ErrorSummary
        title="There is a problem"
        errors={[{ field: "email", message: "Enter an email address" }]}
      />,
    );
    expect(html).toContain('<a href="#email">Enter an email address</a>');
    expect(renderPage(<ErrorSummary title="There is a problem" errors={[]} />)).toBe("<!DOCTYPE html>");
  });
});

describe("the message catalogue", () => {
  it("fills placeholders and picks plural forms", () => {
    expect(t.t("home.title", { name: "Priya" })).toBe("Welcome, Priya");
    expect(t.plural("common.resultCount", 1)).toBe("1 result");
    expect(t.plural("common.resultCount", 1250)).toBe("1,250 results");
  });

  it("formats dates for the UK in London time", () => {
    expect(t.formatDate(new Date("2026-07-01T23:30:00Z"))).toBe("2 July 2026");
    expect(t.formatDate(new Date("2026-01-05T09:00:00Z"), "short")).toBe("5 Jan 2026");
  });

  it("shows times to the minute, in 24-hour London time, never with seconds", () => {
    expect(t.formatDate(new Date("2026-01-05T09:07:42Z"), "dateTime")).toBe("5 Jan 2026, 09:07");
    expect(t.formatDate(new Date("2026-07-01T23:30:59Z"), "dateTime")).toBe("2 Jul 2026, 00:30");
  });

  it("has no empty message and no placeholder left unbalanced", () => {
    for (const [key, text] of Object.entries(en)) {
      expect({ key, empty: text.trim() === "" }).toEqual({ key, empty: false });
      expect({
        key,
        balanced: (text.match(/\{/g) ?? []).length === (text.match(/\}/g) ?? []).length,
      }).toEqual({ key, balanced: true });
    }
  });

  it("falls back to English for a language not yet translated", () => {
    expect(createTranslator("cy-GB").t("layout.signOut")).toBe("Sign out");
  });
});

describe("the design system stylesheet", () => {
  it("loads no font from another site, and keeps everything else", () => {
    const require = createRequire(import.meta.url);
    const file = path.join(
      path.dirname(require.resolve("nhsuk-frontend/package.json")),
      "dist/nhsuk/nhsuk-frontend.min.css",
    );
    const original = fs.readFileSync(file, "utf8");
    const served = withoutRemoteFonts(original);
    expect(original).toContain("assets.nhs.uk");
    expect(served).not.toContain("assets.nhs.uk");
    expect(served).toContain(".nhsuk-header");
    expect(original.length - served.length).toBeLessThan(2000);
  });
});
