/**
 * Possible duplicate records: the same NHS number, or the same name and date of birth. Names are
 * compared as people write them differently: case, accents, spaces, hyphens and apostrophes aside.
 */
export type PersonIdentity = {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  nhsNumber: string | null;
};

export type DuplicateReason = "nhs_number" | "name_and_date_of_birth";

export function normaliseName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[\s'’`-]+/g, "");
}

export function duplicateReason(candidate: PersonIdentity, existing: PersonIdentity): DuplicateReason | null {
  if (candidate.nhsNumber && existing.nhsNumber && candidate.nhsNumber === existing.nhsNumber)
    return "nhs_number";
  if (
    candidate.dateOfBirth === existing.dateOfBirth &&
    normaliseName(candidate.givenName) === normaliseName(existing.givenName) &&
    normaliseName(candidate.familyName) === normaliseName(existing.familyName)
  )
    return "name_and_date_of_birth";
  return null;
}
