import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstUnacceptableText, isAcceptableText } from "./input-edge";

describe("text a person could have typed", () => {
  it("refuses NUL and other control characters anywhere", () => {
    for (const text of ["a\u0000b", "\u0000", "x\u0007", "\u001b[31m", "x\u007f"]) {
      expect(isAcceptableText(text, "multi-line"), JSON.stringify(text)).toBe(false);
      expect(isAcceptableText(text, "single-line"), JSON.stringify(text)).toBe(false);
    }
  });

  it("allows tab, line feed and carriage return only where text has several lines", () => {
    for (const text of ["line one\r\nline two", "a\tb", "a\nb"]) {
      expect(isAcceptableText(text, "multi-line")).toBe(true);
      expect(isAcceptableText(text, "single-line")).toBe(false);
    }
  });

  it("refuses half a surrogate pair and keeps whole ones (emoji, rare scripts)", () => {
    expect(isAcceptableText("\ud800", "multi-line")).toBe(false);
    expect(isAcceptableText("a\udc00b", "multi-line")).toBe(false);
    expect(isAcceptableText("\udc00\ud800", "multi-line")).toBe(false);
    expect(isAcceptableText("Siân O'Brien-Nguyễn 😀 𠜎", "single-line")).toBe(true);
  });

  it("accepts any well-formed text without control characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters refused.
        fc.pre(!/[\u0000-\u001f\u007f]/.test(text));
        return isAcceptableText(text, "single-line");
      }),
      { seed: 11 },
    );
  });

  it("finds the first bad string in a form or JSON body, and in field names", () => {
    expect(firstUnacceptableText({ a: "fine", b: ["ok", "no\u0000"] }, "multi-line", "/body")).toBe(
      "/body/b/1",
    );
    expect(firstUnacceptableText({ nested: { deep: "\ud800" } }, "multi-line")).toBe("/nested/deep");
    expect(firstUnacceptableText({ "bad\u0000name": "x" }, "multi-line", "/body")).toBe("/body");
    expect(firstUnacceptableText({ note: "two\nlines", n: 3, flag: true, none: null }, "multi-line")).toBe(
      undefined,
    );
    expect(firstUnacceptableText({ q: "two\nlines" }, "single-line", "/query")).toBe("/query/q");
    expect(firstUnacceptableText(undefined, "single-line")).toBe(undefined);
  });
});
