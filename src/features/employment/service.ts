// What other features may use from employment.
export { type DisclosureInForce, disclosureFor, disclosuresFor, mayContactEmployers } from "./disclosure";
export { currentEmploymentSettings, employmentSettingsInForce } from "./settings";
