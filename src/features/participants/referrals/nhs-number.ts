/**
 * NHS numbers: ten digits, the last a Modulus 11 check digit. Weights 10 down to 2 over the first
 * nine digits; check = 11 − (sum mod 11); 11 becomes 0 and 10 means the number is invalid.
 */
export function nhsNumberCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) return undefined;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += Number(firstNine[index]) * (10 - index);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/** Spaces and hyphens are how people write it ("943 476 5919"); anything else is kept to fail. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (!/^\d{10}$/.test(digits)) return false;
  const check = nhsNumberCheckDigit(digits.slice(0, 9));
  return check !== undefined && check === Number(digits[9]);
}

export function formatNhsNumber(digits: string): string {
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}
