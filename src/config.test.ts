import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config";

describe("configuration", () => {
  it("defaults to the embedded database in demo mode on port 3000", () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 3000,
      demoMode: true,
      publicUrl: "http://localhost:3000",
      secureCookies: false,
    });
    expect(config.database.kind).toBe("pglite");
    expect(config.session.idleMinutes).toBe(30);
  });

  it("turns demo mode off on a PostgreSQL server unless asked", () => {
    expect(readConfig({ DATABASE_URL: "postgres://u@h/db" }).demoMode).toBe(false);
    expect(readConfig({ DATABASE_URL: "postgres://u@h/db", DEMO_MODE: "true" }).demoMode).toBe(true);
  });

  it("uses secure cookies behind https", () => {
    expect(readConfig({ PUBLIC_URL: "https://tandem.example.nhs.uk" }).secureCookies).toBe(true);
  });

  it("names every bad setting", () => {
    expect(() => readConfig({ PORT: "seventy", SESSION_IDLE_MINUTES: "0" })).toThrow(ConfigError);
    expect(() => readConfig({ PORT: "seventy" })).toThrow(/PORT/);
  });

  it("keeps email in the outbox unless a mail server is given", () => {
    const config = readConfig({ PUBLIC_URL: "https://tandem.example.nhs.uk" });
    expect(config.mail).toMatchObject({
      smtpUrl: null,
      from: "Tandem <no-reply@tandem.example.nhs.uk>",
      messageIdDomain: "tandem.example.nhs.uk",
      maxAttempts: 8,
    });
    const withServer = readConfig({
      SMTP_URL: "smtps://tandem:secret@mail.example.nhs.uk:465",
      MAIL_FROM: "Tandem IPS <ips@example.nhs.uk>",
    });
    expect(withServer.mail.smtpUrl).toBe("smtps://tandem:secret@mail.example.nhs.uk:465");
    expect(withServer.mail.from).toBe("Tandem IPS <ips@example.nhs.uk>");
  });

  it("refuses a mail server that is not SMTP, or a sender that is not an address, without echoing it", () => {
    expect(() => readConfig({ SMTP_URL: "https://user:hunter2@mail.example" })).toThrow(/SMTP_URL/);
    expect(() => readConfig({ SMTP_URL: "https://user:hunter2@mail.example" })).not.toThrow(/hunter2/);
    expect(() => readConfig({ MAIL_FROM: "Tandem" })).toThrow(/MAIL_FROM/);
  });
});
