// English for the second factor's safety rules (issue 11): refusing a set-up where a factor
// exists, replacing one with the password and current code, and locking codes after failures.

export const enSecondFactor = {
  "validation.secondFactor.locked":
    "Too many wrong codes. To keep your account safe, codes are paused for {minutes} minutes. Wait, then try again.",
  "validation.secondFactor.currentCode":
    "Enter the code from your current authenticator app, or one of your recovery codes",
  "validation.secondFactor.currentCodeWrong":
    "The code from your current authenticator app or recovery code is not right",
  "validation.secondFactor.participantCurrentCode": "Enter the code from your authenticator app",
  "validation.secondFactor.participantCurrentCodeWrong":
    "The code from your authenticator app is not right. Enter the current code",
  "secondFactorRefused.title": "Your account already has a second factor",
  "secondFactorRefused.body":
    "A second factor can only be set up here for an account that does not have one. To replace yours, sign in fully and go to your account page: you will need your password and a code from your current authenticator app or a recovery code.",
  "secondFactorRefused.giveCode": "Enter the code from your authenticator app",
  "secondFactorRefused.replace": "Replace your authenticator",
  "replaceSecondFactor.title": "Replace your authenticator",
  "replaceSecondFactor.lead":
    "To keep your account safe, replacing your authenticator needs your password and a code from your current authenticator app (or one of your recovery codes), as well as a code from the new one. We will email you to say it was changed.",
  "replaceSecondFactor.proveHeading": "Confirm it is you",
  "replaceSecondFactor.currentCode": "Code from your current authenticator app, or a recovery code",
  "replaceSecondFactor.newCode": "Code from your new authenticator app",
  "replaceSecondFactor.oldStops":
    "Your old authenticator and recovery codes stop working, and you are signed out everywhere else.",
  "account.newRecoveryCodesHelp":
    "New recovery codes replace all your old ones. Confirm it is you with your password and a code from your authenticator app or a recovery code.",
  "account.recoveryPassword": "Your password",
  "account.recoveryCode": "Code from your authenticator app, or a recovery code",
  "portal.account.removeCode": "Code from your authenticator app",
  "portal.account.removeHelp":
    "To remove the authenticator app, enter your password and a code from the app. If you no longer have the app, ask your care team to set up your access again.",
  "portal.authenticator.alreadyTitle": "You already have an authenticator app",
  "portal.authenticator.alreadyBody":
    "To use a different app, first remove the one you have on your account page, with your password and a code from it.",
  "portal.authenticator.backToAccount": "Go to your account",
} as const;
