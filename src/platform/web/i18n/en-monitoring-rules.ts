// English for the early-warning rules: each rule's name and description (admin page), the staff
// explanation shown with an alert (with the figures) and the plain-words text for the participant.
// Participant texts say what changed and that the team will be in touch: never what they must do.

export const enMonitoringRules = {
  "monitoringRules.phq9_item9.name": "Thoughts of self-harm (PHQ-9 question 9)",
  "monitoringRules.phq9_item9.description":
    "Any answer above 'not at all' to PHQ-9 question 9 raises an urgent alert for the clinicians on the care team, whatever the total score.",
  "monitoringRules.phq9_item9.staff":
    "PHQ-9 question 9 (thoughts of being better off dead or of self-harm) was answered {answer} on {completedOn}. Any answer above 0 needs prompt clinical follow-up.",
  "monitoringRules.phq9_item9.participant":
    "Thank you for answering honestly about difficult thoughts. Your care team has been told so they can talk with you soon.",

  "monitoringRules.reliable_deterioration.name": "Reliable deterioration (PHQ-9 or GAD-7)",
  "monitoringRules.reliable_deterioration.description":
    "A rise of {phq9Threshold} or more on PHQ-9, or {gad7Threshold} or more on GAD-7, from the first score to the latest (the NHS Talking Therapies reliable-change thresholds). Goes to the clinical team.",
  "monitoringRules.reliable_deterioration.staff":
    "{measure} rose from {first} on {firstOn} to {latest} on {latestOn}, a change of {change} (reliable change is {threshold} or more).",
  "monitoringRules.reliable_deterioration.participant":
    "Your recent questionnaire answers suggest things may have got harder for you. Your care team has been told so they can check in with you.",

  "monitoringRules.sleep_destabilisation.name": "Sleep changed from the usual pattern",
  "monitoringRules.sleep_destabilisation.description":
    "Compares the last 7 days of check-ins with the person's own 28 days before that: average sleep or average bedtime moved by the amounts set here, or bedtimes scattered widely. Needs at least 2 recent and 3 earlier check-ins.",
  "monitoringRules.sleep_destabilisation.staff.hours":
    "Average sleep over the last 7 days was {recentHours} hours against a usual {baselineHours} hours (28-day baseline).",
  "monitoringRules.sleep_destabilisation.staff.bedtime":
    "Average bedtime over the last 7 days was {recentBedtime} against a usual {baselineBedtime} (28-day baseline), a shift of {shiftMinutes} minutes.",
  "monitoringRules.sleep_destabilisation.staff.spread":
    "Bedtimes over the last 7 days varied widely: a standard deviation of {spreadMinutes} minutes across {nights} nights (this rule is set at {spreadThresholdMinutes} minutes).",
  "monitoringRules.sleep_destabilisation.participant":
    "Your sleep has changed from your usual pattern. Your team has been told so they can check in with you.",

  "monitoringRules.personal_rule.name": "The person's own early-warning signs",
  "monitoringRules.personal_rule.description":
    "Signs the person named in their plan, such as 'less than 6 hours' sleep three nights running', checked against their check-ins.",
  "monitoringRules.personal_rule.staff.sleepHours.below":
    "Their own early-warning sign, \u201c{sign}\u201d: the last {runLength} check-ins recorded less than {threshold} hours' sleep ({values}).",
  "monitoringRules.personal_rule.staff.sleepHours.above":
    "Their own early-warning sign, \u201c{sign}\u201d: the last {runLength} check-ins recorded more than {threshold} hours' sleep ({values}).",
  "monitoringRules.personal_rule.staff.mood.below":
    "Their own early-warning sign, \u201c{sign}\u201d: the last {runLength} check-ins recorded mood below {threshold} out of 10 ({values}).",
  "monitoringRules.personal_rule.staff.mood.above":
    "Their own early-warning sign, \u201c{sign}\u201d: the last {runLength} check-ins recorded mood above {threshold} out of 10 ({values}).",
  "monitoringRules.personal_rule.staff.stress.below":
    "Their own early-warning sign, \u201c{sign}\u201d: the last {runLength} check-ins recorded stress below {threshold} out of 10 ({values}).",
  "monitoringRules.personal_rule.staff.stress.above":
    "Their own early-warning sign, \u201c{sign}\u201d: the last {runLength} check-ins recorded stress above {threshold} out of 10 ({values}).",
  "monitoringRules.personal_rule.staff.energy.below":
    "Their own early-warning sign, \u201c{sign}\u201d: the last {runLength} check-ins recorded energy below {threshold} out of 10 ({values}).",
  "monitoringRules.personal_rule.staff.energy.above":
    "Their own early-warning sign, \u201c{sign}\u201d: the last {runLength} check-ins recorded energy above {threshold} out of 10 ({values}).",
  "monitoringRules.personal_rule.staff.bedtime.below":
    "Their own early-warning sign, \u201c{sign}\u201d: the last {runLength} check-ins recorded bedtimes earlier than {threshold} ({values}).",
  "monitoringRules.personal_rule.staff.bedtime.above":
    "Their own early-warning sign, \u201c{sign}\u201d: the last {runLength} check-ins recorded bedtimes later than {threshold} ({values}).",
  "monitoringRules.personal_rule.participant":
    "Your check-ins match one of the early-warning signs you told us about. Your team has been told so they can check in with you.",

  "monitoringRules.no_contact.name": "No contact for a while (job-seeking or in work)",
  "monitoringRules.no_contact.description":
    "No attended contact for the number of days set here while the person is job-seeking or in work. Goes to the employment side.",
  "monitoringRules.no_contact.staff":
    "No attended contact for {days} days, since {sinceOn} (this rule is set at {thresholdDays} days).",
  "monitoringRules.no_contact.staff.never":
    "No attended contact for {days} days since this stage began on {sinceOn} (this rule is set at {thresholdDays} days).",
  "monitoringRules.no_contact.participant":
    "It has been a while since you last met your employment specialist. They have been reminded so they can get in touch.",

  "monitoringRules.missed_appointments.name": "Missed appointments",
  "monitoringRules.missed_appointments.description":
    "The set number of appointments marked 'did not attend' within the set number of days. Goes to the employment side.",
  "monitoringRules.missed_appointments.staff": "{count} missed appointments in the last {windowDays} days.",
  "monitoringRules.missed_appointments.participant":
    "A few recent appointments did not happen. That is OK. Your team has been told so they can find a time that suits you better.",

  "monitoringRules.job_ending.name": "A job ended",
  "monitoringRules.job_ending.description":
    "A job ended within the number of days set here. Losing work is a time of risk, so the clinical team and the employment side are both told.",
  "monitoringRules.job_ending.staff.resigned": "Their job ended on {endedOn}: they resigned.",
  "monitoringRules.job_ending.staff.dismissed": "Their job ended on {endedOn}: they were dismissed.",
  "monitoringRules.job_ending.staff.temporary_ended": "Their temporary job ended on {endedOn}.",
  "monitoringRules.job_ending.staff.moved_to_better_job":
    "Their job ended on {endedOn}: they moved to a better job.",
  "monitoringRules.job_ending.participant":
    "A job coming to an end can be a big change. Your team has been told so they can support you through it.",
  "nav.adminMonitoringRules": "Early-warning rules",
  "ruleSettings.title": "Early-warning rules",
  "ruleSettings.intro":
    "These rules look over each participant's check-ins, questionnaires, appointments and jobs, and raise an alert for the care team when something changes. Switch rules on or off and set when they fire for your organisation.",
  "ruleSettings.alwaysOn": "Always on. This rule cannot be switched off.",
  "ruleSettings.use": "Use this rule",
  "ruleSettings.reason": "Why are you making this change? (optional)",
  "ruleSettings.reasonHint": "Shown in the history below, so others know why the rules changed.",
  "ruleSettings.save": "Save the rules",
  "ruleSettings.saved": "The rules have been saved as version {version}. They apply from the next check.",
  "ruleSettings.history": "Changes to the rules",
  "ruleSettings.historyNone": "The rules have not been changed: the defaults are in force.",
  "ruleSettings.on": "on",
  "ruleSettings.off": "off",
  "ruleSettings.field.sleepEnabled": "Sleep changed from the usual pattern",
  "ruleSettings.field.sleepHoursChange": "Change in average sleep, in hours",
  "ruleSettings.field.sleepBedtimeShiftMinutes": "Change in average bedtime, in minutes",
  "ruleSettings.field.sleepBedtimeSpreadMinutes": "How widely bedtimes vary (standard deviation), in minutes",
  "ruleSettings.field.deteriorationEnabled": "Reliable deterioration",
  "ruleSettings.field.noContactEnabled": "No contact for a while",
  "ruleSettings.field.noContactDays": "Days without an attended contact",
  "ruleSettings.field.missedAppointmentsEnabled": "Missed appointments",
  "ruleSettings.field.missedAppointmentsCount": "Number of missed appointments",
  "ruleSettings.field.missedAppointmentsWindowDays": "Within this many days",
  "ruleSettings.field.jobEndingEnabled": "A job ended",
  "ruleSettings.field.jobEndingDays": "Days since the job ended",
  "ruleSettings.field.jobEndingIncludesBetterJob": "Also when someone leaves for a better job",
  "ruleSettings.field.personalRulesEnabled": "The person's own early-warning signs",
  "ruleSettings.limits": "From {min} to {max}.",

  "validation.ruleSettings.sleepHoursChange": "Enter a change in sleep from {min} to {max} hours",
  "validation.ruleSettings.sleepBedtimeShiftMinutes":
    "Enter a change in bedtime from {min} to {max} minutes, as a whole number",
  "validation.ruleSettings.sleepBedtimeSpreadMinutes":
    "Enter how widely bedtimes vary from {min} to {max} minutes, as a whole number",
  "validation.ruleSettings.noContactDays": "Enter a number of days from {min} to {max}, as a whole number",
  "validation.ruleSettings.missedAppointmentsCount":
    "Enter a number of missed appointments from {min} to {max}, as a whole number",
  "validation.ruleSettings.missedAppointmentsWindowDays":
    "Enter a number of days from {min} to {max}, as a whole number",
  "validation.ruleSettings.jobEndingDays": "Enter a number of days from {min} to {max}, as a whole number",
} as const;
