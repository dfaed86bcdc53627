// What other features may use from employment.

export { type SeededEmployer, seedDemoEmployers } from "./demo-employers";
export { type DisclosureInForce, disclosureFor, disclosuresFor, mayContactEmployers } from "./disclosure";
export { type EmployerOption, employerOption, employerOptions } from "./employer-options";
export { currentEmploymentSettings, employmentSettingsInForce } from "./settings";
