import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../../platform/auth/passwords";

// Your account keeps no tables of its own: it changes the staff account, its second factor and
// its API tokens, which belong to platform/auth and platform/directory.

export { changePasswordForm } from "../../platform/auth/forms";

export const apiTokenForm = z.object({
  name: z.string().trim().min(1, "validation.token.name").max(100, "validation.tooLong"),
  validDays: z.coerce
    .number({ message: "validation.token.validity" })
    .int()
    .refine((days) => [7, 30, 90, 365].includes(days), "validation.token.validity"),
});

const password = (message: "validation.password.current") =>
  z.string().min(1, message).max(MAX_PASSWORD_LENGTH, "validation.tooLong");
const currentCode = z
  .string()
  .trim()
  .min(1, "validation.secondFactor.currentCode")
  .max(32, "validation.tooLong");

/** Replacing the authenticator: the new one (secret and code) and proof of the old one and the password. */
export const replaceSecondFactorForm = z.object({
  secret: z.string().regex(/^[A-Z2-7]{32}$/, "validation.secondFactor.restart"),
  currentPassword: password("validation.password.current"),
  currentCode,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "validation.secondFactor.enrolCode"),
});

export const newRecoveryCodesForm = z.object({
  recoveryPassword: password("validation.password.current"),
  recoveryCode: currentCode,
});
