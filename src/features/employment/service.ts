// What other features may use from employment.
export { type DisclosureInForce, disclosureFor, disclosuresFor, mayContactEmployers } from "./disclosure";
export { type EmployerOption, employerOption, employerOptions } from "./employer-options";
export { type MatchProfile, type MatchResult, matchOpportunity } from "./matching";
export { findUkPostcode, type UkPostcode } from "./postcode";
export { currentEmploymentSettings, employmentSettingsInForce } from "./settings";
