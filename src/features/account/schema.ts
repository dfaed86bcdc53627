import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../platform/auth/passwords";

// Your account keeps no tables of its own: it changes the staff account, its second factor and
// its API tokens, which belong to platform/auth and platform/directory.

export const changePasswordForm = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(MAX_PASSWORD_LENGTH),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `Your new password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(MAX_PASSWORD_LENGTH, `Your new password must be ${MAX_PASSWORD_LENGTH} characters or fewer`),
    confirmPassword: z.string(),
  })
  .refine((form) => form.password === form.confirmPassword, {
    message: "The new passwords do not match",
    path: ["confirmPassword"],
  })
  .refine((form) => form.password !== form.currentPassword, {
    message: "Choose a new password that is different from your current one",
    path: ["password"],
  });

export const apiTokenForm = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter a name so you can recognise this token later")
    .max(100, "Enter a name of 100 characters or fewer"),
  validDays: z.coerce
    .number({ message: "Choose how long the token lasts" })
    .int()
    .refine((days) => [7, 30, 90, 365].includes(days), "Choose how long the token lasts"),
});
