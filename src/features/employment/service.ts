// What other features may use from employment.

export { type SeededEmployer, seedDemoEmployers } from "./demo-employers";
export { type DisclosureInForce, disclosureFor, disclosuresFor, mayContactEmployers } from "./disclosure";
export { type EmployerOption, employerOption, employerOptions } from "./employer-options";
export { belowWageFloor, parsePostcodeDistrict, parsePounds, poundsText } from "./employer-rules";
export { findOpportunity } from "./opportunities";
export { currentEmploymentSettings, employmentSettingsInForce } from "./settings";
