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
});
