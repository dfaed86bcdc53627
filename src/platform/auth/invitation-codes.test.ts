import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, formatCode, looksLikeCode, newPrintedCode, normaliseCode } from "./invitation-codes";

describe("printed invitation codes", () => {
  it("are three groups of four characters with nothing easily misread", () => {
    for (let index = 0; index < 200; index++) {
      const code = newPrintedCode();
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(code).not.toMatch(/[0O1IL5S]/);
    }
    expect(CODE_ALPHABET).not.toMatch(/[0O1IL5S]/);
  });

  it("are recognised however the person types them: lower case, spaces or no dashes", () => {
    fc.assert(
      fc.property(
        fc.constant(null).map(() => newPrintedCode()),
        (code) => {
          const typed = ` ${code.toLowerCase().replaceAll("-", " ")} `;
          expect(normaliseCode(typed)).toBe(normaliseCode(code));
          expect(looksLikeCode(typed)).toBe(true);
          expect(formatCode(typed)).toBe(code);
        },
      ),
    );
  });

  it("refuses anything of the wrong length or with letters that are never issued", () => {
    expect(looksLikeCode("ABCD-EFGH-JKM")).toBe(false);
    expect(looksLikeCode("ABCD-EFGH-JK0O")).toBe(false);
  });
});
