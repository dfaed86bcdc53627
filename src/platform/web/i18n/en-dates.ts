// English for the NHS.UK date input (day, month and year fields) and its messages. The wording
// follows the NHS.UK / GOV.UK date-input pattern: "[whatever it is] must include a month",
// "[whatever it is] must be a real date", "Year must include 4 numbers". {name} is the date's
// name from `date.name.<field>` (a field with no name of its own is "Date").

export const enDates = {
  "date.day": "Day",
  "date.month": "Month",
  "date.year": "Year",
  "date.missing.day": "{name} must include a day",
  "date.missing.month": "{name} must include a month",
  "date.missing.year": "{name} must include a year",
  "date.missing.day.month": "{name} must include a day and month",
  "date.missing.day.year": "{name} must include a day and year",
  "date.missing.month.year": "{name} must include a month and year",
  "date.notReal": "{name} must be a real date",
  "date.yearDigits": "Year must include 4 numbers",
  "date.yearRange": "Year must be between {min} and {max}",

  // What each date is called in its messages, by the form field that holds it.
  "date.name.default": "Date",
  "date.name.dateOfBirth": "Date of birth",
  "date.name.absenceStartDate": "Date off sick from",
  "date.name.attemptedOn": "Date of the attempt",
  "date.name.startedOn": "Start date",
  "date.name.endedOn": "End date",
  "date.name.closesOn": "Closing date",
  "date.name.returnOn": "First day back",
  "date.name.agreedOn": "Date agreed",
  "date.name.outcomeOn": "Date of the outcome",
  "date.name.review": "Review date",
  "date.name.occurredOn": "Date of the contact",
  "date.name.nextStepDue": "Next step due date",
  "date.name.appliedOn": "Date they applied",
  "date.name.interviewDate": "Interview date",
  "date.name.dueDate": "Due date",
  "date.name.checkBackDate": "Check-back date",
  "date.name.reviewDate": "Review date",
  "date.name.from": "From date",
  "date.name.to": "To date",
} as const;
