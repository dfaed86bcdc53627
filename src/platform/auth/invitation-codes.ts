import { randomInt } from "node:crypto";

// Printed codes are read off paper and typed on a phone: capitals and digits with no 0/O, 1/I/L
// or 5/S to confuse, in groups of four. 12 characters of 29 give about 58 bits, far beyond what
// the rate limit lets anyone guess within a code's few days of life.
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789";
export const CODE_LENGTH = 12;

export function newPrintedCode(): string {
  const characters = Array.from(
    { length: CODE_LENGTH },
    () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
  );
  return formatCode(characters.join(""));
}

/** What the person typed, as the code was issued: case, spaces and dashes do not matter. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, "");
}

export function formatCode(code: string): string {
  return (
    normaliseCode(code)
      .match(/.{1,4}/g)
      ?.join("-") ?? ""
  );
}

export function looksLikeCode(typed: string): boolean {
  const normalised = normaliseCode(typed);
  return normalised.length === CODE_LENGTH && [...normalised].every((c) => CODE_ALPHABET.includes(c));
}
