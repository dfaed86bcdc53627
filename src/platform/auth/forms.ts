import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./passwords";

// Password forms shared by staff and participants: one set of strength rules for everyone.

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, "validation.password.tooShort")
  .max(MAX_PASSWORD_LENGTH, "validation.password.tooLong");

export const newPasswordForm = z
  .object({ password: newPassword, confirmPassword: z.string() })
  .refine((form) => form.password === form.confirmPassword, {
    message: "validation.password.mismatch",
    path: ["confirmPassword"],
  });

export const changePasswordForm = z
  .object({
    currentPassword: z
      .string()
      .min(1, "validation.password.current")
      .max(MAX_PASSWORD_LENGTH, "validation.password.tooLong"),
    password: newPassword,
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
