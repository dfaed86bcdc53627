// What other features may use from employment.

export { type SeededEmployer, seedDemoEmployers } from "./demo-employers";
export { type DisclosureInForce, disclosureFor, disclosuresFor, mayContactEmployers } from "./disclosure";
export { type EmployerOption, employerOption, employerOptions } from "./employer-options";
export { seedDemoJobs } from "./jobs-demo";
export { type MatchProfile, type MatchResult, matchOpportunity } from "./matching";
export { findOpportunity } from "./opportunities";
export { findUkPostcode, parsePostcodeDistrict, type UkPostcode } from "./postcode";
export { demoEmployers, seedDemoReturnToWork } from "./return-to-work/demo";
export { timelineEntries as returnToWorkTimelineEntries } from "./return-to-work/timeline";
export { currentEmploymentSettings, employmentSettingsInForce } from "./settings";
export { timelineEntries } from "./work";
