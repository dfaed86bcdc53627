// English for the organisation's employment settings (admin page).

export const enEmploymentSettings = {
  "home.employmentSettingsCard":
    "The wage floor for a competitive job and the weekly employer-contact target.",
  "nav.adminEmploymentSettings": "Employment settings",
  "employmentSettings.title": "Employment settings",
  "employmentSettings.intro":
    "The wage floor decides whether a job counts as competitive employment: paid at least this much an hour. The employer-contact target is how many face-to-face contacts with employers each employment specialist aims for in a week. Changes apply to jobs recorded and weeks counted after you save; jobs already recorded keep the wage floor they were judged against.",
  "employmentSettings.unverifiedHeading": "Check these defaults",
  "employmentSettings.unverified":
    "Neither default has been checked against a source. The wage floor of £12.71 an hour is the UK National Living Wage from April 2026 as we recall it, and the target of 6 face-to-face employer contacts a week is the figure commonly used in IPS. Check both against current sources and change them here if they are wrong.",
  "employmentSettings.wageFloor": "Wage floor for a competitive job",
  "employmentSettings.target": "Face-to-face employer contacts a week",
  "employmentSettings.wageFloorField": "Wage floor for a competitive job, in pounds an hour",
  "employmentSettings.wageFloorHint": "In pounds and pence, for example 12.71",
  "employmentSettings.targetField": "Face-to-face employer contacts each specialist aims for in a week",
  "employmentSettings.targetHint": "A whole number from 1 to 40",
  "employmentSettings.perHour": "{amount} an hour",
  "employmentSettings.perWeek": "{count} a week",
  "employmentSettings.reason": "Why are you making this change? (optional)",
  "employmentSettings.reasonHint": "Shown in the history below, so others know why the settings changed.",
  "employmentSettings.save": "Save the settings",
  "employmentSettings.saved": "The employment settings have been saved as version {version}.",
  "employmentSettings.history": "Changes to the settings",
  "employmentSettings.historyNone": "The settings have not been changed: the defaults are in force.",
  "validation.employmentSettings.wageFloor":
    "Enter the wage floor in pounds and pence, from £1.00 to £100.00, for example 12.71",
  "validation.employmentSettings.target": "Enter a whole number of contacts a week, from 1 to 40",
} as const;
