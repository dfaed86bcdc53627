// What other features may use from employment.

export { findOpportunity } from "./employers/opportunities";
export { type EmployerOption, employerOption, employerOptions } from "./employers/options";
export { type MatchProfile, type MatchResult, matchOpportunity } from "./matching/rules";
export { timelineEntries as returnToWorkTimelineEntries } from "./return-to-work/timeline";
export { currentEmploymentSettings, employmentSettingsInForce } from "./settings/service";
export { findUkPostcode, parsePostcodeDistrict, type UkPostcode } from "./shared/postcode";
export {
  type DisclosureInForce,
  disclosureFor,
  disclosuresFor,
  mayContactEmployers,
} from "./work/disclosure";
export { timelineEntries } from "./work/service";
