import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../platform/auth/passwords";

// Your account keeps no tables of its own: it changes the staff account, its second factor and
// its API tokens, which belong to platform/auth and platform/directory.

export const changePasswordForm = z
  .object({
    currentPassword: z
      .string()
      .min(1, "validation.password.current")
      .max(MAX_PASSWORD_LENGTH, "validation.password.tooLong"),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, "validation.password.tooShort")
      .max(MAX_PASSWORD_LENGTH, "validation.password.tooLong"),
    confirmPassword: z.string(),
  })
  .refine((form) => form.password === form.confirmPassword, {
    message: "validation.password.mismatch",
    path: ["confirmPassword"],
  })
  .refine((form) => form.password !== form.currentPassword, {
    message: "validation.password.unchanged",
    path: ["password"],
  });

export const apiTokenForm = z.object({
  name: z.string().trim().min(1, "validation.token.name").max(100, "validation.tooLong"),
  validDays: z.coerce
    .number({ message: "validation.token.validity" })
    .int()
    .refine((days) => [7, 30, 90, 365].includes(days), "validation.token.validity"),
});
