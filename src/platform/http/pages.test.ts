import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./pages";

// What a browser would make of a Location header: it drops tabs and newlines anywhere and C0
// controls and spaces at the ends, and treats "\" as "/".
// biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip exactly these.
const endControls = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const asBrowserReadsIt = (location: string) =>
  location
    .replace(/[\t\n\r]/g, "")
    .replace(endControls, "")
    .replace(/\\/g, "/");

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters.
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

const isOwnPath = (next: string) =>
  next.startsWith("/") &&
  !next.startsWith("//") &&
  !next.startsWith("/\\") &&
  !controlCharacter.test(next) &&
  new URL(asBrowserReadsIt(next), "https://tandem.invalid").origin === "https://tandem.invalid";

describe("where sign-in goes next", () => {
  it("follows our own paths, with their query", () => {
    expect(safeNextPath("/admin/staff")).toBe("/admin/staff");
    expect(safeNextPath("/my/plan?version=2")).toBe("/my/plan?version=2");
    expect(safeNextPath("/participants/00000000-0000-4000-8000-000000000000/plan")).toBe(
      "/participants/00000000-0000-4000-8000-000000000000/plan",
    );
  });

  it("resolves dot segments, so a prefix check on the answer means what it says", () => {
    expect(safeNextPath("/my/../admin")).toBe("/admin");
  });

  it("never leaves the site for any known trick", () => {
    for (const attempt of [
      "//evil.example",
      "///evil.example",
      "https://evil.example",
      "http:evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example/x", // the finding: a tab a browser drops, leaving //evil.example
      "/%09/evil.example/x",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/ /evil.example",
      " //evil.example",
      "/\u0000/evil.example",
      "/%2F/evil.example",
      "/%2f%2fevil.example",
      "/%5Cevil.example",
      "/%5c%5cevil.example",
      "/./\\evil.example",
      "/.//evil.example",
      "/..//evil.example",
      "/x/..//evil.example",
      "/\u3000/evil.example",
      "/\uff0f/evil.example",
      "javascript:alert(1)",
      "data:text/html,hi",
      "evil.example",
      "",
      undefined,
      null,
      42,
      ["/admin"],
    ]) {
      expect(safeNextPath(attempt), JSON.stringify(attempt)).toBe("/");
    }
  });

  it("answers a single-slash path of our own, with no control character, whatever it is given", () => {
    const nasty = fc.constantFrom(
      "/",
      "\\",
      "\t",
      "\n",
      "\r",
      "\u0000",
      "%2f",
      "%5c",
      "%09",
      ".",
      "..",
      ":",
      "@",
      " ",
    );
    const attempts = fc.oneof(
      fc.anything(),
      fc.string({ unit: "binary" }),
      fc
        .array(fc.oneof(nasty, fc.string({ maxLength: 3 })), { maxLength: 12 })
        .map((parts) => parts.join("")),
      fc
        .array(fc.oneof(nasty, fc.string({ maxLength: 3 })), { maxLength: 12 })
        .map((parts) => `/${parts.join("")}`),
    );
    fc.assert(
      fc.property(attempts, (attempt) => {
        const next = safeNextPath(attempt);
        expect(isOwnPath(next), JSON.stringify({ attempt, next })).toBe(true);
      }),
      { numRuns: 2000, seed: 11 },
    );
    // 2,000 generated values take a second alone, several when the suites share two cores.
  }, 30_000);
});
