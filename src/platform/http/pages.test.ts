import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "./pages";

describe("where sign-in goes next", () => {
  it("follows our own paths", () => {
    expect(safeNextPath("/admin/staff")).toBe("/admin/staff");
  });

  it("never leaves the site, whatever it is given", () => {
    for (const attempt of [
      "//evil.example",
      "https://evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      undefined,
      42,
    ]) {
      expect(safeNextPath(attempt)).toBe("/");
    }
    fc.assert(
      fc.property(fc.anything(), (attempt) => {
        const next = safeNextPath(attempt);
        return next.startsWith("/") && !next.startsWith("//") && !next.includes("\\");
      }),
    );
  });
});
